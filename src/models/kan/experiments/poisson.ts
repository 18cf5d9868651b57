/**
 * The 1-D Poisson problem of thesis §3.5.4 (eq. (3.5.5), thesis §3.5.4): −u″ = f on [−1, 1],
 * u(±1) = 0, f = π² sin(πx) + π²k sin(kπx), exact u = sin(πx) + (1/k) sin(kπx), solved by a
 * physics-informed KAN [1, w, 1] with grid extension and by a tanh MLP with about the same number
 * of parameters, both with L-BFGS; relative L² and H¹ errors against the exact solution.
 *
 * Losses on n uniformly spaced points x_q of [−1, 1] (endpoints included):
 * * `'pinn'` (default): α·(1/n)Σ_q (u″(x_q) + f(x_q))² + ½(u(−1)² + u(1)²), α = 0.01 — the PINN
 *   loss of the thesis's 2-D Poisson example (§3.4, thesis §3.3) in 1-D; needs the order-2 jets.
 * * `'ritz'`: the thesis's Deep Ritz loss λΣ_q w_q(½u′(x_q)² − f(x_q)u(x_q)) + u(−1)² + u(1)²,
 *   λ = 0.01, trapezoid weights w_q (docs/kan.md).
 *
 * Errors (docs/kan.md): ‖u − u*‖/‖u*‖ in L² and in H¹ (‖v‖²_{H¹} = ‖v‖²_{L²} + ‖v′‖²_{L²}), by the
 * trapezoid rule on `errorPoints` uniform points. ‖u*′‖²_{L²} = π² + π² = 2π² for every integer k > 1.
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkOneOf, checkPositive, checkVec } from '../../../core/check';
import { InvalidArgumentError } from '../../../core/errors';
import type { LongRunOptions } from '../../../core/progress';
import type { SolveStatus } from '../../../core/status';
import type { DenseMatrix, Vec } from '../../../core/types';
import { initializeMlp, Mlp, mlpWidthsForParameterCount } from '../../../nn/mlp';
import { trapezoidWeights } from '../../../quad/trapezoid';
import { Rng } from '../../../random/rng';
import type { Seed } from '../../../random/seed';
import { kanJetModel } from '../jetModels';
import { mlpJetModel, type JetModel } from '../../../nn/jetModel';
import type { JetLoss } from '../../../nn/jetLoss';
import { trainJetModel } from '../../../nn/trainJet';
import { extendGrid, updateGridFromSamples } from '../gridRefit';
import { createKan } from '../initialization';
import type { KanNetwork } from '../network';

/**
 * Exact solution u, u′ and right-hand side f of (3.5.5) at x for frequency k.
 * @example
 * ```ts
 * poissonExact(0.3, 4); // { u, du, f }
 * ```
 */
export function poissonExact(
  x: number,
  k: number,
): {
  /** u(x) = sin(πx) + sin(kπx)/k. */
  u: number;
  /** u′(x) = π cos(πx) + π cos(kπx). */
  du: number;
  /** Right-hand side f(x) = −u″(x) = π² sin(πx) + π²k sin(kπx). */
  f: number;
} {
  const p = Math.PI;
  return {
    u: Math.sin(p * x) + Math.sin(k * p * x) / k,
    du: p * Math.cos(p * x) + p * Math.cos(k * p * x),
    f: p * p * Math.sin(p * x) + p * p * k * Math.sin(k * p * x),
  };
}

/**
 * The PINN loss α·mean(u″ + f)² + ½(u(x_0)² + u(x_{n−1})²) on the batch of a 1-D {@link JetModel}
 * of order 2 whose first and last samples are the boundary points. A {@link JetLoss}.
 * @example
 * ```ts
 * const loss = poissonPinnLoss(f, 0.01);
 * ```
 */
export function poissonPinnLoss(f: Vec, alpha: number): JetLoss {
  return (model: JetModel): number => {
    model.forward();
    const n = model.batch;
    const last = n - 1;
    let sum = 0;
    model.valueAdjoint.fill(0);
    model.firstAdjoint.fill(0);
    for (let q = 0; q < n; q++) {
      const r = model.second[q] + f[q];
      sum += r * r;
      model.secondAdjoint[q] = (2 * alpha * r) / n;
    }
    const u0 = model.value[0];
    const u1 = model.value[last];
    model.valueAdjoint[0] = u0;
    model.valueAdjoint[last] = u1;
    return (alpha * sum) / n + 0.5 * (u0 * u0 + u1 * u1);
  };
}

