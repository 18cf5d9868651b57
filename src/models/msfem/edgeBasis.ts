/**
 * The edge basis of ExpMsFEM (thesis §4.3.2, (4.3.4)–(4.3.6); spec §3 step 2): for an interior
 * coarse edge e, the harmonic space U(ω_e) of the oversampling domain, the restriction
 * `R_e = Π_e Σ_e` (edge values minus their linear interpolant), the Gram matrix N_e of the edge
 * extension `Q_{E_H}` into the two adjacent cells, and the top eigenvectors of
 * `(R_eᴴ N_e R_e) v = λ P_e v` — in the reduced form `G_e N_e t = λ t`, `G_e = R_e P_e⁻¹ R_eᴴ` (an
 * (N_f−1)-size Hermitian EVD), or directly (the n_b-size generalized EVD; a test oracle).
 *
 * @module
 */
import {
  complexCholesky,
  complexHermitianEigenDescending,
  complexMatrix,
  complexMultiply,
  complexTriangularSolve,
  type ComplexColumnMatrix,
} from '../../linalg/complexDense';
import { sparseTimesDense, type LocalProblem } from './localProblem';
import { harmonicRowKinds, hermitianGram } from './patchGram';

/** The offline data of one interior coarse edge. */
export interface EdgeBasis {
  /** Coarse edge id. */
  edge: number;
  /** Edge traces t_j (N_f−1 interior edge nodes × all computed modes), N_e-orthonormal, by decreasing σ. */
  traces: ComplexColumnMatrix;
  /** Singular values σ_j = √λ_j, decreasing. */
  sigma: Float64Array;
  /** The Gram matrix N_e (Hermitian positive definite). */
  gram: ComplexColumnMatrix;
  /** Trace of the oversampled edge bubble `Π_e Σ_e Bub_{ω_e}` (online), or undefined. */
  bubbleTrace?: ComplexColumnMatrix;
  /** Whether the patch pinned a node (null-mode handling). */
  pinned: boolean;
}

/** Hermitian part (A + Aᴴ)/2 of a square column-major matrix, in place. */
function hermitianize(A: ComplexColumnMatrix): ComplexColumnMatrix {
  const n = A.rows;
  const d = A.data;
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      const p = 2 * (i + j * n);
      const q = 2 * (j + i * n);
      const re = 0.5 * (d[p] + d[q]);
      const im = 0.5 * (d[p + 1] - d[q + 1]);
      d[p] = re;
      d[p + 1] = im;
      d[q] = re;
      d[q + 1] = -im;
    }
  }
  return A;
}

/**
 * `Π_e Σ_e` applied to the columns of a nodal matrix: values at the N_f+1 edge nodes (local ids
 * `edgeNodes`) minus the linear interpolant of the end values, interior entries kept ((N_f−1) × cols).
 */
export function restrictToEdge(U: ComplexColumnMatrix, edgeNodes: Int32Array): ComplexColumnMatrix {
  const nf = edgeNodes.length - 1;
  const out = complexMatrix(nf - 1, U.cols);
  const n = U.rows;
  for (let c = 0; c < U.cols; c++) {
    const o = 2 * n * c;
    const a0 = edgeNodes[0];
    const a1 = edgeNodes[nf];
    for (let k = 1; k < nf; k++) {
      const s = k / nf;
      const node = edgeNodes[k];
      for (let z = 0; z < 2; z++) {
        out.data[2 * (k - 1 + (nf - 1) * c) + z] = U.data[o + 2 * node + z] - (1 - s) * U.data[o + 2 * a0 + z] - s * U.data[o + 2 * a1 + z];
      }
    }
  }
  return out;
}

/** One cell's contribution `Lᴴ K_nrm^T L` to N_e (not yet Hermitianized). */
export function sideGram(L: ComplexColumnMatrix, Knrm: LocalProblem['Knrm']): ComplexColumnMatrix {
  return complexMultiply(L, sparseTimesDense(Knrm, L), 'adjoint');
}

/** N_e from the per-cell contributions of {@link sideGram}, summed in the given order, Hermitianized. */
export function sumSideGrams(parts: readonly ComplexColumnMatrix[]): ComplexColumnMatrix {
  const gram = complexMatrix(parts[0].rows, parts[0].cols, Float64Array.from(parts[0].data));
  for (let p = 1; p < parts.length; p++) {
    const d = parts[p].data;
    for (let k = 0; k < d.length; k++) gram.data[k] += d[k];
  }
  return hermitianize(gram);
}

