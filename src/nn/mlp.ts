/**
 * A dense multilayer perceptron of any widths [n_0, …, n_L] in float64 with one flat parameter
 * vector: a_{l+1} = σ(W_l a_l + b_l) for l < L−1 and the linear output layer
 * y = W_{L−1} a_{L−1} + b_{L−1}. Layer l stores W_l (n_{l+1} × n_l, row-major) followed by b_l.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { Rng } from '../random/rng';
import { checkActivation, type MlpActivation } from './activation';

/**
 * Number of parameters Σ_l (n_l + 1)·n_{l+1} of an MLP with the given widths. O(L).
 * @example
 * ```ts
 * mlpParameterCount([1, 16, 16, 1]); // 32 + 272 + 17 = 321
 * ```
 */
export function mlpParameterCount(widths: readonly number[]): number {
  const w = checkWidths(widths);
  let p = 0;
  for (let l = 0; l + 1 < w.length; l++) p += (w[l] + 1) * w[l + 1];
  return p;
}

/**
 * Widths [n_in, h, …, h, n_out] with `hidden` equal hidden layers whose width h makes the parameter
 * count closest to `target` (used to compare architectures at equal parameter budgets). O(target^{1/2}).
 * @example
 * ```ts
 * mlpWidthsForParameterCount(1, 1, 3, 500); // [1, 15, 15, 15, 1] (526 parameters; h = 14 gives 463)
 * ```
 */
export function mlpWidthsForParameterCount(inputs: number, outputs: number, hidden: number, target: number): number[] {
  checkInteger('inputs', inputs, 1);
  checkInteger('outputs', outputs, 1);
  checkInteger('hidden', hidden, 1);
  checkPositive('target', target);
  let best: number[] = [];
  let bestGap = Infinity;
  for (let h = 1; ; h++) {
    const widths = [inputs, ...new Array<number>(hidden).fill(h), outputs];
    const count = mlpParameterCount(widths);
    const gap = Math.abs(count - target);
    if (gap < bestGap) {
      best = widths;
      bestGap = gap;
    }
    if (count > target) return best;
  }
}

/** Where layer l's parameters live in {@link Mlp.params}. */
export interface MlpLayerOffsets {
  /** First index of W_l (n_{l+1} × n_l, row-major). */
  weights: number;
  /** First index of b_l (n_{l+1}). */
  biases: number;
}

/**
 * Options of {@link initializeMlp}.
 * @example
 * ```ts
 * initializeMlp(net, { rng: new Rng(1), distribution: 'normal' });
 * ```
 */
export interface MlpInitOptions {
  /** Generator (advanced in place); default a fresh `Rng(seed)`. */
  rng?: Rng;
  /** Seed of the fresh generator when `rng` is absent (default 0). */
  seed?: number | string;
  /** Glorot uniform U(−a, a), a = gain·√(6/(n_in + n_out)) (default), or normal with σ = gain·√(2/(n_in + n_out)). */
  distribution?: 'uniform' | 'normal';
  /** Gain (default 1). */
  gain?: number;
}

/**
 * A dense MLP with activation `'tanh'` or `'silu'` on the hidden layers and a linear output layer.
 * Parameters are zero until {@link initializeMlp}. Memory O(Σ n_l n_{l+1}).
 *
 * @example
 * ```ts
 * const net = initializeMlp(new Mlp([2, 20, 20, 1], 'tanh'), { seed: 1 });
 * net.params.length; // 60 + 420 + 21 = 501
 * ```
 */
export class Mlp {
  /** Widths [n_0, …, n_L]. */
  readonly widths: readonly number[];
  /** Hidden-layer activation. */
  readonly activation: MlpActivation;
  /** All parameters: per layer W_l then b_l. */
  readonly params: Vec;
  /** Per layer, the offsets of W_l and b_l in {@link params}. */
  readonly offsets: readonly MlpLayerOffsets[];

  /**
   * @param widths - [n_0, …, n_L], L ≥ 1, every n_l an integer ≥ 1
   * @param activation - hidden-layer activation (default 'tanh')
   */
  constructor(widths: readonly number[], activation: MlpActivation = 'tanh') {
    const w = checkWidths(widths);
    this.activation = checkActivation('activation', activation);
    this.widths = Object.freeze(w);
    const offsets: MlpLayerOffsets[] = [];
    let p = 0;
    for (let l = 0; l + 1 < w.length; l++) {
      offsets.push({ weights: p, biases: p + w[l] * w[l + 1] });
      p += (w[l] + 1) * w[l + 1];
    }
    this.offsets = Object.freeze(offsets);
    this.params = new Float64Array(p);
  }

  /** L, the number of affine layers. */
  get depth(): number {
    return this.widths.length - 1;
  }

  /** n_0. */
  get inputDim(): number {
    return this.widths[0];
  }

  /** n_L. */
  get outputDim(): number {
    return this.widths[this.widths.length - 1];
  }

  /** A copy with the same widths, activation and parameters. O(params). */
  clone(): Mlp {
    const copy = new Mlp(this.widths, this.activation);
    copy.params.set(this.params);
    return copy;
  }
}

/**
 * Xavier/Glorot initialization (Glorot & Bengio 2010): weights i.i.d. uniform on
 * ±gain·√(6/(n_l + n_{l+1})) (or normal with variance gain²·2/(n_l + n_{l+1})), biases 0. Draws in
 * parameter order from the explicit generator, so a seed fixes the network bit for bit. O(params).
 *
 * @example
 * ```ts
 * const net = initializeMlp(new Mlp([1, 32, 32, 1]), { rng: new Rng(7) });
 * ```
 */
export function initializeMlp(net: Mlp, options: MlpInitOptions = {}): Mlp {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  const distribution = checkOneOf('options.distribution', options.distribution ?? 'uniform', ['uniform', 'normal'] as const);
  const gain = checkPositive('options.gain', options.gain ?? 1);
  if (options.rng !== undefined && !(options.rng instanceof Rng)) throw new InvalidTypeError('options.rng', 'an Rng', options.rng);
  const rng = options.rng ?? new Rng(options.seed ?? 0);
  const p = net.params;
  for (let l = 0; l < net.depth; l++) {
    const nIn = net.widths[l];
    const nOut = net.widths[l + 1];
    const { weights, biases } = net.offsets[l];
    if (distribution === 'uniform') {
      const a = gain * Math.sqrt(6 / (nIn + nOut));
      for (let t = 0; t < nIn * nOut; t++) p[weights + t] = a * (2 * rng.uniform() - 1);
    } else {
      const sigma = gain * Math.sqrt(2 / (nIn + nOut));
      for (let t = 0; t < nIn * nOut; t++) p[weights + t] = sigma * rng.normal();
    }
    p.fill(0, biases, biases + nOut);
  }
  return net;
}

function checkWidths(widths: unknown): number[] {
  if (!Array.isArray(widths)) throw new InvalidTypeError('widths', 'an array of layer widths [n0, …, nL]', widths);
  if (widths.length < 2) throw new InvalidArgumentError('widths.length', 'an integer >= 2', widths.length);
  return widths.map((n, l) => checkInteger(`widths[${l}]`, n, 1));
}
