/**
 * The 2-D complex Ginzburg–Landau equation (thesis §1.1.2, L833) in the modulated rescaled
 * variables of thesis §1.1.2 (L873–893), no symmetry assumed, as a {@link RescalingModel}:
 * `Ψ(z,τ) = H e^{iφ} ψ(Rz + V, t)`, `dt/dτ = H^{p−1}`, R upper triangular 2×2, V ∈ ℝ², gauge φ,
 *
 *     Ψ_τ = c₀Ψ/(p−1) − c₁₁xΨ_x − c₁₂yΨ_x − c₂₂yΨ_y + c_xΨ_x + c_yΨ_y + c_θ iΨ
 *           + (1+iβ)(Q₁₁Ψ_xx + 2Q₁₂Ψ_xy + Q₂₂Ψ_yy) + (1+iδ)|Ψ|^{p−1}Ψ − γH^{p−1}Ψ,
 *
 * with `c₀ = (p−1)H_τ/H`, `−[c₁₁ c₁₂; 0 c₂₂] = A = R⁻¹R_τ`, `(c_x, c_y) = R⁻¹V_τ`, `c_θ = φ_τ` and the
 * matrix `Q = H^{p−1}R⁻¹R⁻ᵀ` of the thesis in the role of λ (chain rule: ∇_x = R⁻ᵀ∇_z). Seven
 * modulations, fixed by seven **linear** conditions (the gauge makes them linear): Re Ψ, Im Ψ
 * (= 0), D_x Re Ψ, D_y Re Ψ, D_xx Re Ψ, D_xy Re Ψ, D_yy Re Ψ at the origin — the 0th-, 1st- and
 * 2nd-order Taylor data of |Ψ| (up to the phase-gradient part, carried by the phase), solved as a
 * 7×7 system at every stage by the driver (discrete-consistent: conserved to round-off).
 *
 * **The matrix scale.** `Q = KKᵀ` with `K = H^{(p−1)/2}R⁻¹` upper triangular;
 * `K_τ = (c₀/2)K − AK` gives, for the stored variables `(log K₁₁, log K₂₂, s = K₁₂/K₂₂, log H^{p−1})`,
 * `(log K₁₁)_τ = c₀/2 + c₁₁`, `(log K₂₂)_τ = c₀/2 + c₂₂`, `s_τ = (c₁₁ − c₂₂)s + c₁₂`,
 * `(log H^{p−1})_τ = c₀` — an exact rewriting of `Q_τ = c₀Q − AQ − QAᵀ`. The model maps them to the
 * values `λ = [Q₁₁, Q₁₂, Q₂₂, H^{p−1}]` (`scaleValues`), so Q stays symmetric positive definite.
 *
 * **Discretization.** Tensor grid of two node sets containing 0, natural cubic splines along both
 * axes (the mixed derivative is `D_y(D_x ·)`), boundary nodes outflow (Ψ_τ = 0). The implicit
 * stage solve `(I − g(1+iβ)(Q₁₁D_xx + 2Q₁₂D_xy + Q₂₂D_yy))Y = X` starts from the
 * alternating-direction factorization `(I − g(1+iβ)Q₁₁D_xx)(I − g(1+iβ)Q₂₂D_yy)` (each factor the
 * exact complex moment-form line solve) and applies defect-correction sweeps with the full
 * operator, mixed term included, as `heat2dModel` does. Per mode the sweep contracts by
 * `|ab − m|/|(1+a)(1+b)| < 1` (a, b the axis symbols, |m| ≤ 2√(ab) since Q is positive definite).
 *
 * Layout: node (i, j) at `i·ny + j`, field `[Re Ψ…, Im Ψ…]`; `c = [c₀, c₁₁, c₁₂, c₂₂, c_x, c_y, c_θ]`.
 * With β = δ = γ = 0, p = 2 and data even in x and y this is `heat2dModel` on the mirrored grid
 * (c₁₂, c_x, c_y, c_θ and Q₁₂ are round-off).
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { cubicSplineOperator, type CubicSplineOperator } from '../../diff/cubicSplineOperator';
import type { RescalingModel } from './driverTypes';
import { resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';
import { ComplexSplineSweep } from './cgl2dSweep';

/** Options of {@link cgl2dModel}. */
export interface Cgl2dModelOptions {
  /** Defect-correction sweeps of the implicit stage solve (default 2, as `heat2dModel`). */
  implicitCorrections?: number;
  /** `inRegime` fails when some |Ψ| exceeds this multiple of Re Ψ(0) (default 4). */
  maxAmplitudeRatio?: number;
}

