/**
 * Empirical white-noise diagnostics of a pinned-balls ensemble (source, Section 3, Figs. 2–4):
 * W_r(x) = (v_r(x) − μ̂(x))/σ̂(x) at one output time, with μ̂, σ̂ from all runs.
 *
 * μ̂ and σ̂ come from a first pass (`pinnedBallsEnsemble`); this second pass regenerates every run
 * from its own stream up to that time (runs are reproducible), so nothing of size R·n is stored.
 * Blocks and their in-order merge are the same as for the ensemble, hence bit-identical results
 * in one thread and in workers.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import { allFinite } from '../../core/status';
import { streams } from '../../random/rng';
import { pearsonCorrelation, pearsonCorrelationStrided } from '../../stats/correlation';
import { Histogram } from '../../stats/histogram';
import { ksTestNormal } from '../../stats/ks';
import { WelfordAccumulator, type WelfordJSON } from '../../stats/welford';
import { normalPdf } from '../../special/normal';
import { advanceRun, type EnsembleStatus, type PinnedBallsEnsembleResult } from './ensemble';
import { blockRuns, type EnsemblePlan } from './ensemblePlan';
import { drawInitialVelocities } from './initialData';

/**
 * Options of the white-noise diagnostics.
 * @example
 * ```ts
 * const options: WhiteNoiseOptions = { time: 0.37 * T, bins: 60, maxLag: 20 };
 * whiteNoiseDiagnostics(plan, ensemble, options);
 * ```
 */
export interface WhiteNoiseOptions {
  /** The PDE time (one of the ensemble's output times; the paper uses 0.37T). */
  time: number;
  /** Histogram bins on [−range, range] (default 100). */
  bins?: number;
  /** Histogram half-width (default 5). */
  range?: number;
  /** Largest lag k of the within-run correlations (default min(50, n − 3)). */
  maxLag?: number;
  /** The run whose lag correlations are reported individually, as in Fig. 3 (default 0). */
  run?: number;
  /** 1-based left ball of the across-run pair (W(x), W(x+1)) of Fig. 4 (default round(0.3n), 300 for n = 1000). */
  pairBall?: number;
  /** Balls with σ̂ ≥ coreFraction·max σ̂ form the "liquid core" (default 0.5). */
  coreFraction?: number;
}

/** A validated white-noise plan (plain data for workers). */
export interface WhiteNoisePlan {
  /** The PDE time. */
  time: number;
  /** Collision steps to that time. */
  steps: number;
  /** μ̂ at that time. */
  mean: Float64Array;
  /** σ̂ at that time. */
  sigma: Float64Array;
  /** 1 for balls of the liquid core. */
  core: Uint8Array;
  /** Histogram bins. */
  bins: number;
  /** Histogram half-width. */
  range: number;
  /** Largest lag. */
  maxLag: number;
  /** Run reported individually. */
  run: number;
  /** 0-based left ball of the pair. */
  pairIndex: number;
}

/** Statistics of the W values of one or more consecutive blocks. */
export interface WhiteNoiseBlock {
  /** Runs accumulated. */
  runs: number;
  /** `success`, `aborted` or `nonFinite`. */
  status: EnsembleStatus;
  /** Moments of W pooled over all balls with σ̂ > 0 and all runs. */
  pooled: WelfordJSON;
  /** Moments of W over the liquid-core balls. */
  core: WelfordJSON;
  /** Histogram counts of pooled W (bins), with out-of-range tallies [below, above]. */
  counts: Float64Array;
  /** [below, above] out-of-range counts. */
  outside: Float64Array;
  /** Σ over runs of the lag-k correlation, k = 1..maxLag (index k − 1), over the runs where it is defined. */
  lagSum: Float64Array;
  /** Number of runs whose lag-k correlation is defined (a constant window has none and is skipped). */
  lagCount: Float64Array;
  /** Σ over runs of its square. */
  lagSumSquares: Float64Array;
  /** Number of runs with |r_k| > 2/√(n − k − 1). */
  lagOutside: Float64Array;
  /** Lag correlations of the reported run when it lies in these blocks. */
  runLags: Float64Array | null;
  /** W at the pair (left, right) per run: [left₀, right₀, left₁, …]. */
  pairs: Float64Array;
}

