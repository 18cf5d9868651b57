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
  for (let o = 0; o < outC; o++) {
    const yo = o * P;
    if (bOff >= 0) {
      let s = 0;
      for (let p = 0; p < P; p++) s += gy[yo + p];
      grad[bOff + o] += s;
    }
    // weight gradient: four dot products per sweep over the points share the loads of gy
    const gb = wOff + o * inC;
    let i = 0;
    for (; i + 3 < inC; i += 4) {
      const x0 = i * P, x1 = x0 + P, x2 = x1 + P, x3 = x2 + P;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < P; p++) {
        const g = gy[yo + p];
        s0 += g * x[x0 + p]; s1 += g * x[x1 + p]; s2 += g * x[x2 + p]; s3 += g * x[x3 + p];
      }
      grad[gb + i] += s0; grad[gb + i + 1] += s1; grad[gb + i + 2] += s2; grad[gb + i + 3] += s3;
    }
    for (; i < inC; i++) {
      const xi = i * P;
      let s = 0;
      for (let p = 0; p < P; p++) s += gy[yo + p] * x[xi + p];
      grad[gb + i] += s;
    }
  }
  if (!gx) return;
  if (!accumulate) gx.fill(0, 0, inC * P);
  // input gradient gx = Wᵀ·gy: four output channels per sweep (a quarter of the loads and stores of gx)
  for (let i = 0; i < inC; i++) {
    const xi = i * P;
    let o = 0;
    for (; o + 3 < outC; o += 4) {
      const w0 = theta[wOff + o * inC + i], w1 = theta[wOff + (o + 1) * inC + i], w2 = theta[wOff + (o + 2) * inC + i], w3 = theta[wOff + (o + 3) * inC + i];
      const g0 = o * P, g1 = g0 + P, g2 = g1 + P, g3 = g2 + P;
      for (let p = 0; p < P; p++) gx[xi + p] += w0 * gy[g0 + p] + w1 * gy[g1 + p] + w2 * gy[g2 + p] + w3 * gy[g3 + p];
    }
    for (; o < outC; o++) {
      const w = theta[wOff + o * inC + i], go = o * P;
      for (let p = 0; p < P; p++) gx[xi + p] += w * gy[go + p];
    }
  }
}
