/**
 * Ensemble Kalman algebra for interacting-particle samplers (EKS, ALDI, EKHMC; thesis Appendix C,
 * §C.1 eqs. (C.1.9a,b) and §C.4 eq. (C.4.1)): for an ensemble of I particles q⁽ⁱ⁾ ∈ Rᴺ with forward
 * outputs G(q⁽ⁱ⁾) ∈ Rᴶ, the centered ensemble Q, the covariance C_q = QQᵀ/(I − ddof), the
 * cross-covariance C_qG with the outputs, the gradient-free Kalman forces
 *
 *   F⁽ⁱ⁾ = −C_q Γ0⁻¹(q⁽ⁱ⁾ − m0) − C_qG Γ⁻¹(G(q⁽ⁱ⁾) − y),
 *
 * which equal −C_q DΦ(q⁽ⁱ⁾) exactly for a linear forward map, and the noise Qξ/√(I − ddof)
 * (ξ ∈ Rᴵ), the generalized square root of C_q that needs no Cholesky factor and stays in the
 * ensemble span (so it works for I ≤ N and is affine invariant).
 *
 * Storage: one particle per row (I×N and I×J row-major Float64Arrays), so particle i is the
 * contiguous slice [i·N, (i+1)·N).
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { DenseMatrix } from '../core/types';
import type { CovarianceOperator } from '../linalg/covarianceOperator';
import { createMatrix } from '../linalg/dense';

/**
 * Centering of I rows of length d (row-major I×d): `shift` = row 0 and `mean` = the mean of
 * x − shift with one correction sweep, so that the centered value of row i is (x⁽ⁱ⁾ − shift) − mean.
 * Under a dominant common offset x⁽ⁱ⁾ − shift is exact (Sterbenz) and the centered values are
 * accurate relative to the spread, where x − x̄ with the representable x̄ (half an ulp of the
 * offset off) would bias the covariance by that error squared. No checks.
 * @internal
 */
function rowCentring(x: Float64Array, I: number, d: number, shift: Float64Array, mean: Float64Array): void {
  for (let a = 0; a < d; a++) {
    const k = Number.isFinite(x[a]) ? x[a] : 0;
    let s = 0;
    for (let i = 0; i < I; i++) s += x[i * d + a] - k;
    let m = s / I;
    let c = 0;
    for (let i = 0; i < I; i++) c += x[i * d + a] - k - m;
    m += c / I;
    shift[a] = k;
    mean[a] = m;
  }
}

/**
 * Work arrays and kernels of one ensemble Kalman iteration for I particles in Rᴺ with outputs in
 * Rᴶ. `update` costs O(I·N² + I·N·J); the forces O(I·(N² + N·J)) plus the Γ solves; the noise
 * O(I·N) per particle.
 *
 * @example
 * ```ts
 * const ws = new EnsembleKalmanWorkspace(1000, 2, 2);        // I, N, J
 * ws.update(positions, outputs);                             // I×N and I×J, particle per row
 * ws.kalmanForces(positions, outputs, y, Gamma, m0, Gamma0, forces);
 * ws.noise(xi, out);                                         // out = Qξ/√I
 * ```
 */
export class EnsembleKalmanWorkspace {
  /** Number of particles I. */
  readonly members: number;
  /** Parameter dimension N. */
  readonly dimension: number;
  /** Output dimension J (0 when no forward outputs are used). */
  readonly outputDimension: number;
  /** Normalization: covariances carry 1/(I − ddof); 0 is the thesis's 1/I (default). */
  readonly ddof: number;
  /** Ensemble mean q̄ (length N), set by {@link update}. */
  readonly mean: Float64Array;
  /** Output mean Ḡ (length J). */
  readonly outputMean: Float64Array;
  /** Centered positions q⁽ⁱ⁾ − q̄ (I×N row-major): the transpose of Q. */
  readonly centered: Float64Array;
  /** Centered outputs G⁽ⁱ⁾ − Ḡ (I×J row-major). */
  readonly centeredOutputs: Float64Array;
  /** C_q = QQᵀ/(I − ddof) (N×N, bitwise symmetric). */
  readonly covariance: DenseMatrix;
  /** C_qG = Q·G_cᵀ/(I − ddof) (N×J). */
  readonly crossCovariance: DenseMatrix;
  /**
   * R (k×N, k = min(I, N), row-major, upper trapezoidal) of the thin QR factorization
   * Qᵀ/√(I − ddof) = UR, set by {@link noiseFactor}: RᵀR = C_q, and Rᵀζ (ζ ∈ Rᵏ) has the law of Qξ/√I.
   */
  readonly factorR: Float64Array;
  private readonly shift: Float64Array;
  private readonly shiftedMean: Float64Array;
  private readonly outputShift: Float64Array;
  private readonly shiftedOutputMean: Float64Array;
  private readonly qrWork: Float64Array;
  private readonly wN: Float64Array;
  private readonly wN2: Float64Array;
  private readonly wJ: Float64Array;