/** The diagnostics of docs/billiards.md / Figs. 2–4. */
export interface WhiteNoiseDiagnostics {
  /** `success`, `aborted` or `nonFinite`. */
  status: EnsembleStatus;
  /** The PDE time. */
  time: number;
  /** Runs used. */
  runs: number;
  /** Pooled moments: mean, variance (ddof 1), skewness, excess kurtosis, count. */
  pooled: {
    /** Number of W values pooled over all runs and the balls with σ̂ > 0. */
    count: number;
    /** Mean of W (≈ 0). */
    mean: number;
    /** Unbiased variance of W (ddof 1; ≈ 1). */
    variance: number;
    /** Sample skewness g₁ of W (biased estimator; ≈ 0 for Gaussian W). */
    skewness: number;
    /** Sample excess kurtosis g₂ of W (biased estimator; ≈ 0 for Gaussian W). */
    excessKurtosis: number;
  };
  /** The same over the liquid core. */
  core: {
    /** Number of W values over all runs and the liquid-core balls. */
    count: number;
    /** Mean of W (≈ 0). */
    mean: number;
    /** Unbiased variance of W (ddof 1; ≈ 1). */
    variance: number;
    /** Sample skewness g₁ of W (biased estimator; ≈ 0 for Gaussian W). */
    skewness: number;
    /** Sample excess kurtosis g₂ of W (biased estimator; ≈ 0 for Gaussian W). */
    excessKurtosis: number;
  };
  /** Histogram of pooled W: bin centers, empirical density, the N(0,1) density at the centers. */
  histogram: {
    /** Bin centers on [−range, range]. */
    centers: Float64Array;
    /** Empirical density of pooled W per bin: counts/(total count·bin width), out-of-range values included in the total. */
    density: Float64Array;
    /** The standard normal density φ at the bin centers. */
    normalDensity: Float64Array;
  };
  /** Within-run lag correlations, k = 1..maxLag. */
  lags: {
    /** Lags k. */
    k: Float64Array;
    /** Correlations of the reported run (Fig. 3). */
    run: Float64Array;
    /** Mean over the runs where the lag-k correlation is defined (0 when none is: constant windows). */
    mean: Float64Array;
    /** Standard deviation over those runs (0 for fewer than two). */
    sd: Float64Array;
    /** Number of runs whose lag-k correlation is defined (constant windows have none). */
    count: Float64Array;
    /** Null standard deviation 1/√(m − 1), m = n − k pairs. */
    band: Float64Array;
    /** Fraction of the defined (run, k) with |r_k| > 2·band. */
    fractionOutsideTwoSd: number;
  };
  /** Across-run pair (Fig. 4). */
  pair: {
    /** 1-based left ball x of the pair (W(x), W(x+1)). */
    ball: number;
    /** W(x) of each run. */
    left: Float64Array;
    /** W(x+1) of each run. */
    right: Float64Array;
    /** Pearson correlation of `left` and `right` across runs (NaN for fewer than 3 runs). */
    correlation: number;
    /** Null standard deviation 1/√(R − 1) of the correlation over R runs. */
    nullSd: number;
    /** Kolmogorov–Smirnov p-value of `left` against N(0, 1) (NaN without runs). */
    ksPValueLeft: number;
  };
}

/**
 * Validate white-noise options against an ensemble and build the plan. O(n).
 * @throws InvalidArgumentError when `time` is not an output time of the ensemble, runs < 2, or an option is out of range
 */
