/**
 * Steppers behind {@link meanFieldPde}: a common interface over the fused explicit kernels
 * (`pdeExplicitStep`) and the IMEX ARS(2,2,2) integrator (`pdeImex` + `time/`). Each engine
 * holds the current state (μ, q) and the diagnostics of that state, and takes one step that
 * never passes a given target time, landing on it exactly. Internal to the PDE solver.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import { imexArs222, init, odeProblem, type OdeIntegrator } from '../../time/index';
import { DIAG_LENGTH, stateDiagnostics, stepSchemeB, stepSchemeC, type ExplicitCoefficients } from './pdeExplicitStep';
import { imexApplyWallData, imexDiffusionOperator, imexExplicitPart, type ImexSystem } from './pdeImex';
import type { PdeSetup } from './pdeSetup';

/** A step is stretched by at most this relative amount to land on a target instead of leaving a sliver. */
const LANDING_SLACK = 1e-8;

/** What the driver needs from a stepper. */
export interface PdeEngine {
  /** Current time. */
  readonly t: number;
  /** Current μ (owned by the engine; copy to keep). */
  readonly mu: Vec;
  /** Current q = w (scheme B) or E (scheme C), wall values consistent with the walls. */
  readonly q: Vec;
  /** Diagnostics of the current state (layout of `pdeExplicitStep`). */
  readonly diag: Vec;
  /** Shifted linear solves so far. */
  readonly linearSolves: number;
  /**
   * Take one step of at most the nominal dt, not past `target` (landing on it exactly).
   * @returns false, leaving the state unchanged, when the new state is not finite
   */
  stepToward(target: number): boolean;
}

function isFiniteDiag(diag: Vec): boolean {
  const s = diag[0] + diag[1] + diag[2];
  return s - s === 0;
}

/** Forward Euler with the fused single-pass kernels; two buffer pairs swapped every step. */
class ExplicitEngine implements PdeEngine {
  t = 0;
  mu: Vec;
  q: Vec;
  readonly diag = new Float64Array(DIAG_LENGTH);
  readonly linearSolves = 0;
  private muNext: Vec;
  private qNext: Vec;
  private readonly trial = new Float64Array(DIAG_LENGTH);
  private readonly coefficients: ExplicitCoefficients;
  private readonly energyForm: boolean;
  private readonly dt: number;

  constructor(setup: PdeSetup) {
    this.mu = Float64Array.from(setup.mu0);
    this.q = Float64Array.from(setup.q0);
    this.muNext = new Float64Array(this.mu.length);
    this.qNext = new Float64Array(this.mu.length);
    this.energyForm = setup.scheme === 'C';
    this.dt = setup.dt;
    this.coefficients = { intervals: setup.intervals, dx: setup.dx, dt: setup.dt, lambda: setup.lambda, zeroFlux: setup.walls === 'zeroFlux', upwindViscosity: setup.upwindViscosity };
    stateDiagnostics(setup.intervals, this.mu, this.q, this.energyForm, this.diag);
  }

  stepToward(target: number): boolean {
    const remaining = target - this.t;
    const lands = this.dt >= remaining * (1 - LANDING_SLACK);
    const c = this.coefficients;
    c.dt = lands ? remaining : this.dt;
    if (this.energyForm) stepSchemeC(c, this.mu, this.q, this.muNext, this.qNext, this.trial);
    else stepSchemeB(c, this.mu, this.q, this.muNext, this.qNext, this.trial);
    if (!isFiniteDiag(this.trial)) return false;
    this.diag.set(this.trial);
    const mu = this.mu;
    const q = this.q;
    this.mu = this.muNext;
    this.q = this.qNext;
    this.muNext = mu;
    this.qNext = q;
    this.t = lands ? target : this.t + c.dt;
    return true;
  }
}

/** ARS(2,2,2) from `time/` with the tridiagonal diffusion operator of `pdeImex`. */
class ImexEngine implements PdeEngine {
  readonly mu: Vec;
  readonly q: Vec;
  readonly diag = new Float64Array(DIAG_LENGTH);
  private readonly integrator: OdeIntegrator;
  private readonly state: Vec;
  private readonly sys: ImexSystem;
  private stop = Number.NaN;

  constructor(setup: PdeSetup, tEnd: number) {
    const n = setup.intervals + 1;
    this.sys = { intervals: setup.intervals, dx: setup.dx, lambda: setup.lambda, energyForm: setup.scheme === 'C', zeroFlux: setup.walls === 'zeroFlux', diffusion: 1 + setup.upwindViscosity };
    const y0 = new Float64Array(2 * n);
    y0.set(setup.mu0, 0);
    y0.set(setup.q0, n);
    const sys = this.sys;
    const prob = odeProblem({
      rhs: (_t: number, y: Vec, dy: Vec) => imexExplicitPart(sys, y, dy),
      y0,
      tspan: [0, tEnd],
      linear: imexDiffusionOperator(sys),
    });
    this.integrator = init(prob, imexArs222({ dt: setup.dt }));
    this.state = Float64Array.from(y0);
    this.mu = this.state.subarray(0, n);
    this.q = this.state.subarray(n);
    stateDiagnostics(setup.intervals, this.mu, this.q, sys.energyForm, this.diag);
  }

  get t(): number {
    return this.integrator.t;
  }

  get linearSolves(): number {
    return this.integrator.stats.nlinsolve;
  }

  stepToward(target: number): boolean {
    const it = this.integrator;
    if (target !== this.stop) {
      it.stopAt(target);
      this.stop = target;
    }
    // the integrator refuses (status 'nonFinite') a step whose new state is not finite
    if (!it.step()) return false;
    this.state.set(it.y);
    // scheme C with Dirichlet walls: E = μ²/2 at the walls after every step (O(N) restart copy)
    if (imexApplyWallData(this.sys, this.state)) it.setState(it.t, this.state);
    stateDiagnostics(this.mu.length - 1, this.mu, this.q, this.sys.energyForm, this.diag);
    return true;
  }
}

/**
 * Create the engine for a validated setup.
 * @param setup - validated problem and initial state
 * @param tEnd - final time (the IMEX problem's time span)
 * @example
 * ```ts
 * const engine = createPdeEngine(setupMeanFieldPde({ n: 200, nodes: 401 }), 1e-3);
 * while (engine.t < 1e-3) engine.stepToward(1e-3);
 * ```
 */
export function createPdeEngine(setup: PdeSetup, tEnd: number): PdeEngine {
  return setup.stepper === 'imex' ? new ImexEngine(setup, tEnd) : new ExplicitEngine(setup);
}
