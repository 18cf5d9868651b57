/**
 * Data losses of operator learning with their gradients, in the form of the neuraloperator
 * library 2.0 (`LpLoss`, `H1Loss`): relative Lp and relative H1 errors per sample and channel over
 * the spatial points, reduced over the batch by a sum (default) or a mean.
 *
 * @module
 */
import { checkInRange, checkInteger, checkOneOf, checkPositive } from '../core/check';
import { InvalidTypeError } from '../core/errors';

/** Options shared by {@link lpLoss} and {@link h1Loss}. */
export interface OperatorLossOptions {
  /** Spatial shape of one field ([n] or [n0, n1]). */
  shape: readonly number[];
  /** Channels per sample (default 1). */
  channels?: number;
  /** Batch reduction: `'sum'` (default, as neuraloperator) or `'mean'`. */
  reduction?: 'sum' | 'mean';
  /** ε added to the norm of the target in relative losses (default 1e-8). */
  eps?: number;
  /** Domain length per dimension for the quadrature / spacing measure/size (default 1). */
  measure?: number;
}

/** Options of {@link lpLoss}. */
export interface LpLossOptions extends OperatorLossOptions {
  /** Exponent p ≥ 1 (default 2). */
  p?: number;
  /** Relative ‖x − y‖/(‖y‖ + ε) (default true) or absolute (h-weighted) ‖x − y‖_p. */
  relative?: boolean;
}

function prepare(name: string, pred: Float64Array, target: Float64Array, o: OperatorLossOptions): { C: number; P: number; B: number; shape: number[] } {
  if (!Array.isArray(o.shape) || o.shape.length < 1 || o.shape.length > 2) throw new InvalidTypeError(`${name}.shape`, 'an array of 1 or 2 sizes', o.shape);
  const shape = o.shape.map((s, i) => checkInteger(`${name}.shape[${i}]`, s, 1));
  const C = checkInteger(`${name}.channels`, o.channels ?? 1, 1);
  const P = shape.reduce((a, b) => a * b, 1);
  if (!(pred instanceof Float64Array) || pred.length === 0 || pred.length % (C * P) !== 0) throw new InvalidTypeError('pred', `a Float64Array of length batch·${C * P}`, pred instanceof Float64Array ? `length ${pred.length}` : pred);
  if (!(target instanceof Float64Array) || target.length !== pred.length) throw new InvalidTypeError('target', `a Float64Array of length ${pred.length} (as pred)`, target instanceof Float64Array ? `length ${target.length}` : target);
  return { C, P, B: pred.length / (C * P), shape };
}

/**
 * Relative (default) or absolute Lp loss of a batch of fields (batch × channels × points) and,
 * when `grad` is given, its gradient with respect to `pred` (written, not added).
 * Relative: Σ_{b,c} ‖x − y‖_p/(‖y‖_p + ε); absolute: Σ (Π h_k)^{1/p}‖x − y‖_p with
 * h_k = measure/size_k. O(batch·channels·points).
 * @example
 * ```ts
 * lpLoss(pred, target, { shape: [128] }); // summed relative L2 errors
 * ```
 */
export function lpLoss(pred: Float64Array, target: Float64Array, options: LpLossOptions, grad?: Float64Array): number {
  const { C, P, B, shape } = prepare('options', pred, target, options);
  const p = checkInRange('options.p', options.p ?? 2, 1, 64);
  const eps = checkInRange('options.eps', options.eps ?? 1e-8, 0, 1);
  const relative = options.relative ?? true;
  const reduction = checkOneOf('options.reduction', options.reduction ?? 'sum', ['sum', 'mean'] as const);
  const measure = checkPositive('options.measure', options.measure ?? 1);
  const w = relative ? 1 : Math.pow(shape.reduce((a, s) => a * (measure / s), 1), 1 / p);
  const scale = reduction === 'mean' ? 1 / B : 1;
  let total = 0;
  for (let s = 0; s < B * C; s++) {
    const o = s * P;
    let dn = 0, yn = 0;
    for (let j = 0; j < P; j++) { dn += Math.pow(Math.abs(pred[o + j] - target[o + j]), p); yn += Math.pow(Math.abs(target[o + j]), p); }
    dn = Math.pow(dn, 1 / p); yn = Math.pow(yn, 1 / p);
    const den = relative ? yn + eps : 1 / w;
    total += dn / den;
    if (grad) {
      const f = dn > 0 ? scale / (den * Math.pow(dn, p - 1)) : 0;
      for (let j = 0; j < P; j++) { const d = pred[o + j] - target[o + j]; grad[o + j] = f * Math.sign(d) * Math.pow(Math.abs(d), p - 1); }
    }
  }
  return total * scale;
}

/** Options of {@link h1Loss}. */
export interface H1LossOptions extends OperatorLossOptions {
  /** Periodic central differences (default true); false uses third-order one-sided ends. */
  periodic?: boolean;
}

