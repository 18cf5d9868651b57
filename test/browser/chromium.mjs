// Headless-Chromium check of singularis/browser (run by .ci/browser.sh after the build):
// serves the repository root (dist/ and test/browser/) on 127.0.0.1, opens page.html in
// headless Chromium, receives the page's report on POST /result, and checks it against the same
// solve in Node. Usage: node test/browser/chromium.mjs [path-to-chromium]
/* global URL, performance */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heatBlowup1D, thesisInitialData1D } from '../../dist/models/blowup/index.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const chromium = process.argv[2] ?? 'chromium';
const problem = { tauEnd: 3000 };
const progressEvery = 64;
const timeoutMs = 90_000;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };

function encode(value) {
  return JSON.stringify(value, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x) : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

let gotReport;
const reportPromise = new Promise((r) => { gotReport = r; });
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'POST' && url.pathname === '/result') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { res.end('ok'); gotReport(JSON.parse(body)); });
    return;
  }
  const rel = url.pathname === '/' ? 'test/browser/page.html' : normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
  const file = join(root, rel);
  const allowed = (file.startsWith(join(root, 'dist') + sep) || file.startsWith(join(root, 'test', 'browser') + sep)) && existsSync(file);
  if (req.method !== 'GET' || !allowed) { res.statusCode = 404; res.end(); return; }
  res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();

const profile = mkdtempSync(join(tmpdir(), 'singularis-chromium-'));
const url = `http://127.0.0.1:${port}/?problem=${encodeURIComponent(JSON.stringify(problem))}&progressEvery=${progressEvery}`;
const started = Date.now();
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, url,
], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
let stderr = '';
browser.stderr.on('data', (c) => { stderr += c; });
const exited = new Promise((r) => browser.on('exit', (code) => r(`chromium exited early (code ${code})\n${stderr.slice(-2000)}`)));
const timer = new Promise((r) => setTimeout(() => r(`no report within ${timeoutMs / 1000} s`), timeoutMs).unref());
const report = await Promise.race([reportPromise, exited, timer]);
const browserMs = Date.now() - started;
try { process.kill(-browser.pid, 'SIGTERM'); } catch { /* already gone */ }
server.close();
setTimeout(() => rmSync(profile, { recursive: true, force: true }), 500).unref();

