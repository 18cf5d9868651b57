/**
 * One forward-Euler step of the mean-field PDE on the node grid `z_i = i·dx`, i = 0..N
 * (`N + 1` nodes), in a single pass over Float64Arrays with no allocation, accumulating the run
 * diagnostics of the new state on the way.
 *
 * Both schemes share the μ-update: the finite-volume form of `μ_t = μ_xx − λσ_x` ((2.9)) with
 * midpoint fluxes `F_{i+½} = −(μ_{i+1} − μ_i)/dx + λ(σ_i + σ_{i+1})/2`, half cells of width dx/2
 * at the walls and zero wall flux. In the interior this is the centered node scheme
 * `μ_i += dt[(μ_{i+1} − 2μ_i + μ_{i−1})/dx² − λ(σ_{i+1} − σ_{i−1})/(2dx)]`; at the walls it equals
 * the ghost-node scheme with even μ and odd σ ghosts when σ = 0 there. The trapezoid sum of μ
 * telescopes, so momentum (4.1) is conserved to round-off in both wall modes.
 *
 * - **Scheme B** (corrected system (B), `w = σ²/2`, `σ = √(2w)`):
 *   `w_i += dt[(w_{i+1} − 2w_i + w_{i−1})/dx² − λ m_i σ_i + m_i²]`, `m_i = (μ_{i+1} − μ_{i−1})/(2dx)`.
 *   Walls: `'dirichlet'` holds w = 0 ((2.12)); `'zeroFlux'` uses a half cell with `w_x = 0` and
 *   drops the reaction there (it vanishes when `μ_x = λσ`, the zero-μ-flux condition).
 *   Positivity: w stays ≥ 0 whenever `dt ≤ 2/(λ² + 4/dx²)` (docs/billiards.md).
 * - **Scheme C** (system (C), `E = (μ² + σ²)/2`): the same finite-volume update for E with flux
 *   `G_{i+½} = −(E_{i+1} − E_i)/dx + λ(p_i + p_{i+1})/2`, `p = μσ`, `σ = √(2·max(E − μ²/2, 0))`.
 *   `'dirichlet'` resets `E = μ²/2` at the walls after the step (the (C) boundary condition);
 *   `'zeroFlux'` does not, and then Σ_trap E — the energy (4.2) — is conserved to round-off.
 *
 * **Upwind flux** (`upwindViscosity = λ·dx/2`, for cell Péclet numbers λ·dx/2 > 1): the
 * hyperbolic flux `λ(σ, μσ)` has the Jacobian A (w.r.t. (μ, E)) with trace 0 and determinant −λ²
 * for every state, so A² = λ²I (Cayley–Hamilton) and |A| = λI. The first-order flux-vector
 * splitting on the Riemann invariants R = μ + σ (speed +λ, taken from the left node) and
 * L = μ − σ (speed −λ, from the right node) of the large-λ limit (4.3), Remark 4.4, is
 * `λ(R_i − L_{i+1})/2 = λ(σ_i + σ_{i+1})/2 − (λ/2)(μ_{i+1} − μ_i)`, and likewise for E: the centered
 * flux plus the numerical diffusion λ·dx/2. Both kernels therefore run with the diffusion
 * coefficient D = 1 + λ·dx/2 on μ and E; for scheme B this is `w_t = D·w_xx − λμ_xσ + D·μ_x²` (w =
 * E − μ²/2). The flux stays conservative with zero wall flux (momentum exact), the cell Péclet
 * number of the modified scheme is λ·dx/(2D) < 1, and the error is first order in dx. Stability:
 * the diffusion part is monotone for `dt ≤ dx²/(2D) = dx²/(2 + λdx)` (the upwind hyperbolic bound
 * dt ≤ dx/λ combined with the diffusion bound), and w stays ≥ 0 for
 * `dt ≤ 2D/(λ² + 4D²/dx²)` (the argument above with θ ≥ 2D·dt/dx² and dtλ² ≤ 2D(1 − θ)), which is
 * at least half of the former. With `upwindViscosity = 0` (centered) the arithmetic is unchanged.
 *
 * Diagnostics written to `diag` (trapezoid rule, weights dx/2 at the walls, dx inside):
 * `[∫μ, ∫(μ² + 2w), ∫2·max(w,0) (= ∫σ²), max 2w (= max σ²), min w]` of the new state.
 *
 * @module
 */