/** Finite-difference derivative along axis `ax` of one field (spacing h), written to out. */
function fdDerivative(f: Float64Array, o: number, shape: number[], ax: number, h: number, periodic: boolean, out: Float64Array): void {
  const n0 = shape.length === 2 ? shape[0] : 1, n1 = shape[shape.length - 1];
  const n = ax === shape.length - 1 ? n1 : n0, stride = ax === shape.length - 1 ? 1 : n1, lines = ax === shape.length - 1 ? n0 : n1;
  const lineStride = ax === shape.length - 1 ? n1 : 1;
  for (let l = 0; l < lines; l++) {
    const b = l * lineStride, ob = o + b;
    for (let j = 0; j < n; j++) {
      let v: number;
      if (periodic) v = (f[ob + ((j + 1) % n) * stride] - f[ob + ((j - 1 + n) % n) * stride]) / (2 * h);
      else if (n < 4) v = 0;
      else if (j === 0) v = (-11 * f[ob + (0) * stride] + 18 * f[ob + (1) * stride] - 9 * f[ob + (2) * stride] + 2 * f[ob + (3) * stride]) / (6 * h);
      else if (j === n - 1) v = (11 * f[ob + (n - 1) * stride] - 18 * f[ob + (n - 2) * stride] + 9 * f[ob + (n - 3) * stride] - 2 * f[ob + (n - 4) * stride]) / (6 * h);
      else v = (f[ob + (j + 1) * stride] - f[ob + (j - 1) * stride]) / (2 * h);
      out[b + j * stride] = v;
    }
  }
}

/**
 * Relative H1 loss Σ_{b,c} √(‖e‖² + Σ_k ‖D_k e‖²)/(√(‖y‖² + Σ_k ‖D_k y‖²) + ε), e = x − y, with
 * D_k second-order central differences of spacing measure/size_k (periodic by default), and its
 * gradient with respect to `pred` when `grad` is given. O(batch·channels·points).
 * @example
 * ```ts
 * h1Loss(pred, target, { shape: [32, 32] });
 * ```
 */
export function h1Loss(pred: Float64Array, target: Float64Array, options: H1LossOptions, grad?: Float64Array): number {
  const { C, P, B, shape } = prepare('options', pred, target, options);
  const eps = checkInRange('options.eps', options.eps ?? 1e-8, 0, 1);
  const reduction = checkOneOf('options.reduction', options.reduction ?? 'sum', ['sum', 'mean'] as const);
  const measure = checkPositive('options.measure', options.measure ?? 1);
  const periodic = options.periodic ?? true;
  const scale = reduction === 'mean' ? 1 / B : 1;
  const e = new Float64Array(P), de = new Float64Array(P), dde = new Float64Array(P), dy = new Float64Array(P);
  let total = 0;
  for (let s = 0; s < B * C; s++) {
    const o = s * P;
    let en = 0, yn = 0;
    for (let j = 0; j < P; j++) { e[j] = pred[o + j] - target[o + j]; en += e[j] * e[j]; yn += target[o + j] ** 2; }
    if (grad) for (let j = 0; j < P; j++) grad[o + j] = e[j];
    for (let ax = 0; ax < shape.length; ax++) {
      const h = measure / shape[ax];
      fdDerivative(e, 0, shape, ax, h, periodic, de);
      fdDerivative(target, o, shape, ax, h, periodic, dy);
      for (let j = 0; j < P; j++) { en += de[j] * de[j]; yn += dy[j] * dy[j]; }
      if (grad) {
        // Dᵀ(D e) by the adjoint of the difference stencil
        dde.fill(0);
        fdAdjoint(de, shape, ax, h, periodic, dde);
        for (let j = 0; j < P; j++) grad[o + j] += dde[j];
      }
    }
    const dn = Math.sqrt(en), den = Math.sqrt(yn) + eps;
    total += dn / den;
    if (grad) { const f = dn > 0 ? scale / (dn * den) : 0; for (let j = 0; j < P; j++) grad[o + j] *= f; }
  }
  return total * scale;
}

/** out += Dᵀ g for the stencil of {@link fdDerivative}. */
function fdAdjoint(g: Float64Array, shape: number[], ax: number, h: number, periodic: boolean, out: Float64Array): void {
  const n0 = shape.length === 2 ? shape[0] : 1, n1 = shape[shape.length - 1];
  const n = ax === shape.length - 1 ? n1 : n0, stride = ax === shape.length - 1 ? 1 : n1, lines = ax === shape.length - 1 ? n0 : n1;
  const lineStride = ax === shape.length - 1 ? n1 : 1;
  for (let l = 0; l < lines; l++) {
    const b = l * lineStride;
    for (let j = 0; j < n; j++) {
      const gj = g[b + j * stride];
      if (periodic) { out[b + ((j + 1) % n) * stride] += gj / (2 * h); out[b + ((j - 1 + n) % n) * stride] += -gj / (2 * h); }
      else if (n < 4) continue;
      else if (j === 0) { out[b + (0) * stride] += (-11 * gj) / (6 * h); out[b + (1) * stride] += (18 * gj) / (6 * h); out[b + (2) * stride] += (-9 * gj) / (6 * h); out[b + (3) * stride] += (2 * gj) / (6 * h); }
      else if (j === n - 1) { out[b + (n - 1) * stride] += (11 * gj) / (6 * h); out[b + (n - 2) * stride] += (-18 * gj) / (6 * h); out[b + (n - 3) * stride] += (9 * gj) / (6 * h); out[b + (n - 4) * stride] += (-2 * gj) / (6 * h); }
      else { out[b + (j + 1) * stride] += gj / (2 * h); out[b + (j - 1) * stride] += -gj / (2 * h); }
    }
  }
}
