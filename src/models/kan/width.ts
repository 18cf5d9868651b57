/**
 * Layer widths of KANs with multiplication nodes (pykan's MultKAN, externally sourced: the thesis's
 * KANs only sum at nodes, thesis §3.2.2). A width entry is either an integer n (n sum nodes) or a
 * pair [n_sum, n_mult]. A multiplication node of arity a owns a consecutive *subnodes*: the edges of
 * the layer below end on subnodes (the n_sum sum nodes first, then a subnodes per mult node, in
 * node order), and the node value is the product of its subnodes. Arities are one integer for every
 * mult node (default 2, pykan's `mult_arity = 2`) or, as pykan's list form, one list per width
 * entry giving the arity of each of that entry's mult nodes.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';

/** One width entry: n sum nodes, or [n_sum, n_mult]. */
export type KanWidth = number | readonly [number, number];

/** Arity of the multiplication nodes: one integer ≥ 2 for all, or one list per width entry. */
export type MultArity = number | readonly (readonly number[])[];

/** Validated widths (see {@link resolveWidths}). */
export interface ResolvedWidths {
  /** n_sum per width entry. */
  sums: number[];
  /** n_mult per width entry (0 for the input entry). */
  mults: number[];
  /** Arity of each mult node, per width entry (empty lists where n_mult = 0). */
  arity: number[][];
}

const isNonNegativeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkArityValue(name: string, a: unknown): number {
  if (typeof a !== 'number' || !Number.isInteger(a)) throw new InvalidTypeError(name, 'an integer >= 2 (inputs multiplied by one node)', a);
  if (a < 2) throw new InvalidArgumentError(name, 'an integer >= 2 (a multiplication node needs at least two subnodes)', a);
  return a;
}

/**
 * Validate a width list `[n0, …, nL]` whose entries are integers or [n_sum, n_mult] pairs, and the
 * mult arities. Rejected (before any work): fewer than two entries, a non-integer or negative
 * count, a pair that is not of length 2, an entry with no node, mult nodes in the input entry
 * (inputs are plain coordinates), an arity that is not an integer ≥ 2, and an arity list that does
 * not give one arity per mult node. O(L + mult nodes).
 *
 * @example
 * ```ts
 * resolveWidths([2, [5, 2], 1]); // { sums: [2, 5, 1], mults: [0, 2, 0], arity: [[], [2, 2], []] }
 * ```
 */
export function resolveWidths(shape: unknown, multArity: unknown = 2): ResolvedWidths {
  if (!Array.isArray(shape)) throw new InvalidTypeError('shape', 'an array of layer widths [n0, …, nL] (an entry may be [n_sum, n_mult])', shape);
  if (shape.length < 2) throw new InvalidArgumentError('shape.length', 'an integer >= 2', shape.length);
  const sums: number[] = [];
  const mults: number[] = [];
  shape.forEach((w: unknown, l: number) => {
    let s: unknown = w;
    let m: unknown = 0;
    if (Array.isArray(w)) {
      if (w.length !== 2) throw new InvalidTypeError(`shape[${l}]`, 'an integer or a pair [n_sum, n_mult]', w);
      [s, m] = w as unknown[];
    }
    if (!isNonNegativeInteger(s) || !isNonNegativeInteger(m)) {
      throw new InvalidArgumentError(`shape[${l}]`, Array.isArray(w) ? 'a pair [n_sum, n_mult] of integers >= 0' : 'an integer >= 1', Array.isArray(w) ? `[${String(s)}, ${String(m)}]` : w);
    }
    if (s + m < 1) throw new InvalidArgumentError(`shape[${l}]`, 'a width with at least one node', Array.isArray(w) ? `[${s}, ${m}]` : s);
    if (l === 0 && m > 0) throw new InvalidArgumentError('shape[0]', 'an input width without multiplication nodes (inputs are coordinates, not products)', `[${s}, ${m}]`);
    sums.push(s);
    mults.push(m);
  });
  let arity: number[][];
  if (Array.isArray(multArity)) {
    if (multArity.length !== shape.length) throw new InvalidArgumentError('multArity.length', `one arity list per width entry (${shape.length})`, multArity.length);
    arity = multArity.map((list: unknown, l: number) => {
      if (!Array.isArray(list) || list.length !== mults[l]) throw new InvalidArgumentError(`multArity[${l}]`, `a list of ${mults[l]} arities (one per mult node of shape[${l}])`, Array.isArray(list) ? `${list.length} entries` : list);
      return list.map((a: unknown, q: number) => checkArityValue(`multArity[${l}][${q}]`, a));
    });
  } else {
    const a = checkArityValue('multArity', multArity);
    arity = mults.map((m) => new Array<number>(m).fill(a));
  }
  return { sums, mults, arity };
}

/**
 * The width list in pykan's form: plain integers for sum-only entries, [n_sum, n_mult] otherwise.
 *
 * @example
 * ```ts
 * widthSpec([2, 5, 1], [0, 2, 0]); // [2, [5, 2], 1]
 * ```
 */
export function widthSpec(sums: readonly number[], mults: readonly number[]): KanWidth[] {
  return sums.map((s, l) => (mults[l] === 0 ? s : ([s, mults[l]] as const)));
}