/**
 * The Deep Ritz loss λΣ w_q(½u′² − f u) + u(x_0)² + u(x_{n−1})² (thesis §3.5.4) with quadrature
 * weights w on the batch of a 1-D {@link JetModel} of order ≥ 1. A {@link JetLoss}.
 * @example
 * ```ts
 * const loss = poissonRitzLoss(f, trapezoidWeights(x), 0.01);
 * ```
 */
export function poissonRitzLoss(f: Vec, weights: Vec, lambda: number): JetLoss {
  return (model: JetModel): number => {
    model.forward();
    const n = model.batch;
    const last = n - 1;
    let energy = 0;
    model.secondAdjoint.fill(0);
    for (let q = 0; q < n; q++) {
      const du = model.first[q];
      energy += weights[q] * (0.5 * du * du - f[q] * model.value[q]);
      model.firstAdjoint[q] = lambda * weights[q] * du;
      model.valueAdjoint[q] = -lambda * weights[q] * f[q];
    }
    const u0 = model.value[0];
    const u1 = model.value[last];
    model.valueAdjoint[0] += 2 * u0;
    model.valueAdjoint[last] += 2 * u1;
    return lambda * energy + u0 * u0 + u1 * u1;
  };
}

/** Options of {@link poissonComparison}. */
export interface PoissonOptions extends LongRunOptions {
  /** Frequency k (default 4; thesis 2, 4, 8, 16, 32). */
  frequency?: number;
  /** `'pinn'` (default) or `'ritz'` (thesis). */
  loss?: 'pinn' | 'ritz';
  /** α (PINN) or λ (Ritz) (default 0.01, thesis). */
  weight?: number;
  /** Collocation points (default 200; thesis 2000). */
  points?: number;
  /** KAN hidden width (default 10, thesis [1, 10, 1]). */
  kanWidth?: number;
  /** KAN grid schedule (default [20, 40], thesis). */
  grids?: readonly number[];
  /** L-BFGS iterations per grid (default 200; thesis 100 pykan steps ≈ 2000). */
  iterationsPerGrid?: number;
  /** MLP hidden layers, widths sized to the final KAN's parameter count (default 3). */
  mlpHiddenLayers?: number;
  /** Points of the error quadrature (default 4001). */
  errorPoints?: number;
  /** Seed of the initializations (default 0). */
  seed?: Seed;
}

/** Errors of one network in {@link poissonComparison}. */
export interface PoissonRun {
  /** Shape / widths. */
  shape: number[];
  /** Parameters influencing u. */
  parameters: number;
  /** Relative L² error after each phase (KAN: each grid; MLP: one phase). */
  l2: number[];
  /** Relative H¹ error after each phase. */
  h1: number[];
  /** Final loss. */
  loss: number;
  /** Training status. */
  status: SolveStatus;
}

/** Result of {@link poissonComparison}. */
export interface PoissonResult {
  /** `success` or the first non-success status. */
  status: SolveStatus;
  /** Frequency k. */
  frequency: number;
  /** KAN run (one error per grid). */
  kan: PoissonRun;
  /** MLP run (same total L-BFGS iterations as the KAN). */
  mlp: PoissonRun;
  /** Grids of the KAN. */
  grids: number[];
}

/**
 * Relative L² and H¹ errors of u (with u′) against the exact solution of (3.5.5), by the trapezoid
 * rule on the uniform points of X (1-D, increasing). O(n).
 * @example
 * ```ts
 * relativePoissonErrors(x, u, du, 4); // { l2, h1 }
 * ```
 */
export function relativePoissonErrors(
  x: Vec,
  u: Vec,
  du: Vec,
  k: number,
): {
  /** Relative L² error ‖u − u*‖/‖u*‖. */
  l2: number;
  /** Relative H¹ error (‖u − u*‖² + ‖u′ − u*′‖²)^{1/2} / (‖u*‖² + ‖u*′‖²)^{1/2}. */
  h1: number;
} {
  checkVec('x', x);
  if (x.length < 2) throw new InvalidArgumentError('x.length', 'an integer >= 2', x.length);
  checkAllFinite('x', x);
  checkVec('u', u, x.length);
  checkVec('du', du, x.length);
  checkAllFinite('u', u);
  checkAllFinite('du', du);
  checkInteger('k', k, 1);
  const w = trapezoidWeights(x);
  let e0 = 0;
  let e1 = 0;
  let n0 = 0;
  let n1 = 0;
  for (let q = 0; q < x.length; q++) {
    const ex = poissonExact(x[q], k);
    e0 += w[q] * (u[q] - ex.u) ** 2;
    e1 += w[q] * (du[q] - ex.du) ** 2;
    n0 += w[q] * ex.u * ex.u;
    n1 += w[q] * ex.du * ex.du;
  }
  return { l2: Math.sqrt(e0 / n0), h1: Math.sqrt((e0 + e1) / (n0 + n1)) };
}

