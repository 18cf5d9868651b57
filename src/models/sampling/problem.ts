/**
 * The Bayesian inverse problem y = G(q) + η, η ~ N(0, Γ), prior N(m0, Γ0), shared by every sampler
 * of `singularis/sampling` (thesis Appendix C, §C.2, eq. (C.2.1)), and its validation.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { DenseMatrix } from '../../core/types';
import { CovarianceOperator } from '../../linalg/covarianceOperator';
import { Rng } from '../../random/rng';
import type { Seed } from '../../random/seed';

/**
 * A covariance given as a positive number s (s·I), an array of positive numbers (a diagonal), a
 * dense SPD {@link DenseMatrix}, or a ready {@link CovarianceOperator}.
 */
export type CovarianceSpec = number | ArrayLike<number> | DenseMatrix | CovarianceOperator;

/** A Gaussian prior N(m0, Γ0). */
export interface GaussianPrior {
  /** Prior mean m0 (length N, default 0). */
  mean?: ArrayLike<number>;
  /** Prior covariance Γ0 (N×N): see {@link CovarianceSpec}. */
  covariance: CovarianceSpec;
}

/**
 * The inverse problem: parameters q ∈ Rᴺ, data y ∈ Rᴶ, Φ(q) = ½‖y − G(q)‖²_Γ + ½‖q − m0‖²_Γ0
 * (thesis eq. (C.2.1), with a prior mean).
 */
export interface InverseProblem {
  /** Parameter dimension N. */
  dimension: number;
  /** The data y (length J). */
  data: ArrayLike<number>;
  /** Observational noise covariance Γ (J×J, SPD). */
  noise: CovarianceSpec;
  /** The Gaussian prior. */
  prior: GaussianPrior;
  /**
   * The forward map: writes G(q) into `out` (length J), or returns it (its length is then checked).
   * Must not keep references to `q` or `out`.
   */
  forward?: (q: Float64Array, out: Float64Array) => ArrayLike<number> | void;
  /**
   * Optional batched forward map over the whole ensemble: `positions` is I×N (particle per row),
   * `outputs` I×J to be filled. Used instead of `forward` when given (e.g. to parallelize).
   */
  forwardBatch?: (positions: Float64Array, members: number, outputs: Float64Array) => void;
  /** DΦ(q) into `out` (length N): needed only by gradient-based EKHMC (`force: 'gradient'`). */
  gradient?: (q: Float64Array, out: Float64Array) => void;
}

/** Options shared by the ensemble samplers: the ensemble, its size, the generator. */
export interface EnsembleSetup {
  /** Initial ensemble, I×N with one particle per row. Either this or `ensembleSize`. */
  ensemble?: DenseMatrix;
  /** Ensemble size I ≥ 2 when the initial ensemble is drawn from the prior. */
  ensembleSize?: number;
  /** Seed of the generator (default 0); ignored when `rng` is given. */
  seed?: Seed;
  /** A generator to draw from (advanced in place). */
  rng?: Rng;
}

/** Largest parameter dimension N: the samplers keep N×N covariances (N = 8192: 512 MiB each). @internal */
export const MAX_DIMENSION = 8192;
/** Largest I·max(N, J) of a drawn ensemble (2²⁷ numbers, 1 GiB per I×N array). @internal */
export const MAX_ENSEMBLE_ENTRIES = 2 ** 27;

/** A validated inverse problem. @internal */
export interface CheckedProblem {
  N: number;
  J: number;
  data: Float64Array;
  noise: CovarianceOperator | undefined;
  priorMean: Float64Array;
  prior: CovarianceOperator;
  forward: InverseProblem['forward'];
  forwardBatch: InverseProblem['forwardBatch'];
  gradient: InverseProblem['gradient'];
}

/**
 * Turn a {@link CovarianceSpec} into a {@link CovarianceOperator} of dimension n.
 * @throws InvalidArgumentError naming `name` for a wrong size, a non-positive diagonal or a non-SPD matrix
 * @example
 * ```ts
 * covarianceOperator('problem.noise', 0.01, 2); // 0.01·I₂
 * ```
 */
