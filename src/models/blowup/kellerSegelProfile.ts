/**
 * Self-similar blowup profiles of the 3-D radial Keller–Segel system with logistic damping
 * (thesis §1.1.3, L929–1032):
 *
 *     ∂_tρ = Δρ − ∇·(ρ∇c) − μρ²,   Δc + ρ = 0,        μ ∈ [0, 1/3),
 *
 * whose inviscid self-similar profile Q (ρ ≈ (T−t)⁻¹Q(x/(T−t)^β)) solves
 * `Q + β y·∇Q = ∇Q·∇Δ⁻¹Q + (1−μ)Q²` with `Q = 1/(1−μ) − |y|^{2j0} + O(|y|^{4j0})` near 0 and
 * `β = 1/(3(1−μ)) + 1/(2j0)` (thesis L949–958).
 *
 * **Phase-portrait ODE.** With the enclosed mass `M(r) = ∫₀^r s²Q ds` (so `∇Δ⁻¹Q = (M/r²)ê_r`),
 * `m = M/r³` and `s = log r`, the profile equation is the autonomous planar system
 *
 *     dQ/ds = Q((1−μ)Q − 1)/(β − m),     dm/ds = Q − 3m.
 *
 * `(q0, q0/3)`, `q0 = 1/(1−μ)`, is a saddle (eigenvalues 2j0 and −3); the profile is the branch
 * `Q < q0` of its unstable manifold, which flows into the node (0, 0) (eigenvalues −1/β, −3), so
 * `Q ∼ r^{−1/β}` at infinity and the far-field slope `d log Q/d log r → −1/β`. The integration
 * is by DOPRI5 with a terminal event on the singular
 * line `m = β`, in the variables `L = log(Q/(q0 − Q))` and m, where the first equation becomes
 * `dL/ds = −1/(β − m)` and both the small deficit `q0 − Q` near the start and the small Q of the
 * far field keep full relative precision. The start is on the manifold to second order: with
 * `ε = r^{2j0}`,
 *
 *     Q = q0 − ε + aε²,  m = q0/3 − ε/(2j0+3) + bε²,   a = (1−μ) + 2j0/(2j0+3),  b = a/(4j0+3)
 *
 * (the ε² coefficients follow by inserting the series into the system; the start error is
 * O(ε³), so the profile is insensitive to the start radius).
 *
 * **Admissibility** (thesis L965–969): the existence argument and the smallness of the viscous
 * term `λ^{2−4β}ΔΨ` need `1/(3(1−μ)) < β < 1/2`, equivalently `μ < 1/3` and
 * `j0 > 3(1−μ)/(1−3μ)` (j0 ≥ 4 for μ = 0). Inadmissible pairs are rejected with an
 * `InvalidArgumentError` naming `j0` (or `mu`) before any work.
 *
 * @module
 */
import { checkFinite, checkInRange, checkInteger, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, emptyRunStats, type RunOptions, type RunResult, type RunStats } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { dopri5 } from '../../time/dopri5';
import { odeProblem } from '../../time/problem';
import { solve } from '../../time/solve';

/** The admissibility test of a pair (μ, j0) (thesis L954–969). */
export interface KellerSegelAdmissibility {
  /** True when `μ ∈ [0, 1/3)` and `j0 > 3(1−μ)/(1−3μ)` (equivalently `β < 1/2`). */
  admissible: boolean;
  /** The scaling exponent `β = 1/(3(1−μ)) + 1/(2j0)` (NaN when μ ≥ 1/3 or μ = 1). */
  beta: number;
  /** The bound `3(1−μ)/(1−3μ)` that j0 must exceed (Infinity for μ ≥ 1/3). */
  j0Bound: number;
  /** Why the pair is not admissible (empty when it is). */
  reason: string;
}

/**
 * Admissibility of (μ, j0) for the 3-D Keller–Segel profile (thesis L954–969): `β = 1/(3(1−μ)) +
 * 1/(2j0)` must lie in `(1/(3(1−μ)), 1/2)`, i.e. `0 ≤ μ < 1/3` and `j0 > 3(1−μ)/(1−3μ)`. Never
 * throws for finite inputs; O(1).
 *
 * @example
 * ```ts
 * kellerSegelAdmissibility(0, 4).admissible; // true (β = 1/3 + 1/8)
 * kellerSegelAdmissibility(0, 3).admissible; // false (β = 1/2)
 * ```
 */
