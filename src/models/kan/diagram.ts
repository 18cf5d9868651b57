/**
 * The network diagram of a KAN as a Vega-Lite specification (a plain object; no rendering
 * dependency): nodes in layers, one line per live edge with its opacity set by the attribution
 * score (as pykan's `plot()`), each edge's activation curve φ drawn in its own box in a row between
 * the layers, and symbolic edges labelled with their formula `c·f(a·x + b) + d`. Multiplication
 * nodes (pykan's MultKAN) are drawn as squares marked ×; in their layers the edges end on small
 * subnode points just below the nodes, each linked to the node it feeds (a mult node's subnodes are
 * its factors), as pykan draws them. Jupyter, Observable
 * and VS Code notebooks render the object natively; the CLI renders it to SVG/PNG.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { AttributionScores } from './attribution';
import { EDGE_SYMBOLIC } from './layer';
import { KanNetwork } from './network';

/** Options of {@link kanDiagramSpec}. */
export interface KanDiagramOptions {
  /** Attribution scores (from `attributionScores`): edge opacity ∝ score / max score (default: all opaque). */
  scores?: AttributionScores;
  /** Points per activation curve (default 41). */
  curvePoints?: number;
  /** Edges with a relative score below this are drawn faint (default 0.02). */
  faintBelow?: number;
  /** Diagram title (default "KAN [n0, …, nL]"). */
  title?: string;
  /** Width in pixels (default 120 per widest layer node, at least 320). */
  width?: number;
}

/** One live edge of the diagram data. */
export interface KanDiagramEdge {
  /** Layer l. */
  layer: number;
  /** Input node i (in layer l). */
  from: number;
  /** Output node j (in layer l + 1). */
  to: number;
  /** Start of the lower segment (the input node). */
  x: number;
  /** See `x`. */
  y: number;
  /** End of the lower segment (bottom of the activation box). */
  x2: number;
  /** See `x2`. */
  y2: number;
  /** Start of the upper segment (top of the activation box). */
  x3: number;
  /** See `x3`. */
  y3: number;
  /** End of the upper segment (the output node). */
  x4: number;
  /** See `x4`. */
  y4: number;
  /** Opacity in [0.05, 1]. */
  opacity: number;
  /** `"spline"` or `"symbolic"`. */
  kind: string;
  /** The symbolic formula, or "" for spline edges. */
  formula: string;
}

const fmt = (v: number): string => (v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? Number(v.toPrecision(3)).toString() : v.toExponential(2));

/**
 * `c·f(a·x + b) + d` with unit factors and zero terms left out (3 significant digits).
 *
 * @example
 * ```ts
 * edgeFormula('sin', 2.5, -0.3, 0.7, 0.1); // "0.7·sin(2.5·x − 0.3) + 0.1"
 * edgeFormula('x^2', 1, 0, 1, 0);          // "x^2(x)"
 * ```
 */
export function edgeFormula(name: string, a: number, b: number, c: number, d: number): string {
  if (typeof name !== 'string') throw new InvalidTypeError('name', 'a function name', name);
  checkFinite('a', a);
  checkFinite('b', b);
  checkFinite('c', c);
  checkFinite('d', d);
  const inner = `${a === 1 ? '' : `${fmt(a)}·`}x${b === 0 ? '' : b > 0 ? ` + ${fmt(b)}` : ` − ${fmt(-b)}`}`;
  const outer = `${c === 1 ? '' : c === -1 ? '−' : `${fmt(c)}·`}${name}(${inner})`;
  return `${outer}${d === 0 ? '' : d > 0 ? ` + ${fmt(d)}` : ` − ${fmt(-d)}`}`;
}

/**
 * A Vega-Lite (v5) specification drawing `net` (module documentation). The spec's data holds one
 * row per live edge (`edges`), one per node (`nodes`), the activation curve points (`curves`) and
 * one label per symbolic edge (`labels`). O(edges·curvePoints).
 *
 * @example
 * ```ts
 * const spec = kanDiagramSpec(net, { scores: attributionScores(net, X) });
 * // in a notebook: display it as application/vnd.vegalite.v5+json
 * ```
 */
