/**
 * The gamma function Γ(x) and log|Γ(x)| for real arguments.
 *
 * `logGamma` ports fdlibm's `e_lgamma_r.c` (Sun Microsystems, 1993): minimax rational
 * approximations about the minimum x₀ = 1.4616… and about 1 and 2 (so the zeros of log Γ at 1 and
 * 2 keep relative accuracy), a rational form on [2, 8) with the recurrence, and Stirling's series
 * with a minimax correction for x ≥ 8. `gamma` reuses those pieces without going through
 * exp(logGamma) where that would amplify errors: recurrence to [1, 2) for x < 10, and a split
 * Stirling form x^{x/2−1/4}·(x^{x/2−1/4}e^{−x})·e^{1/2+w(x)} above. Negative arguments use the
 * reflection formula with an exactly reduced sin(πx).
 *
 * @module
 */

const TC = 1.46163214496836224576; // argmin of Γ on (0, ∞)
const TF = -1.21486290535849611461e-1; // log Γ(TC)
const TT = -3.63867699703950536541e-18; // −(tail of TF)
const EULER_GAMMA = 0.5772156649015329;
const A = [
  7.72156649015328655494e-2, 3.22467033424113591611e-1, 6.73523010531292681824e-2, 2.05808084325167332806e-2,
  7.38555086081402883957e-3, 2.89051383673415629091e-3, 1.19270763183362067845e-3, 5.10069792153511336608e-4,
  2.20862790713908385557e-4, 1.08011567247583939954e-4, 2.52144565451257326939e-5, 4.48640949618915160150e-5,
];
const T = [
  4.83836122723810047042e-1, -1.47587722994593911752e-1, 6.46249402391333854778e-2, -3.27885410759859649565e-2,
  1.79706750811820387126e-2, -1.03142241298341437450e-2, 6.10053870246291332635e-3, -3.68452016781138256760e-3,
  2.25964780900612472250e-3, -1.40346469989232843813e-3, 8.81081882437654011382e-4, -5.38595305356740546715e-4,
  3.15632070903625950361e-4, -3.12754168375120860518e-4, 3.35529192635519073543e-4,
];
const U = [
  -7.72156649015328655494e-2, 6.32827064025093366517e-1, 1.45492250137234768737, 9.77717527963372745603e-1,
  2.28963728064692451092e-1, 1.33810918536787660377e-2,
];
const V = [1, 2.45597793713041134822, 2.12848976379893395361, 7.69285150456672783825e-1, 1.04222645593369134254e-1, 3.21709242282423911810e-3];
const S = [
  -7.72156649015328655494e-2, 2.14982415960608852501e-1, 3.25778796408930981787e-1, 1.46350472652464452805e-1,
  2.66422703033638609560e-2, 1.84028451407337715652e-3, 3.19475326584100867617e-5,
];
const R = [1, 1.39200533467621045958, 7.21935547567138069525e-1, 1.71933865632803078993e-1, 1.86459191715652901344e-2, 7.77942496381893596434e-4, 7.32668430744625636189e-6];
const W = [
  4.18938533204672725052e-1, 8.33333333333329678849e-2, -2.77777777728775536470e-3, 7.93650558643019558500e-4,
  -5.95187557450339963135e-4, 8.36339918996282139126e-4, -1.63092934096575273989e-3,
];
const GAMMA_OVERFLOW = 171.6243769563027; // Γ(x) > Number.MAX_VALUE beyond this

/** sin(πx) with exact argument reduction (x mod 2 is exact in floating point). */
function sinPi(x: number): number {
  let y = x % 2;
  if (y > 1) y -= 2;
  else if (y < -1) y += 2;
  const sign = y < 0 ? -1 : 1;
  y = Math.abs(y);
  if (y > 0.5) y = 1 - y;
  return sign * (y <= 0.25 ? Math.sin(Math.PI * y) : Math.cos(Math.PI * (0.5 - y)));
}

/** Horner evaluation of c[0] + c[1]·y + … */
function poly(c: readonly number[], y: number): number {
  let s = c[c.length - 1];
  for (let k = c.length - 2; k >= 0; k--) s = s * y + c[k];
  return s;
}

/**
 * For 0 < x < 2: log Γ(x + 1) when x ≤ 0.9 (the caller subtracts log x), log Γ(x) otherwise.
 * The shifted argument is never formed, so no rounding of x + 1 occurs (fdlibm's structure).
 */
function logGammaBelowTwo(x: number): number {
  let y: number;
  let branch: number;
  if (x <= 0.9) {
    if (x >= 0.7315998077392578) { y = 1 - x; branch = 0; }
    else if (x >= 0.23163998126983643) { y = x - (TC - 1); branch = 1; }
    else { y = x; branch = 2; }
  } else {
    if (x >= 1.7316312789916992) { y = 2 - x; branch = 0; }
    else if (x >= 1.2316322326660156) { y = x - TC; branch = 1; }
    else { y = x - 1; branch = 2; }
  }
  if (branch === 0) {
    const z = y * y;
    const p1 = A[0] + z * (A[2] + z * (A[4] + z * (A[6] + z * (A[8] + z * A[10]))));
    const p2 = z * (A[1] + z * (A[3] + z * (A[5] + z * (A[7] + z * (A[9] + z * A[11])))));
    return y * p1 + p2 - 0.5 * y;
  }
  if (branch === 1) {
    const z = y * y;
    const w = z * y;
    const p1 = T[0] + w * (T[3] + w * (T[6] + w * (T[9] + w * T[12])));
    const p2 = T[1] + w * (T[4] + w * (T[7] + w * (T[10] + w * T[13])));
    const p3 = T[2] + w * (T[5] + w * (T[8] + w * (T[11] + w * T[14])));
    return TF + (z * p1 - (TT - w * (p2 + y * p3)));
  }
  return -0.5 * y + (y * poly(U, y)) / poly(V, y);
}

