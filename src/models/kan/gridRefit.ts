/**
 * Grid update from samples (G → G on the range of the layer inputs) and grid extension
 * (G1 → G2 on the same range), both refitting the spline coefficients by least squares against
 * the old spline evaluated on the layer's input samples [T §3.2.5 thesis §3.2.5, §3.7.1 (3)
 * thesis §3.7.1]: min_c Σ_s (Σ_m c_m B_m^{new}(x_s) − spline_old(x_s))². w_b, w_s, symbolic maps,
 * masks and biases are unchanged.
 *
 * Least-squares failures are never silent: every fit's status is collected and returned
 * (`rankDeficient` edges get the minimum-norm solution from `fitBSplineLeastSquares`).
 *
 * The fits use column-pivoted Householder QR, not the banded normal equations: layer inputs of a
 * trained network are images of the samples under a steep map, so cells near the ends of the
 * range can hold one sample each with the extreme sample on t_G; the design matrix is then
 * structurally full rank yet has condition numbers near 10¹¹ (measured in the Poisson run of
 * docs/kan.md), and the normal equations (condition squared) return coefficients whose spline
 * matches the samples to 1e−12 but is off by 5e−3 between them, with second derivatives off by
 * 10³ — a PINN loss, which sees u″, then jumps by six orders of magnitude. QR keeps the error at
 * cond·ε. Cost O(S·(G+k)²) per edge instead of O(S·k²).
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import { BSplineBasis, uniformExtendedBSplineBasis } from '../../diff/bsplineBasis';
import { fitBSplineLeastSquares } from '../../diff/bsplineFit';
import type { KanLayer } from './layer';
import { KanNetwork } from './network';
import { checkKanInput, forwardKan } from './propagation';
import { KanWorkspace } from './workspace';

/** One rank-deficient least-squares refit. */
export interface RankDeficientFit {
  /** Layer index l. */
  layer: number;
  /** Output node j. */
  out: number;
  /** Input node i. */
  in: number;
  /** Numerical rank of the design matrix. */
  rank: number;
  /** Number of coefficients G + k. */
  size: number;
}

/**
 * Outcome of a grid update or extension: `'success'` when every refit was a unique
 * least-squares solution, `'rankDeficient'` otherwise (details in `rankDeficient`), and the nodes
 * whose samples had zero spread (their grid is kept).
 *
 * @example
 * ```ts
 * const report = updateGridFromSamples(net, X);
 * if (report.status !== 'success') handle(report.rankDeficient);
 * ```
 */
export interface GridRefitReport {
  /** Overall status. */
  status: 'success' | 'rankDeficient';
  /** Every rank-deficient fit (minimum-norm coefficients were used). */
  rankDeficient: RankDeficientFit[];
  /** Nodes (layer, input node) whose samples were all equal: grid left unchanged. */
  degenerateNodes: Array<{
    /** Layer index l. */
    layer: number;
    /** Input node i of that layer. */
    in: number;
  }>;
  /** Largest residual ‖B c − y_old‖₂/√S over the refits (least-squares accuracy). */
  maxResidualRms: number;
}

/**
 * Options of {@link updateGridFromSamples}.
 *
 * @example
 * ```ts
 * updateGridFromSamples(net, X, { gridEps: 0.02 }); // pykan ≥ 0.2.5 percentile grids
 * ```
 */
export interface GridUpdateOptions {
  /**
   * ε in grid = ε·uniform + (1−ε)·adaptive, adaptive_j = x_sorted[⌊B·j/G⌋] (j < G) and
   * x_sorted[B−1] (pykan; default 1 = uniform on [min, max], the thesis).
   */
  gridEps?: number;
  /** Margin added on both sides of the uniform grid (pykan 0.0.5: 0.01; default 0, thesis). */
  margin?: number;
}

/**
 * Grid update [T thesis §3.2.5]: layer by layer (recomputing the activations after each layer, as
 * pykan does), for every input node the new base grid spans the samples' [min, max] (see
 * {@link GridUpdateOptions}), is extended by k knots per side at spacing (t_G − t_0)/G, and every
 * outgoing edge's coefficients are refitted to the old spline on the samples. Modifies `net`
 * in place. O(L·(forward pass + S log S·Σn_l) + S·(G+k)²·edges) (QR refits, module documentation).
 *
 * @example
 * ```ts
 * // samples spanning [−3, 3] with G = 5: base grid −3, −1.8, −0.6, 0.6, 1.8, 3 (thesis §3.2.5)
 * const report = updateGridFromSamples(net, X);
 * ```
 */
export function updateGridFromSamples(net: KanNetwork, X: DenseMatrix, options: GridUpdateOptions = {}): GridRefitReport {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  checkKanInput('X', net, X);
  const gridEps = checkInRange('options.gridEps', options.gridEps ?? 1, 0, 1);
  const margin = checkNonNegative('options.margin', options.margin ?? 0);
  const report = emptyReport();
  const ws = new KanWorkspace(net, X.rows, 0);
  const S = X.rows;
  const xs = new Float64Array(S);
  const sorted = new Float64Array(S);
  for (let l = 0; l < net.depth; l++) {
    forwardKan(net, X, ws, { trusted: true });
    const layer = net.layers[l];
    const G = layer.intervals;
    const k = layer.degree;
    for (let i = 0; i < layer.inDim; i++) {
      for (let s = 0; s < S; s++) xs[s] = ws.values[l][s * layer.inDim + i];
      sorted.set(xs);
      sorted.sort();
      const lo = sorted[0];
      const hi = sorted[S - 1];
      if (!(hi > lo)) {
        report.degenerateNodes.push({ layer: l, in: i });
        continue;
      }
      let basis: BSplineBasis;
      if (gridEps === 1) {
        basis = uniformExtendedBSplineBasis(lo - margin, hi + margin, G, k);
      } else {
        const base = new Float64Array(G + 1);
        for (let g = 0; g <= G; g++) {
          const adaptive = g < G ? sorted[Math.floor((S / G) * g)] : sorted[S - 1];
          const uniform = lo - margin + ((hi - lo + 2 * margin) * g) / G;
          base[g] = gridEps * uniform + (1 - gridEps) * adaptive;
        }
        basis = new BSplineBasis(extendKnots(base, k), k);
      }
      refitNode(layer, l, i, basis, xs, report);
    }
  }
  return report;
}

