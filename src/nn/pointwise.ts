/**
 * Pointwise (1×1) channel maps on channel-major fields and their reverse passes: the building
 * block of lifting, projection, skips and channel MLPs of neural operators.
 *
 * @module
 */

/**
 * y[o, p] = Σ_i W[o, i]·x[i, p] + b[o] for P points (W row-major out × in at `wOff`, bias at `bOff`,
 * `bOff < 0` for none). With `accumulate` the result is added to y. O(out·in·P).
 * @example
 * ```ts
 * pointwiseLinear(theta, 0, 6, 3, 2, x, 10, y); // 3 → 2 channels on 10 points, bias after W
 * ```
 */
export function pointwiseLinear(theta: Float64Array, wOff: number, bOff: number, inC: number, outC: number, x: Float64Array, P: number, y: Float64Array, accumulate = false): void {
  for (let o = 0; o < outC; o++) {
    const yo = o * P;
    const b = bOff >= 0 ? theta[bOff + o] : 0;
    if (!accumulate) for (let p = 0; p < P; p++) y[yo + p] = b;
    else if (b !== 0) for (let p = 0; p < P; p++) y[yo + p] += b;
    // four input channels per sweep over the points: a quarter of the loads and stores of y
    let i = 0;
    for (; i + 3 < inC; i += 4) {
      const wb = wOff + o * inC + i;
      const w0 = theta[wb], w1 = theta[wb + 1], w2 = theta[wb + 2], w3 = theta[wb + 3];
      const x0 = i * P, x1 = x0 + P, x2 = x1 + P, x3 = x2 + P;
      for (let p = 0; p < P; p++) y[yo + p] += w0 * x[x0 + p] + w1 * x[x1 + p] + w2 * x[x2 + p] + w3 * x[x3 + p];
    }
    for (; i < inC; i++) {
      const w = theta[wOff + o * inC + i];
      const xi = i * P;
      for (let p = 0; p < P; p++) y[yo + p] += w * x[xi + p];
    }
  }
}

/**
 * Reverse pass of {@link pointwiseLinear}: grad[W] += gy·xᵀ, grad[b] += Σ_p gy, and
 * gx = Wᵀ·gy (added to gx with `accumulate`; skipped when gx is null). O(out·in·P).
 * @example
 * ```ts
 * pointwiseLinearBackward(theta, grad, 0, 6, 3, 2, x, 10, gy, gx);
 * ```
 */
export function pointwiseLinearBackward(theta: Float64Array, grad: Float64Array, wOff: number, bOff: number, inC: number, outC: number, x: Float64Array, P: number, gy: Float64Array, gx: Float64Array | null, accumulate = false): void {
  if (gx && !accumulate) gx.fill(0, 0, inC * P);
  for (let o = 0; o < outC; o++) {
    const yo = o * P;
    if (bOff >= 0) {
      let s = 0;
      for (let p = 0; p < P; p++) s += gy[yo + p];
      grad[bOff + o] += s;
    }
    for (let i = 0; i < inC; i++) {
      const xi = i * P;
      let s = 0;
      if (gx) {
        const w = theta[wOff + o * inC + i];
        for (let p = 0; p < P; p++) { const g = gy[yo + p]; s += g * x[xi + p]; gx[xi + p] += w * g; }
      } else {
        for (let p = 0; p < P; p++) s += gy[yo + p] * x[xi + p];
      }
      grad[wOff + o * inC + i] += s;
    }
  }
}