/** The 2-D CGL rescaled model (module doc). */
export interface Cgl2dModel extends RescalingModel {
  /** Nodes along x (axis 0, slow index). */
  readonly zx: Vec;
  /** Nodes along y (axis 1, fast index). */
  readonly zy: Vec;
  /** Index of the origin in zx. */
  readonly originX: number;
  /** Index of the origin in zy. */
  readonly originY: number;
  /** Validated parameters. */
  readonly params: CglResolvedParameters;
  /** The seven normalization functionals. */
  normalization(f: Vec, out: Vec): void;
}

/**
 * Q₁₁, Q₁₂, Q₂₂ of `Q = KKᵀ` from the stored scale variables `(log K₁₁, log K₂₂, s = K₁₂/K₂₂)`
 * (module doc). O(1).
 * @example
 * ```ts
 * cgl2dQ(0, 0, 0.5); // [1.25, 0.5, 1]
 * ```
 */
export function cgl2dQ(logK11: number, logK22: number, s: number, out: Vec = new Float64Array(3)): Vec {
  checkFinite('logK11', logK11);
  checkFinite('logK22', logK22);
  checkFinite('s', s);
  checkVec('out', out, 3);
  const k11 = Math.exp(logK11);
  const k22 = Math.exp(logK22);
  const k12 = s * k22;
  out[0] = k11 * k11 + k12 * k12;
  out[1] = k12 * k22;
  out[2] = k22 * k22;
  return out;
}

/**
 * Build the 2-D CGL rescaled model on the tensor grid `zx × zy` (each strictly increasing, at least
 * 9 nodes, containing 0 with at least 4 nodes on each side). Setup O(nx² + ny²), then O(nx·ny)
 * per evaluation and per correction sweep.
 *
 * @throws InvalidArgumentError for nodes without the origin, p ≤ 1 or non-finite parameters
 * @example
 * ```ts
 * const z = mirroredNodes(mappedGrid(sinhMap({ length: 4000 }), 20));
 * const model = cgl2dModel(z, z, { beta: 0.1, delta: 0.2 });
 * const run = runRescaled(model, { u0, logLambda0: [0, 0, 0, 0], tauEnd: 10 });
 * ```
 */
