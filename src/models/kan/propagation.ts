/**
 * Forward evaluation of a KAN with forward-mode input jets (value, ∂/∂x_d, ∂²/∂x_d²), and the
 * hand-written reverse mode through them: exact gradients of any loss of the outputs and their
 * input derivatives with respect to every parameter (spline coefficients, w_b, w_s, symbolic
 * (a, b, c, d), node biases) and to the inputs.
 *
 * Edge jets (thesis (3.2.5), (3.7.1)): for y_j = Σ_i φ_{j,i}(v_i),
 * y′ = Σ φ′(v) v′, y″ = Σ φ″(v) v′² + φ′(v) v″, with φ^{(n)} = w_b b^{(n)} + w_s Σ_m c_m B_m^{(n)} for
 * spline edges and φ^{(n)} = c aⁿ f^{(n)}(a v + b) (+ d for n = 0) for symbolic ones.
 *
 * Layers with multiplication nodes (pykan's MultKAN) sum the edges into subnodes, then form the
 * node products and their jets in `multNodes.ts`; the reverse pass goes through the products first.
 *
 * Cost per (sample, edge): O(k·(order+2)); per (sample, input node): one local B-spline
 * evaluation O(k² + k·order). Independent of G. No allocation per call.
 *
 * @module
 */
import { checkAllFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import type { SymbolicFunction } from './functions';
import { EDGE_SYMBOLIC, type KanLayer } from './layer';
import { localBasisDerivatives } from './localBasis';
import { multiplyNodes, multiplyNodesBackward } from './multNodes';
import { KanNetwork } from './network';
import { KanWorkspace } from './workspace';

/**
 * Validate a batch of inputs for `net`: a row-major matrix with `cols = n_0` and finite entries.
 * Throws `InvalidTypeError`/`InvalidArgumentError` naming `name`. O(rows·cols).
 *
 * @example
 * ```ts
 * checkKanInput('input', net, { rows: 100, cols: 2, data });
 * ```
 */
export function checkKanInput(name: string, net: KanNetwork, X: DenseMatrix): void {
  if (typeof X !== 'object' || X === null || !(X.data instanceof Float64Array)) throw new InvalidTypeError(name, 'a DenseMatrix { rows, cols, data: Float64Array }', X);
  checkInteger(`${name}.rows`, X.rows, 1);
  if (X.cols !== net.inputDim) throw new InvalidArgumentError(`${name}.cols`, `the network input dimension ${net.inputDim}`, X.cols);
  if (X.data.length !== X.rows * X.cols) throw new InvalidTypeError(`${name}.data`, `a Float64Array of length rows·cols = ${X.rows * X.cols}`, X.data);
  checkAllFinite(`${name}.data`, X.data);
}

/**
 * Options of {@link forwardKan}.
 *
 * @example
 * ```ts
 * forwardKan(net, X, ws, { rows: batchIndices, statistics: true });
 * ```
 */
export interface ForwardOptions {
  /** Rows of X forming the batch (length `ws.batch`); default rows 0 … ws.batch−1. */
  rows?: Int32Array;
  /** Also fill `ws.edgeAbsMean` (mean |φ| per edge over the batch). Default false. */
  statistics?: boolean;
  /** Skip the input validation (the caller validated X once). Default false. */
  trusted?: boolean;
}

/**
 * Forward pass: fills `ws.values[l]` (and the jets `ws.first[l]`, `ws.second[l]` up to
 * `ws.order`) for l = 0 … L and the local basis caches used by {@link backwardKan}. Returns the
 * outputs `ws.values[L]` (batch × n_L, row-major). O(batch·Σ_l (n_l k² + n_l n_{l+1} k·(order+2))).
 *
 * @example
 * ```ts
 * const ws = new KanWorkspace(net, X.rows);
 * const y = forwardKan(net, X, ws); // y[s·n_L + j]
 * ```
 */
export function forwardKan(net: KanNetwork, X: DenseMatrix, ws: KanWorkspace, options: ForwardOptions = {}): Vec {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (!(ws instanceof KanWorkspace) || !ws.fits(net)) throw new InvalidTypeError('ws', `a KanWorkspace for shape [${net.shape.join(', ')}], degree ${net.degree}`, ws);
  if (options.trusted !== true) checkKanInput('X', net, X);
  const B = ws.batch;
  const n0 = net.inputDim;
  const rows = options.rows;
  if (rows !== undefined) {
    if (!(rows instanceof Int32Array) || rows.length !== B) throw new InvalidTypeError('options.rows', `an Int32Array of length ${B}`, rows);
    for (let s = 0; s < B; s++) if (!(rows[s] >= 0 && rows[s] < X.rows)) throw new InvalidArgumentError(`options.rows[${s}]`, `a row index in [0, ${X.rows})`, rows[s]);
  } else if (X.rows < B) {
    throw new InvalidArgumentError('X.rows', `at least the workspace batch ${B}`, X.rows);
  }
  const v0 = ws.values[0];
  for (let s = 0; s < B; s++) {
    const r = rows === undefined ? s : rows[s];
    for (let i = 0; i < n0; i++) v0[s * n0 + i] = X.data[r * n0 + i];
  }
  const D = ws.directions;
  if (ws.order >= 1) {
    const f0 = ws.first[0];
    f0.fill(0);
    for (let s = 0; s < B; s++) for (let i = 0; i < n0; i++) f0[(s * n0 + i) * D + i] = 1;
    if (ws.order === 2) ws.second[0].fill(0);
  }
  const statistics = options.statistics === true;
  for (let l = 0; l < net.depth; l++) forwardLayer(net.layers[l], ws, l, statistics);
  return ws.values[net.depth];
}

/** One layer of {@link forwardKan}. */
function forwardLayer(layer: KanLayer, ws: KanWorkspace, l: number, statistics: boolean): void {
  const B = ws.batch;
  const q = ws.order;
  const D = ws.directions;
  const nIn = layer.inDim;
  const nOut = layer.outDim;
  const k1 = layer.degree + 1;
  const rowsPerPoint = q + 2;
  const stride = rowsPerPoint * k1;
  const nb = layer.basisSize;
  const vin = ws.values[l];
  const din = ws.first[l];
  const ddin = ws.second[l];
  const vout = ws.subValues[l + 1];
  const dout = ws.subFirst[l + 1];
  const ddout = ws.subSecond[l + 1];
  const starts = ws.basisStart[l];
  const cache = ws.basisValues[l];
  const baseJets = ws.baseJets[l];
  const scratch = ws.scratch;
  const work = ws.basisWork;
  const fjet = (q + 2) * k1; // offset of the 4-entry function jet in the scratch
  const coef = layer.coefficients;
  const wb = layer.baseScale;
  const wsp = layer.splineScale;
  const affine = layer.symbolicAffine;
  const mask = layer.edgeMask;
  const kind = layer.edgeKind;
  const bias = layer.hasMult ? null : layer.bias; // mult layers add node biases after the products
  const absMean = ws.edgeAbsMean[l];
  if (statistics) absMean.fill(0);
  for (let s = 0; s < B; s++) {
    for (let i = 0; i < nIn; i++) {
      const p = s * nIn + i;
      const v = vin[p];
      starts[p] = localBasisDerivatives(layer.bases[i], v, q + 1, scratch, work);
      const c0 = p * stride;
      for (let t = 0; t < stride; t++) cache[c0 + t] = scratch[t];
      layer.base.jet(v, baseJets, 4 * p);
    }
    for (let j = 0; j < nOut; j++) {
      const o = s * nOut + j;
      let y = bias === null ? 0 : bias[j];
      if (q >= 1) for (let d = 0; d < D; d++) dout[o * D + d] = 0;
      if (q === 2) for (let d = 0; d < D; d++) ddout[o * D + d] = 0;
      for (let i = 0; i < nIn; i++) {
        const e = j * nIn + i;
        const m = mask[e];
        if (m === 0) continue;
        const p = s * nIn + i;
        let phi0: number;
        let phi1 = 0;
        let phi2 = 0;
        if (kind[e] === EDGE_SYMBOLIC) {
          const a = affine[4 * e];
          const cc = affine[4 * e + 2];
          (layer.symbolic[e] as SymbolicFunction).jet(a * vin[p] + affine[4 * e + 1], scratch, fjet);
          phi0 = cc * scratch[fjet] + affine[4 * e + 3];
          phi1 = cc * a * scratch[fjet + 1];
          phi2 = cc * a * a * scratch[fjet + 2];
        } else {
          const cOff = e * nb + starts[p];
          const bOff = p * stride;
          let sp0 = 0;
          for (let r = 0; r < k1; r++) sp0 += coef[cOff + r] * cache[bOff + r];
          phi0 = wb[e] * baseJets[4 * p] + wsp[e] * sp0;
          if (q >= 1) {
            let sp1 = 0;
            let sp2 = 0;
            for (let r = 0; r < k1; r++) sp1 += coef[cOff + r] * cache[bOff + k1 + r];
            if (q === 2) for (let r = 0; r < k1; r++) sp2 += coef[cOff + r] * cache[bOff + 2 * k1 + r];
            phi1 = wb[e] * baseJets[4 * p + 1] + wsp[e] * sp1;
            phi2 = wb[e] * baseJets[4 * p + 2] + wsp[e] * sp2;
          }
        }
        y += m * phi0;
        if (statistics) absMean[e] += Math.abs(m * phi0);
        if (q >= 1) {
          const pd = p * D;
          const od = o * D;
          for (let d = 0; d < D; d++) {
            const g = din[pd + d];
            dout[od + d] += m * phi1 * g;
            if (q === 2) ddout[od + d] += m * (phi2 * g * g + phi1 * ddin[pd + d]);
          }
        }
      }
      vout[o] = y;
    }
  }
  if (statistics) for (let e = 0; e < absMean.length; e++) absMean[e] /= B;
  if (layer.hasMult) multiplyNodes(layer, ws, l);
}

/**
 * Options of {@link backwardKan}.
 *
 * @example
 * ```ts
 * backwardKan(net, ws, grad, { accumulate: true });
 * ```
 */
export interface BackwardOptions {
  /** Add into `grad` instead of overwriting it (default false). */
  accumulate?: boolean;
}

/**
 * Reverse pass after {@link forwardKan} on the same workspace. The caller writes the adjoints
 * of the outputs — ∂Loss/∂y into `ws.valueAdjoint[L]`, and for jets ∂Loss/∂y′, ∂Loss/∂y″ into
 * `ws.firstAdjoint[L]`, `ws.secondAdjoint[L]` — and optional per-edge sign weights into
 * `ws.edgeSignWeight[l]`. On return `grad` (length `net.params.length`) holds ∂Loss/∂params and
 * `ws.valueAdjoint[0]` (with the jets' adjoints) ∂Loss/∂inputs. Parameters of masked edges and
 * spline parameters of symbolic edges get zero gradient (they do not influence the output).
 * Cost ≈ 2–3× the forward pass.
 *
 * @example
 * ```ts
 * const y = forwardKan(net, X, ws);
 * const adj = ws.valueAdjoint[net.depth];
 * for (let s = 0; s < X.rows; s++) adj[s] = (2 * (y[s] - target[s])) / X.rows; // MSE
 * backwardKan(net, ws, grad);
 * ```
 */
export function backwardKan(net: KanNetwork, ws: KanWorkspace, grad: Vec, options: BackwardOptions = {}): Vec {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (!(ws instanceof KanWorkspace) || !ws.fits(net)) throw new InvalidTypeError('ws', `a KanWorkspace for shape [${net.shape.join(', ')}], degree ${net.degree}`, ws);
  if (!(grad instanceof Float64Array) || grad.length !== net.params.length) throw new InvalidTypeError('grad', `a Float64Array of length ${net.params.length}`, grad);
  if (options.accumulate !== true) grad.fill(0);
  for (let l = net.depth - 1; l >= 0; l--) backwardLayer(net.layers[l], ws, l, grad);
  return grad;
}

/** One layer of {@link backwardKan}: parameter gradients and the adjoints of the layer inputs. */
function backwardLayer(layer: KanLayer, ws: KanWorkspace, l: number, grad: Vec): void {
  const B = ws.batch;
  const q = ws.order;
  const D = ws.directions;
  const nIn = layer.inDim;
  const nOut = layer.outDim;
  const k1 = layer.degree + 1;
  const stride = (q + 2) * k1;
  const nb = layer.basisSize;
  const off = layer.offsets;
  const vin = ws.values[l];
  const din = ws.first[l];
  const ddin = ws.second[l];
  if (layer.hasMult) multiplyNodesBackward(layer, ws, l, grad);
  const vbar = ws.subValueAdjoint[l + 1];
  const dbar = ws.subFirstAdjoint[l + 1];
  const ddbar = ws.subSecondAdjoint[l + 1];
  const biasOffset = layer.hasMult ? -1 : off.bias; // mult layers: bias gradient taken above
  const vinBar = ws.valueAdjoint[l];
  const dinBar = ws.firstAdjoint[l];
  const ddinBar = ws.secondAdjoint[l];
  vinBar.fill(0);
  dinBar.fill(0);
  ddinBar.fill(0);
  const starts = ws.basisStart[l];
  const cache = ws.basisValues[l];
  const baseJets = ws.baseJets[l];
  const signWeight = ws.edgeSignWeight[l];
  const scratch = ws.scratch;
  const fjet = (q + 2) * k1;
  const coef = layer.coefficients;
  const wb = layer.baseScale;
  const wsp = layer.splineScale;
  const affine = layer.symbolicAffine;
  const mask = layer.edgeMask;
  const kind = layer.edgeKind;
  for (let s = 0; s < B; s++) {
    for (let j = 0; j < nOut; j++) {
      const o = s * nOut + j;
      const ybar = vbar[o];
      if (biasOffset >= 0) grad[biasOffset + j] += ybar;
      for (let i = 0; i < nIn; i++) {
        const e = j * nIn + i;
        const m = mask[e];
        if (m === 0) continue;
        const p = s * nIn + i;
        // P0, P1, P2: adjoint weights of φ, φ′, φ″ of this edge at this sample
        let P1 = 0;
        let P2 = 0;
        if (q >= 1) {
          const pd = p * D;
          const od = o * D;
          for (let d = 0; d < D; d++) {
            const g = din[pd + d];
            const a1 = m * dbar[od + d];
            if (q === 2) {
              const a2 = m * ddbar[od + d];
              P1 += a1 * g + a2 * ddin[pd + d];
              P2 += a2 * g * g;
            } else {
              P1 += a1 * g;
            }
          }
        }
        let phi0: number;
        let phi1: number;
        let phi2: number;
        let phi3: number;
        let P0 = m * ybar;
        if (kind[e] === EDGE_SYMBOLIC) {
          const a = affine[4 * e];
          const bb = affine[4 * e + 1];
          const cc = affine[4 * e + 2];
          const v = vin[p];
          (layer.symbolic[e] as SymbolicFunction).jet(a * v + bb, scratch, fjet);
          const f0 = scratch[fjet];
          const f1 = scratch[fjet + 1];
          const f2 = scratch[fjet + 2];
          const f3 = scratch[fjet + 3];
          phi0 = cc * f0 + affine[4 * e + 3];
          phi1 = cc * a * f1;
          phi2 = cc * a * a * f2;
          phi3 = cc * a * a * a * f3;
          if (signWeight !== null) P0 += m * signWeight[e] * Math.sign(m * phi0);
          const g = off.symbolicAffine + 4 * e;
          grad[g] += P0 * cc * f1 * v + P1 * (cc * f1 + cc * a * f2 * v) + P2 * (2 * cc * a * f2 + cc * a * a * f3 * v);
          grad[g + 1] += P0 * cc * f1 + P1 * cc * a * f2 + P2 * cc * a * a * f3;
          grad[g + 2] += P0 * f0 + P1 * a * f1 + P2 * a * a * f2;
          grad[g + 3] += P0;
        } else {
          const cOff = e * nb + starts[p];
          const bOff = p * stride;
          const bj = 4 * p;
          let sp0 = 0;
          let sp1 = 0;
          let sp2 = 0;
          let sp3 = 0;
          for (let r = 0; r < k1; r++) {
            const c = coef[cOff + r];
            sp0 += c * cache[bOff + r];
            sp1 += c * cache[bOff + k1 + r];
          }
          if (q >= 1) for (let r = 0; r < k1; r++) sp2 += coef[cOff + r] * cache[bOff + 2 * k1 + r];
          if (q === 2) for (let r = 0; r < k1; r++) sp3 += coef[cOff + r] * cache[bOff + 3 * k1 + r];
          const wbe = wb[e];
          const wse = wsp[e];
          phi0 = wbe * baseJets[bj] + wse * sp0;
          phi1 = wbe * baseJets[bj + 1] + wse * sp1;
          phi2 = wbe * baseJets[bj + 2] + wse * sp2;
          phi3 = wbe * baseJets[bj + 3] + wse * sp3;
          if (signWeight !== null) P0 += m * signWeight[e] * Math.sign(m * phi0);
          grad[off.baseScale + e] += P0 * baseJets[bj] + P1 * baseJets[bj + 1] + P2 * baseJets[bj + 2];
          grad[off.splineScale + e] += P0 * sp0 + P1 * sp1 + P2 * sp2;
          const gOff = off.coefficients + cOff;
          if (q === 0) {
            const w0 = wse * P0;
            for (let r = 0; r < k1; r++) grad[gOff + r] += w0 * cache[bOff + r];
          } else {
            for (let r = 0; r < k1; r++) {
              grad[gOff + r] += wse * (P0 * cache[bOff + r] + P1 * cache[bOff + k1 + r] + P2 * cache[bOff + 2 * k1 + r]);
            }
          }
        }
        vinBar[p] += P0 * phi1 + P1 * phi2 + P2 * phi3;
        if (q >= 1) {
          const pd = p * D;
          const od = o * D;
          for (let d = 0; d < D; d++) {
            const a1 = m * dbar[od + d];
            if (q === 2) {
              const a2 = m * ddbar[od + d];
              dinBar[pd + d] += a1 * phi1 + 2 * a2 * phi2 * din[pd + d];
              ddinBar[pd + d] += a2 * phi1;
            } else {
              dinBar[pd + d] += a1 * phi1;
            }
          }
        }
      }
    }
  }
}

/**
 * Evaluate the network on every row of X (batch × n_0, row-major): returns batch × n_L outputs.
 * Allocates a workspace; for repeated evaluation keep a {@link KanWorkspace} and call
 * {@link forwardKan}. O(batch·Σ_l n_l n_{l+1} k).
 *
 * @example
 * ```ts
 * const y = evaluateKan(net, { rows: 3, cols: 2, data: new Float64Array([0, 0, 0.5, -0.5, 1, 1]) });
 * ```
 */
export function evaluateKan(net: KanNetwork, X: DenseMatrix, out?: Vec): Vec {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  checkKanInput('X', net, X);
  const ws = new KanWorkspace(net, X.rows, 0);
  const y = forwardKan(net, X, ws, { trusted: true });
  if (out === undefined) return Float64Array.from(y);
  if (!(out instanceof Float64Array) || out.length !== y.length) throw new InvalidTypeError('out', `a Float64Array of length ${y.length}`, out);
  out.set(y);
  return out;
}
