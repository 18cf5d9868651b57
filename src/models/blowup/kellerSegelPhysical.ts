/**
 * Physical-time blowup of the 3-D radial Keller–Segel system with logistic damping (thesis
 * §1.1.3, L940–943):
 *
 *     ∂_tρ = Δρ − ∇·(ρ∇c) − μρ²,   −Δc = ρ,   so   ∂_t(r²ρ) = ∂_r(r²∂_rρ + ρM) − μr²ρ²,
 *
 * with the enclosed mass `M(r,t) = ∫₀^r s²ρ ds` (the chemotactic velocity is `−M/r²`, inward).
 *
 * **Space.** Conservative vertex-centered finite volumes (`grid/radialFiniteVolume`): diffusion by
 * face conductances, chemotactic flux `M(f_i)·ρ_upwind` through face i (upwind = the outer cell,
 * the velocity points inward), the discrete enclosed mass `M_i = Σ_{j≤i}V_jρ_j`, zero flux at 0
 * and at the outer radius R, logistic term cell-wise. The semi-discrete system is quasi-positive
 * (a vanishing ρ_i has a non-negative derivative), so exact solutions stay non-negative; at the
 * origin it reproduces `ρ_t = Δρ + ρ·ρ₁ − μρ²` → `(1−μ)ρ²` for flat data.
 *
 * **Time.** ARK3(2)4L[2]SA (Kennedy–Carpenter; the IMEX pair of the rescaled heat solvers):
 * diffusion implicit (one SPD tridiagonal M-matrix solve per stage), transport and reaction
 * explicit, embedded error control. The augmented state carries the logistic loss
 * `L(t) = μ∫₀^t Σ_iV_iρ_i² dt` integrated with the same weights, so the discrete balance
 * `Σ_iV_iρ_i(t) + L(t) = Σ_iV_iρ_i(0)` holds to round-off (both parts of every stage sum to zero
 * against V). Steps whose result has a negative cell value are rejected and retried with half the
 * step (counted in `stats.positivityRejections`): every accepted state is non-negative.
 *
 * **Blowup time and rate.** The run stops when ρ(0,t) reaches `amplitudeTarget`. From the amplitude
 * history, the times t_a at which ρ(0) crosses the levels a = ρ(0,0)·10^{j/2} give rate estimates
 * `A = (t_b − t_a)/(1/a − 1/b)` for consecutive levels (exact if ρ(0,t) = A/(T − t)) and
 * `T ≈ t_b + A/b`. For the self-similar blowup of thesis §1.1.3, `A → Q(0) = 1/(1−μ)`.
 *
 * @module
 */