export function kellerSegelAdmissibility(mu: number, j0: number): KellerSegelAdmissibility {
  checkFinite('mu', mu);
  checkFinite('j0', j0);
  if (!(mu >= 0 && mu < 1 / 3)) {
    return { admissible: false, beta: mu < 1 ? 1 / (3 * (1 - mu)) + 1 / (2 * j0) : Number.NaN, j0Bound: Infinity, reason: `mu = ${mu} is outside [0, 1/3)` };
  }
  const beta = 1 / (3 * (1 - mu)) + 1 / (2 * j0);
  const j0Bound = (3 * (1 - mu)) / (1 - 3 * mu);
  if (!(j0 > j0Bound) || !Number.isInteger(j0)) {
    return { admissible: false, beta, j0Bound, reason: `j0 = ${j0} is not an integer > 3(1−μ)/(1−3μ) = ${j0Bound} (β = ${beta} must be < 1/2)` };
  }
  return { admissible: true, beta, j0Bound, reason: '' };
}

/** The problem of {@link kellerSegelProfile}. */
export interface KellerSegelProfileProblem {
  /** Logistic damping μ ∈ [0, 1/3). */
  mu: number;
  /** Vanishing order at the origin: `Q = q0 − r^{2j0} + …`; an integer > 3(1−μ)/(1−3μ). */
  j0: number;
  /** The start on the unstable manifold: the value of `ε = r^{2j0}` at the first point (default 1e-8; in (0, 1e-2]). */
  start?: number;
  /** Largest radius r of the integration (default 1e6; > 10). */
  rMax?: number;
  /** Relative tolerance of DOPRI5 (default 1e-12). */
  rtol?: number;
  /** Absolute tolerance of DOPRI5 (default 1e-14). */
  atol?: number;
  /** Budget of attempted steps (default 1e5). */
  maxSteps?: number;
}

/** The state of the phase-portrait ODE at one radius. */
export interface KellerSegelProfileState {
  /** Radius r = e^s. */
  r: number;
  /** Q(r). */
  Q: number;
  /** m(r) = M(r)/r³ (a third of the mean of Q over the ball of radius r). */
  m: number;
}

/** Counters of {@link kellerSegelProfile}: the ODE counters of DOPRI5. */
export interface KellerSegelProfileStats {
  /** Located crossings of the singular line m = β (0 for a correct admissible profile). */
  singularLineHits: number;
}

/** Diagnostics along the trajectory (one entry per accepted DOPRI5 step and the start). */
export interface KellerSegelProfileHistory {
  /** Radii r. */
  r: Vec;
  /** Q(r). */
  Q: Vec;
  /** m(r). */
  m: Vec;
  /** The local slope `d log Q/d log r` (→ −1/β). */
  slope: Vec;
}

/** Result of {@link kellerSegelProfile} (the run idiom; `saved` holds the states at `saveAt` radii). */
export interface KellerSegelProfileResult extends RunResult<KellerSegelProfileState, KellerSegelProfileState, KellerSegelProfileStats, KellerSegelProfileHistory> {
  /** μ. */
  mu: number;
  /** j0. */
  j0: number;
  /** β = 1/(3(1−μ)) + 1/(2j0). */
  beta: number;
  /** Q(0) = q0 = 1/(1−μ). */
  q0: number;
  /** The far-field slope `d log Q/d log r` at `rMax`. */
  farSlope: number;
  /** Its limit −1/β. */
  farSlopeLimit: number;
  /** max over the trajectory of m − β (must stay < 0: the trajectory never reaches the singular line). */
  maxMMinusBeta: number;
  /** Q at any radius in (0, rMax] (the series below the start radius, DOPRI5's dense output above); NaN outside. */
  profileAt(r: number): number;
}

