/**
 * Closed-form formulas of symbolic KANs (thesis §3.2.4, thesis §3.2.4, "symbolic snapping"): once
 * every active edge is symbolic, φ(x) = c·f(a·x + b) + d, the network is a composition of library
 * functions. This module extracts it as an expression tree, prints it as a string and evaluates it.
 *
 * @module
 */
import { checkInteger, checkNonNegative } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import { applyFunctionForm, checkForm, combineForms, evaluateForm, multiplyForms, variableForm, type FormulaAtom, type LinearForm } from './formulaExpression';
import { EDGE_SYMBOLIC } from './layer';
import { KanNetwork } from './network';
import { symbolicLibrary, type LibraryFunction } from './symbolicLibrary';

/** Options of {@link formatFormula}. */
export interface FormatFormulaOptions {
  /** Significant digits of printed numbers (default 4). */
  digits?: number;
  /** Names of the inputs (default `x1, x2, …`). */
  variableNames?: readonly string[];
  /** Print integer multiples of π as `pi`, `2*pi`, … when they agree to the printed digits (default true). */
  recognizePi?: boolean;
}

interface ResolvedFormat {
  digits: number;
  names: readonly string[] | undefined;
  pi: boolean;
}

function formatNumber(v: number, f: ResolvedFormat): string {
  if (f.pi) {
    const m = Math.round(v / Math.PI);
    if (m !== 0 && Math.abs(v - m * Math.PI) <= 0.5 * Math.pow(10, -f.digits) * Math.abs(v)) return m === 1 ? 'pi' : m === -1 ? '-pi' : `${m}*pi`;
  }
  const text = Number(v.toPrecision(f.digits)).toString();
  return text.includes('e') ? v.toExponential(f.digits - 1).replace(/\.?0+e/, 'e') : text;
}

function isUnit(v: number, f: ResolvedFormat): boolean {
  return Number(v.toPrecision(f.digits)) === 1;
}

function isBareVariable(form: LinearForm, f: ResolvedFormat): boolean {
  return Number(form.constant.toPrecision(f.digits)) === 0 && form.terms.length === 1 && isUnit(form.terms[0].coefficient, f) && form.terms[0].atom.kind === 'variable';
}

function formatAtom(atom: FormulaAtom, f: ResolvedFormat): string {
  if (atom.kind === 'variable') return f.names?.[atom.index] ?? `x${atom.index + 1}`;
  if (atom.kind === 'product') {
    return atom.factors
      .map((factor) => {
        const text = formatForm(factor, f);
        const single = factor.terms.length === 1 && Number(factor.constant.toPrecision(f.digits)) === 0 && isUnit(factor.terms[0].coefficient, f);
        return single ? text : `(${text})`;
      })
      .join('*');
  }
  const inner = formatForm(atom.argument, f);
  const base = isBareVariable(atom.argument, f) ? inner : `(${inner})`;
  const name = atom.fn.name;
  const power = /^x\^(.+)$/.exec(name);
  if (power) return `${base}^${power[1]}`;
  const inverse = /^1\/x(\^(.+))?$/.exec(name);
  if (inverse) return inverse[2] === undefined ? `1/${base}` : `1/${base}^${inverse[2]}`;
  if (name === '1/sqrt(x)') return `1/sqrt(${inner})`;
  if (name === 'gaussian') return `exp(-${base}^2)`;
  if (name === 'sgn') return `sign(${inner})`;
  return `${name}(${inner})`;
}

function formatForm(form: LinearForm, f: ResolvedFormat): string {
  const parts: string[] = [];
  for (const t of form.terms) {
    const atom = formatAtom(t.atom, f);
    const negative = t.coefficient < 0;
    const magnitude = Math.abs(t.coefficient);
    const body = isUnit(magnitude, f) ? atom : `${formatNumber(magnitude, f)}*${atom}`;
    parts.push(parts.length === 0 ? (negative ? `-${body}` : body) : `${negative ? ' - ' : ' + '}${body}`);
  }
  const c = Number(form.constant.toPrecision(f.digits));
  if (c !== 0 || parts.length === 0) {
    const text = formatNumber(Math.abs(form.constant), f);
    parts.push(parts.length === 0 ? formatNumber(form.constant, f) : `${form.constant < 0 ? ' - ' : ' + '}${text}`);
  }
  return parts.join('');
}

/**
 * Print a linear form, e.g. `exp(sin(pi*x1) + x2^2)`. Numbers get `digits` significant digits,
 * unit coefficients are omitted, powers print as `x1^2` / `(…)^2`, gaussian as `exp(-(…)^2)`,
 * products as `x1*x2` / `(x1 + 1)*sin(x2)`.
 * O(size of the tree).
 * @example
 * ```ts
 * formatFormula(variableForm(0), { variableNames: ['t'] }); // 't'
 * ```
 */
