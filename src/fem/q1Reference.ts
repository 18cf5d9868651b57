/**
 * Reference element matrices of bilinear (Q1) finite elements on an axis-aligned `hx × hy`
 * rectangle, in closed form (tensor products of the 1-D P1 stiffness and mass matrices), and the
 * 1-D boundary mass used by Robin conditions. Local node order is counter-clockwise from the
 * lower-left corner, `(0,0), (1,0), (1,1), (0,1)`, as in {@link StructuredGrid2D}.
 *
 * These are the element matrices of the multiscale FEM's fine mesh (thesis §4.4, lines 5043–5060):
 * on a square the stiffness is `1/6·[[4,−1,−2,−1],[−1,4,−1,−2],[−2,−1,4,−1],[−1,−2,−1,4]]` and the mass
 * `h²/36·[[4,2,1,2],[2,4,2,1],[1,2,4,2],[2,1,2,4]]`.
 *
 * @module
 */
import { checkPositive } from '../core/check';

/** Local node offsets (i, j) of the four element nodes. */
const LOCAL_I = [0, 1, 1, 0];
const LOCAL_J = [0, 0, 1, 1];

/** 1-D P1 stiffness on the unit interval: [[1, −1], [−1, 1]]. */
function k1(a: number, b: number): number {
  return a === b ? 1 : -1;
}

/** 1-D P1 mass on the unit interval: [[1/3, 1/6], [1/6, 1/3]]. */
function m1(a: number, b: number): number {
  return a === b ? 1 / 3 : 1 / 6;
}

/**
 * Element stiffness `K̂_ab = ∫ ∇φ_a·∇φ_b` of a Q1 element of size `hx × hy` (exact), row-major 4×4.
 * Rows sum to zero. On a square it does not depend on h. O(1).
 *
 * @example
 * ```ts
 * const K = q1ElementStiffness(0.1, 0.1); // K[0] = 2/3, K[1] = −1/6, K[2] = −1/3
 * ```
 */
export function q1ElementStiffness(hx: number, hy: number): Float64Array {
  checkPositive('hx', hx);
  checkPositive('hy', hy);
  const out = new Float64Array(16);
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      const ia = LOCAL_I[a];
      const ib = LOCAL_I[b];
      const ja = LOCAL_J[a];
      const jb = LOCAL_J[b];
      out[4 * a + b] = (hy / hx) * k1(ia, ib) * m1(ja, jb) + (hx / hy) * m1(ia, ib) * k1(ja, jb);
    }
  }
  return out;
}

/**
 * Element mass `M̂_ab = ∫ φ_a φ_b` of a Q1 element of size `hx × hy` (exact), row-major 4×4; its
 * entries sum to the element area. O(1).
 *
 * @example
 * ```ts
 * const M = q1ElementMass(1, 1); // M[0] = 1/9, M[1] = 1/18, M[2] = 1/36
 * ```
 */
export function q1ElementMass(hx: number, hy: number): Float64Array {
  checkPositive('hx', hx);
  checkPositive('hy', hy);
  const out = new Float64Array(16);
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) out[4 * a + b] = hx * hy * m1(LOCAL_I[a], LOCAL_I[b]) * m1(LOCAL_J[a], LOCAL_J[b]);
  }
  return out;
}

/**
 * 1-D boundary mass `∫_edge φ_a φ_b = h/6·[[2, 1], [1, 2]]` of an edge of length h (row-major 2×2),
 * the Robin term `(βu, v)_Γ2` of thesis (4.2.2). O(1).
 *
 * @example
 * ```ts
 * q1EdgeMass(0.5); // [1/6, 1/12, 1/12, 1/6]
 * ```
 */
export function q1EdgeMass(h: number): Float64Array {
  checkPositive('h', h);
  return new Float64Array([h / 3, h / 6, h / 6, h / 3]);
}