/**
 * N_e = Σ_± L_±ᴴ K_nrm^{T±} L_± for the edge-extension blocks L_± (cell nodes × (N_f−1)).
 */
export function edgeGram(blocks: readonly { L: ComplexColumnMatrix; cell: LocalProblem }[]): ComplexColumnMatrix {
  return sumSideGrams(blocks.map(({ L, cell }) => sideGram(L, cell.Knrm)));
}

/**
 * Solve the local eigenproblem of edge e (thesis (4.3.4)) given the patch problem, the local ids of
 * the edge's N_f+1 nodes in the patch, and N_e. Returns traces (N_e-orthonormal, all N_f−1 modes in
 * the reduced form, the nonzero ones in the direct form) and σ.
 */
export function edgeEigen(
  patch: LocalProblem,
  edgeNodes: Int32Array,
  gram: ComplexColumnMatrix,
  form: 'reduced' | 'direct' | 'schur',
): {
  /** Edge traces, N_e-orthonormal, by decreasing σ. */
  traces: ComplexColumnMatrix;
  /** Singular values σ_j. */
  sigma: Float64Array;
  /** The patch Gram matrix P_e (harmonic-basis forms only). */
  P?: ComplexColumnMatrix;
  /** The restriction R_e (harmonic-basis forms only). */
  R?: ComplexColumnMatrix;
  /** G_e = R_e P_e⁻¹ R_eᴴ (reduced and Schur forms). */
  G?: ComplexColumnMatrix;
} {
  if (form === 'schur') {
    const D = patch.schurDifference(edgeNodes);
    const G = hermitianize(projectEdge(D, edgeNodes.length - 1));
    const { traces, sigma } = reducedFromG(G, gram);
    return { traces, sigma, G };
  }
  const harm = patch.harmonicBasis();
  const P = hermitianGram(harm, sparseTimesDense(patch.Knrm, harm), harmonicRowKinds(patch));
  const R = restrictToEdge(harm, edgeNodes);
  const LP = complexCholesky(P);
  const ne = R.rows;
  // Y = L_P⁻¹ Rᴴ (n_b × ne)
  const Rh = complexMatrix(R.cols, ne);
  for (let i = 0; i < ne; i++) {
    for (let j = 0; j < R.cols; j++) {
      Rh.data[2 * (j + R.cols * i)] = R.data[2 * (i + ne * j)];
      Rh.data[2 * (j + R.cols * i) + 1] = -R.data[2 * (i + ne * j) + 1];
    }
  }
  const Y = complexTriangularSolve(LP, Rh, false);
  if (form === 'reduced') {
    const G = hermitianize(complexMultiply(Y, Y, 'adjoint')); // R P⁻¹ Rᴴ
    const { traces, sigma } = reducedFromG(G, gram);
    return { traces, sigma, P, R, G };
  }
  // direct: C' = Y N_e Yᴴ (n_b × n_b), v = L_P⁻ᴴ w, t = R v / √λ
  const C = hermitianize(complexMultiply(Y, complexMultiply(gram, adjointOf(Y))));
  const { values, vectors } = complexHermitianEigenDescending(C);
  const V = complexTriangularSolve(LP, vectors, true);
  const T = complexMultiply(R, V);
  const keep = Math.min(ne, values.length);
  const traces = complexMatrix(ne, keep);
  const sigma = new Float64Array(keep);
  for (let c = 0; c < keep; c++) {
    const lam = Math.max(values[c], 0);
    sigma[c] = Math.sqrt(lam);
    const s = lam > 0 ? 1 / Math.sqrt(lam) : 0;
    for (let i = 0; i < 2 * ne; i++) traces.data[2 * ne * c + i] = T.data[2 * ne * c + i] * s;
  }
  return { traces, sigma, P, R };
}

/** Top eigenvectors of `G N t = λ t` via `N = L Lᴴ`, `Lᴴ G L z = λ z`, `t = L⁻ᴴ z` (spec §3 step 2g). */
function reducedFromG(G: ComplexColumnMatrix, gram: ComplexColumnMatrix): { traces: ComplexColumnMatrix; sigma: Float64Array } {
  const LN = complexCholesky(gram);
  const C = hermitianize(complexMultiply(LN, complexMultiply(G, LN), 'adjoint'));
  const { values, vectors } = complexHermitianEigenDescending(C);
  const traces = complexTriangularSolve(LN, vectors, true);
  const sigma = Float64Array.from(values, (v) => Math.sqrt(Math.max(v, 0)));
  return { traces, sigma };
}

