/**
 * The sinh coordinate of an unbounded axis: y = c·sinh(z/ℓ) maps z ∈ ℝ onto y ∈ ℝ, is odd (so it
 * respects parity) and grows exponentially, so a finite box z ∈ [−30, 30] covers |y| ≤ sinh 30 ≈
 * 5.343·10¹² (thesis Appendix B.2, the map y = sinh z). The chain rules carry first and second
 * derivatives between the two coordinates exactly:
 * ∂_y = (ℓ/c)·sech(z/ℓ)·∂_z and ∂_y² = (ℓ/c)²·sech²(z/ℓ)·(∂_z² − tanh(z/ℓ)/ℓ·∂_z).
 *
 * @module
 */
import { checkFinite, checkPositive } from '../core/check';

/**
 * The map y = scale·sinh(z/width) with its exact derivatives.
 * @example
 * ```ts
 * const map = new SinhCoordinate();       // y = sinh z
 * map.y(30);                               // 5.343e12
 * const jy = map.toY(z, fz, fzz, out);     // [f, f_y, f_yy]
 * ```
 */
export class SinhCoordinate {
  /** c in y = c·sinh(z/ℓ). */
  readonly scale: number;
  /** ℓ in y = c·sinh(z/ℓ). */
  readonly width: number;

  /**
   * @param scale - c > 0 (default 1)
   * @param width - ℓ > 0 (default 1)
   */
  constructor(scale = 1, width = 1) {
    this.scale = checkPositive('scale', scale);
    this.width = checkPositive('width', width);
  }

  /** y(z). O(1). */
  y(z: number): number {
    return this.scale * Math.sinh(z / this.width);
  }

  /** z(y) = ℓ·asinh(y/c), the inverse map. O(1). */
  z(y: number): number {
    return this.width * Math.asinh(checkFinite('y', y) / this.scale);
  }

  /** dy/dz = (c/ℓ)·cosh(z/ℓ). O(1). */
  dydz(z: number): number {
    return (this.scale / this.width) * Math.cosh(z / this.width);
  }

  /** d²y/dz² = (c/ℓ²)·sinh(z/ℓ). O(1). */
  d2ydz2(z: number): number {
    return (this.scale / (this.width * this.width)) * Math.sinh(z / this.width);
  }

  /**
   * z-derivatives → y-derivatives at z: given f_z and f_zz writes [f_y, f_yy] into `out` (length ≥ 2),
   * f_y = f_z/y′, f_yy = (f_zz − y″ f_y)/y′² (y′ = dy/dz). Overflow-free for |z/ℓ| ≤ 700. O(1).
   * @example
   * ```ts
   * new SinhCoordinate().toY(1, fz, fzz, out);
   * ```
   */
  toY(z: number, fz: number, fzz: number, out: Float64Array): Float64Array {
    const u = z / this.width;
    const sech = 1 / Math.cosh(u);
    const k = this.width / this.scale;
    const fy = k * sech * fz;
    out[0] = fy;
    out[1] = k * k * sech * sech * (fzz - (Math.tanh(u) / this.width) * fz);
    return out;
  }

  /**
   * y-derivatives → z-derivatives at z: given f_y, f_yy writes [f_z, f_zz], f_z = y′ f_y,
   * f_zz = y′² f_yy + y″ f_y. O(1).
   * @example
   * ```ts
   * new SinhCoordinate().toZ(1, fy, fyy, out);
   * ```
   */
  toZ(z: number, fy: number, fyy: number, out: Float64Array): Float64Array {
    const d1 = this.dydz(z);
    out[0] = d1 * fy;
    out[1] = d1 * d1 * fyy + this.d2ydz2(z) * fy;
    return out;
  }
}