  /**
   * @param members - I ≥ 2
   * @param dimension - N ≥ 1
   * @param outputDimension - J ≥ 0
   * @param ddof - 0 (1/I, default) or 1 (1/(I − 1))
   */
  constructor(members: number, dimension: number, outputDimension: number, ddof = 0) {
    this.members = checkInteger('members', members, 2);
    this.dimension = checkInteger('dimension', dimension, 1);
    this.outputDimension = checkInteger('outputDimension', outputDimension, 0);
    this.ddof = checkInteger('ddof', ddof, 0, 1);
    const I = members;
    const N = dimension;
    const J = outputDimension;
    this.mean = new Float64Array(N);
    this.outputMean = new Float64Array(J);
    this.centered = new Float64Array(I * N);
    this.centeredOutputs = new Float64Array(I * J);
    this.covariance = createMatrix(N, N);
    this.crossCovariance = J > 0 ? createMatrix(N, J) : { rows: N, cols: 0, data: new Float64Array(0) };
    this.factorR = new Float64Array(Math.min(I, N) * N);
    this.shift = new Float64Array(N);
    this.shiftedMean = new Float64Array(N);
    this.outputShift = new Float64Array(J);
    this.shiftedOutputMean = new Float64Array(J);
    this.qrWork = new Float64Array(I * N);
    this.wN = new Float64Array(N);
    this.wN2 = new Float64Array(N);
    this.wJ = new Float64Array(J);
  }

