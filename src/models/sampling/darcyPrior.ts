/**
 * The Karhunen–Loève log-permeability prior of the Darcy test problem of thesis Appendix C, §C.6.2
 * (eq. (C.6.9)): log a(x) = Σ_l u_l √λ_l φ_l(x), λ_l = (π²|l|² + τ²)^{−α}, with
 * φ_l(x) = cos(πl₁x₁)cos(πl₂x₂) on the index set l ∈ {0, …, M−1}², the constant mode l = (0, 0) off
 * by default (the eigenfunctions of the Neumann Laplacian on mean-zero functions, so that the prior
 * has precision (−Δ + τ²)^α), and the metrics d_{H⁻²} and d_{L²} of eqs. (C.6.10)–(C.6.11).
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';

/** Options of {@link darcyKlBasis}. */
export interface DarcyKlOptions {
  /** Modes per direction M (l ∈ {0, …, M−1}²; default 16, so d = 255 or 256). */
  modes?: number;
  /** τ (default 3, thesis §C.6.2). */
  tau?: number;
  /** α (default 2). */
  alpha?: number;
  /** Keep the constant mode l = (0, 0) (default false: d = M² − 1). */
  includeConstant?: boolean;
}

/** The KL basis: the index list, the eigenvalues λ_l and an evaluator on cell centers. */
export interface DarcyKlBasis {
  /** Number of KL coefficients d. */
  dimension: number;
  /** Modes per direction M. */
  modes: number;
  /** l₁ of coefficient k. */
  l1: Int32Array;
  /** l₂ of coefficient k. */
  l2: Int32Array;
  /** λ_l of coefficient k. */
  eigenvalues: Float64Array;
}

/**
 * Build the KL index set and eigenvalues λ_l = (π²|l|² + τ²)^{−α} (thesis eq. (C.6.9)).
 * @example
 * ```ts
 * const kl = darcyKlBasis();   // d = 255, λ_(1,0) = (π² + 9)^{−2}
 * ```
 */
export function darcyKlBasis(options: DarcyKlOptions = {}): DarcyKlBasis {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object of KL options', options);
  const M = checkInteger('options.modes', options.modes ?? 16, 1, 512);
  const tau = checkPositive('options.tau', options.tau ?? 3);
  const alpha = checkPositive('options.alpha', options.alpha ?? 2);
  const withConstant = options.includeConstant ?? false;
  const d = M * M - (withConstant ? 0 : 1);
  if (d < 1) throw new InvalidArgumentError('options.modes', 'at least 2 when the constant mode is off', M);
  const l1 = new Int32Array(d);
  const l2 = new Int32Array(d);
  const eigenvalues = new Float64Array(d);
  let k = 0;
  for (let a = 0; a < M; a++) {
    for (let b = 0; b < M; b++) {
      if (a === 0 && b === 0 && !withConstant) continue;
      l1[k] = a;
      l2[k] = b;
      eigenvalues[k] = (Math.PI * Math.PI * (a * a + b * b) + tau * tau) ** -alpha;
      k++;
    }
  }
  return { dimension: d, modes: M, l1, l2, eigenvalues };
}

/**
 * log a at the centers ((i + ½)/n, (j + ½)/n) of an n×n cell grid, index j·n + i (x fastest), for
 * KL coefficients u: separable evaluation Σ_{l₁,l₂} u_l√λ_l cos(πl₁x)cos(πl₂y) in O(n·M² + n²·M).
 * `work` (optional) has length ≥ M·M + n·M.
 * @example
 * ```ts
 * const logA = darcyLogPermeability(kl, u, 32);
 * ```
 */
export function darcyLogPermeability(kl: DarcyKlBasis, u: Float64Array, n: number, out?: Float64Array, work?: Float64Array): Float64Array {
  checkKlBasis(kl);
  const M = kl.modes;
  checkVec('u', u, kl.dimension);
  checkAllFinite('u', u);
  checkInteger('n', n, 1, MAX_CELLS_PER_SIDE);
  if (out !== undefined) checkVec('out', out, n * n);
  if (work !== undefined && (!(work instanceof Float64Array) || work.length < M * M + n * M)) throw new InvalidTypeError('work', `a Float64Array of length >= M·M + n·M = ${M * M + n * M}`, work);
  return logPermeability(kl, u, n, out ?? new Float64Array(n * n), work ?? new Float64Array(M * M + n * M));
}

/** Largest grid side n accepted by {@link darcyLogPermeability} (and the Darcy forward grid). @internal */
export const MAX_CELLS_PER_SIDE = 4096;

