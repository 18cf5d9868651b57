// Driven by test/browser/chromium.mjs: runs solvers in the module worker of dist/browser/worker.js,
// watches the main thread's timers meanwhile, aborts a run, and posts everything to /result.
import { runInWorker } from '/dist/browser/index.js';

const params = new URLSearchParams(location.search);
const problem = JSON.parse(params.get('problem'));
const progressEvery = Number(params.get('progressEvery'));
const statusEl = document.getElementById('status');

/** Typed arrays as arrays, non-finite numbers as strings: an exact, JSON-safe encoding of a result. */
function encode(value) {
  return JSON.stringify(value, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x) : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

/** Ticks a 10 ms interval timer and records the longest gap between ticks. */
function ticker() {
  let last = performance.now();
  const t = { ticks: 0, maxGap: 0, stop: () => clearInterval(h) };
  const h = setInterval(() => {
    const now = performance.now();
    t.ticks++;
    t.maxGap = Math.max(t.maxGap, now - last);
    last = now;
  }, 10);
  return t;
}

async function main() {
  const report = {};
  const worker = new Worker('/dist/browser/worker.js', { type: 'module' });

  // Control: a main thread kept busy for 500 ms stops the timers (the measurement can fail).
  const control = ticker();
  await new Promise((r) => setTimeout(r, 50));
  const busyUntil = performance.now() + 500;
  while (performance.now() < busyUntil) { /* busy */ }
  await new Promise((r) => setTimeout(r, 50));
  control.stop();
  report.control = { ticks: control.ticks, maxGap: control.maxGap };

  // A long solve in the worker: the main thread's timers keep running and progress streams in.
  const watch = ticker();
  let progress = 0;
  let ticksAtFirstProgress = -1;
  const t0 = performance.now();
  const result = await runInWorker(worker, 'heatBlowup1D', problem, {
    progressEvery,
    onProgress: () => { if (progress++ === 0) ticksAtFirstProgress = watch.ticks; },
  });
  const ms = performance.now() - t0;
  watch.stop();
  report.long = { ms, ticks: watch.ticks, maxGap: watch.maxGap, progress, ticksAtFirstProgress, result: encode(result) };

  // Abort: a run far too long to finish, aborted from a main-thread timer.
  const controller = new AbortController();
  let abortedAt = 0;
  let abortProgress = 0;
  setTimeout(() => { abortedAt = performance.now(); controller.abort(); }, 400);
  const aborted = await runInWorker(worker, 'heatBlowup1D', { ...problem, tauEnd: 1e9 }, { signal: controller.signal, progressEvery, onProgress: () => abortProgress++ });
  report.abort = {
    status: aborted.status,
    message: aborted.message,
    tau: aborted.final.tau,
    naccept: aborted.stats.naccept,
    progress: abortProgress,
    latencyMs: performance.now() - abortedAt,
  };

  // Invalid input: rejected with the solver's error.
  try {
    await runInWorker(worker, 'heatBlowup1D', { tauEnd: -1 });
    report.invalid = 'resolved';
  } catch (e) {
    report.invalid = `${e.constructor.name}: ${e.message}`;
  }
  worker.terminate();
  return report;
}

main()
  .catch((e) => ({ error: `${e && e.name}: ${e && e.message}` }))
  .then(async (report) => {
    statusEl.textContent = 'done';
    await fetch('/result', { method: 'POST', body: JSON.stringify(report) });
  });