export function planWhiteNoise(plan: EnsemblePlan, ensemble: PinnedBallsEnsembleResult, options: WhiteNoiseOptions): WhiteNoisePlan {
  if (plan === null || typeof plan !== 'object' || !Number.isInteger(plan.n) || !Number.isInteger(plan.runs)) throw new InvalidTypeError('plan', 'an EnsemblePlan (from planPinnedBallsEnsemble)', plan);
  if (ensemble === null || typeof ensemble !== 'object' || !Array.isArray(ensemble.times) || !Array.isArray(ensemble.sigma)) throw new InvalidTypeError('ensemble', 'a PinnedBallsEnsembleResult', ensemble);
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object { time, … }', options);
  checkFinite('options.time', options.time);
  const j = ensemble.times.indexOf(options.time);
  if (j < 0) throw new InvalidArgumentError('whiteNoise.time', `one of the ensemble times [${ensemble.times.join(', ')}]`, options.time);
  if (ensemble.runs !== plan.runs) throw new InvalidArgumentError('ensemble.runs', `the plan's runs = ${plan.runs} (a complete first pass)`, ensemble.runs);
  if (ensemble.runs < 2) throw new InvalidArgumentError('runs', 'an integer >= 2 for white-noise diagnostics', ensemble.runs);
  const n = plan.n;
  const sigma = ensemble.sigma[j];
  const coreFraction = checkPositive('whiteNoise.coreFraction', options.coreFraction ?? 0.5);
  let mx = 0;
  for (let i = 0; i < n; i++) if (sigma[i] > mx) mx = sigma[i];
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) core[i] = sigma[i] > 0 && sigma[i] >= coreFraction * mx ? 1 : 0;
  return {
    time: options.time,
    steps: ensemble.steps[j],
    mean: ensemble.mean[j],
    sigma,
    core,
    bins: checkInteger('whiteNoise.bins', options.bins ?? 100, 1),
    range: checkPositive('whiteNoise.range', options.range ?? 5),
    maxLag: checkInteger('whiteNoise.maxLag', options.maxLag ?? Math.min(50, n - 3), 1, n - 3),
    run: checkInteger('whiteNoise.run', options.run ?? 0, 0, ensemble.runs - 1),
    pairIndex: checkInteger('whiteNoise.pairBall', options.pairBall ?? Math.round(0.3 * n), 1, n - 1) - 1,
  };
}

/** W statistics of no runs yet, with room for `capacity` pairs. O(bins + maxLag + capacity). */
export function emptyWhiteNoiseBlock(wn: WhiteNoisePlan, capacity: number): WhiteNoiseBlock {
  const empty = new WelfordAccumulator(0).toJSON();
  return {
    runs: 0,
    status: 'success',
    pooled: empty,
    core: empty,
    counts: new Float64Array(wn.bins),
    outside: new Float64Array(2),
    lagSum: new Float64Array(wn.maxLag),
    lagCount: new Float64Array(wn.maxLag),
    lagSumSquares: new Float64Array(wn.maxLag),
    lagOutside: new Float64Array(wn.maxLag),
    runLags: null,
    pairs: new Float64Array(2 * capacity),
  };
}

/**
 * The W statistics of block b: regenerate each run to the white-noise time, form W, and
 * accumulate pooled/core moments, the histogram, lag correlations and the pair values.
 * Cost O(R_b·(k + maxLag·n)).
 */
