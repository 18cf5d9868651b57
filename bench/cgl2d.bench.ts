/**
 * Complex Ginzburg–Landau in 2-D (thesis §1.1.2): the matrix-scale rescaled run (β = 0.1,
 * δ = 0.2, the non-symmetric datum of the `--dim 2` experiment) to τ = 100 on 24 half-nodes per
 * direction (47² nodes), against the heat run `heatBlowup2D` on the quarter grid of the same
 * half-grid in the same process (the CGL field is complex and covers the whole square, 4·2 = 8×
 * the unknowns, with seven modulations instead of three), and one direct 2-D solve on 41².
 *
 * Run: npx tsx bench/cgl2d.bench.ts   (a minute or two; CGL2D_BENCH_TAU changes τ)
 */
import { mappedGrid } from '../src/grid/grid1d';
import { sinhMap } from '../src/grid/maps';
import { cglBlowup2D } from '../src/models/blowup/cgl2dBlowup';
import { mirroredNodes } from '../src/models/blowup/cglModel';
import { cglPhysical2D } from '../src/models/blowup/cglPhysical2d';
import { cgl2dShearedDatum } from '../src/models/blowup/experiments/cgl2d';
import { heatBlowup2D } from '../src/models/blowup/heat2dBlowup';

const tau = Number(process.env.CGL2D_BENCH_TAU ?? 100);
const n = 24;
let start = performance.now();
const heat = heatBlowup2D({ tauEnd: tau, grid: { n, length: 100 }, historyAt: [] });
const heatSeconds = (performance.now() - start) / 1000;
start = performance.now();
const cgl = cglBlowup2D({ beta: 0.1, delta: 0.2, tauEnd: tau, grid: { n, length: 100 }, initialData: cgl2dShearedDatum, historyAt: [] });
const cglSeconds = (performance.now() - start) / 1000;
start = performance.now();
const x = mirroredNodes(mappedGrid(sinhMap({ length: 30, scale: 1 }), 21, { symmetry: 'even' }));
const m = x.length;
const data = new Float64Array(2 * m * m);
for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) { data[i * m + j] = cgl2dShearedDatum.re(x[i], x[j]); data[m * m + i * m + j] = cgl2dShearedDatum.im(x[i], x[j]); }
const direct = cglPhysical2D({ beta: 0.1, delta: 0.2, nodes: x, initialData: data, amplitudeTarget: 1e3, rtol: 1e-8 });
const directSeconds = (performance.now() - start) / 1000;
process.stdout.write(`τ = ${tau}, ${n} half-nodes per direction\n`);
process.stdout.write(`heat 2-D (real, ${n}² quarter):        ${heat.stats.naccept} steps, ${heatSeconds.toFixed(2)} s, T = ${heat.final.blowupTime}\n`);
process.stdout.write(`CGL 2-D (complex, ${2 * n - 1}² full):       ${cgl.stats.naccept} steps, ${cglSeconds.toFixed(2)} s, T = ${cgl.blowupTime}, eig(Qτ) = ${cgl.Qtau.map((v) => v.toFixed(4)).join(', ')}\n`);
process.stdout.write(`CGL 2-D direct (41², to max|ψ| = 1e3): ${direct.stats.naccept} steps, ${directSeconds.toFixed(2)} s, T = ${direct.blowupTime}\n`);
process.stdout.write(`ratio CGL/heat wall time ${(cglSeconds / heatSeconds).toFixed(2)}× (measured under load)\n`);
