/**
 * Forward pass of an {@link Mlp} with forward-mode input jets (value, ∂/∂x_d, ∂²/∂x_d²) and the
 * hand-written reverse pass through them: exact gradients, with respect to every weight and bias
 * (and to the inputs), of any loss built from the outputs and their input derivatives — e.g. a
 * PINN residual with the Laplacian.
 *
 * Jet rules per hidden node (z pre-activation, a = σ(z)): a′ = σ′z′, a″ = σ″z′² + σ′z″; affine
 * maps act linearly on every channel (bias on the value only). Reverse, with adjoints ā, ā′, ā″:
 * z̄ = σ′ā + Σ_d [σ″z′_d ā′_d + (σ‴z′_d² + σ″z″_d) ā″_d], z̄′_d = σ′ā′_d + 2σ″z′_d ā″_d,
 * z̄″_d = σ′ā″_d; W̄ += Σ_rows z̄ aᵀ, b̄ += Σ_s z̄(value), ā_in = Wᵀz̄.
 *
 * Cost per sample: O(C·Σ n_l n_{l+1}) with C = 1 + order·n_0 channels, forward and backward alike.
 * No allocation per call.
 *
 * @module
 */
import { checkAllFinite, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { DenseMatrix, Vec } from '../core/types';
import { activationJets } from './activation';
import { Mlp } from './mlp';
import { MlpWorkspace } from './workspace';

/**
 * Options of {@link forwardMlp}.
 * @example
 * ```ts
 * forwardMlp(net, X, ws, { rows: batchRows });
 * ```
 */
export interface MlpForwardOptions {
  /** Rows of X forming the batch (length `ws.batch`); default rows 0 … ws.batch−1. */
  rows?: Int32Array;
  /** Skip validating X (the caller did it once). Default false. */
  trusted?: boolean;
}

/**
 * Validate a batch of inputs: a DenseMatrix with `cols = n_0` and finite entries (throws the named
 * errors). O(rows·cols).
 * @example
 * ```ts
 * checkMlpInput('X', net, X);
 * ```
 */
export function checkMlpInput(name: string, net: Mlp, X: DenseMatrix): void {
  if (typeof X !== 'object' || X === null || !(X.data instanceof Float64Array)) throw new InvalidTypeError(name, 'a DenseMatrix { rows, cols, data: Float64Array }', X);
  checkInteger(`${name}.rows`, X.rows, 1);
  if (X.cols !== net.inputDim) throw new InvalidArgumentError(`${name}.cols`, `the network input dimension ${net.inputDim}`, X.cols);
  if (X.data.length !== X.rows * X.cols) throw new InvalidTypeError(`${name}.data`, `a Float64Array of length rows·cols = ${X.rows * X.cols}`, X.data);
  checkAllFinite(`${name}.data`, X.data);
}

function checkWorkspace(net: Mlp, ws: MlpWorkspace): void {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  if (!(ws instanceof MlpWorkspace) || !ws.fits(net)) throw new InvalidTypeError('ws', `an MlpWorkspace for widths [${net.widths.join(', ')}]`, ws);
}

/**
 * Forward pass: fills `ws.jets[l]` for l = 0 … L (values and, up to `ws.order`, input derivatives;
 * layout in {@link MlpWorkspace}) and returns the output jets `ws.jets[L]`.
 * O(batch·C·Σ n_l n_{l+1}).
 *
 * @example
 * ```ts
 * const ws = new MlpWorkspace(net, X.rows, 1);
 * const out = forwardMlp(net, X, ws); // out[(s·C + c)·n_L + j]
 * ```
 */
export function forwardMlp(net: Mlp, X: DenseMatrix, ws: MlpWorkspace, options: MlpForwardOptions = {}): Vec {
  checkWorkspace(net, ws);
  if (options.trusted !== true) checkMlpInput('X', net, X);
  const B = ws.batch;
  const rows = options.rows;
  if (rows !== undefined) {
    if (!(rows instanceof Int32Array) || rows.length !== B) throw new InvalidTypeError('options.rows', `an Int32Array of length ${B}`, rows);
    for (let s = 0; s < B; s++) if (!(rows[s] >= 0 && rows[s] < X.rows)) throw new InvalidArgumentError(`options.rows[${s}]`, `a row index in [0, ${X.rows})`, rows[s]);
  } else if (X.rows < B) {
    throw new InvalidArgumentError('X.rows', `at least the workspace batch ${B}`, X.rows);
  }
  const n0 = net.inputDim;
  const C = ws.channels;
  const D = ws.directions;
  const in0 = ws.jets[0];
  in0.fill(0);
  for (let s = 0; s < B; s++) {
    const r = rows === undefined ? s : rows[s];
    for (let i = 0; i < n0; i++) in0[s * C * n0 + i] = X.data[r * n0 + i];
    for (let d = 0; d < D; d++) in0[(s * C + 1 + d) * n0 + d] = 1;
  }
  const L = net.depth;
  for (let l = 0; l < L; l++) {
    const hidden = l + 1 < L;
    const target = hidden ? ws.preActivations[l + 1] : ws.jets[L];
    affineForward(net, l, ws.jets[l], target, B, C);
    if (hidden) activationForward(net, ws, l + 1);
  }
  return ws.jets[L];
}

/** z = W a (+ b on channel 0) over all batch·C rows. */
function affineForward(net: Mlp, l: number, input: Vec, out: Vec, B: number, C: number): void {
  const nIn = net.widths[l];
  const nOut = net.widths[l + 1];
  const p = net.params;
  const w0 = net.offsets[l].weights;
  const b0 = net.offsets[l].biases;
  for (let s = 0; s < B; s++) {
    for (let c = 0; c < C; c++) {
      const r = s * C + c;
      const iOff = r * nIn;
      for (let j = 0; j < nOut; j++) {
        const wOff = w0 + j * nIn;
        let z = c === 0 ? p[b0 + j] : 0;
        for (let i = 0; i < nIn; i++) z += p[wOff + i] * input[iOff + i];
        out[r * nOut + j] = z;
      }
    }
  }
}

/** a = σ(z) and its jets for hidden layer l. */
function activationForward(net: Mlp, ws: MlpWorkspace, l: number): void {
  const n = net.widths[l];
  const B = ws.batch;
  const C = ws.channels;
  const D = ws.directions;
  const q = ws.order;
  const z = ws.preActivations[l];
  const a = ws.jets[l];
  const act = ws.activationDerivatives[l];
  for (let s = 0; s < B; s++) {
    const base = s * C * n;
    activationJets(net.activation, z, n, base, 1, q + 1, act, 4 * s * n);
    for (let i = 0; i < n; i++) {
      const o = 4 * (s * n + i);
      a[base + i] = act[o];
      if (q === 0) continue;
      const d1 = act[o + 1];
      const d2 = act[o + 2];
      for (let d = 0; d < D; d++) {
        const i1 = base + (1 + d) * n + i;
        const z1 = z[i1];
        a[i1] = d1 * z1;
        if (q === 2) {
          const i2 = base + (1 + D + d) * n + i;
          a[i2] = d2 * z1 * z1 + d1 * z[i2];
        }
      }
    }
  }
}

/**
 * Options of {@link backwardMlp}.
 * @example
 * ```ts
 * backwardMlp(net, ws, grad, { accumulate: true });
 * ```
 */
export interface MlpBackwardOptions {
  /** Add into `grad` instead of overwriting it (default false). */
  accumulate?: boolean;
}

/**
 * Reverse pass after {@link forwardMlp} on the same workspace. The caller writes ∂Loss/∂(output
 * jets) into `ws.adjoints[L]` (same layout as `ws.jets[L]`); on return `grad` (length
 * `net.params.length`) holds ∂Loss/∂params and `ws.adjoints[0]` the adjoints of the input jets
 * (channel 0: ∂Loss/∂x). Cost ≈ 2× the forward pass.
 *
 * @example
 * ```ts
 * const y = forwardMlp(net, X, ws);
 * const adj = ws.adjoints[net.depth];
 * for (let s = 0; s < X.rows; s++) adj[s] = (2 * (y[s] - target[s])) / X.rows; // MSE, order 0
 * backwardMlp(net, ws, grad);
 * ```
 */
export function backwardMlp(net: Mlp, ws: MlpWorkspace, grad: Vec, options: MlpBackwardOptions = {}): Vec {
  checkWorkspace(net, ws);
  if (!(grad instanceof Float64Array) || grad.length !== net.params.length) throw new InvalidTypeError('grad', `a Float64Array of length ${net.params.length}`, grad);
  if (options.accumulate !== true) grad.fill(0);
  const L = net.depth;
  for (let l = L - 1; l >= 0; l--) {
    let zBar = ws.adjoints[L];
    if (l + 1 < L) {
      activationBackward(net, ws, l + 1);
      zBar = ws.preAdjoint;
    }
    affineBackward(net, l, ws.jets[l], zBar, ws.adjoints[l], grad, ws.batch, ws.channels);
  }
  return grad;
}

/** Pre-activation adjoints of hidden layer l from the adjoints of its jets. */
function activationBackward(net: Mlp, ws: MlpWorkspace, l: number): void {
  const n = net.widths[l];
  const B = ws.batch;
  const C = ws.channels;
  const D = ws.directions;
  const q = ws.order;
  const z = ws.preActivations[l];
  const aBar = ws.adjoints[l];
  const zBar = ws.preAdjoint;
  const act = ws.activationDerivatives[l];
  for (let s = 0; s < B; s++) {
    const base = s * C * n;
    for (let i = 0; i < n; i++) {
      const o = 4 * (s * n + i);
      const d1 = act[o + 1];
      const d2 = act[o + 2];
      const d3 = act[o + 3];
      let v = d1 * aBar[base + i];
      for (let d = 0; d < D; d++) {
        const i1 = base + (1 + d) * n + i;
        const z1 = z[i1];
        const a1 = aBar[i1];
        v += d2 * z1 * a1;
        if (q === 2) {
          const i2 = base + (1 + D + d) * n + i;
          const a2 = aBar[i2];
          v += (d3 * z1 * z1 + d2 * z[i2]) * a2;
          zBar[i1] = d1 * a1 + 2 * d2 * z1 * a2;
          zBar[i2] = d1 * a2;
        } else {
          zBar[i1] = d1 * a1;
        }
      }
      zBar[base + i] = v;
    }
  }
}

/** W̄ += Σ_rows z̄ aᵀ, b̄ += Σ_s z̄(channel 0), ā = Wᵀz̄. */
function affineBackward(net: Mlp, l: number, input: Vec, zBar: Vec, inBar: Vec, grad: Vec, B: number, C: number): void {
  const nIn = net.widths[l];
  const nOut = net.widths[l + 1];
  const p = net.params;
  const w0 = net.offsets[l].weights;
  const b0 = net.offsets[l].biases;
  inBar.fill(0, 0, B * C * nIn);
  for (let s = 0; s < B; s++) {
    for (let c = 0; c < C; c++) {
      const r = s * C + c;
      const iOff = r * nIn;
      for (let j = 0; j < nOut; j++) {
        const zb = zBar[r * nOut + j];
        if (zb === 0) continue;
        if (c === 0) grad[b0 + j] += zb;
        const wOff = w0 + j * nIn;
        for (let i = 0; i < nIn; i++) {
          grad[wOff + i] += zb * input[iOff + i];
          inBar[iOff + i] += p[wOff + i] * zb;
        }
      }
    }
  }
}

/**
 * Evaluate the network on every row of X: returns rows × n_L outputs (allocates a workspace; keep
 * an {@link MlpWorkspace} and call {@link forwardMlp} for repeated use). O(rows·Σ n_l n_{l+1}).
 *
 * @example
 * ```ts
 * const y = evaluateMlp(net, { rows: 2, cols: 1, data: new Float64Array([0, 0.5]) });
 * ```
 */
export function evaluateMlp(net: Mlp, X: DenseMatrix, out?: Vec): Vec {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  checkMlpInput('X', net, X);
  const ws = new MlpWorkspace(net, X.rows, 0);
  const y = forwardMlp(net, X, ws, { trusted: true });
  if (out === undefined) return Float64Array.from(y);
  if (!(out instanceof Float64Array) || out.length !== y.length) throw new InvalidTypeError('out', `a Float64Array of length ${y.length}`, out);
  out.set(y);
  return out;
}