/**
 * Result of {@link extendGrid}: the finer network and the refit report.
 *
 * @example
 * ```ts
 * const { network, report } = extendGrid(net, 10, X);
 * ```
 */
export interface GridExtensionResult {
  /** The new network with G2 intervals (the input network is unchanged). */
  network: KanNetwork;
  /** Least-squares report of the coefficient fits. */
  report: GridRefitReport;
}

/**
 * Grid extension G1 → G2 [T thesis §3.2.5, Fig. 3.13]: a new network whose grids have G2 intervals
 * on the same base ranges (for non-uniform grids: piecewise-linear interpolation of the old base
 * grid points at fractions j/G2, pykan's `initialize_grid_from_parent`), extended by k knots per
 * side; coefficients by least squares against the old splines on the layer inputs of X. All other
 * parameters, masks, kinds and symbolic functions are copied. O(forward + S·(G2+k)²·edges).
 *
 * @example
 * ```ts
 * const coarse = createKan({ shape: [2, 5, 1], intervals: 3 });
 * const { network: fine } = extendGrid(coarse, 10, X); // pykan refine(10)
 * ```
 */
export function extendGrid(net: KanNetwork, intervals: number, X: DenseMatrix): GridExtensionResult {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  const G2 = checkInteger('intervals', intervals, 1);
  checkKanInput('X', net, X);
  const fine = new KanNetwork(net.structure(G2));
  const ws = new KanWorkspace(net, X.rows, 0);
  forwardKan(net, X, ws, { trusted: true });
  const report = emptyReport();
  const S = X.rows;
  const xs = new Float64Array(S);
  for (let l = 0; l < net.depth; l++) {
    const from = net.layers[l];
    const to = fine.layers[l];
    const k = from.degree;
    const G1 = from.intervals;
    if (from.bias !== null && to.bias !== null) to.bias.set(from.bias);
    for (let i = 0; i < from.inDim; i++) {
      const old = from.bases[i];
      const base = new Float64Array(G2 + 1);
      for (let g = 0; g <= G2; g++) {
        const u = (g * G1) / G2;
        const m = Math.min(Math.floor(u), G1 - 1);
        const w = u - m;
        base[g] = (1 - w) * old.knots[k + m] + w * old.knots[k + m + 1];
      }
      const basis = old.uniform ? uniformExtendedBSplineBasis(base[0], base[G2], G2, k) : new BSplineBasis(extendKnots(base, k), k);
      for (let s = 0; s < S; s++) xs[s] = ws.values[l][s * from.inDim + i];
      for (let j = 0; j < from.outDim; j++) to.copyEdgeScalars(j, i, from, j, i);
      refitNode(to, l, i, basis, xs, report, from);
    }
  }
  return { network: fine, report };
}

/** Base grid points t_0 … t_G extended by k knots per side at spacing (t_G − t_0)/G (pykan). */
function extendKnots(base: Vec, k: number): Vec {
  const G = base.length - 1;
  const h = (base[G] - base[0]) / G;
  const knots = new Float64Array(G + 2 * k + 1);
  for (let r = 1; r <= k; r++) {
    knots[k - r] = base[0] - r * h;
    knots[k + G + r] = base[G] + r * h;
  }
  knots.set(base, k);
  return knots;
}

/**
 * Refit every outgoing edge of input node i of `layer` (target values from `source`, default the
 * layer itself, evaluated before the grid changes) on the new basis, then install the basis.
 */
function refitNode(layer: KanLayer, l: number, i: number, basis: BSplineBasis, xs: Vec, report: GridRefitReport, source: KanLayer = layer): void {
  const S = xs.length;
  const ys = new Float64Array(S);
  const fits: Vec[] = [];
  for (let j = 0; j < layer.outDim; j++) {
    const e = j * source.inDim + i;
    for (let s = 0; s < S; s++) ys[s] = source.splineValue(e, i, xs[s]);
    const fit = fitBSplineLeastSquares(basis, xs, ys, { method: 'qr' });
    fits.push(fit.coefficients);
    if (fit.status === 'rankDeficient') {
      report.status = 'rankDeficient';
      report.rankDeficient.push({ layer: l, out: j, in: i, rank: fit.rank, size: basis.size });
    }
    const rms = fit.residualNorm / Math.sqrt(S);
    if (rms > report.maxResidualRms) report.maxResidualRms = rms;
  }
  layer.setGrid(i, basis);
  const nb = layer.basisSize;
  for (let j = 0; j < layer.outDim; j++) layer.coefficients.set(fits[j], (j * layer.inDim + i) * nb);
}

function emptyReport(): GridRefitReport {
  return { status: 'success', rankDeficient: [], degenerateNodes: [], maxResidualRms: 0 };
}