export function kanDiagramSpec(net: KanNetwork, options: KanDiagramOptions = {}): Record<string, unknown> {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  const points = checkInteger('options.curvePoints', options.curvePoints ?? 41, 2, 10_000);
  const faint = options.faintBelow ?? 0.02;
  if (!(faint >= 0 && faint <= 1)) throw new InvalidArgumentError('options.faintBelow', 'a number in [0, 1]', faint);
  const scores = options.scores;
  if (scores !== undefined) {
    if (!Array.isArray(scores.edgeScores) || scores.edgeScores.length !== net.depth) throw new InvalidArgumentError('options.scores.edgeScores', `${net.depth} layers of edge scores for this network`, scores.edgeScores?.length);
    net.layers.forEach((layer, l) => {
      if (scores.edgeScores[l].length !== layer.edgeCount) throw new InvalidArgumentError(`options.scores.edgeScores[${l}]`, `${layer.edgeCount} scores`, scores.edgeScores[l].length);
    });
  }
  const widest = Math.max(...net.shape);
  const width = options.width === undefined ? Math.max(320, 120 * widest) : checkPositive('options.width', options.width);
  const height = Math.max(240, 160 * net.depth);
  // node positions: layer l at y = l (bottom to top), node i spread over [0, 1]
  const nodeX = (l: number, i: number): number => (net.shape[l] === 1 ? 0.5 : (i + 0.5) / net.shape[l]);
  const isMult = (l: number, i: number): boolean => l > 0 && i >= net.width[l][0];
  const nodes = net.shape.flatMap((n, l) =>
    Array.from({ length: n }, (_, i) => ({
      layer: l, index: i, x: nodeX(l, i), y: l,
      kind: l === 0 ? 'input' : isMult(l, i) ? 'mult' : 'sum',
      symbol: isMult(l, i) ? '×' : '',
      label: l === 0 ? `x${i + 1}` : l === net.depth ? `y${i + 1}` : '',
    })),
  );
  // subnodes of layers with mult nodes, slightly below the nodes, and their links to the nodes
  const subnodeDrop = 0.12;
  const subX = (l: number, j: number): number => (net.layers[l].outDim === 1 ? 0.5 : (j + 0.5) / net.layers[l].outDim);
  const subnodes: { layer: number; index: number; x: number; y: number; node: number }[] = [];
  const links: { x: number; y: number; x2: number; y2: number }[] = [];
  net.layers.forEach((layer, l) => {
    if (!layer.hasMult) return;
    for (let j = 0; j < layer.outDim; j++) {
      const n = layer.nodeOfSubnode(j);
      subnodes.push({ layer: l + 1, index: j, x: subX(l, j), y: l + 1 - subnodeDrop, node: n });
      links.push({ x: subX(l, j), y: l + 1 - subnodeDrop, x2: nodeX(l + 1, n), y2: l + 1 });
    }
  });
  const edges: KanDiagramEdge[] = [];
  const curves: { edge: string; cx: number; cy: number; opacity: number }[] = [];
  const labels: { x: number; y: number; text: string }[] = [];
  const boxes: { x: number; x2: number; y: number; y2: number; opacity: number }[] = [];
  const box = { h: 0.3 };
  net.layers.forEach((layer, l) => {
    const max = scores === undefined ? 1 : Math.max(...scores.edgeScores[l], 0);
    for (let j = 0; j < layer.outDim; j++) {
      for (let i = 0; i < layer.inDim; i++) {
        const e = j * layer.inDim + i;
        if (layer.edgeMask[e] === 0) continue;
        const rel = scores === undefined || !(max > 0) ? 1 : scores.edgeScores[l][e] / max;
        const symbolic = layer.edgeKind[e] === EDGE_SYMBOLIC;
        const A = layer.symbolicAffine;
        const name = symbolic ? ((layer.symbolic[e] as { name?: string }).name ?? 'f') : '';
        const formula = symbolic ? edgeFormula(name, A[4 * e], A[4 * e + 1], A[4 * e + 2], A[4 * e + 3]) : '';
        // as pykan: the layer's activations sit in one row of boxes between the layers, ordered by
        // (input node, output node); each edge runs node → its box → node
        const slot = i * layer.outDim + j;
        const mx = (slot + 0.5) / layer.edgeCount, my = l + 0.5;
        edges.push({
          layer: l, from: i, to: j,
          x: nodeX(l, i), y: l, x2: mx, y2: my - 0.5 * box.h,
          x3: mx, y3: my + 0.5 * box.h, x4: layer.hasMult ? subX(l, j) : nodeX(l + 1, j), y4: layer.hasMult ? l + 1 - subnodeDrop : l + 1,
          opacity: rel < faint ? 0.05 : Math.max(0.05, Math.min(1, rel)), kind: symbolic ? 'symbolic' : 'spline', formula,
        });
        // activation curve over the node's grid range, scaled into a box at the edge midpoint
        const knots = layer.bases[i].knots;
        const lo = knots[layer.degree], hi = knots[knots.length - 1 - layer.degree];
        const xs = new Float64Array(points);
        for (let s = 0; s < points; s++) xs[s] = lo + ((hi - lo) * s) / (points - 1);
        const ys = layer.evaluateEdge(j, i, xs);
        let yMin = Infinity, yMax = -Infinity;
        for (const v of ys) { if (v < yMin) yMin = v; if (v > yMax) yMax = v; }
        const span = yMax > yMin ? yMax - yMin : 1;
        const halfWidth = 0.4 / layer.edgeCount;
        const id = `${l}:${j}:${i}`;
        const opacity = edges[edges.length - 1].opacity;
        for (let s = 0; s < points; s++) {
          curves.push({ edge: id, cx: mx + halfWidth * ((2 * s) / (points - 1) - 1), cy: my + box.h * ((2 * (ys[s] - yMin)) / span - 1) * 0.5, opacity });
        }
        boxes.push({ x: mx - halfWidth, x2: mx + halfWidth, y: my - 0.5 * box.h, y2: my + 0.5 * box.h, opacity });
        if (symbolic) labels.push({ x: mx, y: my + 0.5 * box.h + 0.05, text: formula });
      }
    }
  });
  const yDomain = [-0.25, net.depth + 0.25];
  /** x and y channels on the diagram's fixed unit scales (no axes). */
  const position = (x: string, y: string) => ({
    x: { field: x, type: 'quantitative', scale: { domain: [0, 1] }, axis: null },
    y: { field: y, type: 'quantitative', scale: { domain: yDomain }, axis: null },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: options.title ?? `KAN [${net.shape.join(', ')}]: activations φ per edge, opacity by attribution`,
    width,
    height,
    datasets: { edges, nodes, curves, labels, boxes, subnodes, links },
    layer: [
      {
        data: { name: 'edges' },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          ...position('x', 'y'),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
          color: { field: 'kind', type: 'nominal', title: 'edge', scale: { domain: ['spline', 'symbolic'], range: ['#4c78a8', '#e45756'] } },
          tooltip: [{ field: 'layer' }, { field: 'from', title: 'input node' }, { field: 'to', title: 'output node' }, { field: 'opacity', title: 'relative score' }, { field: 'formula' }],
        },
      },
      {
        data: { name: 'edges' },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          ...position('x3', 'y3'),
          x2: { field: 'x4' },
          y2: { field: 'y4' },
          opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
          color: { field: 'kind', type: 'nominal', title: 'edge', scale: { domain: ['spline', 'symbolic'], range: ['#4c78a8', '#e45756'] } },
        },
      },
      {
        data: { name: 'boxes' },
        mark: { type: 'rect', fill: 'white', stroke: '#888', strokeWidth: 0.5 },
        encoding: {
          ...position('x', 'y'),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
        },
      },
      {
        data: { name: 'curves' },
        mark: { type: 'line', strokeWidth: 1, color: 'black' },
        encoding: {
          ...position('cx', 'cy'),
          detail: { field: 'edge', type: 'nominal' },
          opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
        },
      },
      {
        data: { name: 'links' },
        mark: { type: 'rule', strokeWidth: 1, color: 'black' },
        encoding: {
          ...position('x', 'y'),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
      {
        data: { name: 'subnodes' },
        mark: { type: 'point', filled: true, size: 30, color: '#555' },
        encoding: {
          ...position('x', 'y'),
          tooltip: [{ field: 'layer' }, { field: 'index', title: 'subnode' }, { field: 'node', title: 'feeds node' }],
        },
      },
      {
        data: { name: 'nodes' },
        mark: { type: 'point', filled: true, size: 160, color: 'black' },
        encoding: {
          ...position('x', 'y'),
          shape: { field: 'kind', type: 'nominal', scale: { domain: ['input', 'sum', 'mult'], range: ['circle', 'circle', 'square'] }, legend: null },
          tooltip: [{ field: 'layer' }, { field: 'index', title: 'node' }, { field: 'kind' }],
        },
      },
      {
        data: { name: 'nodes' },
        mark: { type: 'text', fontSize: 13, fontWeight: 'bold', color: 'white', baseline: 'middle' },
        encoding: {
          ...position('x', 'y'),
          text: { field: 'symbol' },
        },
      },
      {
        data: { name: 'nodes' },
        mark: { type: 'text', dy: 16, fontSize: 12 },
        encoding: {
          ...position('x', 'y'),
          text: { field: 'label' },
        },
      },
      {
        data: { name: 'labels' },
        mark: { type: 'text', fontSize: 10, color: '#e45756' },
        encoding: {
          ...position('x', 'y'),
          text: { field: 'text' },
        },
      },
    ],
  };
}
