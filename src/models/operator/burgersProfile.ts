/**
 * FC-PINO ingredients for the self-similar profiles of the inviscid Burgers equation (thesis
 * App. B.4, eqs. (B.4.4)–(B.4.5); FC-PINO as in thesis §1.2.1 and Maust et al., arXiv 2211.15960):
 * the closed-form profile, and the physics loss of a profile sampled on [0, Y] with Fourier-
 * continuation derivatives (the data are not periodic), with its gradient.
 *
 * @module
 */
import { checkInRange, checkInteger, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { FcLegendre } from '../../fft/fourierContinuation';
import { FourierDiff } from '../../fft/fourierDiff';

/**
 * The closed-form profile with C = 1 (thesis (B.4.5)): for y ≥ 0, U(y) = −s with s + s^{1+1/λ} = y
 * (one root, Newton from s = min(y, y^{λ/(1+λ)})); odd in y. Exact values: U(2) = −1 for every λ.
 * O(iterations).
 * @example
 * ```ts
 * burgersProfile(10, 0.5); // −2
 * ```
 */
export function burgersProfile(y: number, lambda: number): number {
  checkPositive('lambda', lambda);
  if (y === 0) return 0;
  const a = Math.abs(y), p = 1 + 1 / lambda;
  let s = Math.min(a, Math.pow(a, 1 / p));
  for (let k = 0; k < 100; k++) {
    const f = s + Math.pow(s, p) - a, df = 1 + p * Math.pow(s, p - 1);
    const next = Math.max(s - f / df, s / 2);
    if (Math.abs(next - s) <= 1e-16 * Math.max(1, s)) { s = next; break; }
    s = next;
  }
  return y > 0 ? -s : s;
}

/** Options of {@link BurgersProfileLoss}. */
export interface BurgersProfileLossOptions {
  /** Grid points on [0, Y] (linspace, both ends included). */
  n: number;
  /** Right end Y > 2 (default 10). */
  Y?: number;
  /** FC-Legendre matching points (default 5). */
  matchingPoints?: number;
  /** FC-Legendre added points (even, default 50). */
  nAdditional?: number;
  /** Weight of the conditions U(0) = 0 and U(2) = −1 (default 1). */
  anchorWeight?: number;
}

/**
 * Physics loss of a sampled profile U on y_j = jY/(n−1):
 * L = mean_j R_j² + w·(U(0)² + (U(2) + 1)²), R = −λU + ((1+λ)y + U)·U_y (thesis (B.4.4)), with U_y
 * from the FC-Legendre spectral derivative D (a dense n × n matrix built once), U(2) by linear
 * interpolation; `lossAndGradient` also returns ∂L/∂U = (2/n)[R(−λ + DU) + Dᵀ(R((1+λ)y + U))] + anchors.
 * O(n²) per evaluation.
 * @example
 * ```ts
 * const loss = new BurgersProfileLoss({ n: 64 });
 * const g = new Float64Array(64);
 * loss.lossAndGradient(U, 0.5, g);
 * ```
 */
export class BurgersProfileLoss {
  /** Grid points. */
  readonly n: number;
  /** Grid y_j. */
  readonly y: Float64Array;
  /** The FC derivative matrix D (row-major n × n). */
  readonly D: Float64Array;
  private readonly w: number;
  private readonly i2: number;
  private readonly t2: number;
  private readonly du: Float64Array;
  private readonly r: Float64Array;
  private readonly q: Float64Array;

  /** @param options - see {@link BurgersProfileLossOptions} */
  constructor(options: BurgersProfileLossOptions) {
    const n = checkInteger('options.n', options.n, 16);
    const Y = checkInRange('options.Y', options.Y ?? 10, 2.5, 1e6);
    this.w = checkInRange('options.anchorWeight', options.anchorWeight ?? 1, 0, 1e6);
    this.n = n;
    const h = Y / (n - 1);
    this.y = Float64Array.from({ length: n }, (_, j) => j * h);
    const diff = new FourierDiff({ n, h, continuation: new FcLegendre({ matchingPoints: options.matchingPoints ?? 5, nAdditional: options.nAdditional ?? 50 }) });
    this.D = new Float64Array(n * n);
    const e = new Float64Array(n), col = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      e.fill(0); e[k] = 1;
      diff.derivative(e, 1, col);
      for (let j = 0; j < n; j++) this.D[j * n + k] = col[j];
    }
    this.i2 = Math.floor(2 / h);
    this.t2 = 2 / h - this.i2;
    this.du = new Float64Array(n); this.r = new Float64Array(n); this.q = new Float64Array(n);
  }

  /** The residual R_j (written to `out`) of a sampled profile. */
  residual(U: Float64Array, lambda: number, out: Float64Array = new Float64Array(this.n)): Float64Array {
    const n = this.n;
    if (!(U instanceof Float64Array) || U.length !== n) throw new InvalidTypeError('U', `a Float64Array of length ${n}`, U);
    checkPositive('lambda', lambda);
    const D = this.D, du = this.du;
    for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += D[j * n + k] * U[k]; du[j] = s; }
    for (let j = 0; j < n; j++) out[j] = -lambda * U[j] + ((1 + lambda) * this.y[j] + U[j]) * du[j];
    return out;
  }

  /** Loss value; writes ∂L/∂U into `grad` (overwritten). */
  lossAndGradient(U: Float64Array, lambda: number, grad: Float64Array): number {
    const n = this.n, D = this.D, r = this.r, q = this.q, du = this.du;
    this.residual(U, lambda, r);
    let L = 0;
    for (let j = 0; j < n; j++) L += r[j] * r[j];
    L /= n;
    for (let j = 0; j < n; j++) { grad[j] = (2 / n) * r[j] * (-lambda + du[j]); q[j] = (2 / n) * r[j] * ((1 + lambda) * this.y[j] + U[j]); }
    for (let k = 0; k < n; k++) { let s = 0; for (let j = 0; j < n; j++) s += D[j * n + k] * q[j]; grad[k] += s; }
    const u2 = (1 - this.t2) * U[this.i2] + this.t2 * U[this.i2 + 1];
    L += this.w * (U[0] * U[0] + (u2 + 1) * (u2 + 1));
    grad[0] += 2 * this.w * U[0];
    grad[this.i2] += 2 * this.w * (u2 + 1) * (1 - this.t2);
    grad[this.i2 + 1] += 2 * this.w * (u2 + 1) * this.t2;
    return L;
  }
}