function checkKlBasis(kl: DarcyKlBasis): void {
  if (kl === null || typeof kl !== 'object' || !(kl.l1 instanceof Int32Array) || !(kl.l2 instanceof Int32Array) || !(kl.eigenvalues instanceof Float64Array)) {
    throw new InvalidTypeError('kl', 'a basis from darcyKlBasis', kl);
  }
  const M = checkInteger('kl.modes', kl.modes, 1, 512);
  const d = checkInteger('kl.dimension', kl.dimension, 1, M * M);
  if (kl.l1.length !== d || kl.l2.length !== d || kl.eigenvalues.length !== d) throw new InvalidArgumentError('kl', `index and eigenvalue arrays of length kl.dimension = ${d}`, `${kl.l1.length}, ${kl.l2.length}, ${kl.eigenvalues.length}`);
  for (let k = 0; k < d; k++) {
    if (kl.l1[k] < 0 || kl.l1[k] >= M || kl.l2[k] < 0 || kl.l2[k] >= M) throw new InvalidArgumentError(`kl.l1/l2[${k}]`, `mode indices in [0, ${M - 1}]`, `(${kl.l1[k]}, ${kl.l2[k]})`);
  }
}

/**
 * cos(π·l·(k + ½)/n) at index k·M + l for k < n, l < M: the KL cosines at the cell centers, the same
 * in x and y. Precomputed once per grid by the forward map. @internal
 */
export function klCosineTable(M: number, n: number): Float64Array {
  const T = new Float64Array(n * M);
  for (let k = 0; k < n; k++) {
    const x = (k + 0.5) / n;
    for (let l = 0; l < M; l++) T[k * M + l] = Math.cos(Math.PI * l * x);
  }
  return T;
}

/**
 * {@link darcyLogPermeability} without checks (the forward map's hot path); `table` from
 * {@link klCosineTable}(M, n) saves the n·M² + n·M cosines per call (same values, same sums). @internal
 */
export function logPermeability(kl: DarcyKlBasis, u: Float64Array, n: number, out: Float64Array, w: Float64Array, table: Float64Array = klCosineTable(kl.modes, n)): Float64Array {
  const M = kl.modes;
  const T = table;
  // coefficient matrix c[l1·M + l2] = u_k √λ_k
  w.fill(0, 0, M * M);
  for (let k = 0; k < kl.dimension; k++) w[kl.l1[k] * M + kl.l2[k]] = u[k] * Math.sqrt(kl.eigenvalues[k]);
  // t[j·M + l1] = Σ_l2 c[l1, l2] cos(π l2 y_j)
  const t0 = M * M;
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < M; a++) {
      let s = 0;
      for (let b = 0; b < M; b++) s += w[a * M + b] * T[j * M + b];
      w[t0 + j * M + a] = s;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let a = 0; a < M; a++) s += T[i * M + a] * w[t0 + j * M + a];
      out[j * n + i] = s;
    }
  }
  return out;
}

/** The two Darcy metrics of an ensemble against a reference point v. */
export interface DarcyMetrics {
  /** d_{H⁻²}(v) = √((1/I)Σ_j Σ_l |u_l⁽ʲ⁾ − v_l|² λ_l) (thesis eq. (C.6.10)). */
  hMinus2: number;
  /** d_{L²}(v) = √((1/I)Σ_j Σ_l |u_l⁽ʲ⁾ − v_l|²) (thesis eq. (C.6.11)). */
  l2: number;
}

/**
 * The metrics d_{H⁻²} and d_{L²} of an ensemble (I×d, particle per row) against v (thesis eqs.
 * (C.6.10)–(C.6.11); the thesis leaves v unspecified — the truth, the posterior mean or 0). O(I·d).
 * @example
 * ```ts
 * darcyMetrics(result.final.data, result.final.rows, truth, kl.eigenvalues);
 * ```
 */
export function darcyMetrics(ensemble: Float64Array, members: number, v: ArrayLike<number>, eigenvalues: Float64Array): DarcyMetrics {
  if (!(ensemble instanceof Float64Array)) throw new InvalidTypeError('ensemble', 'a Float64Array (I×d, particle per row)', ensemble);
  checkInteger('members', members, 1);
  if (!(eigenvalues instanceof Float64Array) || eigenvalues.length < 1) throw new InvalidTypeError('eigenvalues', 'a non-empty Float64Array of λ_l', eigenvalues);
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') throw new InvalidTypeError('v', 'an array of reference coefficients', v);
  const d = eigenvalues.length;
  if (ensemble.length !== members * d || v.length !== d) throw new InvalidArgumentError('ensemble', `an I×${d} ensemble and a reference of length ${d}`, `${ensemble.length} entries, reference ${v.length}`);
  checkAllFinite('ensemble', ensemble);
  checkAllFinite('v', v);
  for (let k = 0; k < d; k++) if (!(eigenvalues[k] > 0) || eigenvalues[k] === Infinity) throw new InvalidArgumentError(`eigenvalues[${k}]`, 'a finite number > 0', eigenvalues[k]);
  let h = 0;
  let l = 0;
  for (let j = 0; j < members; j++) {
    for (let k = 0; k < d; k++) {
      const e = ensemble[j * d + k] - v[k];
      h += e * e * eigenvalues[k];
      l += e * e;
    }
  }
  return { hMinus2: Math.sqrt(h / members), l2: Math.sqrt(l / members) };
}