/**
 * The self-similar profile Q of the 3-D radial Keller–Segel system with logistic damping by the
 * phase-portrait method (module doc; thesis §1.1.3, L949–969). `saveAt` (second argument) are
 * radii, strictly increasing in `(r_start, rMax]`. Cost: a few hundred DOPRI5 steps (≈ 1 ms).
 *
 * Status `'success'` when the trajectory reaches rMax with m < β; `'diverged'` when it hits the
 * singular line m = β (impossible for a decreasing Q, since m ≤ q0/3 < β: it would signal a bug)
 * or leaves the branch Q < q0.
 *
 * @throws InvalidArgumentError for μ ∉ [0, 1/3), an inadmissible j0 (named, with the bound), or options out of range
 * @example
 * ```ts
 * const p = kellerSegelProfile({ mu: 0, j0: 4 });
 * p.beta; p.profileAt(1); p.farSlope; // 0.4583…, Q(1), ≈ −1/β
 * ```
 */
export function kellerSegelProfile(problem: KellerSegelProfileProblem, runOptions?: RunOptions): KellerSegelProfileResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { mu, j0 }', problem);
  const mu = checkFinite('problem.mu', problem.mu);
  if (!(mu >= 0 && mu < 1 / 3)) throw new InvalidArgumentError('problem.mu', 'a number in [0, 1/3) (the sharp range of thesis L935–937)', mu);
  const j0 = checkInteger('problem.j0', problem.j0, 1);
  const adm = kellerSegelAdmissibility(mu, j0);
  if (!adm.admissible) throw new InvalidArgumentError('problem.j0', `an integer > 3(1−μ)/(1−3μ) = ${adm.j0Bound} for μ = ${mu} (then β = 1/(3(1−μ)) + 1/(2j0) < 1/2)`, j0);
  const eps = checkInRange('problem.start', problem.start ?? 1e-8, 1e-300, 1e-2);
  const rMax = checkPositive('problem.rMax', problem.rMax ?? 1e6);
  if (!(rMax > 10)) throw new InvalidArgumentError('problem.rMax', 'a radius > 10', rMax);
  const rtol = checkInRange('problem.rtol', problem.rtol ?? 1e-12, 1e-15, 1e-2);
  const atol = checkPositive('problem.atol', problem.atol ?? 1e-14);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e5, 1);
  const options = checkRunOptions(runOptions);
  const beta = adm.beta;
  const q0 = 1 / (1 - mu);
  const s0 = Math.log(eps) / (2 * j0);
  const s1 = Math.log(rMax);
  const saveAt = resolveRadii(options.saveAt, Math.exp(s0), rMax);

  const start = kellerSegelManifoldStart(mu, j0, eps);
  const prob = odeProblem({
    rhs(_s: number, y: Vec, dy: Vec): void {
      dy[0] = -1 / (beta - y[1]);
      dy[1] = q0 / (1 + Math.exp(-y[0])) - 3 * y[1];
    },
    y0: [Math.log(start.Q / start.deficit), start.m],
    tspan: [s0, s1],
  });
  const sol = solve(prob, dopri5({ rtol, atol }), {
    events: [{ fn: (_s: number, y: Vec) => beta - y[1], direction: -1, terminal: true }],
    maxSteps,
    signal: options.signal,
    onProgress: options.onProgress,
    progressEvery: options.progressEvery,
  });
  const n = sol.t.length;
  const history: KellerSegelProfileHistory = { r: new Float64Array(n), Q: new Float64Array(n), m: new Float64Array(n), slope: new Float64Array(n) };
  let maxGap = -Infinity;
  let branchLost = false;
  for (let i = 0; i < n; i++) {
    const L = sol.y[2 * i];
    const m = sol.y[2 * i + 1];
    const Q = q0 / (1 + Math.exp(-L));
    history.r[i] = Math.exp(sol.t[i]);
    history.Q[i] = Q;
    history.m[i] = m;
    history.slope[i] = -1 / ((1 + Math.exp(L)) * (beta - m));
    maxGap = Math.max(maxGap, m - beta);
    if (!(Q < q0)) branchLost = true;
  }
  let status: SolveStatus = sol.status;
  let message = sol.status === 'success' ? `reached r = ${rMax} with m < β throughout` : `DOPRI5 stopped with status ${sol.status}`;
  const hits = sol.events.length;
  if (hits > 0) { status = 'diverged'; message = `the trajectory reached the singular line m = β at r = ${Math.exp(sol.events[0].t)}`; }
  else if (branchLost) { status = 'diverged'; message = 'the trajectory left the branch Q < q0'; }
  else if (sol.status === 'success' && sol.tFinal < s1) { status = 'diverged'; message = `stopped early at r = ${Math.exp(sol.tFinal)}`; }
  const last = n - 1;
  const sFinal = sol.t[last];
  const profileAt = (r: number): number => {
    if (!(r > 0) || !Number.isFinite(r)) return Number.NaN;
    const s = Math.log(r);
    if (s <= s0) return kellerSegelManifoldStart(mu, j0, Math.pow(r, 2 * j0)).Q;
    if (s > sFinal) return Number.NaN;
    return q0 / (1 + Math.exp(-sol.at(s)[0]));
  };
  const saved = [];
  for (const r of saveAt) {
    if (Math.log(r) > sFinal) break;
    const y = sol.at(Math.log(r));
    saved.push({ t: r, state: { r, Q: q0 / (1 + Math.exp(-y[0])), m: y[1] } });
  }
  const stats: RunStats & KellerSegelProfileStats = { ...emptyRunStats(), nsteps: sol.stats.nsteps, naccept: sol.stats.naccept, nreject: sol.stats.nreject, nfev: sol.stats.nfev, singularLineHits: hits };
  return {
    status,
    message,
    stats,
    final: { r: history.r[last], Q: history.Q[last], m: history.m[last] },
    saved,
    history,
    mu,
    j0,
    beta,
    q0,
    farSlope: history.slope[last],
    farSlopeLimit: -1 / beta,
    maxMMinusBeta: maxGap,
    profileAt,
  };
}