import { AdditiveRkStepper, ark324L2SA } from '../../time/additiveRk';
import { StepSizeController } from '../../time/stepController';
import { checkFinite, checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { Grid1D, mappedGrid } from '../../grid/grid1d';
import { sinhMap } from '../../grid/maps';
import { RadialFiniteVolume } from '../../grid/radialFiniteVolume';

/** The problem of {@link kellerSegelPhysical}. */
export interface KellerSegelPhysicalProblem {
  /** Logistic damping μ ∈ [0, 1/3). */
  mu: number;
  /** Initial density ρ(r, 0) ≥ 0 as a function of r or nodal values (ρ(0,0) > 0 must be the maximum region). */
  initialData: ((r: number) => number) | Vec;
  /** A grid starting at r = 0, or sinh-map parameters (default n = 800, length 10, scale 1e-4). */
  grid?: Grid1D | {
    /** Number of nodes (≥ 8; default 800). */
    n?: number;
    /** Outer radius R (default 10). */
    length?: number;
    /** Sinh-map scale A: resolution ≈ A·asinh(R/A)/n near 0 (default 1e-4). */
    scale?: number;
  };
  /** Stop when ρ(0,t) reaches this value (default 1e6·ρ(0,0)). */
  amplitudeTarget?: number;
  /** Relative tolerance of the error control (default 1e-7). */
  rtol?: number;
  /** Absolute tolerance of the error control (default 1e-3·rtol·ρ(0,0)). */
  atol?: number;
  /** Budget of attempted steps (default 1e6). */
  maxSteps?: number;
}

/** The state of a physical-time run. */
export interface KellerSegelPhysicalState {
  /** Physical time t. */
  t: number;
  /** ρ at the grid nodes (copy). */
  rho: Vec;
  /** Logistic loss `μ∫₀^t ∫ρ² dx dt` per unit solid angle. */
  logisticLoss: number;
}

/** Extra counters of {@link kellerSegelPhysical}. */
export interface KellerSegelPhysicalStats {
  /** Tridiagonal implicit-diffusion solves. */
  nlinsolve: number;
  /** Steps rejected because they produced a negative density. */
  positivityRejections: number;
}

/** Scalar diagnostics per accepted step (and the initial state). */
export interface KellerSegelPhysicalHistory {
  /** Physical time t. */
  t: Vec;
  /** ρ(0, t). */
  amplitude: Vec;
  /** Mass `Σ V_iρ_i` per unit solid angle (multiply by 4π for the mass in ℝ³). */
  mass: Vec;
  /** Logistic loss L(t). */
  logisticLoss: Vec;
  /** Balance defect `mass + L − mass(0)` (round-off). */
  balanceDefect: Vec;
}

/** Rate estimates from the times ρ(0) crosses consecutive levels (module doc). */
export interface KellerSegelRateEstimates {
  /** Upper level b of each pair (the amplitude at which the estimate applies). */
  amplitude: Vec;
  /** `A = (t_b − t_a)/(1/a − 1/b)`, → Q(0) = 1/(1−μ) for the self-similar blowup. */
  rate: Vec;
  /** `T ≈ t_b + A/b`. */
  blowupTime: Vec;
}

/** Result of {@link kellerSegelPhysical}. */
export interface KellerSegelPhysicalResult extends RunResult<KellerSegelPhysicalState, KellerSegelPhysicalState, KellerSegelPhysicalStats, KellerSegelPhysicalHistory> {
  /** μ. */
  mu: number;
  /** Node radii. */
  r: Vec;
  /** Rate and blowup-time estimates by amplitude levels. */
  rates: KellerSegelRateEstimates;
  /** The last blowup-time estimate (NaN when fewer than two levels were crossed). */
  blowupTime: number;
  /** The last rate estimate times (1−μ) (→ 1: `ρ(0,t)(T−t) → Q(0)`); NaN as above. */
  rateToQ0: number;
  /** max_t |mass + L − mass(0)| / mass(0). */
  maxBalanceDefect: number;
}

/** A {@link Stepper} of the physical-time Keller–Segel run. */
export type KellerSegelPhysicalStepper = Stepper<KellerSegelPhysicalResult>;

/**
 * Data on a scaled self-similar profile: `ρ(r,0) = Q(r/L)/T0`. Without diffusion this is the
 * self-similar solution `ρ = (T0−t)⁻¹Q(r/(L(1−t/T0)^β))` blowing up at T0 (thesis L990,
 * `ρ ≈ (T−t)⁻¹Q(x/(T−t)^β)`). The equation is invariant under `ρ → κ⁻²ρ(x/κ, t/κ²)`, so only
 * `T0/L²` matters: it is the relative size `λ^{2−4β}` of the viscous term at the start (thesis
 * L999), and the diffusion forcing of the vanishing order, `≈ 2j0(2j0+1)·T0/L²`, must be small for
 * the run to start in the self-similar regime.
 *
 * @example
 * ```ts
 * const p = kellerSegelProfile({ mu: 0, j0: 10 });
 * const data = scaledProfileData((y) => p.profileAt(y), 1, 1e3); // blowup near t = 1
 * ```
 */
export function scaledProfileData(profile: (y: number) => number, T0: number, width: number): (r: number) => number {
  checkPositive('T0', T0);
  checkPositive('width', width);
  return (r: number) => (r === 0 ? profile(Number.MIN_VALUE) : profile(r / width)) / T0;
}

/**
 * Initialize a physical-time run (validates everything, does not step). `saveAt` are physical
 * times, strictly increasing, in [0, ∞) (those reached before the stop are recorded).
 *
 * @throws InvalidArgumentError for μ ∉ [0, 1/3), non-finite or negative data, ρ(0,0) ≤ 0, a grid without the origin, bad options
 * @example
 * ```ts
 * const run = initKellerSegelPhysical({ mu: 0, initialData: (r) => 1 / (1 + r * r) });
 * while (run.step()) if (run.t > 0.5) break;
 * run.result();
 * ```
 */
export function initKellerSegelPhysical(problem: KellerSegelPhysicalProblem, runOptions?: RunOptions): KellerSegelPhysicalStepper {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { mu, initialData }', problem);
  const mu = checkFinite('problem.mu', problem.mu);
  if (!(mu >= 0 && mu < 1 / 3)) throw new InvalidArgumentError('problem.mu', 'a number in [0, 1/3) (the sharp range of thesis L935–937)', mu);
  const grid = resolveGrid(problem.grid);
  const fv = new RadialFiniteVolume(grid, 3);
  const rho0 = resolveData(problem.initialData, grid.x);
  const a0 = rho0[0];
  const target = checkPositive('problem.amplitudeTarget', problem.amplitudeTarget ?? 1e6 * a0);
  if (!(target > a0)) throw new InvalidArgumentError('problem.amplitudeTarget', `greater than ρ(0,0) = ${a0}`, target);
  const rtol = checkInRange('problem.rtol', problem.rtol ?? 1e-7, 1e-13, 0.1);
  const atol = checkPositive('problem.atol', problem.atol ?? 1e-3 * rtol * a0);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e6, 1);
  const options = checkRunOptions(runOptions);
  const saveAt = checkSaveAt('runOptions.saveAt', options.saveAt, 0, Number.MAX_VALUE);
  return new PhysicalStepper(mu, fv, rho0, target, rtol, atol, maxSteps, saveAt);
}