export function whiteNoiseBlock(plan: EnsemblePlan, wn: WhiteNoisePlan, block: number, options: LongRunOptions = {}): WhiteNoiseBlock {
  const { first, end } = blockRuns(plan, block);
  const n = plan.n;
  const K = wn.maxLag;
  const out = emptyWhiteNoiseBlock(wn, end - first);
  const pooled = new WelfordAccumulator(0);
  const core = new WelfordAccumulator(0);
  const histogram = new Histogram(-wn.range, wn.range, wn.bins);
  const watch = new RunWatch({ ...options, progressEvery: 1 });
  const total = (end - first) * wn.steps;
  let done = 0;
  const onChunk = (chunk: number): void => {
    done += chunk;
    options.onProgress?.({ fraction: total > 0 ? done / total : 1, step: done });
  };
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const rngs = streams(plan.seed, first);
  for (let r = first; r < end; r++) {
    const rng = rngs.next().value;
    drawInitialVelocities(plan.mean0, plan.sigma0, rng, v);
    if (!advanceRun(v, rng, 0, wn.steps, watch, onChunk)) {
      out.status = 'aborted';
      break;
    }
    if (!allFinite(v)) {
      out.status = 'nonFinite';
      break;
    }
    for (let i = 0; i < n; i++) {
      const s = wn.sigma[i];
      w[i] = s > 0 ? (v[i] - wn.mean[i]) / s : 0;
      if (s > 0) {
        pooled.push(w[i]);
        histogram.push(w[i]);
        if (wn.core[i] === 1) core.push(w[i]);
      }
    }
    const lags = r === wn.run ? new Float64Array(K) : null;
    for (let k = 1; k <= K; k++) {
      const rk = pearsonCorrelationStrided(n - k, w, 1, 0, w, 1, k);
      if (lags) lags[k - 1] = rk;
      if (!Number.isFinite(rk)) continue; // constant window (e.g. a frozen, sorted run): no correlation
      out.lagCount[k - 1]++;
      out.lagSum[k - 1] += rk;
      out.lagSumSquares[k - 1] += rk * rk;
      if (Math.abs(rk) > 2 / Math.sqrt(n - k - 1)) out.lagOutside[k - 1]++;
    }
    if (lags) out.runLags = lags;
    out.pairs[2 * (r - first)] = w[wn.pairIndex];
    out.pairs[2 * (r - first) + 1] = w[wn.pairIndex + 1];
    out.runs++;
  }
  out.pooled = pooled.toJSON();
  out.core = core.toJSON();
  out.counts.set(histogram.counts);
  out.outside[0] = histogram.below;
  out.outside[1] = histogram.above;
  return out;
}

/** Fold the next block's W statistics into `total`, in place (block order fixed). O(bins + maxLag + runs). */
export function mergeWhiteNoiseBlock(total: WhiteNoiseBlock, next: WhiteNoiseBlock): WhiteNoiseBlock {
  total.pooled = WelfordAccumulator.fromJSON(total.pooled).merge(WelfordAccumulator.fromJSON(next.pooled)).toJSON();
  total.core = WelfordAccumulator.fromJSON(total.core).merge(WelfordAccumulator.fromJSON(next.core)).toJSON();
  for (let b = 0; b < total.counts.length; b++) total.counts[b] += next.counts[b];
  total.outside[0] += next.outside[0];
  total.outside[1] += next.outside[1];
  for (let k = 0; k < total.lagSum.length; k++) {
    total.lagSum[k] += next.lagSum[k];
    total.lagCount[k] += next.lagCount[k];
    total.lagSumSquares[k] += next.lagSumSquares[k];
    total.lagOutside[k] += next.lagOutside[k];
  }
  total.runLags = total.runLags ?? next.runLags;
  const pairs = new Float64Array(2 * (total.runs + next.runs));
  pairs.set(total.pairs.subarray(0, 2 * total.runs));
  pairs.set(next.pairs.subarray(0, 2 * next.runs), 2 * total.runs);
  total.pairs = pairs;
  total.runs += next.runs;
  if (total.status === 'success') total.status = next.status;
  return total;
}

function moments(json: WelfordJSON): WhiteNoiseDiagnostics['pooled'] {
  const a = WelfordAccumulator.fromJSON(json);
  return { count: a.count, mean: a.mean(), variance: a.variance(), skewness: a.skewness(), excessKurtosis: a.excessKurtosis() };
}

