/**
 * A symmetric positive definite covariance Γ held as a diagonal or through its Cholesky factor,
 * with the operations the Gaussian inverse-problem literature needs: Γ⁻¹v, Γv, the weighted
 * norm ‖x‖_Γ = ‖Γ^{-1/2}x‖ (thesis Appendix C, footnote to eq. (C.2.1)), and draws Lξ ~ N(0, Γ).
 *
 * @module
 */
import { checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { DenseMatrix } from '../core/types';
import { checkDenseMatrix, choleskyFactor, createMatrix, symmetrize } from './dense';

/**
 * An SPD covariance matrix Γ (n×n), diagonal or dense-with-Cholesky-factor. Immutable.
 * Cost per operation: O(n) diagonal, O(n²) dense.
 *
 * @example
 * ```ts
 * const Gamma = CovarianceOperator.scalar(2, 0.1 ** 2);      // Γ = 0.01·I₂
 * Gamma.normSquared(new Float64Array([0.1, 0])); // ‖x‖²_Γ = xᵀΓ⁻¹x = 1
 * ```
 */
export class CovarianceOperator {
  /** Dimension n. */
  readonly dimension: number;
  /** The diagonal of Γ when Γ is diagonal, else undefined. */
  readonly diagonal: Float64Array | undefined;
  /** Lower Cholesky factor L (Γ = LLᵀ) of a dense Γ, else undefined. */
  readonly factor: DenseMatrix | undefined;
  private readonly work: Float64Array;

  private constructor(n: number, diagonal: Float64Array | undefined, factor: DenseMatrix | undefined) {
    this.dimension = n;
    this.diagonal = diagonal;
    this.factor = factor;
    this.work = new Float64Array(n);
  }

  /**
   * Γ = diag(d).
   * @throws InvalidArgumentError unless every entry is finite and > 0
   */
  static diagonal(d: ArrayLike<number>, name = 'diagonal'): CovarianceOperator {
    if (d === null || typeof d !== 'object' || typeof d.length !== 'number') throw new InvalidTypeError(name, 'an array of positive numbers', d);
    if (d.length < 1) throw new InvalidArgumentError(name, 'a non-empty array', 'length 0');
    const v = new Float64Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const x = d[i];
      if (!(typeof x === 'number' && x > 0 && x < Infinity)) throw new InvalidArgumentError(`${name}[${i}]`, 'a finite number > 0 (Γ must be positive definite)', x);
      v[i] = x;
    }
    return new CovarianceOperator(v.length, v, undefined);
  }

  /** Γ = s·I_n. @throws InvalidArgumentError unless s is finite and > 0, n a positive integer */
  static scalar(n: number, s: number, name = 'scalar'): CovarianceOperator {
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('n', 'a positive integer', n);
    if (!(typeof s === 'number' && s > 0 && s < Infinity)) throw new InvalidArgumentError(name, 'a finite number > 0 (Γ must be positive definite)', s);
    return CovarianceOperator.diagonal(new Float64Array(n).fill(s), name);
  }

  /**
   * A dense SPD Γ, factored once by Cholesky (after symmetrizing (Γ + Γᵀ)/2).
   * @throws InvalidArgumentError naming `name` when Γ is not symmetric to 1e-12 relative or not positive definite
   */
  static dense(M: DenseMatrix, name = 'covariance'): CovarianceOperator {
    checkDenseMatrix(name, M);
    const n = M.rows;
    if (M.cols !== n) throw new InvalidArgumentError(name, 'a square matrix', `${M.rows}×${M.cols}`);
    let scale = 0;
    for (let i = 0; i < n * n; i++) {
      const x = M.data[i];
      if (!Number.isFinite(x)) throw new InvalidArgumentError(`${name}`, 'a matrix of finite entries', x);
      scale = Math.max(scale, Math.abs(x));
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        if (Math.abs(M.data[i * n + j] - M.data[j * n + i]) > 1e-12 * scale) throw new InvalidArgumentError(name, 'a symmetric matrix', `entries (${i},${j}) and (${j},${i}) differ`);
      }
    }
    const r = choleskyFactor(symmetrize(M));
    if (r.status !== 'success') throw new InvalidArgumentError(name, 'a symmetric positive definite matrix', `a non-positive Cholesky pivot at row ${r.failedPivot}`);
    return new CovarianceOperator(n, undefined, r.factor);
  }

  /**
   * Γ = LLᵀ from a lower-triangular factor L with positive diagonal (upper triangle ignored).
   * @throws InvalidArgumentError when a diagonal entry of L is not finite and > 0
   */
  static fromCholesky(L: DenseMatrix, name = 'factor'): CovarianceOperator {
    checkDenseMatrix(name, L);
    const n = L.rows;
    if (L.cols !== n) throw new InvalidArgumentError(name, 'a square matrix', `${L.rows}×${L.cols}`);
    const F = createMatrix(n, n);
    for (let i = 0; i < n; i++) {
      if (!(L.data[i * n + i] > 0 && L.data[i * n + i] < Infinity)) throw new InvalidArgumentError(`${name}[${i}][${i}]`, 'a finite number > 0', L.data[i * n + i]);
      for (let j = 0; j <= i; j++) {
        const x = L.data[i * n + j];
        if (!Number.isFinite(x)) throw new InvalidArgumentError(`${name}[${i}][${j}]`, 'a finite number', x);
        F.data[i * n + j] = x;
      }
    }
    return new CovarianceOperator(n, undefined, F);
  }

  /** out = Γ⁻¹v (out may alias v). O(n) or O(n²). */
  solve(v: Float64Array, out: Float64Array = new Float64Array(this.dimension)): Float64Array {
    const n = this.dimension;
    if (this.diagonal !== undefined) {
      for (let i = 0; i < n; i++) out[i] = v[i] / this.diagonal[i];
      return out;
    }
    const l = this.factor!.data;
    const w = this.work;
    for (let i = 0; i < n; i++) {
      let s = v[i];
      for (let k = 0; k < i; k++) s -= l[i * n + k] * w[k];
      w[i] = s / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = w[i];
      for (let k = i + 1; k < n; k++) s -= l[k * n + i] * out[k];
      out[i] = s / l[i * n + i];
    }
    return out;
  }

  /** out = Γv (out must not alias v for dense Γ). O(n) or O(n²). */
  apply(v: Float64Array, out: Float64Array = new Float64Array(this.dimension)): Float64Array {
    const n = this.dimension;
    if (this.diagonal !== undefined) {
      for (let i = 0; i < n; i++) out[i] = v[i] * this.diagonal[i];
      return out;
    }
    const l = this.factor!.data;
    const w = this.work;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = k; i < n; i++) s += l[i * n + k] * v[i];
      w[k] = s;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += l[i * n + k] * w[k];
      out[i] = s;
    }
    return out;
  }

  /** out = Lξ with Γ = LLᵀ (L = diag(√d) when diagonal): a draw from N(0, Γ) when ξ ~ N(0, I). */
  applySqrt(xi: Float64Array, out: Float64Array = new Float64Array(this.dimension)): Float64Array {
    const n = this.dimension;
    if (this.diagonal !== undefined) {
      for (let i = 0; i < n; i++) out[i] = xi[i] * Math.sqrt(this.diagonal[i]);
      return out;
    }
    const l = this.factor!.data;
    for (let i = n - 1; i >= 0; i--) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += l[i * n + k] * xi[k];
      out[i] = s;
    }
    return out;
  }

  /** ‖x‖²_Γ = xᵀΓ⁻¹x = ‖L⁻¹x‖². O(n) or O(n²/2). */
  normSquared(x: Float64Array): number {
    const n = this.dimension;
    let s = 0;
    if (this.diagonal !== undefined) {
      for (let i = 0; i < n; i++) s += (x[i] * x[i]) / this.diagonal[i];
      return s;
    }
    const l = this.factor!.data;
    const w = this.work;
    for (let i = 0; i < n; i++) {
      let t = x[i];
      for (let k = 0; k < i; k++) t -= l[i * n + k] * w[k];
      w[i] = t / l[i * n + i];
      s += w[i] * w[i];
    }
    return s;
  }

  /** Γ as a dense n×n matrix. */
  toDense(): DenseMatrix {
    const n = this.dimension;
    const M = createMatrix(n, n);
    const e = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      e.fill(0);
      e[j] = 1;
      const c = this.apply(e);
      for (let i = 0; i < n; i++) M.data[i * n + j] = c[i];
    }
    return symmetrize(M);
  }
}

/**
 * The Γ-weighted norm ‖x‖_Γ = ‖Γ^{-1/2}x‖ = √(xᵀΓ⁻¹x) (thesis Appendix C, eq. (C.2.1) and its
 * footnote). O(n) for diagonal Γ, O(n²) for a factored Γ.
 * @example
 * ```ts
 * weightedNorm(new Float64Array([3, 4]), CovarianceOperator.diagonal([1, 4])); // √(9 + 4) = √13
 * ```
 */
export function weightedNorm(x: Float64Array, gamma: CovarianceOperator): number {
  checkVec('x', x, gamma.dimension);
  return Math.sqrt(gamma.normSquared(x));
}