export function covarianceOperator(name: string, spec: CovarianceSpec, n: number): CovarianceOperator {
  let op: CovarianceOperator;
  if (spec instanceof CovarianceOperator) op = spec;
  else if (typeof spec === 'number') op = CovarianceOperator.scalar(n, spec, name);
  else if (spec !== null && typeof spec === 'object' && 'rows' in spec && 'cols' in spec && 'data' in spec) op = CovarianceOperator.dense(spec as DenseMatrix, name);
  else if (spec !== null && typeof spec === 'object' && typeof (spec as ArrayLike<number>).length === 'number') op = CovarianceOperator.diagonal(spec as ArrayLike<number>, name);
  else throw new InvalidTypeError(name, 'a positive number, an array of positive numbers, an SPD matrix or a CovarianceOperator', spec);
  if (op.dimension !== n) throw new InvalidArgumentError(name, `a ${n}×${n} covariance`, `${op.dimension}×${op.dimension}`);
  return op;
}

function finiteVector(name: string, v: unknown, n: number): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') throw new InvalidTypeError(name, `an array of ${n} finite numbers`, v);
  const a = v as ArrayLike<number>;
  if (a.length !== n) throw new InvalidArgumentError(name, `an array of length ${n}`, `length ${a.length}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) throw new InvalidArgumentError(`${name}[${i}]`, 'a finite number', a[i]);
    out[i] = a[i];
  }
  return out;
}

/**
 * Validate an {@link InverseProblem} before any work. `needs` says which maps must be present.
 * @internal
 */
export function checkInverseProblem(problem: InverseProblem, needs: { forward: boolean; gradient: boolean }, name = 'problem'): CheckedProblem {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError(name, 'an object', problem);
  const N = checkInteger(`${name}.dimension`, problem.dimension, 1, MAX_DIMENSION);
  if (problem.prior === null || typeof problem.prior !== 'object') throw new InvalidTypeError(`${name}.prior`, 'an object { mean?, covariance }', problem.prior);
  const prior = covarianceOperator(`${name}.prior.covariance`, problem.prior.covariance, N);
  const priorMean = problem.prior.mean === undefined ? new Float64Array(N) : finiteVector(`${name}.prior.mean`, problem.prior.mean, N);
  let data: Float64Array = new Float64Array(0);
  let noise: CovarianceOperator | undefined;
  if (needs.forward) {
    if (problem.data === null || typeof problem.data !== 'object' || typeof problem.data.length !== 'number' || problem.data.length < 1) {
      throw new InvalidTypeError(`${name}.data`, 'a non-empty array of finite numbers', problem.data);
    }
    data = finiteVector(`${name}.data`, problem.data, problem.data.length);
    noise = covarianceOperator(`${name}.noise`, problem.noise, data.length);
    if (problem.forwardBatch !== undefined) checkFunction(`${name}.forwardBatch`, problem.forwardBatch);
    else if (problem.forward !== undefined) checkFunction(`${name}.forward`, problem.forward);
    else throw new InvalidTypeError(`${name}.forward`, 'a function (q, out) => void (or problem.forwardBatch)', problem.forward);
  }
  if (needs.gradient) checkFunction(`${name}.gradient`, problem.gradient);
  return { N, J: data.length, data, noise, priorMean, prior, forward: problem.forward, forwardBatch: problem.forwardBatch, gradient: problem.gradient };
}

/**
 * The generator of a run: `setup.rng` (advanced in place) or a new one seeded by `setup.seed` (default 0).
 * @internal
 */
export function setupRng(setup: { seed?: Seed; rng?: Rng }, name = 'problem'): Rng {
  if (setup.rng !== undefined) {
    if (!(setup.rng instanceof Rng)) throw new InvalidTypeError(`${name}.rng`, 'an Rng', setup.rng);
    return setup.rng;
  }
  return new Rng(setup.seed ?? 0);
}

/**
 * The generator and the initial ensemble (I×N data, particle per row) of a sampler: a copy of
 * `setup.ensemble` or I draws from the prior.
 * @internal
 */
export function initialEnsemble(setup: EnsembleSetup, p: CheckedProblem, name = 'problem'): { rng: Rng; I: number; positions: Float64Array } {
  const rng = setupRng(setup, name);
  if (setup.ensemble !== undefined) {
    const E = setup.ensemble;
    if (E === null || typeof E !== 'object' || !(E.data instanceof Float64Array)) throw new InvalidTypeError(`${name}.ensemble`, 'a DenseMatrix (I×N, particle per row)', E);
    if (E.cols !== p.N) throw new InvalidArgumentError(`${name}.ensemble`, `an I×${p.N} matrix (one particle of dimension N = ${p.N} per row)`, `${E.rows}×${E.cols}`);
    if (E.rows < 2) throw new InvalidArgumentError(`${name}.ensemble`, 'at least 2 particles (rows)', E.rows);
    if (E.data.length !== E.rows * E.cols) throw new InvalidArgumentError(`${name}.ensemble.data`, `length rows·cols = ${E.rows * E.cols}`, E.data.length);
    for (let k = 0; k < E.data.length; k++) {
      if (!Number.isFinite(E.data[k])) throw new InvalidArgumentError(`${name}.ensemble`, 'finite entries', `${E.data[k]} at particle ${Math.floor(k / p.N)}`);
    }
    if (setup.ensembleSize !== undefined && setup.ensembleSize !== E.rows) throw new InvalidArgumentError(`${name}.ensembleSize`, `equal to the rows of ${name}.ensemble (${E.rows}) or omitted`, setup.ensembleSize);
    return { rng, I: E.rows, positions: Float64Array.from(E.data) };
  }
  const I = checkInteger(`${name}.ensembleSize`, setup.ensembleSize, 2, Math.max(2, Math.floor(MAX_ENSEMBLE_ENTRIES / Math.max(p.N, p.J))));
  const positions = new Float64Array(I * p.N);
  const xi = new Float64Array(p.N);
  const draw = new Float64Array(p.N);
  for (let i = 0; i < I; i++) {
    rng.fillNormal(xi);
    p.prior.applySqrt(xi, draw);
    for (let a = 0; a < p.N; a++) positions[i * p.N + a] = p.priorMean[a] + draw[a];
  }
  return { rng, I, positions };
}

/**
 * Evaluate the forward map on every particle (I×N → I×J); returns the index of the first
 * particle whose output is not finite, or −1. Counts nothing; the caller adds I to its counters.
 * @throws InvalidArgumentError when the forward map returns an array of the wrong length
 * @internal
 */
export function evaluateForward(p: CheckedProblem, I: number, positions: Float64Array, outputs: Float64Array): number {
  const N = p.N;
  const J = p.J;
  if (p.forwardBatch !== undefined) {
    p.forwardBatch(positions, I, outputs);
  } else {
    const f = p.forward!;
    for (let i = 0; i < I; i++) {
      const out = outputs.subarray(i * J, (i + 1) * J);
      const r = f(positions.subarray(i * N, (i + 1) * N), out);
      if (r !== undefined && r !== out) {
        if (r === null || typeof r !== 'object' || r.length !== J) {
          throw new InvalidArgumentError('problem.forward', `a map returning ${J} outputs (the length of problem.data)`, r === null || typeof r !== 'object' ? r : `length ${r.length}`);
        }
        for (let b = 0; b < J; b++) out[b] = r[b];
      }
    }
  }
  return firstNonFinite(outputs, I, J);
}

/** Index of the first particle (row of an I×J array) with a non-finite entry, or −1. @internal */
export function firstNonFinite(outputs: Float64Array, I: number, J: number): number {
  for (let i = 0; i < I; i++) {
    for (let b = 0; b < J; b++) {
      const v = outputs[i * J + b];
      if (v - v !== 0) return i;
    }
  }
  return -1;
}