  /**
   * Recompute mean, centered ensembles, C_q and (when outputs are given) C_qG from positions
   * (I×N) and outputs (I×J). Two-pass on data shifted by the first particle, so a large common
   * offset costs no accuracy (at 1e15 the covariances equal those of the data minus the offset to
   * 1e−15 relative).
   */
  update(positions: Float64Array, outputs?: Float64Array): void {
    const I = this.members;
    const N = this.dimension;
    const J = this.outputDimension;
    if (positions.length !== I * N) throw new InvalidArgumentError('positions', `a Float64Array of length I·N = ${I * N}`, positions.length);
    const k = this.shift, m = this.shiftedMean;
    rowCentring(positions, I, N, k, m);
    for (let a = 0; a < N; a++) this.mean[a] = k[a] + m[a];
    const qc = this.centered;
    for (let i = 0; i < I; i++) for (let a = 0; a < N; a++) qc[i * N + a] = positions[i * N + a] - k[a] - m[a];
    const scale = 1 / (I - this.ddof);
    const c = this.covariance.data;
    for (let a = 0; a < N; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < I; i++) s += qc[i * N + a] * qc[i * N + b];
        c[a * N + b] = s * scale;
        c[b * N + a] = s * scale;
      }
    }
    if (outputs === undefined || J === 0) return;
    if (outputs.length !== I * J) throw new InvalidArgumentError('outputs', `a Float64Array of length I·J = ${I * J}`, outputs.length);
    const kg = this.outputShift, mg = this.shiftedOutputMean;
    rowCentring(outputs, I, J, kg, mg);
    for (let b = 0; b < J; b++) this.outputMean[b] = kg[b] + mg[b];
    const gc = this.centeredOutputs;
    for (let i = 0; i < I; i++) for (let b = 0; b < J; b++) gc[i * J + b] = outputs[i * J + b] - kg[b] - mg[b];
    const x = this.crossCovariance.data;
    x.fill(0);
    for (let i = 0; i < I; i++) {
      for (let a = 0; a < N; a++) {
        const qa = qc[i * N + a];
        for (let b = 0; b < J; b++) x[a * J + b] += qa * gc[i * J + b];
      }
    }
    for (let k = 0; k < N * J; k++) x[k] *= scale;
  }

  /**
   * The gradient-free forces F⁽ⁱ⁾ = −C_q Γ0⁻¹(q⁽ⁱ⁾ − m0) − C_qG Γ⁻¹(G(q⁽ⁱ⁾) − y) (thesis eq. (C.4.1),
   * in the cross-covariance form) into `out` (I×N), after {@link update}. Without `data`/`noise`
   * only the prior term is formed.
   */
  kalmanForces(positions: Float64Array, outputs: Float64Array | undefined, data: Float64Array | undefined, noise: CovarianceOperator | undefined, priorMean: Float64Array, prior: CovarianceOperator, out: Float64Array): Float64Array {
    const I = this.members;
    const N = this.dimension;
    const J = this.outputDimension;
    const c = this.covariance.data;
    const x = this.crossCovariance.data;
    const d = this.wN;
    const w = this.wN2;
    const r = this.wJ;
    const misfit = outputs !== undefined && data !== undefined && noise !== undefined && J > 0;
    for (let i = 0; i < I; i++) {
      for (let a = 0; a < N; a++) d[a] = positions[i * N + a] - priorMean[a];
      prior.solve(d, w);
      for (let a = 0; a < N; a++) {
        let s = 0;
        for (let b = 0; b < N; b++) s += c[a * N + b] * w[b];
        out[i * N + a] = -s;
      }
      if (!misfit) continue;
      for (let b = 0; b < J; b++) r[b] = outputs[i * J + b] - data[b];
      noise.solve(r, r);
      for (let a = 0; a < N; a++) {
        let s = 0;
        for (let b = 0; b < J; b++) s += x[a * J + b] * r[b];
        out[i * N + a] -= s;
      }
    }
    return out;
  }

  /** Preconditioned gradient forces F⁽ⁱ⁾ = −C_q DΦ(q⁽ⁱ⁾) (thesis eq. (C.1.10)) from gradients (I×N) into `out`. */
  gradientForces(gradients: Float64Array, out: Float64Array): Float64Array {
    const I = this.members;
    const N = this.dimension;
    const c = this.covariance.data;
    for (let i = 0; i < I; i++) {
      for (let a = 0; a < N; a++) {
        let s = 0;
        for (let b = 0; b < N; b++) s += c[a * N + b] * gradients[i * N + b];
        out[i * N + a] = -s;
      }
    }
    return out;
  }

  /**
   * out = Qξ/√(I − ddof) for ξ ∈ Rᴵ (length I): a draw from N(0, C_q) in the ensemble span, the
   * generalized square root of thesis §C.1 (after eq. (C.1.9b)). O(I·N).
   */
  noise(xi: Float64Array, out: Float64Array, outOffset = 0): Float64Array {
    const I = this.members;
    const N = this.dimension;
    const qc = this.centered;
    const s = 1 / Math.sqrt(I - this.ddof);
    for (let a = 0; a < N; a++) out[outOffset + a] = 0;
    for (let k = 0; k < I; k++) {
      const z = xi[k] * s;
      for (let a = 0; a < N; a++) out[outOffset + a] += qc[k * N + a] * z;
    }
    return out;
  }

  /**
   * Factor the noise: Householder QR of Qᵀ/√(I − ddof) (I×N) into {@link factorR}, after
   * {@link update}. Then Rᵀζ with ζ ~ N(0, I_k), k = min(I, N), is a draw from N(0, C_q) in the
   * ensemble span — the same law as Qξ/√I with ξ ∈ Rᴵ, at O(N²) per draw instead of O(I·N) and k
   * normals instead of I. No Cholesky factor of C_q is formed, so rank-deficient ensembles (I ≤ N)
   * are fine. O(I·N²). Returns k.
   */
  noiseFactor(): number {
    const I = this.members;
    const N = this.dimension;
    const k = Math.min(I, N);
    const a = this.qrWork;
    const s = 1 / Math.sqrt(I - this.ddof);
    for (let t = 0; t < I * N; t++) a[t] = this.centered[t] * s;
    for (let j = 0; j < k; j++) {
      // Householder reflection zeroing a[j+1.., j]
      let norm = 0;
      for (let i = j; i < I; i++) norm += a[i * N + j] * a[i * N + j];
      norm = Math.sqrt(norm);
      if (norm === 0) continue;
      const alpha = a[j * N + j] > 0 ? -norm : norm;
      const v0 = a[j * N + j] - alpha;
      // v = (v0, a[j+1..I-1, j]); H = I − 2vvᵀ/(vᵀv); vᵀv = 2·norm·(norm ± …) computed directly
      let vv = v0 * v0;
      for (let i = j + 1; i < I; i++) vv += a[i * N + j] * a[i * N + j];
      if (vv === 0) continue;
      for (let c = j + 1; c < N; c++) {
        let dot = v0 * a[j * N + c];
        for (let i = j + 1; i < I; i++) dot += a[i * N + j] * a[i * N + c];
        const f = (2 * dot) / vv;
        a[j * N + c] -= f * v0;
        for (let i = j + 1; i < I; i++) a[i * N + c] -= f * a[i * N + j];
      }
      a[j * N + j] = alpha;
    }
    const R = this.factorR;
    for (let r = 0; r < k; r++) for (let c = 0; c < N; c++) R[r * N + c] = c < r ? 0 : a[r * N + c];
    return k;
  }

  /** out = Rᵀζ (ζ of length k = min(I, N)) after {@link noiseFactor}: a draw from N(0, C_q). O(k·N). */
  factorNoise(zeta: Float64Array, out: Float64Array, outOffset = 0): Float64Array {
    const N = this.dimension;
    const k = Math.min(this.members, N);
    const R = this.factorR;
    for (let c = 0; c < N; c++) {
      let s = 0;
      const rEnd = Math.min(c + 1, k);
      for (let r = 0; r < rEnd; r++) s += R[r * N + c] * zeta[r];
      out[outOffset + c] = s;
    }
    return out;
  }

  /**
   * ‖D‖_F of the I×I misfit matrix D = (1/I)G_cᵀΓ⁻¹(G − y1ᵀ) without forming it:
   * ‖D‖²_F = (1/I²) Σᵢ wᵢᵀ S wᵢ with S = Σₖ g_c⁽ᵏ⁾g_c⁽ᵏ⁾ᵀ and wᵢ = Γ⁻¹(G⁽ⁱ⁾ − y). O(I·J²).
   * The step rule Δt = 1/‖D‖_F of the EKS implementations (Garbuno-Inigo et al. 2020).
   */
  misfitFrobenius(outputs: Float64Array, data: Float64Array, noise: CovarianceOperator): number {
    const I = this.members;
    const J = this.outputDimension;
    const gc = this.centeredOutputs;
    const S = new Float64Array(J * J);
    for (let k = 0; k < I; k++) for (let a = 0; a < J; a++) for (let b = 0; b < J; b++) S[a * J + b] += gc[k * J + a] * gc[k * J + b];
    const w = this.wJ;
    let total = 0;
    for (let i = 0; i < I; i++) {
      for (let b = 0; b < J; b++) w[b] = outputs[i * J + b] - data[b];
      noise.solve(w, w);
      for (let a = 0; a < J; a++) {
        let s = 0;
        for (let b = 0; b < J; b++) s += S[a * J + b] * w[b];
        total += w[a] * s;
      }
    }
    return Math.sqrt(Math.max(total, 0)) / I;
  }
}

