/**
 * Complex Ginzburg–Landau (thesis §1.1.2): the 1-D modulated rescaled run to τ = 1000 on 300
 * half-nodes (599 nodes, target: under 30 s on one core), against the heat run of the same grid
 * and τ in the same process (the CGL field is complex, twice as long, with four modulations).
 *
 * Run: npx tsx bench/cgl.bench.ts   (about a minute; CGL_BENCH_TAU changes τ)
 */
import { cglBlowup1D } from '../src/models/blowup/cglBlowup';
import { heatBlowup1D } from '../src/models/blowup/heatBlowup';

const tau = Number(process.env.CGL_BENCH_TAU ?? 1000);
let start = performance.now();
const heat = heatBlowup1D({ tauEnd: tau, grid: { n: 300 }, historyAt: [] });
const heatSeconds = (performance.now() - start) / 1000;
start = performance.now();
const cgl = cglBlowup1D({ beta: 0.1, delta: 0.2, tauEnd: tau, grid: { n: 300 }, sampleAt: [] });
const cglSeconds = (performance.now() - start) / 1000;
process.stdout.write(`τ = ${tau}, 300 half-nodes\n`);
process.stdout.write(`heat (real, 300 nodes):        ${heat.stats.naccept} steps, ${heatSeconds.toFixed(2)} s, T = ${heat.final.blowupTime}\n`);
process.stdout.write(`CGL β = 0.1, δ = 0.2 (599 nodes): ${cgl.stats.naccept} steps, ${cglSeconds.toFixed(2)} s, T = ${cgl.blowupTime}, Qτ = ${cgl.Qtau.toFixed(5)} (MZ limit ${cgl.QtauPredicted.toFixed(5)})\n`);
process.stdout.write(`ratio CGL/heat: steps ${(cgl.stats.naccept / heat.stats.naccept).toFixed(2)}×, wall time ${(cglSeconds / heatSeconds).toFixed(2)}× (target: CGL under 30 s)\n`);