export function formatFormula(form: LinearForm, options: FormatFormulaOptions = {}): string {
  checkForm('form', form);
  const f: ResolvedFormat = {
    digits: checkInteger('options.digits', options.digits ?? 4, 1, 17),
    names: options.variableNames,
    pi: options.recognizePi ?? true,
  };
  return formatForm(form, f);
}

/** Options of {@link symbolicFormula}. */
export interface SymbolicFormulaOptions extends FormatFormulaOptions {
  /** Relative tolerance for dropping negligible coefficients/constants (default 1e-6; 0 = exact). */
  tolerance?: number;
}

/** The closed form of a symbolic KAN: one expression per output. */
export interface SymbolicFormula {
  /** Expression trees, one per output node. */
  expressions: LinearForm[];
  /** Printed expressions (see {@link formatFormula}). */
  text: string[];
  /**
   * Evaluate the expressions on the rows of X (rows × n_0); writes rows × n_L values (row-major).
   * O(rows·size of the trees).
   */
  evaluate(X: DenseMatrix, out?: Vec): Vec;
}

/**
 * Extract the closed-form formula of a KAN whose active (unmasked) edges are all symbolic
 * (after `autoSymbolic` or `setSymbolic` on every edge). Node values are built layer by layer as
 * x_{l+1,j} = Σ_i c·f(a·x_{l,i} + b) + d (+ node bias), with the identities of `formulaExpression`;
 * multiplication nodes become products of their subnode sums (printed as `x1*x2`).
 * Masked edges contribute nothing. Throws `InvalidArgumentError` naming the first active spline
 * edge. O(Σ_l n_l n_{l+1} × size of the node forms).
 *
 * @example
 * ```ts
 * const formula = symbolicFormula(net);
 * formula.text[0];                // 'exp(sin(pi*x1) + x2^2)'
 * formula.evaluate(Xtest);       // the formula's values
 * ```
 */
export function symbolicFormula(net: KanNetwork, options: SymbolicFormulaOptions = {}): SymbolicFormula {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  const tolerance = checkNonNegative('options.tolerance', options.tolerance ?? 1e-6);
  const lib = symbolicLibrary();
  let nodes: LinearForm[] = Array.from({ length: net.inputDim }, (_, i) => variableForm(i));
  net.layers.forEach((layer, l) => {
    const sub: LinearForm[] = [];
    for (let j = 0; j < layer.outDim; j++) {
      const parts: LinearForm[] = [];
      for (let i = 0; i < layer.inDim; i++) {
        const e = j * layer.inDim + i;
        if (layer.edgeMask[e] === 0) continue;
        const fn = layer.symbolic[e];
        const known = fn === null ? undefined : lib.get(fn.name);
        if (layer.edgeKind[e] !== EDGE_SYMBOLIC || known === undefined || known.jet !== fn?.jet) {
          throw new InvalidArgumentError('net', `a network whose active edges are symbolic library functions (edge (${l}, ${i}, ${j}) is not)`);
        }
        const A = layer.symbolicAffine;
        parts.push(applyFunctionForm(known as LibraryFunction, nodes[i], A[4 * e], A[4 * e + 1], A[4 * e + 2], A[4 * e + 3], { tolerance }));
      }
      sub.push(combineForms(parts, parts.map(() => 1), layer.bias === null || layer.hasMult ? 0 : layer.bias[j], { tolerance }));
    }
    if (!layer.hasMult) {
      nodes = sub;
      return;
    }
    // multiplication nodes: sum nodes keep their subnode, mult nodes multiply theirs, then the node bias
    nodes = Array.from({ length: layer.nodeDim }, (_, n) => {
      const form = n < layer.sumDim ? sub[n] : multiplyForms(sub.slice(layer.multStart[n - layer.sumDim], layer.multStart[n - layer.sumDim] + layer.multArity[n - layer.sumDim]), { tolerance });
      return layer.bias === null ? form : combineForms([form], [1], layer.bias[n], { tolerance });
    });
  });
  const expressions = nodes;
  const text = expressions.map((form) => formatFormula(form, options));
  const nIn = net.inputDim;
  const nOut = expressions.length;
  return {
    expressions,
    text,
    evaluate(X: DenseMatrix, out?: Vec): Vec {
      if (typeof X !== 'object' || X === null || !(X.data instanceof Float64Array) || X.cols !== nIn || X.data.length !== X.rows * X.cols) {
        throw new InvalidTypeError('X', `a DenseMatrix with ${nIn} columns`, X);
      }
      const result = out ?? new Float64Array(X.rows * nOut);
      if (!(result instanceof Float64Array) || result.length !== X.rows * nOut) throw new InvalidTypeError('out', `a Float64Array of length ${X.rows * nOut}`, out);
      for (let s = 0; s < X.rows; s++) for (let j = 0; j < nOut; j++) result[s * nOut + j] = evaluateForm(expressions[j], X.data, s * nIn);
      return result;
    },
  };
}