/** `Π D Πᵀ` for a (N_f+1)² matrix D on the closed edge: interior rows/columns minus the linear interpolant of the ends. */
function projectEdge(D: ComplexColumnMatrix, nf: number): ComplexColumnMatrix {
  const n = nf + 1;
  const ne = nf - 1;
  const Pi = (k: number, j: number): number => (j === k + 1 ? 1 : 0) - (j === 0 ? 1 - (k + 1) / nf : 0) - (j === nf ? (k + 1) / nf : 0);
  const tmp = complexMatrix(ne, n);
  for (let c = 0; c < n; c++) {
    for (let k = 0; k < ne; k++) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < n; j++) {
        const p = Pi(k, j);
        if (p === 0) continue;
        re += p * D.data[2 * (j + n * c)];
        im += p * D.data[2 * (j + n * c) + 1];
      }
      tmp.data[2 * (k + ne * c)] = re;
      tmp.data[2 * (k + ne * c) + 1] = im;
    }
  }
  const out = complexMatrix(ne, ne);
  for (let l = 0; l < ne; l++) {
    for (let k = 0; k < ne; k++) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < n; j++) {
        const p = Pi(l, j);
        if (p === 0) continue;
        re += p * tmp.data[2 * (k + ne * j)];
        im += p * tmp.data[2 * (k + ne * j) + 1];
      }
      out.data[2 * (k + ne * l)] = re;
      out.data[2 * (k + ne * l) + 1] = im;
    }
  }
  return out;
}

function adjointOf(A: ComplexColumnMatrix): ComplexColumnMatrix {
  const out = complexMatrix(A.cols, A.rows);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) {
      out.data[2 * (j + A.cols * i)] = A.data[2 * (i + A.rows * j)];
      out.data[2 * (j + A.cols * i) + 1] = -A.data[2 * (i + A.rows * j) + 1];
    }
  }
  return out;
}

/**
 * The edge traces used for m modes: the first min(m, N_f−1) eigen traces, plus (when given) the
 * bubble trace orthogonalized against them in the N_e inner product and dropped when it lies in
 * their span (relative norm < 1e-10) — so m + 1 > N_f − 1 never makes the global matrix singular
 * (spec §3 step 2f, §6).
 */
export function tracesForModes(basis: EdgeBasis, m: number, withBubble: boolean): ComplexColumnMatrix {
  const ne = basis.traces.rows;
  const k = Math.min(m, basis.traces.cols);
  const cols: Float64Array[] = [];
  for (let c = 0; c < k; c++) cols.push(basis.traces.data.slice(2 * ne * c, 2 * ne * (c + 1)));
  if (withBubble && basis.bubbleTrace !== undefined) {
    const t = Float64Array.from(basis.bubbleTrace.data);
    const nrm = (x: Float64Array): number => Math.sqrt(Math.max(innerN(basis.gram, x, x)[0], 0));
    const n0 = nrm(t);
    if (n0 > 0) {
      for (let pass = 0; pass < 2; pass++) {
        for (const q of cols) {
          const [pr, pi] = innerN(basis.gram, q, t); // qᴴ N t
          for (let i = 0; i < ne; i++) {
            t[2 * i] -= pr * q[2 * i] - pi * q[2 * i + 1];
            t[2 * i + 1] -= pr * q[2 * i + 1] + pi * q[2 * i];
          }
        }
      }
      const n1 = nrm(t);
      if (n1 > 1e-10 * n0) {
        for (let i = 0; i < 2 * ne; i++) t[i] /= n1;
        cols.push(t);
      }
    }
  }
  const out = complexMatrix(ne, cols.length);
  cols.forEach((c, j) => out.data.set(c, 2 * ne * j));
  return out;
}

/** xᴴ N y for a dense Hermitian N (column-major). */
function innerN(N: ComplexColumnMatrix, x: Float64Array, y: Float64Array): [number, number] {
  const n = N.rows;
  let sr = 0;
  let si = 0;
  for (let j = 0; j < n; j++) {
    let nr = 0;
    let ni = 0;
    for (let i = 0; i < n; i++) {
      const ar = N.data[2 * (i + n * j)];
      const ai = N.data[2 * (i + n * j) + 1];
      // conj(x_i) · N_ij
      const xr = x[2 * i];
      const xi = -x[2 * i + 1];
      nr += xr * ar - xi * ai;
      ni += xr * ai + xi * ar;
    }
    sr += nr * y[2 * j] - ni * y[2 * j + 1];
    si += nr * y[2 * j + 1] + ni * y[2 * j];
  }
  return [sr, si];
}