/**
 * Run the physical-time Keller–Segel blowup to `amplitudeTarget` (module doc): the one-call form
 * `drive(initKellerSegelPhysical(problem, runOptions), runOptions)`. Cost O(N) per stage; a run
 * over six decades of amplitude takes a few hundred to a few thousand steps.
 *
 * @example
 * ```ts
 * const p = kellerSegelProfile({ mu: 0, j0: 10 });
 * const run = kellerSegelPhysical({ mu: 0, initialData: scaledProfileData((y) => p.profileAt(y), 1, 1e3), grid: { length: 2e4, scale: 0.5 } });
 * run.rateToQ0; run.blowupTime; run.maxBalanceDefect; // ≈ 1, ≈ 1, round-off
 * ```
 */
export function kellerSegelPhysical(problem: KellerSegelPhysicalProblem, runOptions?: RunOptions): KellerSegelPhysicalResult {
  return drive(initKellerSegelPhysical(problem, runOptions), runOptions);
}


class PhysicalStepper implements KellerSegelPhysicalStepper {
  status: SolveStatus | 'running' = 'running';
  t = 0;
  readonly stats: RunStats & KellerSegelPhysicalStats = { ...emptyRunStats(), nlinsolve: 0, positivityRejections: 0 };
  private message = '';
  private readonly N: number;
  private readonly y: Vec; // ρ (N) and L
  private readonly yNew: Vec;
  /** ARK3(2)4L[2]SA on (ρ, L): diffusion implicit on ρ, transport, reaction and L explicit. */
  private readonly ark: AdditiveRkStepper;
  private readonly enclosed: Vec;
  private readonly transport: Vec;
  private readonly work: Vec;
  private k: number;
  /** The library's step-size controller (I-controller for the embedded order-2 estimate). */
  private readonly controller = new StepSizeController({ order: 3, noGrowthAfterReject: false });
  private readonly mass0: number;
  private readonly hist = { t: [] as number[], amplitude: [] as number[], mass: [] as number[], logisticLoss: [] as number[], balanceDefect: [] as number[] };
  private readonly saved: { t: number; state: KellerSegelPhysicalState }[] = [];
  private nextSave = 0;
  private maxDefect = 0;

  constructor(
    private readonly mu: number,
    private readonly fv: RadialFiniteVolume,
    rho0: Vec,
    private readonly target: number,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly maxSteps: number,
    private readonly saveAt: Float64Array,
  ) {
    const N = fv.size;
    this.N = N;
    this.y = new Float64Array(N + 1);
    this.y.set(rho0);
    this.yNew = new Float64Array(N + 1);
    this.ark = new AdditiveRkStepper(ark324L2SA, {
      size: N + 1,
      implicitSize: N,
      evaluate: (_t, s, e, d) => {
        this.evaluate(s, e, d);
        return Number.isFinite(e[N]);
      },
      solveImplicit: (gammaK, rho) => {
        fv.solveImplicitDiffusion(gammaK, rho, rho);
        this.stats.nlinsolve++;
      },
    }, { errorComponents: N });
    this.enclosed = new Float64Array(N);
    this.transport = new Float64Array(N - 1);
    this.work = new Float64Array(N);
    this.mass0 = fv.total(rho0);
    this.k = 1e-3 / rho0[0];
    this.record();
    this.saveReached(0);
  }