/** Turn the merged W statistics into the diagnostics. O(bins + maxLag + runs·log runs). */
export function finishWhiteNoise(plan: EnsemblePlan, wn: WhiteNoisePlan, total: WhiteNoiseBlock): WhiteNoiseDiagnostics {
  const histogram = new Histogram(-wn.range, wn.range, wn.bins);
  histogram.counts.set(total.counts);
  histogram.below = total.outside[0];
  histogram.above = total.outside[1];
  const centers = histogram.centers();
  const K = wn.maxLag;
  const R = total.runs;
  const lags = { k: new Float64Array(K), run: total.runLags ?? new Float64Array(K).fill(Number.NaN), mean: new Float64Array(K), sd: new Float64Array(K), count: Float64Array.from(total.lagCount), band: new Float64Array(K), fractionOutsideTwoSd: 0 };
  let outside = 0;
  let defined = 0;
  for (let k = 1; k <= K; k++) {
    const c = total.lagCount[k - 1];
    const m = c > 0 ? total.lagSum[k - 1] / c : 0;
    lags.k[k - 1] = k;
    lags.mean[k - 1] = m;
    lags.sd[k - 1] = c > 1 ? Math.sqrt(Math.max(0, (total.lagSumSquares[k - 1] - c * m * m) / (c - 1))) : 0;
    lags.band[k - 1] = 1 / Math.sqrt(plan.n - k - 1);
    outside += total.lagOutside[k - 1];
    defined += c;
  }
  lags.fractionOutsideTwoSd = defined > 0 ? outside / defined : 0;
  const left = new Float64Array(R);
  const right = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    left[r] = total.pairs[2 * r];
    right[r] = total.pairs[2 * r + 1];
  }
  return {
    status: total.status,
    time: wn.time,
    runs: R,
    pooled: moments(total.pooled),
    core: moments(total.core),
    histogram: { centers, density: histogram.density(), normalDensity: centers.map((x) => normalPdf(x)) },
    lags,
    pair: {
      ball: wn.pairIndex + 1,
      left,
      right,
      correlation: R > 2 ? pearsonCorrelation(left, right) : Number.NaN,
      nullSd: 1 / Math.sqrt(R - 1),
      ksPValueLeft: R > 0 ? ksTestNormal(left).pValue : Number.NaN,
    },
  };
}

/**
 * White-noise diagnostics in this thread (docs/billiards.md; Figs. 2–4 of the source): second pass over
 * the runs of `plan` up to `options.time`, with μ̂, σ̂ taken from `ensemble`. Bit-identical to the
 * worker-thread runner. Cost O(R·(k + maxLag·n)).
 *
 * @example
 * ```ts
 * const plan = planPinnedBallsEnsemble(opts);
 * const ens = pinnedBallsEnsemble(opts);
 * const wn = whiteNoiseDiagnostics(plan, ens, { time: opts.times[0] });
 * wn.pooled.variance; // ≈ 1
 * ```
 */
export function whiteNoiseDiagnostics(plan: EnsemblePlan, ensemble: PinnedBallsEnsembleResult, options: WhiteNoiseOptions, longRun: LongRunOptions = {}): WhiteNoiseDiagnostics {
  const wn = planWhiteNoise(plan, ensemble, options);
  const blocks = plan.blockCount;
  let total: WhiteNoiseBlock | undefined;
  for (let b = 0; b < blocks; b++) {
    const onProgress = longRun.onProgress;
    const block = whiteNoiseBlock(plan, wn, b, {
      signal: longRun.signal,
      onProgress: onProgress && ((info) => onProgress({ ...info, fraction: (b + info.fraction) / blocks })),
    });
    total = total === undefined ? block : mergeWhiteNoiseBlock(total, block);
    if (total.status !== 'success') break;
  }
  return finishWhiteNoise(plan, wn, total as WhiteNoiseBlock);
}
