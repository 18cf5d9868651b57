/**
 * The preconditioned Crank–Nicolson (pCN) random-walk Metropolis chain, the gold-standard reference
 * of thesis Appendix C, §C.6.2 (following Cotter, Roberts, Stuart & White 2013): proposal
 * v = m0 + √(1 − β²)(u − m0) + βξ, ξ ~ N(0, Γ0), accepted with probability
 * min(1, exp(Φ_data(u) − Φ_data(v))), Φ_data = ½‖y − G(·)‖²_Γ. The prior is reversible for the
 * proposal, so only the data misfit enters the acceptance ratio.
 *
 * @module
 */
import { checkInRange, checkInteger } from '../../core/check';
import { drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { DenseMatrix } from '../../core/types';
import { InvalidArgumentError } from '../../core/errors';
import { checkRunOptions } from '../../core/run';
import { createMatrix } from '../../linalg/dense';
import type { Rng } from '../../random/rng';
import { checkInverseProblem, evaluateForward, setupRng, type CheckedProblem, type EnsembleSetup, type InverseProblem } from './problem';

/** The pCN problem: the inverse problem, the chain's length and step. */
export interface PcnProblem extends InverseProblem, Omit<EnsembleSetup, 'ensemble' | 'ensembleSize'> {
  /** Number of proposals (default 10⁴). */
  iterations?: number;
  /** Proposal step β ∈ (0, 1] (default 0.2). */
  beta?: number;
  /** Proposals discarded before samples are kept (default iterations/10, rounded down). */
  burnIn?: number;
  /** Keep every `thin`-th state after burn-in (default 1). */
  thin?: number;
  /** Start of the chain (length N; default the prior mean). */
  start?: ArrayLike<number>;
}

/** Counters of a pCN chain. */
export interface PcnStats extends RunStats {
  /** Forward-map evaluations (one per proposal plus the start). */
  nforward: number;
}

/** Diagnostics of a pCN chain, one entry per kept sample. */
export interface PcnHistory {
  /** Proposal index of each kept sample. */
  iteration: number[];
  /** Φ_data of each kept sample. */
  misfit: number[];
}

/** The result of {@link pcn}: `final` holds the kept samples (S×N, one per row). */
export type PcnResult = RunResult<DenseMatrix, DenseMatrix, PcnResultStats, PcnHistory>;

/** Extra counters of a finished pCN chain. */
export interface PcnResultStats {
  /** Forward-map evaluations. */
  nforward: number;
  /** Fraction of accepted proposals. */
  acceptanceRate: number;
}

/**
 * A running pCN chain (see {@link initPcn}).
 * @example
 * ```ts
 * const run: PcnStepper = initPcn(problem);
 * while (run.step()) {}
 * run.result().stats.acceptanceRate;
 * ```
 */
export class PcnStepper implements Stepper<PcnResult> {
  status: SolveStatus | 'running' = 'running';
  /** Counters so far. */
  readonly stats: PcnStats = { ...emptyRunStats(), nforward: 0 };
  /** Current state u (length N). */
  readonly state: Float64Array;
  /** Proposal step β (may be changed between steps). */
  beta: number;
  private message = '';
  private misfit: number;
  private readonly p: CheckedProblem;
  private readonly rng: Rng;
  private readonly total: number;
  private readonly burnIn: number;
  private readonly thin: number;
  private readonly samples: number[] = [];
  private readonly history: PcnHistory = { iteration: [], misfit: [] };
  private readonly v: Float64Array;
  private readonly xi: Float64Array;
  private readonly draw: Float64Array;
  private readonly out: Float64Array;

  /** @internal */
  constructor(problem: PcnProblem, runOptions: RunOptions | undefined) {
    checkRunOptions(runOptions);
    const p = checkInverseProblem(problem, { forward: true, gradient: false });
    this.p = p;
    this.total = checkInteger('problem.iterations', problem.iterations ?? 10000, 0);
    this.beta = checkInRange('problem.beta', problem.beta ?? 0.2, Number.MIN_VALUE, 1);
    this.burnIn = checkInteger('problem.burnIn', problem.burnIn ?? Math.floor(this.total / 10), 0, this.total);
    this.thin = checkInteger('problem.thin', problem.thin ?? 1, 1);
    this.rng = setupRng(problem);
    this.state = new Float64Array(p.N);
    if (problem.start !== undefined) {
      if (problem.start.length !== p.N) throw new InvalidArgumentError('problem.start', `an array of length N = ${p.N}`, `length ${problem.start.length}`);
      for (let a = 0; a < p.N; a++) this.state[a] = problem.start[a];
    } else this.state.set(p.priorMean);
    this.v = new Float64Array(p.N);
    this.xi = new Float64Array(p.N);
    this.draw = new Float64Array(p.N);
    this.out = new Float64Array(p.J);
    this.misfit = this.evaluate(this.state);
    if (!Number.isFinite(this.misfit)) {
      this.status = 'nonFinite';
      this.message = 'pCN: the forward map is not finite at the start of the chain';
    }
  }

  get t(): number {
    return this.stats.nsteps;
  }

  get fraction(): number {
    return this.total === 0 ? 1 : this.stats.nsteps / this.total;
  }

  private evaluate(u: Float64Array): number {
    this.stats.nfev++;
    this.stats.nforward++;
    if (evaluateForward(this.p, 1, u, this.out) >= 0) return NaN;
    const r = this.out;
    for (let j = 0; j < r.length; j++) r[j] = this.p.data[j] - r[j];
    return 0.5 * this.p.noise!.normSquared(r);
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    if (this.stats.nsteps >= this.total) {
      this.status = 'success';
      this.message = `pCN: ${this.total} proposals, acceptance rate ${(this.stats.naccept / Math.max(1, this.total)).toFixed(3)}`;
      return false;
    }
    const { N } = this.p;
    const m0 = this.p.priorMean;
    const s = Math.sqrt(1 - this.beta * this.beta);
    this.rng.fillNormal(this.xi);
    this.p.prior.applySqrt(this.xi, this.draw);
    for (let a = 0; a < N; a++) this.v[a] = m0[a] + s * (this.state[a] - m0[a]) + this.beta * this.draw[a];
    const phi = this.evaluate(this.v);
    this.stats.nsteps++;
    // a non-finite misfit is a rejection (the proposal has zero likelihood)
    if (Number.isFinite(phi) && Math.log(this.rng.uniformOpen()) < this.misfit - phi) {
      this.state.set(this.v);
      this.misfit = phi;
      this.stats.naccept++;
    } else this.stats.nreject++;
    const n = this.stats.nsteps;
    if (n > this.burnIn && (n - this.burnIn) % this.thin === 0) {
      for (let a = 0; a < N; a++) this.samples.push(this.state[a]);
      this.history.iteration.push(n);
      this.history.misfit.push(this.misfit);
    }
    return true;
  }

  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  result(): PcnResult {
    const N = this.p.N;
    const S = this.samples.length / N;
    return {
      status: this.status === 'running' ? 'maxSteps' : this.status,
      message: this.status === 'running' ? `pCN: stopped after ${this.stats.nsteps} of ${this.total} proposals` : this.message,
      stats: { ...this.stats, acceptanceRate: this.stats.naccept / Math.max(1, this.stats.nsteps) },
      final: createMatrix(S, N, Float64Array.from(this.samples)),
      saved: [],
      history: { iteration: this.history.iteration.slice(), misfit: this.history.misfit.slice() },
    };
  }
}

/**
 * Start a pCN chain without stepping; see {@link pcn}.
 * @example
 * ```ts
 * const chain = initPcn({ ...problem, iterations: 1000, beta: 0.1, seed: 3 });
 * while (chain.step()) {}
 * ```
 */
export function initPcn(problem: PcnProblem, runOptions?: RunOptions): PcnStepper {
  return new PcnStepper(problem, runOptions);
}

/**
 * Run a pCN random-walk Metropolis chain (the reference sampler of thesis §C.6.2). One forward
 * evaluation per proposal. `final` holds the kept samples (after burn-in, thinned), one per row;
 * `stats.acceptanceRate` the fraction of accepted proposals.
 * @example
 * ```ts
 * const r = pcn({ dimension: 1, data: [1], noise: 0.1, prior: { covariance: 1 },
 *   forward: (q, out) => { out[0] = q[0]; }, iterations: 20000, beta: 0.3, seed: 1 });
 * r.stats.acceptanceRate;
 * ```
 */
export function pcn(problem: PcnProblem, runOptions?: RunOptions): PcnResult {
  return drive(initPcn(problem, runOptions), runOptions);
}
