/**
 * Save and load Kolmogorov–Arnold networks as plain, versioned, self-describing JSON: the shape,
 * B-spline degree and grid size, every node's knot vector, all parameters (spline coefficients,
 * w_b, w_s, symbolic affine maps, biases) as base64 of their bytes, edge masks and kinds, symbolic
 * edges by library name, the base function by name, and free-form metadata (training history,
 * options). `kanFromJSON(kanToJSON(net))` evaluates bit-identically to `net`.
 *
 * Layout versions: 1 — sum-only networks (`shape` a list of integers); 2 — networks with
 * multiplication nodes (pykan's MultKAN): `shape` entries may be pairs [n_sum, n_mult], `multArity`
 * gives each mult node's arity, and the edges of a layer end on its subnodes. A network is saved
 * with the lowest version that describes it, so sum-only files stay readable by version-1 readers;
 * both versions load.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { decodeFloat64, encodeFloat64, fromTaggedJSON, toTaggedJSON, type TaggedJSON } from '../../core/serialize';
import { VERSION } from '../../core/version';
import { bsplineBasis } from '../../diff/bsplineBasis';
import { IDENTITY_BASE, SILU, ZERO_BASE, type BaseFunction } from './functions';
import { EDGE_SPLINE, EDGE_SYMBOLIC } from './layer';
import { KanNetwork } from './network';
import { symbolicLibrary } from './symbolicLibrary';

/**
 * Format tag of saved networks.
 * @example
 * ```ts
 * kanToJSON(net).format === KAN_FORMAT; // true
 * ```
 */
export const KAN_FORMAT = 'singularis-kan';
/**
 * Highest layout version this library reads and writes (not the library version): 1 for
 * sum-only networks, 2 for networks with multiplication nodes (module documentation).
 * @example
 * ```ts
 * kanToJSON(createKan({ shape: [2, [1, 1], 1] })).formatVersion <= KAN_FORMAT_VERSION; // true
 * ```
 */
export const KAN_FORMAT_VERSION = 2;

/** One layer of a saved network. */
export interface KanLayerJSON {
  /** Knot vector of each input node, base64 of its Float64Array bytes. */
  grids: string[];
  /** Edge masks (1 kept, 0 pruned), edge e = j·inDim + i. */
  edgeMask: number[];
  /** Edge kinds: 0 spline, 1 symbolic. */
  edgeKind: number[];
  /** Library name of each symbolic edge's function (null for spline edges). */
  symbolic: (string | null)[];
}

/** A saved network: a plain object, `JSON.stringify` it to write a file. */
export interface KanJSON {
  /** Always {@link KAN_FORMAT}. */
  format: string;
  /** 1 (sum-only network) or 2 (with multiplication nodes). */
  formatVersion: number;
  /** The singularis version that saved it. */
  library: string;
  /** Layer widths [n0, …, nL]; in version 2 an entry may be a pair [n_sum, n_mult]. */
  shape: (number | [number, number])[];
  /** Version 2: arity of each multiplication node, one list per width entry. */
  multArity?: number[][];
  /** Grid intervals G. */
  intervals: number;
  /** B-spline degree k. */
  degree: number;
  /** Base function name: `silu`, `identity` or `zero`. */
  base: string;
  /** Whether nodes carry biases. */
  nodeBias: boolean;
  /** Every parameter, base64 of the Float64Array bytes (layout of `KanNetwork.params`). */
  params: string;
  /** Per-layer grids, masks and symbolic edges. */
  layers: KanLayerJSON[];
  /** Free-form metadata (training options, loss history, …) as tagged JSON. */
  metadata: TaggedJSON;
}

const BASES: Record<string, BaseFunction> = { silu: SILU, identity: IDENTITY_BASE, zero: ZERO_BASE };