import type { Vec } from '../../core/types';

/** Index of the momentum ∫μ in the diagnostics vector. */
export const DIAG_MOMENTUM = 0;
/** Index of the energy ∫(μ² + 2w) = ∫(μ² + σ²) in the diagnostics vector. */
export const DIAG_ENERGY = 1;
/** Index of ∫σ² = ∫2·max(w, 0) in the diagnostics vector. */
export const DIAG_SIGMA2_INTEGRAL = 2;
/** Index of max σ² = max 2w in the diagnostics vector. */
export const DIAG_SIGMA2_MAX = 3;
/** Index of min w (negative values reveal a loss of positivity) in the diagnostics vector. */
export const DIAG_MIN_W = 4;
/** Length of the diagnostics vector. */
export const DIAG_LENGTH = 5;

/**
 * Coefficients of one explicit step (all derived from dx, dt, λ once per step size).
 * Internal to the PDE solver.
 */
export interface ExplicitCoefficients {
  /** Number of intervals N (nodes N + 1). */
  intervals: number;
  /** Grid spacing 1/N. */
  dx: number;
  /** Time step. */
  dt: number;
  /** PDE speed λ. */
  lambda: number;
  /** True for zero-flux walls, false for Dirichlet (σ = 0) walls. */
  zeroFlux: boolean;
  /**
   * Numerical diffusion of the upwind flux, λ·dx/2 (added to the unit diffusion of μ and E);
   * 0 or omitted for the centered flux.
   */
  upwindViscosity?: number;
}

/*
 * Extrema use Math.max/Math.min rather than branches (3× faster in V8 here), and σ is
 * √(2·max(w, 0)), so a NaN in w propagates into μ and the sums, where the driver detects it.
 */

/**
 * Accumulate the diagnostics of node i (weight `h`) into the running registers of `diag`.
 * Small and monomorphic so that V8 inlines it into the step loops.
 */
function accumulate(diag: Vec, h: number, mu: number, w: number): void {
  diag[0] += h * mu;
  diag[1] += h * (mu * mu + 2 * w);
  const s2 = 2 * Math.max(w, 0);
  diag[2] += h * s2;
  diag[3] = Math.max(diag[3], s2);
  diag[4] = Math.min(diag[4], w);
}

/** Merge the interior sums (weight dx) and extrema into `diag`. */
function addInterior(diag: Vec, dx: number, sumMu: number, sumEnergy: number, sumSigma2: number, maxSigma2: number, minW: number): void {
  diag[0] += dx * sumMu;
  diag[1] += dx * sumEnergy;
  diag[2] += dx * sumSigma2;
  diag[3] = maxSigma2;
  diag[4] = minW;
}

function resetDiagnostics(diag: Vec): void {
  diag[0] = 0;
  diag[1] = 0;
  diag[2] = 0;
  diag[3] = 0;
  diag[4] = Infinity;
}

/**
 * One forward-Euler step of scheme B: `(mu, w) → (muOut, wOut)` (outputs must not alias inputs).
 * Cost ≈ 30 flops and one square root per node.
 *
 * @param c - step coefficients
 * @param mu - μ at the N + 1 nodes
 * @param w - w = σ²/2 at the nodes
 * @param muOut - new μ
 * @param wOut - new w
 * @param diag - diagnostics of the new state (length {@link DIAG_LENGTH}), overwritten
 * @example
 * ```ts
 * stepSchemeB({ intervals: 400, dx: 1 / 400, dt: 1e-6, lambda: 100, zeroFlux: false }, mu, w, mu2, w2, diag);
 * ```
 */