/**
 * Solve (3.5.5) with a KAN (grid extension) and an MLP of comparable size (module documentation).
 * Deterministic for a seed. Cost: 2 × Σ iterations × line-search trials × (forward + backward
 * with order-2 jets) on `points` samples.
 * @example
 * ```ts
 * const r = poissonComparison({ frequency: 4, iterationsPerGrid: 100 });
 * r.kan.l2.at(-1); r.mlp.h1.at(-1);
 * ```
 */
export function poissonComparison(options: PoissonOptions = {}): PoissonResult {
  const k = checkInteger('options.frequency', options.frequency ?? 4, 1);
  const lossKind = checkOneOf('options.loss', options.loss ?? 'pinn', ['pinn', 'ritz'] as const);
  const weight = checkPositive('options.weight', options.weight ?? 0.01);
  const n = checkInteger('options.points', options.points ?? 200, 3);
  const width = checkInteger('options.kanWidth', options.kanWidth ?? 10, 1);
  const grids = (options.grids ?? [20, 40]).map((g, q) => checkInteger(`options.grids[${q}]`, g, 1));
  if (grids.length < 1 || grids.some((g, q) => q > 0 && g <= grids[q - 1])) throw new InvalidArgumentError('options.grids', 'increasing grid sizes', grids.length);
  const perGrid = checkInteger('options.iterationsPerGrid', options.iterationsPerGrid ?? 200, 1);
  const hidden = checkInteger('options.mlpHiddenLayers', options.mlpHiddenLayers ?? 3, 1);
  const nErr = checkInteger('options.errorPoints', options.errorPoints ?? 4001, 3);
  const rng = new Rng(options.seed ?? 0);
  const X = uniformPoints(n);
  const f = X.data.map((x) => poissonExact(x, k).f);
  const order = lossKind === 'pinn' ? 2 : 1;
  const loss = lossKind === 'pinn' ? poissonPinnLoss(f, weight) : poissonRitzLoss(f, trapezoidWeights(X.data), weight);
  const Xerr = uniformPoints(nErr);
  const long = { signal: options.signal, onProgress: options.onProgress, progressEvery: options.progressEvery };
  const errors = (model: JetModel) => {
    model.forward();
    return relativePoissonErrors(Xerr.data, model.value, model.first, k);
  };

  let net: KanNetwork = createKan({ shape: [1, width, 1], intervals: grids[0], rng });
  const kan: PoissonRun = { shape: [1, width, 1], parameters: 0, l2: [], h1: [], loss: NaN, status: 'success' };
  for (let q = 0; q < grids.length; q++) {
    if (q > 0) {
      updateGridFromSamples(net, X);
      net = extendGrid(net, grids[q], X).network;
    }
    const model = kanJetModel(net, X, order);
    const r = trainJetModel({ model, loss, optimizer: 'lbfgs', iterations: perGrid }, long);
    kan.loss = r.final.loss;
    kan.parameters = model.parameterCount;
    const e = errors(kanJetModel(net, Xerr, 1));
    kan.l2.push(e.l2);
    kan.h1.push(e.h1);
    if (r.status !== 'success') {
      kan.status = r.status;
      break;
    }
  }
  const widths = mlpWidthsForParameterCount(1, 1, hidden, kan.parameters);
  const mlpNet = initializeMlp(new Mlp(widths, 'tanh'), { rng });
  const mlpModel = mlpJetModel(mlpNet, X, order);
  const r = trainJetModel({ model: mlpModel, loss, optimizer: 'lbfgs', iterations: perGrid * grids.length }, long);
  const e = errors(mlpJetModel(mlpNet, Xerr, 1));
  const mlp: PoissonRun = { shape: widths, parameters: mlpModel.parameterCount, l2: [e.l2], h1: [e.h1], loss: r.final.loss, status: r.status };
  const status = kan.status !== 'success' ? kan.status : mlp.status;
  return { status, frequency: k, kan, mlp, grids };
}

/** n uniformly spaced points of [−1, 1] as an n × 1 matrix (endpoints exact). */
function uniformPoints(n: number): DenseMatrix {
  const data = new Float64Array(n);
  for (let q = 0; q < n; q++) data[q] = -1 + (2 * q) / (n - 1);
  data[n - 1] = 1;
  return { rows: n, cols: 1, data };
}