/**
 * Save a network as a plain JSON object (see {@link KanJSON}).
 * @param net - the network
 * @param metadata - optional plain data stored alongside (Float64Arrays allowed)
 * @throws InvalidArgumentError when the base function or a symbolic edge's function is a custom
 *   object that cannot be named (save with library functions only)
 * @example
 * ```ts
 * const text = JSON.stringify(kanToJSON(net, { loss: history }));
 * const copy = kanFromJSON(JSON.parse(text)); // evaluates bit-identically
 * ```
 */
export function kanToJSON(net: KanNetwork, metadata: unknown = {}): KanJSON {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  const baseName = Object.keys(BASES).find((k) => BASES[k] === net.base);
  if (baseName === undefined) throw new InvalidArgumentError('net.base', "one of the named base functions 'silu', 'identity', 'zero' (a custom base cannot be saved)", net.base.name);
  const library = symbolicLibrary();
  const layers = net.layers.map((layer, l) => ({
    grids: layer.bases.map((b) => encodeFloat64(b.knots)),
    edgeMask: Array.from(layer.edgeMask),
    edgeKind: Array.from(layer.edgeKind),
    symbolic: layer.symbolic.map((f, e) => {
      if (f === null) return null;
      const name = (f as { name?: string }).name;
      if (typeof name !== 'string' || library.get(name) !== f) {
        throw new InvalidArgumentError(`layers[${l}].symbolic[${e}]`, 'a function of the symbolic library (custom functions cannot be saved)', name ?? 'unnamed');
      }
      return name;
    }),
  }));
  return {
    format: KAN_FORMAT,
    formatVersion: net.hasMult ? 2 : 1,
    library: VERSION,
    shape: net.hasMult ? net.widthSpec.map((w) => (typeof w === 'number' ? w : [w[0], w[1]])) : net.shape.slice(),
    ...(net.hasMult ? { multArity: net.multArity.map((a) => a.slice()) } : {}),
    intervals: net.intervals,
    degree: net.degree,
    base: baseName,
    nodeBias: net.nodeBias,
    params: encodeFloat64(net.params),
    layers,
    metadata: toTaggedJSON(metadata, 'metadata'),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A network loaded by {@link kanFromJSON}. */
export interface LoadedKan {
  /** The rebuilt network. */
  net: KanNetwork;
  /** The metadata saved with it. */
  metadata: unknown;
}

/**
 * Rebuild a network from {@link kanToJSON} output (an object, or the parsed text of a file).
 * Validates everything first and names the first problem: another format or version, a missing
 * field, a parameter vector or grid of the wrong length, an unknown symbolic function.
 * @returns the network and the saved metadata
 * @example
 * ```ts
 * const { net, metadata } = kanFromJSON(JSON.parse(readFileSync('model.json', 'utf8')));
 * ```
 */
export function kanFromJSON(json: unknown): LoadedKan {
  if (!isRecord(json)) throw new InvalidTypeError('json', 'a saved KAN (an object)', json);
  if (json.format !== KAN_FORMAT) throw new InvalidArgumentError('json.format', `"${KAN_FORMAT}"`, json.format);
  if (json.formatVersion !== 1 && json.formatVersion !== 2) throw new InvalidArgumentError('json.formatVersion', `1 or 2 (this library reads layout versions 1 to ${KAN_FORMAT_VERSION})`, json.formatVersion);
  if (!Array.isArray(json.shape)) throw new InvalidTypeError('json.shape', 'an array of layer widths', json.shape);
  if (json.formatVersion === 1) {
    json.shape.forEach((w, l) => {
      if (typeof w !== 'number') throw new InvalidTypeError(`json.shape[${l}]`, 'an integer (layout version 1 has no multiplication nodes)', w);
    });
    if (json.multArity !== undefined) throw new InvalidArgumentError('json.multArity', 'absent in layout version 1', json.multArity);
  } else if (!Array.isArray(json.multArity)) throw new InvalidTypeError('json.multArity', 'one list of mult-node arities per width entry (layout version 2)', json.multArity);
  if (typeof json.base !== 'string' || !(json.base in BASES)) throw new InvalidArgumentError('json.base', "one of 'silu', 'identity', 'zero'", json.base);
  if (typeof json.nodeBias !== 'boolean') throw new InvalidTypeError('json.nodeBias', 'a boolean', json.nodeBias);
  if (typeof json.params !== 'string') throw new InvalidTypeError('json.params', 'a base64 string', json.params);
  const multArity = json.formatVersion === 2 ? (json.multArity as number[][]) : 2;
  const net = new KanNetwork({ shape: json.shape as number[], multArity, intervals: json.intervals as number, degree: json.degree as number, base: json.base as 'silu', nodeBias: json.nodeBias });
  const params = decodeFloat64(json.params, 'json.params');
  if (params.length !== net.params.length) throw new InvalidArgumentError('json.params', `${net.params.length} parameters for shape [${net.shape.join(', ')}]`, params.length);
  if (!Array.isArray(json.layers) || json.layers.length !== net.depth) throw new InvalidArgumentError('json.layers', `an array of ${net.depth} layers`, Array.isArray(json.layers) ? json.layers.length : json.layers);
  const library = symbolicLibrary();
  net.layers.forEach((layer, l) => {
    const lj = (json.layers as unknown[])[l];
    const name = `json.layers[${l}]`;
    if (!isRecord(lj)) throw new InvalidTypeError(name, 'an object', lj);
    const { grids, edgeMask, edgeKind, symbolic } = lj;
    if (!Array.isArray(grids) || grids.length !== layer.inDim) throw new InvalidArgumentError(`${name}.grids`, `${layer.inDim} knot vectors`, Array.isArray(grids) ? grids.length : grids);
    for (const [key, arr] of [['edgeMask', edgeMask], ['edgeKind', edgeKind], ['symbolic', symbolic]] as const) {
      if (!Array.isArray(arr) || arr.length !== layer.edgeCount) throw new InvalidArgumentError(`${name}.${key}`, `an array of ${layer.edgeCount} entries`, Array.isArray(arr) ? arr.length : arr);
    }
    grids.forEach((g, i) => {
      const knots = decodeFloat64(g as string, `${name}.grids[${i}]`);
      if (knots.length !== layer.bases[i].knots.length) throw new InvalidArgumentError(`${name}.grids[${i}]`, `${layer.bases[i].knots.length} knots`, knots.length);
      layer.setGrid(i, bsplineBasis(knots, layer.degree));
    });
    for (let e = 0; e < layer.edgeCount; e++) {
      const m = (edgeMask as unknown[])[e], k = (edgeKind as unknown[])[e], s = (symbolic as unknown[])[e];
      if (m !== 0 && m !== 1) throw new InvalidArgumentError(`${name}.edgeMask[${e}]`, '0 or 1', m);
      if (k !== EDGE_SPLINE && k !== EDGE_SYMBOLIC) throw new InvalidArgumentError(`${name}.edgeKind[${e}]`, `${EDGE_SPLINE} (spline) or ${EDGE_SYMBOLIC} (symbolic)`, k);
      layer.edgeMask[e] = m;
      layer.edgeKind[e] = k;
      if (k === EDGE_SYMBOLIC) {
        const f = typeof s === 'string' ? library.get(s) : undefined;
        if (f === undefined) throw new InvalidArgumentError(`${name}.symbolic[${e}]`, 'the name of a symbolic library function', s);
        layer.symbolic[e] = f;
      } else if (s !== null) throw new InvalidArgumentError(`${name}.symbolic[${e}]`, 'null for a spline edge', s);
    }
  });
  net.params.set(params); // last: setGrid and the edge setters leave parameters alone, but be explicit
  return { net, metadata: fromTaggedJSON(json.metadata ?? {}, 'json.metadata') };
}