/** Prints, per leaf of two decoded results, the largest relative difference (to explain a mismatch). */
function describeDifference(a, b, path = 'result') {
  if (Array.isArray(a) && Array.isArray(b) && typeof a[0] === 'number') {
    let worst = 0, at = -1;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300);
      if (!(d <= worst)) { worst = d; at = i; }
    }
    if (worst !== 0 || a.length !== b.length) console.log(`  differs: ${path} (length ${a.length} vs ${b.length}), max relative difference ${worst} at [${at}]`);
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) describeDifference(a[k], b[k], `${path}.${k}`);
  } else if (a !== b) {
    console.log(`  differs: ${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
}

const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`); if (!ok) failures.push(what); };
if (typeof report === 'string' || report.error) {
  check(false, `the page reported: ${typeof report === 'string' ? report : report.error}`);
} else {
  const { control, long, abort, invalid } = report;
  const nodeProgress = [];
  const t0 = performance.now();
  const direct = heatBlowup1D(problem, { progressEvery, onProgress: (p) => nodeProgress.push(p) });
  const nodeMs = performance.now() - t0;
  console.log(`page + chromium ${(browserMs / 1000).toFixed(1)} s; long solve ${long.ms.toFixed(0)} ms in the worker, ${nodeMs.toFixed(0)} ms in Node (under load)`);
  check(control.maxGap >= 450, `control: a busy main thread stops its timers (longest gap ${control.maxGap.toFixed(0)} ms >= 450)`);
  // Chromium's V8 and Node's V8 round Math.exp/log/sinh/pow… differently in the last bit (the
  // language leaves them implementation-approximated), so the two runs agree to round-off, not bit
  // for bit. The yardstick is round-off itself: the same Node solve from initial data perturbed by
  // one ulp, and from a grid (z = A sinh(b s), computed with Math.sinh) whose length is perturbed by
  // one ulp. The browser must take exactly the same steps and differ from Node by no more than ten
  // times the larger of the two perturbations' effects, for each scalar diagnostic. The profile
  // û itself is printed, not checked: its engine-to-engine difference (about 5e-11, with û(0) = 1)
  // exceeds ten one-time perturbations, as expected of ulp errors made afresh at each of ~27 000
  // steps, and no bound for that accumulation is derived here.
  const browser = JSON.parse(long.result);
  const u0 = Float64Array.from(direct.z, (z) => thesisInitialData1D(z) * (1 + 2 ** -52));
  u0[0] = 1; // keep the normalization û(0) = 1 exact
  const perturbed = heatBlowup1D({ ...problem, initialData: u0 }, { progressEvery });
  const gridPerturbed = heatBlowup1D({ ...problem, grid: { length: 1e5 * (1 + 2 ** -52) } }, { progressEvery });
  const supDiff = (x, y) => x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
  check(browser.status === 'success', `long solve: status ${browser.status}`);
  if (JSON.stringify(browser.stats) !== JSON.stringify(direct.stats)) describeDifference(browser, JSON.parse(encode(direct)));
  check(JSON.stringify(browser.stats) === JSON.stringify(direct.stats), `long solve: same steps as in Node ${JSON.stringify(direct.stats)}`);
  check(long.result === encode(direct) || browser.history.tau.length === direct.history.tau.length, `long solve: same ${direct.history.tau.length} history samples`);
  if (long.result === encode(direct)) {
    check(true, 'long solve: result equals the same solve in Node bit for bit');
  } else {
    const uDiff = supDiff(browser.final.u, direct.final.u);
    const uUlp = Math.max(supDiff(perturbed.final.u, direct.final.u), supDiff(gridPerturbed.final.u, direct.final.u));
    console.log(`info  final.u: sup |browser - Node| = ${uDiff.toExponential(2)}; one-ulp perturbations move it by ${uUlp.toExponential(2)}`);
    const rows = [
      ...['lawL', 'lawU', 'cu', 'cl', 't'].map((k) => [`final.${k}`, Math.abs(browser.final[k] - direct.final[k]), Math.max(Math.abs(perturbed.final[k] - direct.final[k]), Math.abs(gridPerturbed.final[k] - direct.final[k]))]),
    ];
    for (const [name, got, ulp] of rows) {
      check(got <= 10 * ulp, `long solve: |browser - Node| of ${name} = ${got.toExponential(2)} <= 10 x the one-ulp perturbations ${ulp.toExponential(2)}`);
    }
  }
  check(long.progress === nodeProgress.length && long.progress >= 10, `long solve: ${long.progress} progress messages (Node: ${nodeProgress.length})`);
  check(long.ms >= 500, `long solve: long enough to matter (${long.ms.toFixed(0)} ms >= 500)`);
  check(long.ticks >= 10 && long.maxGap < Math.max(250, long.ms / 4), `long solve: main-thread timers kept running (${long.ticks} ticks, longest gap ${long.maxGap.toFixed(0)} ms)`);
  check(abort.status === 'aborted' && /aborted by the signal at t = /.test(abort.message), `abort: status ${abort.status} (${abort.message})`);
  check(abort.tau < 1e9 && abort.naccept > 0 && abort.progress > 0, `abort: stopped mid-run at tau = ${abort.tau} after ${abort.naccept} steps, ${abort.progress} progress messages, ${abort.latencyMs.toFixed(0)} ms after the abort`);
  check(/^RangeError: .*problem\.tauEnd/.test(invalid), `invalid input rejected: ${invalid}`);
}
if (failures.length > 0) { console.log(`\n${failures.length} browser check(s) failed`); process.exit(1); }
console.log('\nbrowser checks passed');
process.exit(0);