/** fdlibm's Stirling correction w(x) = log Γ(x) − (x − ½)(log x − 1), for x ≥ 8. */
function stirlingCorrection(x: number): number {
  const z = 1 / x;
  const y = z * z;
  return W[0] + z * (W[1] + y * (W[2] + y * (W[3] + y * (W[4] + y * (W[5] + y * W[6])))));
}

/** log Γ(x) for x > 0. */
function logGammaPositive(x: number): number {
  if (x === 1 || x === 2) return 0;
  if (x < 8.470329472543003e-22) return -Math.log(x); // x < 2^-70
  if (x < 2) return x <= 0.9 ? logGammaBelowTwo(x) - Math.log(x) : logGammaBelowTwo(x);
  if (x < 8) {
    const i = Math.floor(x);
    const y = x - i;
    let r = 0.5 * y + (y * poly(S, y)) / poly(R, y);
    let z = 1;
    for (let k = i - 1; k >= 2; k--) z *= y + k; // Γ(2+y)·(2+y)…(i−1+y)
    if (i > 2) r += Math.log(z);
    return r;
  }
  if (x < 2.8823037615171174e17) return (x - 0.5) * (Math.log(x) - 1) + stirlingCorrection(x); // x < 2^58
  return x * (Math.log(x) - 1);
}

/**
 * The logarithm of the absolute value of the gamma function, log|Γ(x)|.
 *
 * fdlibm's algorithm (see the module notes); +∞ at the poles x = 0, −1, −2, …; NaN propagates.
 * For x < 0 it uses log|Γ(x)| = log(π/|x·sin(πx)|) − log Γ(−x) and loses relative accuracy only
 * next to the zeros of log|Γ| on the negative axis. O(1). Maximum observed errors against mpmath:
 * see `docs/special.md`.
 *
 * @example
 * ```ts
 * logGamma(0.5); // 0.5723649429247001 = log √π
 * ```
 */
export function logGamma(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (x > 0) return logGammaPositive(x);
  if (x === 0 || Number.isInteger(x)) return Infinity;
  if (x > -8.470329472543003e-22) return -Math.log(-x);
  const t = sinPi(x);
  return Math.log(Math.PI / Math.abs(t * x)) - logGammaPositive(-x);
}

/** Γ(x) for x > 0 (overflow to +∞ above 171.6243…). */
function gammaPositive(x: number): number {
  if (x > GAMMA_OVERFLOW) return Infinity;
  if (x < 9.313225746154785e-10) return 1 / x - EULER_GAMMA; // x < 2^-30: Γ(x) = 1/x − γ + O(x)
  if (x <= 23 && Number.isInteger(x)) {
    let factorial = 1; // (x−1)! is exact in double precision for x ≤ 23
    for (let k = 2; k < x; k++) factorial *= k;
    return factorial;
  }
  if (x < 2) {
    const l = logGammaBelowTwo(x);
    return x <= 0.9 ? Math.exp(l) / x : Math.exp(l);
  }
  if (x < 10) {
    // Γ(x) = (x−1)(x−2)…(t)·Γ(t), t ∈ [1, 2); every t − 1 is exact.
    let t = x;
    let product = 1;
    while (t >= 2) {
      t -= 1;
      product *= t;
    }
    return t === 1 ? product : product * Math.exp(logGammaBelowTwo(t));
  }
  const v = Math.pow(x, 0.5 * x - 0.25);
  return v * (v * Math.exp(-x)) * Math.exp(0.5 + stirlingCorrection(x));
}

/**
 * The gamma function Γ(x) = ∫₀^∞ t^{x−1}e^{−t} dt, continued to x < 0 by reflection.
 *
 * x > 0: recurrence onto [1, 2) (x < 10) or the split Stirling form (x ≥ 10); Γ(n) is exact for
 * integers n ≤ 23. x < 0: Γ(x) = −π/(x·sin(πx)·Γ(−x)). Poles: Γ(±0) = ±∞, Γ(−n) = NaN; overflow to
 * +∞ for x > 171.624; NaN propagates. O(1). Maximum observed relative error against mpmath: see
 * `docs/special.md`.
 *
 * @example
 * ```ts
 * gamma(5);   // 24
 * gamma(0.5); // 1.7724538509055159 = √π
 * ```
 */
export function gamma(x: number): number {
  if (x !== x || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x === 0) return 1 / x;
  if (x > 0) return gammaPositive(x);
  if (Number.isInteger(x)) return NaN;
  if (x > -9.313225746154785e-10) return 1 / x - EULER_GAMMA;
  const s = sinPi(x);
  if (-x < GAMMA_OVERFLOW - 1) return -Math.PI / (x * s * gammaPositive(-x));
  // Γ(−x) overflows while Γ(x) may still be a (tiny) double: go through logarithms.
  const sign = x * s > 0 ? -1 : 1;
  return sign * Math.exp(Math.log(Math.PI / Math.abs(x * s)) - logGammaPositive(-x));
}
