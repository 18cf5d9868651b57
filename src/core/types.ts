/**
 * Shared types: vectors, strided views and the structural ndarray shape.
 *
 * @module
 */

/**
 * A dense vector of doubles. Every numerical kernel in singularis reads and writes these.
 * @example
 * ```ts
 * const v: Vec = new Float64Array(8);
 * ```
 */
export type Vec = Float64Array;

/**
 * Anything indexable by integers with a length (plain arrays and typed arrays).
 * @example
 * ```ts
 * const sum = (x: ArrayLikeNumber) => Array.prototype.reduce.call(x, (a: number, b: number) => a + b, 0);
 * ```
 */
export type ArrayLikeNumber = ArrayLike<number>;

/**
 * Structural description of a strided n-dimensional array, compatible with scijs `ndarray`
 * objects without importing that package: element (i0, i1, …) lives at
 * `data[offset + i0*stride[0] + i1*stride[1] + …]`.
 * @example
 * ```ts
 * // a 3×4 row-major view of 12 numbers
 * const a: NdArrayLike = { data: new Float64Array(12), shape: [3, 4], stride: [4, 1], offset: 0 };
 * ```
 */
export interface NdArrayLike {
  /** Flat storage. */
  readonly data: Float64Array;
  /** Extent along each axis. */
  readonly shape: readonly number[];
  /** Step in `data` between neighbors along each axis (may be negative). */
  readonly stride: readonly number[];
  /** Index in `data` of element (0, 0, …). */
  readonly offset: number;
}

/**
 * Row-major strides for a shape, e.g. `[3, 4] -> [4, 1]`.
 * @example
 * ```ts
 * rowMajorStrides([3, 4]); // [4, 1]
 * ```
 */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = s;
    s *= shape[d];
  }
  return stride;
}

/**
 * A dense row-major matrix: entry (i, j) is `data[i*cols + j]`.
 * Used by the small dense factorizations in `linalg/` and by ensemble statistics.
 * @example
 * ```ts
 * const X: DenseMatrix = { rows: 2, cols: 3, data: Float64Array.of(1, 2, 3, 4, 5, 6) }; // row-major
 * ```
 */
export interface DenseMatrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Row-major storage of length rows*cols. */
  readonly data: Float64Array;
}

/**
 * A complex vector stored interleaved: entry k is `data[2k] + i·data[2k+1]`.
 * All complex-valued kernels (Helmholtz systems, complex Ginzburg–Landau) use this layout.
 * @example
 * ```ts
 * const z: ComplexVec = Float64Array.of(1, 0, 0, 1); // [1, i] interleaved (re, im)
 * ```
 */
export type ComplexVec = Float64Array;

/**
 * The structural interface every random source in singularis implements, so that stochastic
 * solvers accept any generator (see `random/`).
 * @example
 * ```ts
 * const source: RandomSource = new Rng(42);
 * source.normal();
 * ```
 */
export interface RandomSource {
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal N(0, 1) sample. */
  normal(): number;
}
