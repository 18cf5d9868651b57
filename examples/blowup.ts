/**
 * Blowup of a_t = a_xx + a² by dynamic rescaling (thesis §2.4.1): the thesis's data, rescaled time
 * τ = 1000, laws (½ − c_l)τ → 5/8 and (c_u + 1)τ → 1/4, the blowup time T, and the residue
 * τ·sup|û − ū| against its derived limit. Run: `npx tsx examples/blowup.ts`.
 */
import { heatBlowup1D, heatCorrectionMaximum, predictedHeatLaws, riccatiToy } from '../src/models/blowup/index';
import { mappedGrid, sinhMap } from '../src/grid/index';

const controller = new AbortController();
const run = heatBlowup1D({ tauEnd: 1000, historyAt: [10, 100, 1000] }, { signal: controller.signal, onProgress: (p) => process.stderr.write(`\r${(100 * p.fraction).toFixed(0)}%`) });
const predicted = predictedHeatLaws(1000, 1);
console.log(`status ${run.status}, ${run.stats.naccept} steps`);
for (let i = 1; i < run.history.tau.length; i++) {
  const s = run.history;
  console.log(`τ = ${s.tau[i]}: (½ − c_l)τ = ${s.lawL[i].toFixed(5)}, (c_u + 1)τ = ${s.lawU[i].toFixed(5)}, λτ = ${s.lambdaTau[i].toFixed(5)}, τ·sup|û − ū_h| = ${s.supDiffDiscreteTau[i].toFixed(4)}`);
}
console.log(`predicted at τ = 1000: ${predicted.lawL.toFixed(5)}, ${predicted.lawU.toFixed(5)}; residue limit max|v| = ${heatCorrectionMaximum().value.toFixed(4)}`);
console.log(`blowup time T = ${run.final.blowupTime.toFixed(8)}, log Ĉ_u = ${run.final.logCu.toFixed(3)}`);

const toy = riccatiToy({ grid: mappedGrid(sinhMap({ length: 1e5 }), 200, { symmetry: 'even' }), b: 0.125, d: 0.1, tauEnd: 5 });
console.log(`Riccati toy: max error vs exact solution ${toy.final.maxError.toExponential(2)}`);
