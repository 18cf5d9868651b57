/**
 * Public types of the mean-field PDE solver {@link meanFieldPde}: the problem specification,
 * the run options and the result (snapshots, diagnostic time series, run statistics).
 *
 * @module
 */
import type { RunOptions, RunResult } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { FreezeResult } from './freeze';
import type { Orientation } from './initialData';

/**
 * Discretized form of the mean-field system: (B) on (μ, w = σ²/2) or (C) on (μ, E = (μ² + σ²)/2).
 * @example
 * ```ts
 * meanFieldPde({ n: 200, tEnd: 1e-3, scheme: 'C' satisfies PdeScheme });
 * ```
 */
export type PdeScheme = 'B' | 'C';

/**
 * Wall condition: `'dirichlet'` is the paper's (2.11)–(2.12) (μ_x = 0, σ = 0; energy leaks at
 * the rate 2[w_x]); `'zeroFlux'` sets both the μ and the E flux to zero (energy (4.2) conserved).
 * @example
 * ```ts
 * meanFieldPde({ n: 200, tEnd: 1e-3, walls: 'zeroFlux' satisfies PdeWalls });
 * ```
 */
export type PdeWalls = 'dirichlet' | 'zeroFlux';

/**
 * Discretization of the hyperbolic flux λ(σ, μσ): `'centered'` (midpoint average), `'upwind'`
 * (first-order flux-vector splitting on the Riemann invariants R = μ + σ, L = μ − σ, docs/billiards.md,
 * Remark 4.4), or `'auto'`: upwind when the cell Péclet number λ·dx/2 exceeds 1, else centered.
 * @example
 * ```ts
 * meanFieldPde({ n: 200, tEnd: 1e-3, advection: 'upwind' satisfies PdeAdvection });
 * ```
 */
export type PdeAdvection = 'centered' | 'upwind' | 'auto';

/**
 * Time integration: forward Euler on everything, or IMEX ARS(2,2,2) with implicit diffusion.
 * @example
 * ```ts
 * meanFieldPde({ n: 200, tEnd: 1e-3, stepper: 'explicit' satisfies PdeStepper });
 * ```
 */
export type PdeStepper = 'explicit' | 'imex';

/**
 * Problem specification of {@link meanFieldPde} (model, discretization, run budget).
 * @example
 * ```ts
 * const spec: MeanFieldPdeSpec = { n: 200, orientation: 'reversed', nodes: 801, tEnd: 0.02, stopAtFreeze: true };
 * meanFieldPde(spec);
 * ```
 */
export interface MeanFieldPdeSpec extends MeanFieldRunControls {
  /** PDE speed λ > 0 of (2.9)–(2.10). Give either `lambda` or `n`. */
  lambda?: number;
  /** Number of balls n ≥ 4; sets λ = (n − 1)/(2√π) ((2.8)). Give either `lambda` or `n`. */
  n?: number;
  /** Grid NODES on z ∈ [0, 1] (N + 1 nodes, dx = 1/N), an integer ≥ 9; default 3201 (the paper's). */
  nodes?: number;
  /** `'B'` (default) or `'C'`. */
  scheme?: PdeScheme;
  /** `'dirichlet'` (default) or `'zeroFlux'`. */
  walls?: PdeWalls;
  /** Section 3's μ0 as printed (default) or negated; applies to a user `mean` profile too. */
  orientation?: Orientation;
  /** Initial mean μ0(z) (default Section 3's erf(27(z − ½)³)). */
  mean?: (z: number) => number;
  /** Initial standard deviation σ0(z) ≥ 0 (default Section 3's (1 − cos 2πz)/1000). */
  sigma?: (z: number) => number;
  /**
   * Run system (B) exactly as printed (the paper, §4.2: √w in place of √(2w)), which is the
   * corrected system with λ/√2. Scheme B only. Default false.
   */
  bAsPrinted?: boolean;
  /** `'explicit'` (default) or `'imex'`. */
  stepper?: PdeStepper;
  /**
   * Hyperbolic flux: `'centered'`, `'upwind'` or `'auto'` (default: upwind iff λ·dx/2 > 1).
   * Upwind adds the numerical diffusion λ·dx/2 to both μ and E (w), i.e. diffusion
   * D = 1 + λ·dx/2 (first order in dx); `'centered'` is second order.
   */
  advection?: PdeAdvection;
  /**
   * Time step. Default: explicit `min(0.25·dx²/D, 1/λ²)` with D = 1 (centered, docs/billiards.md) or
   * D = 1 + λ·dx/2 (upwind); IMEX `0.25/λ²`. The explicit positivity bound is
   * `dt ≤ 2D/(λ² + 4D²/dx²)`; larger steps are allowed and reported
   * (`stats.positivityGuaranteed = false`).
   */
  dt?: number;
}

/**
 * Run budget and stopping rules of {@link meanFieldPde}, part of the problem (the first argument).
 * For one release they are still read from the second argument when absent from the problem.
 */