/** A point on the unstable manifold of the saddle `(q0, q0/3)` (see `kellerSegelManifoldStart`). */
export interface KellerSegelManifoldPoint {
  /** Q to second order: `q0 − ε + aε²`. */
  Q: number;
  /** m to second order: `q0/3 − ε/(2j0+3) + bε²`. */
  m: number;
  /** `q0 − Q = ε − aε²` without cancellation. */
  deficit: number;
  /** Q to first order (the thesis's Taylor data `q0 − r^{2j0}`). */
  Q1: number;
  /** m to first order. */
  m1: number;
  /** The ε² coefficient a = (1−μ) + 2j0/(2j0+3) of Q. */
  a: number;
  /** The ε² coefficient b = a/(4j0+3) of m. */
  b: number;
}

/**
 * The second-order start on the unstable manifold of the saddle `(q0, q0/3)` (module doc):
 * `Q = q0 − ε + aε²`, `m = q0/3 − ε/(2j0+3) + bε²` with `ε = r^{2j0}`. Also returns the
 * first-order point (the thesis's Taylor data `Q = q0 − |y|^{2j0}`) and the deficit
 * `q0 − Q = ε − aε²` computed without cancellation. O(1).
 *
 * @example
 * ```ts
 * kellerSegelManifoldStart(0, 4, 1e-8); // { Q: 1 − 1e-8 + …, m: 1/3 − 1e-8/11 + …, … }
 * ```
 */
export function kellerSegelManifoldStart(mu: number, j0: number, eps: number): KellerSegelManifoldPoint {
  const k = 1 - mu;
  const q0 = 1 / k;
  const a = k + (2 * j0) / (2 * j0 + 3);
  const b = a / (4 * j0 + 3);
  const Q1 = q0 - eps;
  const m1 = q0 / 3 - eps / (2 * j0 + 3);
  return { Q: Q1 + a * eps * eps, m: m1 + b * eps * eps, deficit: eps - a * eps * eps, Q1, m1, a, b };
}

function resolveRadii(saveAt: ArrayLike<number> | undefined, lo: number, hi: number): number[] {
  if (saveAt === undefined) return [];
  if (saveAt === null || typeof saveAt !== 'object' || typeof saveAt.length !== 'number') throw new InvalidTypeError('runOptions.saveAt', 'an array of radii', saveAt);
  const out: number[] = [];
  for (let i = 0; i < saveAt.length; i++) {
    const v = checkFinite(`runOptions.saveAt[${i}]`, saveAt[i]);
    if (!(v > lo && v <= hi)) throw new InvalidArgumentError(`runOptions.saveAt[${i}]`, `a radius in (${lo}, ${hi}]`, v);
    if (i > 0 && !(v > out[i - 1])) throw new InvalidArgumentError(`runOptions.saveAt[${i}]`, 'strictly greater than the previous radius (radii must be strictly increasing)', v);
    out.push(v);
  }
  return out;
}
