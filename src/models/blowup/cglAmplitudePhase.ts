/**
 * Pointwise right-hand sides of the 1-D complex Ginzburg–Landau equation (thesis L833) in the two
 * forms of thesis §1.1.2: complex, `ψ_t = (1 + iβ)ψ_xx + (1 + iδ)|ψ|^{p−1}ψ − γψ`, and amplitude–phase
 * (`ψ = u e^{iθ}`, thesis L841–852, re-derived):
 *
 *     u_t = (u_xx − θ_x²u) − β(2u_xθ_x + uθ_xx) + u^p − γu,
 *     uθ_t = β(u_xx − θ_x²u) + 2u_xθ_x + uθ_xx + δu^p.
 *
 * Given derivatives computed by any scheme, the two agree up to that scheme's error (the test
 * measures the order). O(n), no allocation.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import type { CglResolvedParameters } from './cglModel';

/**
 * Complex form: `out = (1+iβ)ψ_xx + (1+iδ)|ψ|^{p−1}ψ − γψ` from ψ and ψ_xx (split real/imaginary arrays).
 * @example
 * ```ts
 * cglComplexRates(params, re, im, reXX, imXX, outRe, outIm);
 * ```
 */
export function cglComplexRates(params: CglResolvedParameters, re: Vec, im: Vec, reXX: Vec, imXX: Vec, outRe: Vec, outIm: Vec): void {
  const { beta, delta, gamma, p } = params;
  for (let i = 0; i < re.length; i++) {
    const a = re[i];
    const b = im[i];
    const m = Math.pow(a * a + b * b, (p - 1) / 2);
    outRe[i] = reXX[i] - beta * imXX[i] + m * (a - delta * b) - gamma * a;
    outIm[i] = imXX[i] + beta * reXX[i] + m * (b + delta * a) - gamma * b;
  }
}

/**
 * Amplitude–phase form (thesis L841–852): `(u_t, θ_t)` from u > 0 and the derivatives u_x, u_xx, θ_x, θ_xx.
 * @example
 * ```ts
 * cglAmplitudePhaseRates(params, u, ux, uxx, thx, thxx, ut, tht);
 * ```
 */
export function cglAmplitudePhaseRates(params: CglResolvedParameters, u: Vec, ux: Vec, uxx: Vec, thx: Vec, thxx: Vec, outU: Vec, outTheta: Vec): void {
  const { beta, delta, gamma, p } = params;
  for (let i = 0; i < u.length; i++) {
    const v = u[i];
    const lap = uxx[i] - thx[i] * thx[i] * v;
    const cross = 2 * ux[i] * thx[i] + v * thxx[i];
    const up = Math.pow(v, p);
    outU[i] = lap - beta * cross + up - gamma * v;
    outTheta[i] = (beta * lap + cross + delta * up) / v;
  }
}