export interface MeanFieldRunControls {
  /** End time (> 0); default the last `saveAt` time. */
  tEnd?: number;
  /** Record the diagnostic series every this many steps (default: about 4000 records per run). */
  seriesEvery?: number;
  /** Step budget (default 10⁸); the run stops with status `'maxSteps'` when it is exhausted. */
  maxSteps?: number;
  /** Stop as soon as ∫σ² falls below `freezeFraction`·peak after its peak (default false). */
  stopAtFreeze?: boolean;
  /** Fraction f of the freeze detector (default 0.01). */
  freezeFraction?: number;
  /**
   * Stop with status `'diverged'` when min w < −negativeWTolerance (default 10⁻⁸ × the largest
   * initial energy density μ0²/2 + w0); `Infinity` disables the check.
   */
  negativeWTolerance?: number;
}

/**
 * Second argument of {@link meanFieldPde}: the shared {@link RunOptions} (`saveAt` = PDE times,
 * finite, ≥ 0, strictly increasing, ≤ tEnd, hit exactly by shortening a step), plus — deprecated,
 * for one release — the run controls that now belong to the problem.
 * @example
 * ```ts
 * const options: MeanFieldRunOptions = { saveAt: [0.005, 0.01], signal: AbortSignal.timeout(60_000) };
 * meanFieldPde({ n: 200, orientation: 'reversed', tEnd: 0.01 }, options);
 * ```
 */
export interface MeanFieldRunOptions extends RunOptions, MeanFieldRunControls {}

/**
 * The state at one requested time.
 * @example
 * ```ts
 * const snap: PdeSnapshot = meanFieldPde({ n: 200, tEnd: 1e-3 }, { saveAt: [5e-4] }).saved[0].state;
 * snap.mu; snap.sigma; snap.maxSigma;
 * ```
 */
export interface PdeSnapshot {
  /** Time (equal to the requested time). */
  t: number;
  /** μ at the grid nodes. */
  mu: Float64Array;
  /** σ = √(2·max(w, 0)) at the nodes. */
  sigma: Float64Array;
  /** w = σ²/2 at the nodes (may be slightly negative if positivity was lost). */
  w: Float64Array;
  /** max σ over the grid. */
  maxSigma: number;
}

/**
 * Diagnostic time series, one entry per record (trapezoid rule on the grid).
 * @example
 * ```ts
 * const { t, energy, momentum }: PdeSeries = meanFieldPde({ n: 200, tEnd: 1e-3 }).history;
 * ```
 */
export interface PdeSeries {
  /** Record times. */
  t: Float64Array;
  /** ∫σ² dz. */
  sigmaSquaredIntegral: Float64Array;
  /** max σ². */
  maxSigmaSquared: Float64Array;
  /** Momentum ∫μ dz ((4.1)). */
  momentum: Float64Array;
  /** Energy ∫(μ² + 2w) dz = ∫(μ² + σ²) dz ((4.2)). */
  energy: Float64Array;
  /** min w over the grid (negative values reveal a loss of positivity). */
  minW: Float64Array;
}

/**
 * Counters of {@link meanFieldPde} besides the shared ones (`nsteps = naccept` time steps, `nfev` = steps).
 * @example
 * ```ts
 * const stats: PdeStats = meanFieldPde({ n: 200, tEnd: 1e-3 }).stats;
 * stats.positivityGuaranteed; stats.minW; stats.nlinsolve;
 * ```
 */
export interface PdeStats {
  /** Most negative w seen over the run (0 if w stayed ≥ 0). */
  minW: number;
  /** First time at which some w < 0 (null if never). */
  firstNegativeWTime: number | null;
  /** The explicit positivity bound 2D/(λ² + 4D²/dx²) (paper §4.1 with D = 1 for centered advection). */
  positivityBound: number;
  /** True when the explicit step satisfies the bound (always false for IMEX, where no bound is proven). */
  positivityGuaranteed: boolean;
  /** Shifted tridiagonal solves (IMEX only). */
  nlinsolve: number;
}

/**
 * Result of {@link meanFieldPde}: the shared run result (`final` the last state, `saved` the states
 * at `saveAt`, `history` the diagnostic series) plus the resolved discretization and the freeze.
 * @example
 * ```ts
 * const r: MeanFieldPdeResult = meanFieldPde({ n: 200, orientation: 'reversed', tEnd: 0.02, stopAtFreeze: true });
 * r.status; r.freeze.time; r.final.sigma;
 * ```
 */
export interface MeanFieldPdeResult extends RunResult<PdeSnapshot, PdeSnapshot, PdeStats, PdeSeries> {
  /**
   * `'success'`, `'aborted'`, `'maxSteps'`, `'nonFinite'` (last finite state kept) or
   * `'diverged'` (w fell below −negativeWTolerance: positivity lost).
   */
  status: SolveStatus;
  /** Time reached. */
  t: number;
  /** PDE speed used (λ/√2 already applied when `bAsPrinted`). */
  lambda: number;
  /** Grid nodes z_i = i/N. */
  z: Float64Array;
  /** Grid spacing 1/N. */
  dx: number;
  /** Nominal time step. */
  dt: number;
  /** Scheme used. */
  scheme: PdeScheme;
  /** Wall mode used. */
  walls: PdeWalls;
  /** Stepper used. */
  stepper: PdeStepper;
  /** Hyperbolic flux used (`'auto'` resolved). */
  advection: 'centered' | 'upwind';
  /** Cell Péclet number λ·dx/2 of the grid. */
  cellPeclet: number;
  /** Freeze detector applied to ∫σ² with the run's `freezeFraction`. */
  freeze: FreezeResult;
}
