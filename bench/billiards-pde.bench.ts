/**
 * Mean-field PDE: the reversed-orientation run of Section 3 (n = 1000, λ ≈ 281.8) to its freeze
 * on the paper's 3201 nodes.
 *
 * - library explicit scheme B (fused single pass, dt = 0.25dx²) against a straightforward
 *   reference loop written here (σ array pass, update pass, separate diagnostics pass): ratio of
 *   node updates per second on a shortened run;
 * - the full run to the freeze with the explicit scheme and with IMEX ARS(2,2,2) at its default
 *   dt = 0.25/λ² (≈ 129× the explicit step on 3201 nodes), wall-clock times against the 3 s target, and the
 *   agreement of the two freeze times.
 *
 * Run: npx tsx bench/billiards-pde.bench.ts [--skip-explicit-full]
 */
import { meanFieldPde } from '../src/models/billiards/pde';
import { section3Mean, section3Sigma } from '../src/models/billiards/initialData';

const nodes = 3201;
const N = nodes - 1;
const dx = 1 / N;
const lambda = 999 / (2 * Math.sqrt(Math.PI));
const dt = 0.25 * dx * dx;

/** Straightforward scheme B: σ in its own array, update, then diagnostics in a second pass. */
function referenceRun(steps: number): number {
  let mu = new Float64Array(nodes);
  let w = new Float64Array(nodes);
  let mu2 = new Float64Array(nodes);
  let w2 = new Float64Array(nodes);
  const sigma = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) {
    mu[i] = -section3Mean(i * dx);
    w[i] = 0.5 * section3Sigma(i * dx) ** 2;
  }
  w[0] = 0;
  w[N] = 0;
  let integral = 0;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < nodes; i++) sigma[i] = Math.sqrt(2 * Math.max(w[i], 0));
    mu2[0] = mu[0] + dt * ((2 * (mu[1] - mu[0])) / (dx * dx) - (lambda * (sigma[0] + sigma[1])) / dx);
    mu2[N] = mu[N] + dt * ((2 * (mu[N - 1] - mu[N])) / (dx * dx) + (lambda * (sigma[N - 1] + sigma[N])) / dx);
    for (let i = 1; i < N; i++) {
      const m = (mu[i + 1] - mu[i - 1]) / (2 * dx);
      mu2[i] = mu[i] + dt * ((mu[i + 1] - 2 * mu[i] + mu[i - 1]) / (dx * dx) - (lambda * (sigma[i + 1] - sigma[i - 1])) / (2 * dx));
      w2[i] = w[i] + dt * ((w[i + 1] - 2 * w[i] + w[i - 1]) / (dx * dx) - lambda * m * sigma[i] + m * m);
    }
    integral = 0;
    let momentum = 0;
    let minW = Infinity;
    for (let i = 0; i < nodes; i++) {
      const h = i === 0 || i === N ? 0.5 * dx : dx;
      integral += h * 2 * Math.max(w2[i], 0);
      momentum += h * mu2[i];
      minW = Math.min(minW, w2[i]);
    }
    if (!Number.isFinite(momentum + minW)) break;
    [mu, mu2] = [mu2, mu];
    [w, w2] = [w2, w];
  }
  return integral;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

function best(f: () => unknown, reps = 3): number {
  let b = Infinity;
  for (let k = 0; k < reps; k++) b = Math.min(b, time(f)[1]);
  return b;
}

const shortSteps = 4000;
const tShort = shortSteps * dt;
const libShort = best(() => meanFieldPde({ n: 1000, nodes, orientation: 'reversed', dt }, { tEnd: tShort }));
const refShort = best(() => referenceRun(shortSteps));
const updates = shortSteps * nodes;
console.log(`explicit kernel, ${shortSteps} steps × ${nodes} nodes:`);
console.log(`  library   ${(updates / libShort / 1e6).toFixed(1)} M node-updates/s`);
console.log(`  reference ${(updates / refShort / 1e6).toFixed(1)} M node-updates/s`);
console.log(`  ratio library/reference speed: ${(refShort / libShort).toFixed(2)}`);

const [imex, tImex] = time(() => meanFieldPde({ n: 1000, nodes, orientation: 'reversed', stepper: 'imex' }, { tEnd: 6e-3, stopAtFreeze: true }));
console.log(`IMEX ARS(2,2,2), dt = 0.25/λ² = ${imex.dt.toExponential(3)}: ${imex.stats.nsteps} steps, ${tImex.toFixed(2)} s to the freeze ` +
  `(target < 3 s: ${tImex < 3 ? 'met' : 'MISSED'}); λT = ${(imex.freeze.time! * imex.lambda).toFixed(5)}, T = ${imex.freeze.time!.toExponential(6)}`);
if (!process.argv.includes('--skip-explicit-full')) {
  const [explicit, tExplicit] = time(() => meanFieldPde({ n: 1000, nodes, orientation: 'reversed' }, { tEnd: 6e-3, stopAtFreeze: true }));
  console.log(`explicit, dt = 0.25dx² = ${explicit.dt.toExponential(3)}: ${explicit.stats.nsteps} steps, ${tExplicit.toFixed(2)} s to the freeze; ` +
    `λT = ${(explicit.freeze.time! * explicit.lambda).toFixed(5)}`);
  console.log(`  IMEX/explicit wall-clock ratio ${(tImex / tExplicit).toFixed(3)}; freeze times differ by ` +
    `${(Math.abs(explicit.freeze.time! - imex.freeze.time!) / imex.freeze.time!).toExponential(2)} (relative)`);
}
