/**
 * The two sub-steps of the splitting integrator of second-order (underdamped) Langevin dynamics
 * used by ensemble samplers (thesis Appendix C, §C.6, eqs. (C.6.1)–(C.6.3)): a leapfrog
 * (Störmer–Verlet: half kick, drift, half kick) step of the Hamiltonian part q̇ = p, ṗ = F(q), and
 * the exact solution in law of the Ornstein–Uhlenbeck part ṗ = −γp + √(2γK)Ẇ.
 *
 * @module
 */

/**
 * One leapfrog step of q̇ = p, ṗ = F(q) over n coordinates (thesis eq. (C.6.1); the scheme the
 * thesis calls "symplectic Euler" in §C.6 is this kick–drift–kick): p += (h/2)F, q += h·p,
 * F ← F(q), p += (h/2)F. `forces` holds F(q) on entry and F at the new q on exit, so consecutive
 * steps cost one force evaluation each. Second order, time reversible, symplectic for constant
 * mass. Allocation-free; O(n) plus the force.
 *
 * @param force - writes F(q) into its second argument; returns false when it fails (e.g. a NaN),
 *   and the step then returns false leaving q advanced and p half-kicked (the caller restores)
 * @example
 * ```ts
 * const q = new Float64Array([1]), p = new Float64Array([0]);
 * const F = new Float64Array([-1]);                       // F(q) = −q
 * leapfrogStep(q, p, F, 0.1, (x, out) => { out[0] = -x[0]; return true; });
 * ```
 */
export function leapfrogStep(q: Float64Array, p: Float64Array, forces: Float64Array, h: number, force: (q: Float64Array, out: Float64Array) => boolean): boolean {
  const n = q.length;
  const half = h / 2;
  for (let k = 0; k < n; k++) {
    p[k] += half * forces[k];
    q[k] += h * p[k];
  }
  if (!force(q, forces)) return false;
  for (let k = 0; k < n; k++) p[k] += half * forces[k];
  return true;
}

/**
 * The exact Ornstein–Uhlenbeck step p ← e^{−γh}p + √(1 − e^{−2γh})·η over n coordinates, where η
 * is a draw from N(0, K) supplied by the caller (thesis eq. (C.6.3) with K = C_q): exact in law for
 * ṗ = −γp + √(2γK)Ẇ with K frozen over the step, for any h. Allocation-free; O(n).
 * @example
 * ```ts
 * ornsteinUhlenbeckStep(p, 1.0, 0.1, eta); // eta ~ N(0, K)
 * ```
 */
export function ornsteinUhlenbeckStep(p: Float64Array, gamma: number, h: number, eta: Float64Array): Float64Array {
  const decay = Math.exp(-gamma * h);
  const amp = Math.sqrt(-Math.expm1(-2 * gamma * h));
  for (let k = 0; k < p.length; k++) p[k] = decay * p[k] + amp * eta[k];
  return p;
}