/**
 * The I×I matrix D = (1/I)G_cᵀΓ⁻¹(G − y1ᵀ), D_ki = (1/I)⟨G⁽ᵏ⁾ − Ḡ, G⁽ⁱ⁾ − y⟩_Γ, of the EKS literature
 * (thesis eq. (C.4.1) in matrix form). O(I²·J): for checks and small ensembles only — the
 * samplers use the cross-covariance form of {@link EnsembleKalmanWorkspace}.
 * @param outputs - I×J, particle per row
 * @example
 * ```ts
 * const D = ensembleKalmanMisfitMatrix(outputs, 3, 2, y, CovarianceOperator.scalar(2, 0.01));
 * ```
 */
export function ensembleKalmanMisfitMatrix(outputs: Float64Array, members: number, outputDimension: number, data: Float64Array, noise: CovarianceOperator): DenseMatrix {
  const I = checkInteger('members', members, 2);
  const J = checkInteger('outputDimension', outputDimension, 1);
  if (outputs.length !== I * J) throw new InvalidArgumentError('outputs', `length I·J = ${I * J}`, outputs.length);
  if (data.length !== J || noise.dimension !== J) throw new InvalidArgumentError('data', `length J = ${J} with a J×J noise covariance`, data.length);
  const shift = new Float64Array(J);
  const mean = new Float64Array(J);
  rowCentring(outputs, I, J, shift, mean);
  const W = new Float64Array(I * J);
  const r = new Float64Array(J);
  for (let i = 0; i < I; i++) {
    for (let b = 0; b < J; b++) r[b] = outputs[i * J + b] - data[b];
    W.set(noise.solve(r, r), i * J);
  }
  const D = createMatrix(I, I);
  for (let k = 0; k < I; k++) {
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let b = 0; b < J; b++) s += (outputs[k * J + b] - shift[b] - mean[b]) * W[i * J + b];
      D.data[k * I + i] = s / I;
    }
  }
  return D;
}