export function cgl2dModel(zx: Vec, zy: Vec, params: CglParameters = {}, options: Cgl2dModelOptions = {}): Cgl2dModel {
  const prm = resolveCglParameters(params, 'params');
  const ox = checkNodes('zx', zx);
  const oy = checkNodes('zy', zy);
  const corrections = checkInteger('options.implicitCorrections', options.implicitCorrections ?? 2, 0, 50);
  const maxRatio = options.maxAmplitudeRatio ?? 4;
  if (!(maxRatio > 1) || !Number.isFinite(maxRatio)) throw new InvalidArgumentError('options.maxAmplitudeRatio', 'a finite number > 1', maxRatio);
  const { beta, delta, gamma, p } = prm;
  const nx = zx.length;
  const ny = zy.length;
  const N = nx * ny;
  const o = ox * ny + oy;
  const opX = cubicSplineOperator(zx, { left: 'natural', right: 'natural' });
  const opY = cubicSplineOperator(zy, { left: 'natural', right: 'natural' });
  const [wx1, wx2] = originWeights(opX, nx, ox);
  const [wy1, wy2] = originWeights(opY, ny, oy);
  const hx = spacings(zx);
  const hy = spacings(zy);
  const sweepX = new ComplexSplineSweep(hx, beta);
  const sweepY = new ComplexSplineSweep(hy, beta);
  const ux = new Float64Array(2 * N);
  const uy = new Float64Array(2 * N);
  const uxx = new Float64Array(2 * N);
  const uyy = new Float64Array(2 * N);
  const uxy = new Float64Array(2 * N);
  const defect = new Float64Array(2 * N);
  const corr = new Float64Array(2 * N);
  const yMax = Math.max(-zy[0], zy[ny - 1]);
  let hMin = Infinity;
  for (const h of [hx, hy]) for (let i = 0; i < h.length; i++) hMin = Math.min(hMin, h[i]);
  const invPm1 = 1 / (p - 1);
  const half = (p - 1) / 2;

  /** x-derivatives (d1, d2 when given) of both parts of f: spline along every column. */
  const alongX = (f: Vec, d1: Vec | null, d2: Vec | null): void => {
    for (let part = 0; part < 2; part++) {
      const off = part * N;
      for (let j = 0; j < ny; j++) opX.derivativesStrided(f, ny, off + j, d1, ny, off + j, d2, ny, off + j);
    }
  };
  /** y-derivatives of both parts of f: spline along every row. */
  const alongY = (f: Vec, d1: Vec | null, d2: Vec | null): void => {
    for (let part = 0; part < 2; part++) {
      for (let i = 0, off = part * N; i < nx; i++, off += ny) opY.derivativesStrided(f, 1, off, d1, 1, off, d2, 1, off);
    }
  };
  /** f ← P⁻¹f: x solves on the interior columns, then y solves on the interior rows. */
  const applyFactorizedInverse = (f: Vec): void => {
    for (let j = 1; j < ny - 1; j++) sweepX.solveLine(f, N, ny, j);
    for (let i = 1; i < nx - 1; i++) sweepY.solveLine(f, N, 1, i * ny);
  };
  const interior = (i: number, j: number): boolean => i > 0 && i < nx - 1 && j > 0 && j < ny - 1;

  return {
    size: 2 * N,
    directions: 4,
    modulations: 7,
    hasDiffusion: true,
    zx,
    zy,
    originX: ox,
    originY: oy,
    params: prm,
    evaluate(u: Vec, lambdas: Vec, fields: Vec[], reaction: Vec, diffusion: Vec | null): void {
      alongX(u, ux, diffusion === null ? null : uxx);
      alongY(u, uy, diffusion === null ? null : uyy);
      if (diffusion !== null) alongY(ux, uxy, null);
      const [g0, g11, g12, g22, gvx, gvy, gt] = fields;
      const q11 = lambdas[0];
      const q12x2 = 2 * lambdas[1];
      const q22 = lambdas[2];
      const damping = gamma * lambdas[3];
      for (let i = 0, k = 0; i < nx; i++) {
        const x = zx[i];
        for (let j = 0; j < ny; j++, k++) {
          const m = k + N;
          if (!interior(i, j)) {
            g0[k] = 0; g0[m] = 0; g11[k] = 0; g11[m] = 0; g12[k] = 0; g12[m] = 0; g22[k] = 0; g22[m] = 0;
            gvx[k] = 0; gvx[m] = 0; gvy[k] = 0; gvy[m] = 0; gt[k] = 0; gt[m] = 0; reaction[k] = 0; reaction[m] = 0;
            if (diffusion !== null) { diffusion[k] = 0; diffusion[m] = 0; }
            continue;
          }
          const y = zy[j];
          const a = u[k];
          const b = u[m];
          g0[k] = a * invPm1; g0[m] = b * invPm1;
          g11[k] = -x * ux[k]; g11[m] = -x * ux[m];
          g12[k] = -y * ux[k]; g12[m] = -y * ux[m];
          g22[k] = -y * uy[k]; g22[m] = -y * uy[m];
          gvx[k] = ux[k]; gvx[m] = ux[m];
          gvy[k] = uy[k]; gvy[m] = uy[m];
          gt[k] = -b; gt[m] = a;
          const mod2 = a * a + b * b;
          const s = p === 2 ? Math.sqrt(mod2) : Math.pow(mod2, half);
          reaction[k] = s * (a - delta * b) - damping * a;
          reaction[m] = s * (b + delta * a) - damping * b;
          if (diffusion !== null) {
            const lr = q11 * uxx[k] + q12x2 * uxy[k] + q22 * uyy[k];
            const li = q11 * uxx[m] + q12x2 * uxy[m] + q22 * uyy[m];
            diffusion[k] = lr - beta * li;
            diffusion[m] = li + beta * lr;
          }
        }
      }
    },
    solveImplicit(kGamma: number, lambdas: Vec, rhs: Vec, out: Vec): void {
      const g11 = kGamma * lambdas[0];
      const g12x2 = 2 * kGamma * lambdas[1];
      const g22 = kGamma * lambdas[2];
      sweepX.factor(g11);
      sweepY.factor(g22);
      if (corrections > 0) defect.set(rhs);
      if (out !== rhs) out.set(rhs);
      applyFactorizedInverse(out);
      for (let sweep = 0; sweep < corrections; sweep++) {
        alongX(out, ux, uxx);
        alongY(out, null, uyy);
        alongY(ux, uxy, null);
        for (let i = 0, k = 0; i < nx; i++) {
          for (let j = 0; j < ny; j++, k++) {
            const m = k + N;
            if (!interior(i, j)) { corr[k] = 0; corr[m] = 0; continue; }
            const lr = g11 * uxx[k] + g12x2 * uxy[k] + g22 * uyy[k];
            const li = g11 * uxx[m] + g12x2 * uxy[m] + g22 * uyy[m];
            corr[k] = defect[k] - out[k] + lr - beta * li;
            corr[m] = defect[m] - out[m] + li + beta * lr;
          }
        }
        applyFactorizedInverse(corr);
        for (let k = 0; k < 2 * N; k++) out[k] += corr[k];
      }
    },
    normalization(f: Vec, out: Vec): void {
      let dx = 0, dxx = 0, dy = 0, dyy = 0, dxy = 0;
      for (let i = 0; i < nx; i++) { const v = f[i * ny + oy]; dx += wx1[i] * v; dxx += wx2[i] * v; }
      for (let j = 0; j < ny; j++) { const v = f[ox * ny + j]; dy += wy1[j] * v; dyy += wy2[j] * v; }
      for (let i = 0; i < nx; i++) {
        const w = wx1[i];
        if (w === 0) continue;
        let row = 0;
        for (let j = 0, k = i * ny; j < ny; j++, k++) row += wy1[j] * f[k];
        dxy += w * row;
      }
      out[0] = f[o]; out[1] = f[N + o]; out[2] = dx; out[3] = dy; out[4] = dxx; out[5] = dxy; out[6] = dyy;
    },
    scaleValues(state: Vec, offset: number, out: Vec): void {
      const k11 = Math.exp(state[offset]);
      const k22 = Math.exp(state[offset + 1]);
      const k12 = state[offset + 2] * k22;
      out[0] = k11 * k11 + k12 * k12;
      out[1] = k12 * k22;
      out[2] = k22 * k22;
      out[3] = Math.exp(state[offset + 3]);
    },
    scaleRates(c: Vec, out: Vec, lambdas: Vec): void {
      const s = lambdas[1] / lambdas[2];
      out[0] = 0.5 * c[0] + c[1];
      out[1] = 0.5 * c[0] + c[3];
      out[2] = (c[1] - c[3]) * s + c[2];
      out[3] = c[0];
    },
    advectiveStepBound(c: Vec): number {
      const sx = Math.abs(c[2]) * yMax + Math.abs(c[4]);
      const sy = Math.abs(c[5]);
      let bound = Infinity;
      for (let i = 0; i < nx - 1; i++) {
        const speed = Math.abs(c[1]) * Math.max(Math.abs(zx[i]), Math.abs(zx[i + 1])) + sx;
        if (speed > 0) bound = Math.min(bound, hx[i] / speed);
      }
      for (let j = 0; j < ny - 1; j++) {
        const speed = Math.abs(c[3]) * Math.max(Math.abs(zy[j]), Math.abs(zy[j + 1])) + sy;
        if (speed > 0) bound = Math.min(bound, hy[j] / speed);
      }
      return bound;
    },
    diffusiveStepBound(lambdas: Vec): number {
      return (hMin * hMin) / (2 * (lambdas[0] + lambdas[2] + 2 * Math.abs(lambdas[1])) * Math.sqrt(1 + beta * beta));
    },
    inRegime(u: Vec): boolean {
      const u0 = u[o];
      if (!(u0 > 0)) return false;
      const cap = maxRatio * maxRatio * u0 * u0;
      for (let k = 0; k < N; k++) {
        const m2 = u[k] * u[k] + u[N + k] * u[N + k];
        if (!(m2 <= cap)) return false;
      }
      return true;
    },
  };
}