  get fraction(): number {
    const a0 = this.hist.amplitude[0];
    return Math.min(1, Math.max(0, Math.log(this.y[0] / a0) / Math.log(this.target / a0)));
  }

  progressExtras(): Record<string, number> {
    return { amplitude: this.y[0] };
  }

  /** Explicit part at state s (ρ and L rates) into e; diffusion part K ρ/V into d. */
  private evaluate(s: Vec, e: Vec, d: Vec | null): void {
    const { fv, N, enclosed, transport, work, mu } = this;
    const V = fv.volumes;
    fv.enclosedMass(s, enclosed);
    for (let i = 0; i < N - 1; i++) transport[i] = -enclosed[i];
    fv.applyUpwindTransport(s, transport, work);
    let loss = 0;
    for (let i = 0; i < N; i++) {
      const r2 = mu * s[i] * s[i];
      e[i] = work[i] / V[i] - r2;
      loss += V[i] * r2;
    }
    e[N] = loss;
    if (d !== null) {
      fv.applyDiffusion(s, work);
      for (let i = 0; i < N; i++) d[i] = work[i] / V[i];
    }
    this.stats.nfev++;
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const { N, y, yNew } = this;
    for (;;) {
      if (this.stats.nsteps >= this.maxSteps) { this.stop('maxSteps', `maxSteps = ${this.maxSteps} reached at ρ(0) = ${y[0]}`); return false; }
      this.stats.nsteps++;
      const k = this.k;
      const err = this.ark.attempt(this.t, y, k, this.rtol, this.atol, yNew);
      if (!Number.isFinite(err)) { this.stats.nreject++; this.k = k * 0.25; if (this.k < 1e-15 * Math.max(this.t, 1e-300)) { this.stop('nonFinite', `non-finite stage at t = ${this.t}`); return false; } continue; }
      let negative = false;
      for (let q = 0; q < N; q++) if (yNew[q] < 0) negative = true;
      if (err > 1 || negative) {
        this.stats.nreject++;
        if (negative && err <= 1) this.stats.positivityRejections++;
        this.k = k * (negative ? 0.5 : this.controller.reject(err));
        if (this.k < 1e-14 * Math.max(this.t, k)) { this.stop('diverged', `step size underflow at t = ${this.t}`); return false; }
        continue;
      }
      this.stats.naccept++;
      const tNew = this.t + k;
      // saved states inside the step: the embedded pair has no dense output; record at the step end that passes each time
      y.set(yNew);
      this.t = tNew;
      this.k = k * this.controller.accept(err);
      this.record();
      this.saveReached(tNew);
      if (y[0] >= this.target) { this.stop('success', `ρ(0,t) reached ${this.target} at t = ${this.t}`); }
      return true;
    }
  }

  private record(): void {
    const { y, N, hist } = this;
    const mass = this.fv.total(y);
    const defect = mass + y[N] - this.mass0;
    hist.t.push(this.t); hist.amplitude.push(y[0]); hist.mass.push(mass); hist.logisticLoss.push(y[N]); hist.balanceDefect.push(defect);
    this.maxDefect = Math.max(this.maxDefect, Math.abs(defect) / this.mass0);
  }

  private saveReached(t: number): void {
    while (this.nextSave < this.saveAt.length && this.saveAt[this.nextSave] <= t) {
      this.saved.push({ t, state: this.snapshot() });
      this.nextSave++;
    }
  }

