/**
 * Complex Ginzburg–Landau blowup in 1-D (thesis §1.1.2): modulated rescaled run, its law Qτ against
 * the Masmoudi–Zaag prediction, and the blowup time against the direct physical-time solve.
 * Run: `npx tsx examples/cgl.ts`.
 */
import { cglBlowup1D, cglPhysical, mirroredNodes } from '../src/models/blowup/index';
import { mappedGrid, sinhMap } from '../src/grid/index';

const r = cglBlowup1D({ beta: 0.1, delta: 0.2, tauEnd: 100, grid: { n: 150 } });
console.log(`rescaled: ${r.status}, T = ${r.blowupTime}, Qτ = ${r.Qtau.toFixed(5)} (Masmoudi–Zaag limit ${r.QtauPredicted.toFixed(5)})`);
const x = mirroredNodes(mappedGrid(sinhMap({ length: 60, scale: 0.05 }), 401));
const data = new Float64Array(2 * x.length);
x.forEach((v, i) => { data[i] = 1 / (1 + (v * v) / 8 + v ** 4 / 10); });
const d = cglPhysical({ beta: 0.1, delta: 0.2, nodes: x, initialData: data, amplitudeTarget: 1e4 });
console.log(`direct: ${d.status}, T = ${d.blowupTime}`);