function checkNodes(name: string, z: Vec): number {
  if (!(z instanceof Float64Array)) throw new InvalidTypeError(name, 'a Float64Array of nodes', z);
  const n = z.length;
  if (n < 9) throw new InvalidArgumentError(`${name}.length`, 'at least 9 nodes', n);
  for (let i = 1; i < n; i++) if (!(z[i] > z[i - 1])) throw new InvalidArgumentError(`${name}[${i}]`, 'strictly increasing nodes', z[i]);
  const c = z.indexOf(0);
  if (c < 0) throw new InvalidArgumentError(name, 'nodes containing the origin 0 exactly', undefined);
  if (c < 4 || c > n - 5) throw new InvalidArgumentError(name, 'at least 4 nodes on each side of the origin', c);
  return c;
}

function spacings(z: Vec): Float64Array {
  const h = new Float64Array(z.length - 1);
  for (let i = 0; i < h.length; i++) h[i] = z[i + 1] - z[i];
  return h;
}

/** Weights w1, w2 with `(D1 f)(z_c) = Σ w1_j f_j`, `(D2 f)(z_c) = Σ w2_j f_j` (setup only). */
function originWeights(op: CubicSplineOperator, n: number, c: number): [Float64Array, Float64Array] {
  const w1 = new Float64Array(n);
  const w2 = new Float64Array(n);
  const unit = new Float64Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit[j] = 1;
    op.derivativesStrided(unit, 1, 0, d1, 1, 0, d2, 1, 0);
    w1[j] = d1[c];
    w2[j] = d2[c];
    unit[j] = 0;
  }
  return [w1, w2];
}
