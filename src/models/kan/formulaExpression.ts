/**
 * A small expression tree for the closed-form formulas of symbolic KANs (thesis §3.2.4,
 * thesis §3.2.4): every node value is a *linear form* Σ_k w_k·atom_k + constant whose atoms are input
 * variables or library functions applied to linear forms. A symbolic edge c·f(a·v + b) + d of a
 * node v becomes c·f(a·v + b) + d again, so the tree of a network is built by composing edges.
 *
 * Composition applies exact identities that keep the tree small and readable:
 * - f = `x` is the identity and `0` the zero function;
 * - exp(u + K) = e^K·exp(u);
 * - homogeneous f (powers, √, |·|, sgn): f(s·u) = |s|^p·f(u)·(−1 for odd f and s < 0);
 * - odd/even f: the first coefficient of the argument is made positive;
 * - sin/cos: the shift is reduced modulo π, sin(u + mπ) = (−1)^m sin(u);
 * - equal atoms are merged;
 * - products (multiplication nodes, pykan's MultKAN): constant factors and each factor's leading
 *   coefficient move into the term's coefficient, nested products are flattened, and factors are
 *   put in a canonical order, so x2·(3·x1) and x1·x2 merge as 3·x1·x2.
 * Coefficients and constants below `tolerance` × (largest magnitude in their linear form) are
 * dropped, which is how rounding noise such as sin(π·x + 3e−11) disappears from printed formulas.
 *
 * @module
 */
import { checkFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { LibraryFunction } from './symbolicLibrary';

/** An atom of a linear form: an input variable x_{index+1} or f(argument). */
export type FormulaAtom =
  | {
      /** Discriminant: an input variable. */
      readonly kind: 'variable';
      /** 0-based input index (the variable is x_{index+1}). */
      readonly index: number;
    }
  | {
      /** Discriminant: a library function applied to a linear form. */
      readonly kind: 'apply';
      /** The library function f. */
      readonly fn: LibraryFunction;
      /** The linear form f is applied to. */
      readonly argument: LinearForm;
    }
  | {
      /** Discriminant: a product of linear forms (a multiplication node). */
      readonly kind: 'product';
      /** The factors (at least two, each with leading coefficient 1, in canonical order). */
      readonly factors: readonly LinearForm[];
    };

/** One term w·atom of a linear form. */
export interface FormulaTerm {
  /** Coefficient w. */
  readonly coefficient: number;
  /** The atom. */
  readonly atom: FormulaAtom;
}

/** Σ_k w_k·atom_k + constant. */
export interface LinearForm {
  /** Terms with non-zero coefficients, in order of first appearance. */
  readonly terms: readonly FormulaTerm[];
  /** Additive constant. */
  readonly constant: number;
}

/** Options of the formula constructors. */
export interface FormulaOptions {
  /**
   * Relative tolerance below which coefficients and constants are dropped (default 0: exact
   * identities only). `symbolicFormula` uses 1e-6 for printed formulas.
   */
  tolerance?: number;
}

/**
 * The linear form of the input variable x_{index+1}.
 * @example
 * ```ts
 * variableForm(0); // x1
 * ```
 */
export function variableForm(index: number): LinearForm {
  checkInteger('index', index, 0);
  return { terms: [{ coefficient: 1, atom: { kind: 'variable', index } }], constant: 0 };
}

/**
 * The constant linear form.
 * @example
 * ```ts
 * constantForm(2.5).constant; // 2.5
 * ```
 */
export function constantForm(value: number): LinearForm {
  checkFinite('value', value);
  return { terms: [], constant: value };
}

/**
 * Structural equality of atoms (used to merge like terms).
 * @example
 * ```ts
 * atomsEqual({ kind: 'variable', index: 0 }, { kind: 'variable', index: 0 }); // true
 * atomsEqual({ kind: 'variable', index: 0 }, { kind: 'variable', index: 1 }); // false
 * ```
 */
export function atomsEqual(p: FormulaAtom, q: FormulaAtom): boolean {
  checkAtom('p', p);
  checkAtom('q', q);
  if (p.kind === 'variable' || q.kind === 'variable') return p.kind === q.kind && (p as { index: number }).index === (q as { index: number }).index;
  if (p.kind === 'product' || q.kind === 'product') {
    if (p.kind !== 'product' || q.kind !== 'product' || p.factors.length !== q.factors.length) return false;
    return p.factors.every((f, r) => formsEqual(f, q.factors[r]));
  }
  if (p.kind !== 'apply' || q.kind !== 'apply') return false;
  return p.fn.name === q.fn.name && formsEqual(p.argument, q.argument);
}

function formsEqual(p: LinearForm, q: LinearForm): boolean {
  if (p.constant !== q.constant || p.terms.length !== q.terms.length) return false;
  for (let k = 0; k < p.terms.length; k++) {
    if (p.terms[k].coefficient !== q.terms[k].coefficient || !atomsEqual(p.terms[k].atom, q.terms[k].atom)) return false;
  }
  return true;
}

/** Drop negligible entries: |w| ≤ tol·max(|w_k|, |constant|). */
function prune(terms: FormulaTerm[], constant: number, tolerance: number): LinearForm {
  let scale = Math.abs(constant);
  for (const t of terms) scale = Math.max(scale, Math.abs(t.coefficient));
  const cut = tolerance * scale;
  const kept = terms.filter((t) => t.coefficient !== 0 && Math.abs(t.coefficient) > cut);
  return { terms: kept, constant: Math.abs(constant) > cut ? constant : 0 };
}

/**
 * Σ_r weights[r]·forms[r] + constant, merging equal atoms.
 * @example
 * ```ts
 * combineForms([variableForm(0), variableForm(0)], [2, 3]); // 5·x1
 * ```
 */
export function combineForms(forms: readonly LinearForm[], weights: readonly number[], constant = 0, options: FormulaOptions = {}): LinearForm {
  if (!Array.isArray(forms)) throw new InvalidTypeError('forms', 'an array of LinearForm', forms);
  forms.forEach((f, i) => checkForm(`forms[${i}]`, f));
  if (!Array.isArray(weights) && !ArrayBuffer.isView(weights)) throw new InvalidTypeError('weights', 'an array of numbers', weights);
  if (weights.length !== forms.length) throw new InvalidArgumentError('weights.length', `forms.length = ${forms.length}`, weights.length);
  for (let i = 0; i < weights.length; i++) checkFinite(`weights[${i}]`, weights[i]);
  checkFinite('constant', constant);
  const terms: FormulaTerm[] = [];
  let c = constant;
  forms.forEach((form, r) => {
    const w = weights[r];
    c += w * form.constant;
    for (const t of form.terms) {
      const q = terms.findIndex((u) => atomsEqual(u.atom, t.atom));
      if (q >= 0) terms[q] = { coefficient: terms[q].coefficient + w * t.coefficient, atom: t.atom };
      else terms.push({ coefficient: w * t.coefficient, atom: t.atom });
    }
  });
  return prune(terms, c, options.tolerance ?? 0);
}

function scaleForm(form: LinearForm, s: number): LinearForm {
  return { terms: form.terms.map((t) => ({ coefficient: s * t.coefficient, atom: t.atom })), constant: s * form.constant };
}

/**
 * The linear form of c·f(a·u + b) + d after the identities of the module documentation.
 * @example
 * ```ts
 * const sin = symbolicLibrary().get('sin')!;
 * applyFunctionForm(sin, variableForm(0), -Math.PI, Math.PI, 1, 0); // sin(π·x1) (since sin(π − t) = sin t)
 * ```
 */
export function applyFunctionForm(fn: LibraryFunction, u: LinearForm, a: number, b: number, c: number, d: number, options: FormulaOptions = {}): LinearForm {
  if (fn === null || typeof fn !== 'object' || typeof (fn as { name?: unknown }).name !== 'string') throw new InvalidTypeError('fn', 'a LibraryFunction', fn);
  checkForm('u', u);
  checkFinite('a', a);
  checkFinite('b', b);
  checkFinite('c', c);
  checkFinite('d', d);
  const tol = options.tolerance ?? 0;
  if (fn.name === '0' || c === 0) return prune([], d, tol);
  let arg = combineForms([u], [a], b, options);
  let outer = c;
  if (fn.name === 'x') return combineForms([arg], [c], d, options);
  if (arg.terms.length === 0) return prune([], c * fn.value(arg.constant) + d, tol);
  if (fn.name === 'exp' && arg.constant !== 0) {
    outer *= Math.exp(arg.constant);
    arg = { terms: arg.terms, constant: 0 };
  }
  if ((fn.name === 'sin' || fn.name === 'cos') && arg.constant !== 0) {
    const m = Math.round(arg.constant / Math.PI);
    if (m !== 0) {
      arg = { terms: arg.terms, constant: arg.constant - m * Math.PI };
      if (m % 2 !== 0) outer = -outer;
      arg = prune(arg.terms.slice(), arg.constant, tol);
    }
  }
  if (fn.parity !== 'none' && arg.terms[0].coefficient < 0) {
    if (fn.parity === 'odd') outer = -outer;
    arg = scaleForm(arg, -1);
  }
  if (fn.homogeneity !== undefined && arg.constant === 0) {
    const s = Math.abs(arg.terms[0].coefficient); // > 0: pruned forms hold no zero coefficients
    outer *= Math.pow(s, fn.homogeneity);
    arg = scaleForm(arg, 1 / s);
  }
  return prune([{ coefficient: outer, atom: { kind: 'apply', fn, argument: arg } }], d, tol);
}

/** A structural sort key of an atom (canonical order of product factors). */
function atomKey(atom: FormulaAtom): string {
  if (atom.kind === 'variable') return `x${String(atom.index).padStart(6, '0')}`;
  if (atom.kind === 'apply') return `f:${atom.fn.name}(${formKey(atom.argument)})`;
  return `p:(${atom.factors.map(formKey).join(')(')})`;
}

/** Key of a form's atoms only: coefficients (rounding noise) must not change the factor order. */
function formKey(form: LinearForm): string {
  return `${form.terms.map((t) => atomKey(t.atom)).join('+')}${form.constant === 0 ? '' : '+c'}`;
}

/**
 * The linear form of the product Π_r forms[r] (a multiplication node), as one product term
 * (module documentation: constants and leading coefficients are pulled out, nested products
 * flattened, factors ordered canonically); a product with fewer than two non-constant factors
 * reduces to a scaled form. The product is not expanded.
 * @example
 * ```ts
 * multiplyForms([combineForms([variableForm(1)], [2]), variableForm(0)]); // 2·x1·x2
 * ```
 */
export function multiplyForms(forms: readonly LinearForm[], options: FormulaOptions = {}): LinearForm {
  if (!Array.isArray(forms)) throw new InvalidTypeError('forms', 'an array of LinearForm', forms);
  forms.forEach((f, i) => checkForm(`forms[${i}]`, f));
  let scale = 1;
  const factors: LinearForm[] = [];
  for (const form of forms) {
    if (form.terms.length === 0) {
      scale *= form.constant;
      continue;
    }
    const lead = form.terms[0].coefficient;
    scale *= lead;
    const only = form.terms.length === 1 && form.constant === 0 ? form.terms[0].atom : null;
    if (only !== null && only.kind === 'product') factors.push(...only.factors);
    else factors.push(lead === 1 ? form : scaleForm(form, 1 / lead));
  }
  const tol = options.tolerance ?? 0;
  if (scale === 0) return prune([], 0, tol);
  if (factors.length === 0) return prune([], scale, tol);
  if (factors.length === 1) return combineForms([factors[0]], [scale], 0, options);
  const keyed = factors.map((f) => ({ f, key: formKey(f) })).sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  return prune([{ coefficient: scale, atom: { kind: 'product', factors: keyed.map((k) => k.f) } }], 0, tol);
}

/**
 * Evaluate a linear form at one point x (x[index] is x_{index+1}). O(size of the tree).
 * @example
 * ```ts
 * evaluateForm(variableForm(1), new Float64Array([3, 4])); // 4
 * ```
 */
export function evaluateForm(form: LinearForm, x: ArrayLike<number>, offset = 0): number {
  checkForm('form', form);
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') throw new InvalidTypeError('x', 'an array of numbers', x);
  let acc = form.constant;
  for (const t of form.terms) {
    const atom = t.atom;
    let v: number;
    if (atom.kind === 'variable') v = x[offset + atom.index];
    else if (atom.kind === 'apply') v = atom.fn.value(evaluateForm(atom.argument, x, offset));
    else {
      v = 1;
      for (const f of atom.factors) v *= evaluateForm(f, x, offset);
    }
    acc += t.coefficient * v;
  }
  return acc;
}

/** Throw unless `form` looks like a {@link LinearForm} (terms array, finite constant). */
export function checkForm(name: string, form: unknown): LinearForm {
  if (form === null || typeof form !== 'object' || !Array.isArray((form as LinearForm).terms)) throw new InvalidTypeError(name, 'a LinearForm { terms, constant }', form);
  checkFinite(`${name}.constant`, (form as LinearForm).constant);
  return form as LinearForm;
}

function checkAtom(name: string, atom: unknown): void {
  if (atom === null || typeof atom !== 'object' || typeof (atom as { kind?: unknown }).kind !== 'string') throw new InvalidTypeError(name, 'a FormulaAtom', atom);
}
