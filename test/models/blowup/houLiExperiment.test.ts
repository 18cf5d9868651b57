/**
 * The Hou–Li experiment (`singularis reproduce hou-li`) says how each c_u,∞ was obtained: a run that
 * reaches no self-similar limit (the focusing drift of small a, thesis Remark A.1.3: c_u → 0 like
 * 1/τ) is marked 'notConverged' instead of reporting its τ-extrapolation as a limit.
 */
import { houLiExperiment } from '../../../src/models/blowup/experiments/houLi';

describe('houLiExperiment: convergence of c_u,∞ is stated per a', () => {
  const r = houLiExperiment({ a: [0.3, 0.9], grid: 100, tau: 60, noDirect: true, lemmaN: [4] });

  test('a = 0.9 converges (residual ≤ 10·tol, or an extrapolation that moves c_u by ≤ 1e-3 relative); a = 0.3 does not', () => {
    const [low, high] = r.sweep;
    expect(high.convergence).not.toBe('notConverged');
    expect(Math.abs(high.cuInf - high.cuFinal)).toBeLessThanOrEqual(1e-3 * Math.abs(high.cuInf));
    // a = 0.3: the residual stays large and c_u keeps drifting towards 0 (focusing), so the
    // extrapolation c + (dc/dτ)/λ would move c_u by more than 1e-3 relative
    expect(low.status).toBe('success');
    expect(low.residual).toBeGreaterThan(1e-4);
    expect(low.convergence).toBe('notConverged');
    expect(Math.abs(low.cuInf - low.cuFinal)).toBeGreaterThan(1e-3 * Math.abs(low.cuInf));
  });
});
