/**
 * Symbolic snapping of a whole KAN (thesis §3.2.4, thesis §3.2.4; pykan's `auto_symbolic`,
 * externally sourced): every active spline edge is fitted against a library of functions on the
 * layer inputs of a data set and replaced by the best c·f(a·x + b) + d, whose (a, b, c, d) remain
 * trainable.
 *
 * @module
 */
import { checkInRange, checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import { checkRunOptions } from '../../core/run';
import type { DenseMatrix, Vec } from '../../core/types';
import { layerInputs } from './activations';
import { EDGE_SYMBOLIC } from './layer';
import { KanNetwork } from './network';
import { resolveSymbolicFitOptions, suggestSymbolic, type SuggestSymbolicOptions } from './symbolicFit';
import { HELLO_KAN_SYMBOLIC_NAMES, resolveSymbolicFunctions, symbolicLibrary } from './symbolicLibrary';

/** Options of {@link autoSymbolic}. */
export interface AutoSymbolicOptions extends SuggestSymbolicOptions {
  /** Edges whose best R² is below this stay splines (default 0: every edge is snapped). */
  r2Threshold?: number;
  /**
   * Samples used per edge fit: evenly spaced ranks of the sorted edge inputs, extremes included
   * (default 256; the grid search costs 3·101²·samples evaluations per library function).
   */
  maxSamples?: number;
  /**
   * Layers whose edges are snapped (default: every layer). Snapping one layer at a time with
   * retraining in between lets the later layers' splines absorb the earlier snaps before they are
   * fitted themselves.
   */
  layers?: readonly number[];
  /**
   * Fit each edge against its inputs standardized to mean 0 and standard deviation 1, then map
   * (a, b) back (default false, as pykan). The (a, b) search box [−10, 10]² and the 10⁻⁴ in the R²
   * denominator assume inputs of unit scale; an edge fed by a small product (inputs of size 10⁻²)
   * otherwise loses about 3·10⁻³ of R² for every candidate that cannot absorb the scale, and a
   * linear edge then ranks below exp(εx).
   */
  normalizeInputs?: boolean;
}

/** What {@link autoSymbolic} did to one edge. */
export interface AutoSymbolicEdge {
  /** Layer l. */
  layer: number;
  /** Input node i. */
  input: number;
  /** Output node j. */
  output: number;
  /** Chosen library function (best candidate even when not fixed). */
  name: string;
  /** R² of the chosen candidate. */
  r2: number;
  /** The fitted (a, b, c, d). */
  affine: [number, number, number, number];
  /** Whether the edge was made symbolic (R² ≥ r2Threshold). */
  fixed: boolean;
}

/** Result of {@link autoSymbolic}. */
export interface AutoSymbolicResult {
  /** A copy of the network with the snapped edges (the input network is unchanged). */
  network: KanNetwork;
  /** One entry per active spline edge, in layer, output, input order (those fitted before an abort). */
  edges: AutoSymbolicEdge[];
  /** `'success'`, or `'aborted'` when the signal fired (edges fitted so far are snapped). */
  status: 'success' | 'aborted';
  /** How the run ended. */
  message: string;
}

/** Row indices of evenly spaced ranks of `values` (sorted ascending), extremes included. */
function spreadSample(values: Vec, m: number): Int32Array {
  const order = Array.from({ length: values.length }, (_, s) => s).sort((p, q) => values[p] - values[q]);
  if (m >= values.length) return Int32Array.from(order);
  const rows = new Int32Array(m);
  for (let q = 0; q < m; q++) rows[q] = order[Math.round((q * (values.length - 1)) / (m - 1))];
  return rows;
}

/**
 * Snap every active spline edge of `net` to its best library function on the layer inputs of X
 * (all fits use the activations of `net` itself, as pykan does). Masked and already-symbolic
 * edges are left alone. The default library is pykan's hellokan list
 * `x, x^2, x^3, x^4, exp, log, sqrt, tanh, sin, abs`; ranking and fitting options as in
 * `suggestSymbolic` / `fitSymbolicEdge`.
 *
 * Cost: forward pass + edges × library × 3·gridNumber²·maxSamples function evaluations
 * (≈ 0.1–0.3 s per edge and function at the defaults).
 *
 * @example
 * ```ts
 * const { network, edges } = autoSymbolic(refined, train.input);
 * edges.map((e) => `${e.layer},${e.input},${e.output}: ${e.name} (R² ${e.r2})`);
 * ```
 */
export function autoSymbolic(net: KanNetwork, X: DenseMatrix, options: AutoSymbolicOptions = {}, runOptions: LongRunOptions = {}): AutoSymbolicResult {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  checkRunOptions(runOptions);
  const watch = new RunWatch({ progressEvery: 1, ...runOptions });
  let total = 0;
  for (const layer of net.layers) total += layer.inDim * layer.outDim;
  let done = 0;
  let aborted = false;
  const library = options.library ?? HELLO_KAN_SYMBOLIC_NAMES;
  const fns = resolveSymbolicFunctions(library, 'options.library');
  const r2Threshold = checkInRange('options.r2Threshold', options.r2Threshold ?? 0, -Infinity, 1);
  const maxSamples = checkInteger('options.maxSamples', options.maxSamples ?? 256, 2);
  const only = options.layers;
  if (only !== undefined) {
    if (!Array.isArray(only)) throw new InvalidTypeError('options.layers', 'an array of layer indices', only);
    only.forEach((l, q) => checkInteger(`options.layers[${q}]`, l, 0, net.depth - 1));
  }
  resolveSymbolicFitOptions(options);
  const acts = layerInputs(net, X);
  const network = net.clone();
  const lib = symbolicLibrary();
  const edges: AutoSymbolicEdge[] = [];
  network.layers.forEach((layer, l) => {
    if (aborted || (only !== undefined && !only.includes(l))) return;
    const input = acts[l].data;
    const column = new Float64Array(X.rows);
    const fitted: AutoSymbolicEdge[] = [];
    for (let i = 0; i < layer.inDim; i++) {
      for (let s = 0; s < X.rows; s++) column[s] = input[s * layer.inDim + i];
      const rows = spreadSample(column, maxSamples);
      const xs = new Float64Array(rows.length);
      for (let q = 0; q < rows.length; q++) xs[q] = column[rows[q]];
      const ys = new Float64Array(rows.length);
      let mean = 0;
      let sd = 1;
      if (options.normalizeInputs === true) {
        for (let q = 0; q < xs.length; q++) mean += xs[q] / xs.length;
        let ss = 0;
        for (let q = 0; q < xs.length; q++) ss += (xs[q] - mean) ** 2;
        sd = Math.sqrt(ss / xs.length);
        if (!(sd > 0)) [mean, sd] = [0, 1];
      }
      const zs = sd === 1 && mean === 0 ? xs : xs.map((x) => (x - mean) / sd);
      for (let j = 0; j < layer.outDim && !aborted; j++) {
        const e = j * layer.inDim + i;
        if (watch.tick(done, total > 0 ? done / total : 1)) { aborted = true; break; }
        done++;
        if (layer.edgeMask[e] === 0 || layer.edgeKind[e] === EDGE_SYMBOLIC) continue;
        layer.evaluateEdge(j, i, xs, ys);
        const fit = suggestSymbolic(zs, ys, { ...options, library: fns.map((f) => f.name) })[0];
        // f(a·z + b) with z = (x − mean)/sd is f((a/sd)·x + b − a·mean/sd)
        const best = { ...fit, a: fit.a / sd, b: fit.b - (fit.a * mean) / sd };
        const fixed = best.r2 >= r2Threshold;
        if (fixed) layer.setSymbolic(j, i, lib.get(best.name)!, best.a, best.b, best.c, best.d);
        fitted.push({ layer: l, input: i, output: j, name: best.name, r2: best.r2, affine: [best.a, best.b, best.c, best.d], fixed });
      }
    }
    fitted.sort((p, q) => p.output - q.output || p.input - q.input);
    edges.push(...fitted);
  });
  watch.finish(done, total > 0 ? done / total : 1);
  return { network, edges, status: aborted ? 'aborted' : 'success', message: aborted ? `aborted by the signal after ${done} of ${total} edges` : `${edges.length} edges fitted` };
}