  private snapshot(): KellerSegelPhysicalState {
    return { t: this.t, rho: this.y.slice(0, this.N), logisticLoss: this.y[this.N] };
  }

  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  result(): KellerSegelPhysicalResult {
    const col = (v: number[]) => Float64Array.from(v);
    const history: KellerSegelPhysicalHistory = { t: col(this.hist.t), amplitude: col(this.hist.amplitude), mass: col(this.hist.mass), logisticLoss: col(this.hist.logisticLoss), balanceDefect: col(this.hist.balanceDefect) };
    const rates = rateEstimates(history.t, history.amplitude);
    const last = rates.rate.length - 1;
    return {
      status: this.status === 'running' ? 'aborted' : this.status,
      message: this.status === 'running' ? 'stopped before the end' : this.message,
      stats: { ...this.stats },
      final: this.snapshot(),
      saved: this.saved.slice(),
      history,
      mu: this.mu,
      r: Float64Array.from(this.fv.r),
      rates,
      blowupTime: last >= 0 ? rates.blowupTime[last] : Number.NaN,
      rateToQ0: last >= 0 ? rates.rate[last] * (1 - this.mu) : Number.NaN,
      maxBalanceDefect: this.maxDefect,
    };
  }
}

/**
 * Rate estimates from an amplitude history (module doc): crossing times of the levels
 * `a_j = a(0)·10^{j/2}` by linear interpolation of 1/a in t (exact for a = A/(T − t)), then
 * `A = (t_b − t_a)/(1/a − 1/b)` and `T = t_b + A/b` for consecutive levels. O(history length).
 *
 * @example
 * ```ts
 * const t = [0, 0.5, 0.9, 0.99], a = t.map((s) => 2 / (1 - s));
 * rateEstimates(Float64Array.from(t), Float64Array.from(a)).rate; // [2, 2, …]
 * ```
 */
export function rateEstimates(t: Vec, amplitude: Vec): KellerSegelRateEstimates {
  const levels: number[] = [];
  const times: number[] = [];
  const a0 = amplitude[0];
  let j = 1;
  for (let i = 1; i < amplitude.length; i++) {
    for (;;) {
      const level = a0 * Math.pow(10, j / 2);
      if (!(amplitude[i] >= level && amplitude[i - 1] < level)) break;
      const u0 = 1 / amplitude[i - 1];
      const u1 = 1 / amplitude[i];
      const theta = (u0 - 1 / level) / (u0 - u1);
      levels.push(level);
      times.push(t[i - 1] + theta * (t[i] - t[i - 1]));
      j++;
    }
  }
  const n = Math.max(0, levels.length - 1);
  const out: KellerSegelRateEstimates = { amplitude: new Float64Array(n), rate: new Float64Array(n), blowupTime: new Float64Array(n) };
  for (let q = 0; q < n; q++) {
    const a = levels[q];
    const b = levels[q + 1];
    const A = (times[q + 1] - times[q]) / (1 / a - 1 / b);
    out.amplitude[q] = b;
    out.rate[q] = A;
    out.blowupTime[q] = times[q + 1] + A / b;
  }
  return out;
}

function resolveGrid(spec: KellerSegelPhysicalProblem['grid']): Grid1D {
  if (spec instanceof Grid1D) {
    if (spec.x[0] !== 0) throw new InvalidArgumentError('problem.grid.x[0]', 'exactly 0 (the grid must contain the origin as its first node)', spec.x[0]);
    checkInteger('problem.grid.n', spec.n, 8);
    return spec;
  }
  if (spec !== undefined && (spec === null || typeof spec !== 'object')) throw new InvalidTypeError('problem.grid', 'a Grid1D or { n, length, scale }', spec);
  const s = spec ?? {};
  const n = checkInteger('problem.grid.n', s.n ?? 800, 8);
  const length = checkPositive('problem.grid.length', s.length ?? 10);
  const scale = checkPositive('problem.grid.scale', s.scale ?? 1e-4);
  return mappedGrid(sinhMap({ length, scale }), n, { symmetry: 'even' });
}

function resolveData(data: KellerSegelPhysicalProblem['initialData'], r: Vec): Vec {
  let rho: Vec;
  if (typeof data === 'function') {
    rho = new Float64Array(r.length);
    for (let i = 0; i < r.length; i++) rho[i] = data(r[i]);
  } else {
    rho = Float64Array.from(checkVec('problem.initialData', data, r.length));
  }
  for (let i = 0; i < rho.length; i++) {
    if (!Number.isFinite(rho[i]) || rho[i] < 0) throw new InvalidArgumentError(`problem.initialData[${i}]`, 'a finite number ≥ 0', rho[i]);
  }
  if (!(rho[0] > 0)) throw new InvalidArgumentError('problem.initialData[0]', 'a positive density at the origin', rho[0]);
  return rho;
}