export function stepSchemeB(c: ExplicitCoefficients, mu: Vec, w: Vec, muOut: Vec, wOut: Vec, diag: Vec): void {
  const N = c.intervals;
  const dx = c.dx;
  const dt = c.dt;
  const lambda = c.lambda;
  // diffusion D = 1 (centered) or 1 + λdx/2 (upwind); dt·1 and 1·x are exact, so centered is unchanged
  const dtD = dt * (1 + (c.upwindViscosity ?? 0));
  const a = dtD / (dx * dx);
  const b = (dt * lambda) / (2 * dx);
  const inv2dx = 1 / (2 * dx);
  const lamDt = lambda * dt;
  resetDiagnostics(diag);
  // rolling σ values at i−1, i, i+1
  let wm = w[0];
  let sPrev = Math.sqrt(2 * Math.max(wm, 0));
  let w0 = w[1];
  let sCur = Math.sqrt(2 * Math.max(w0, 0));
  let muPrev = mu[0];
  let muCur = mu[1];
  // wall i = 0 (half cell)
  let m0 = muPrev + 2 * a * (muCur - muPrev) - 2 * b * (sPrev + sCur);
  let q0 = c.zeroFlux ? wm + 2 * a * (w0 - wm) : 0;
  muOut[0] = m0;
  wOut[0] = q0;
  accumulate(diag, 0.5 * dx, m0, q0);
  let sumMu = 0;
  let sumEnergy = 0;
  let sumSigma2 = 0;
  let maxSigma2 = diag[3];
  let minW = diag[4];
  for (let i = 1; i < N; i++) {
    const muNext = mu[i + 1];
    const wp = w[i + 1];
    const sNext = Math.sqrt(2 * Math.max(wp, 0));
    const m = (muNext - muPrev) * inv2dx;
    m0 = muCur + a * (muNext - 2 * muCur + muPrev) - b * (sNext - sPrev);
    q0 = w0 + a * (wp - 2 * w0 + wm) + dtD * m * m - lamDt * m * sCur;
    muOut[i] = m0;
    wOut[i] = q0;
    sumMu += m0;
    sumEnergy += m0 * m0 + 2 * q0;
    const s2 = 2 * Math.max(q0, 0);
    sumSigma2 += s2;
    maxSigma2 = Math.max(maxSigma2, s2);
    minW = Math.min(minW, q0);
    muPrev = muCur;
    muCur = muNext;
    wm = w0;
    w0 = wp;
    sPrev = sCur;
    sCur = sNext;
  }
  addInterior(diag, dx, sumMu, sumEnergy, sumSigma2, maxSigma2, minW);
  // wall i = N (half cell); here muPrev = μ_{N−1}, muCur = μ_N, wm = w_{N−1}, w0 = w_N
  m0 = muCur + 2 * a * (muPrev - muCur) + 2 * b * (sPrev + sCur);
  q0 = c.zeroFlux ? w0 + 2 * a * (wm - w0) : 0;
  muOut[N] = m0;
  wOut[N] = q0;
  accumulate(diag, 0.5 * dx, m0, q0);
}

/**
 * One forward-Euler step of scheme C on `(mu, E) → (muOut, eOut)` (outputs must not alias inputs).
 * With Dirichlet walls, `E = μ²/2` is imposed at both walls after the update.
 *
 * @param c - step coefficients
 * @param mu - μ at the N + 1 nodes
 * @param energy - E = (μ² + σ²)/2 at the nodes
 * @param muOut - new μ
 * @param eOut - new E
 * @param diag - diagnostics of the new state (length {@link DIAG_LENGTH}), overwritten
 * @example
 * ```ts
 * stepSchemeC({ intervals: 400, dx: 1 / 400, dt: 1e-6, lambda: 100, zeroFlux: true }, mu, E, mu2, E2, diag);
 * ```
 */
export function stepSchemeC(c: ExplicitCoefficients, mu: Vec, energy: Vec, muOut: Vec, eOut: Vec, diag: Vec): void {
  const N = c.intervals;
  const dx = c.dx;
  const a = (c.dt * (1 + (c.upwindViscosity ?? 0))) / (dx * dx);
  const b = (c.dt * c.lambda) / (2 * dx);
  resetDiagnostics(diag);
  let muPrev = mu[0];
  let muCur = mu[1];
  let ePrev = energy[0];
  let eCur = energy[1];
  let wTmp = ePrev - 0.5 * muPrev * muPrev;
  let sPrev = Math.sqrt(2 * Math.max(wTmp, 0));
  wTmp = eCur - 0.5 * muCur * muCur;
  let sCur = Math.sqrt(2 * Math.max(wTmp, 0));
  let pPrev = muPrev * sPrev;
  let pCur = muCur * sCur;
  let m0 = muPrev + 2 * a * (muCur - muPrev) - 2 * b * (sPrev + sCur);
  let e0 = c.zeroFlux ? ePrev + 2 * a * (eCur - ePrev) - 2 * b * (pPrev + pCur) : 0.5 * m0 * m0;
  muOut[0] = m0;
  eOut[0] = e0;
  accumulate(diag, 0.5 * dx, m0, e0 - 0.5 * m0 * m0);
  let sumMu = 0;
  let sumEnergy = 0;
  let sumSigma2 = 0;
  let maxSigma2 = diag[3];
  let minW = diag[4];
  for (let i = 1; i < N; i++) {
    const muNext = mu[i + 1];
    const eNext = energy[i + 1];
    wTmp = eNext - 0.5 * muNext * muNext;
    const sNext = Math.sqrt(2 * Math.max(wTmp, 0));
    const pNext = muNext * sNext;
    m0 = muCur + a * (muNext - 2 * muCur + muPrev) - b * (sNext - sPrev);
    e0 = eCur + a * (eNext - 2 * eCur + ePrev) - b * (pNext - pPrev);
    muOut[i] = m0;
    eOut[i] = e0;
    const wNew = e0 - 0.5 * m0 * m0;
    sumMu += m0;
    sumEnergy += 2 * e0;
    const s2 = 2 * Math.max(wNew, 0);
    sumSigma2 += s2;
    maxSigma2 = Math.max(maxSigma2, s2);
    minW = Math.min(minW, wNew);
    muPrev = muCur;
    muCur = muNext;
    ePrev = eCur;
    eCur = eNext;
    sPrev = sCur;
    sCur = sNext;
    pPrev = pCur;
    pCur = pNext;
  }
  addInterior(diag, dx, sumMu, sumEnergy, sumSigma2, maxSigma2, minW);
  m0 = muCur + 2 * a * (muPrev - muCur) + 2 * b * (sPrev + sCur);
  e0 = c.zeroFlux ? eCur + 2 * a * (ePrev - eCur) + 2 * b * (pPrev + pCur) : 0.5 * m0 * m0;
  muOut[N] = m0;
  eOut[N] = e0;
  accumulate(diag, 0.5 * dx, m0, e0 - 0.5 * m0 * m0);
}

/**
 * The diagnostics of a state `(mu, q)` without stepping (q = w for scheme B, E for scheme C),
 * in the layout of {@link stepSchemeB}. O(N).
 *
 * @param intervals - N (nodes N + 1)
 * @param mu - μ at the nodes
 * @param q - w or E at the nodes
 * @param qIsEnergy - true when q holds E (scheme C)
 * @param diag - output (length {@link DIAG_LENGTH})
 * @example
 * ```ts
 * stateDiagnostics(400, mu, w, false, diag); // diag[0] = ∫μ, diag[1] = ∫(μ² + σ²), …
 * ```
 */
export function stateDiagnostics(intervals: number, mu: Vec, q: Vec, qIsEnergy: boolean, diag: Vec): Vec {
  const dx = 1 / intervals;
  resetDiagnostics(diag);
  for (let i = 0; i <= intervals; i++) {
    const m = mu[i];
    const w = qIsEnergy ? q[i] - 0.5 * m * m : q[i];
    accumulate(diag, i === 0 || i === intervals ? 0.5 * dx : dx, m, w);
  }
  return diag;
}
