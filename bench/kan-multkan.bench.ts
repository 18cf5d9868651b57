/**
 * MultKAN: time to a recovered formula on y = x1·x2 + sin(x3) (1000 training + 1000 test samples,
 * width [3, [3, 2], 1]) and on y = x1·x2 (width [2, [0, 1], 1]), by `multSymbolicPipeline`
 * (sparsify, prune, retrain, layer-by-layer snapping, retrain), with the time of each phase.
 *
 * Load-independent yardstick, measured in the same process just before: the time of one forward +
 * backward pass of the unpruned network on the 1000 samples; the pipeline's cost is printed in
 * such passes as well as in seconds, and the one-core estimate is passes × the pass time of an
 * idle machine.
 *
 * Run: npx tsx bench/kan-multkan.bench.ts [seed, default 0]
 */
import { loadavg } from 'node:os';
import { backwardKan, createKan, forwardKan, KanWorkspace } from '../src/models/kan/index';
import { multSymbolicPipeline } from '../src/models/kan/experiments/multPipeline';
import { sampleDataset } from '../src/models/kan/experiments/pipeline';

const seed = Number(process.argv[2] ?? 0);

function passSeconds(shape: (number | [number, number])[], dim: number): number {
  const data = sampleDataset((x) => x[0] * x[1], dim, { train: 1000, test: 1, seed });
  const net = createKan({ shape, intervals: 5, seed });
  const ws = new KanWorkspace(net, 1000, 0);
  const grad = new Float64Array(net.params.length);
  const L = net.depth;
  for (let r = 0; r < 20; r++) {
    forwardKan(net, data.trainInput, ws, { trusted: true });
    ws.valueAdjoint[L].fill(1e-3);
    backwardKan(net, ws, grad);
  }
  const n = 200;
  const t = performance.now();
  for (let r = 0; r < n; r++) {
    forwardKan(net, data.trainInput, ws, { trusted: true });
    ws.valueAdjoint[L].fill(1e-3);
    backwardKan(net, ws, grad);
  }
  return (performance.now() - t) / 1000 / n;
}

const cases = [
  { name: 'x1*x2 + sin(x3)', target: 'productSine' as const, shape: [3, [3, 2], 1] as (number | [number, number])[], dim: 3, lamb: 0.01 },
  { name: 'x1*x2', target: 'product' as const, shape: [2, [0, 1], 1] as (number | [number, number])[], dim: 2, lamb: 0.003 },
];
console.log(`load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores shared; timings are under this load)`);
for (const c of cases) {
  const pass = passSeconds(c.shape, c.dim);
  const r = multSymbolicPipeline({ target: c.target, shape: c.shape, samples: 1000, seed, lamb: c.lamb });
  const s = r.seconds;
  console.log(`\n${c.name}, width ${JSON.stringify(c.shape)} → pruned ${JSON.stringify(r.prunedShape)}`);
  console.log(`  formula: ${r.formula}   (test RMSE ${r.formulaTestRmse.toExponential(2)}, status ${r.status})`);
  console.log(`  phases [s]: sparsify ${s.sparsify.toFixed(2)}, prune ${s.prune.toFixed(2)}, retrain ${s.retrain.toFixed(2)}, snap ${s.snap.toFixed(2)}, symbolic retrain ${s.symbolicRetrain.toFixed(2)}`);
  console.log(`  total ${s.total.toFixed(2)} s = ${(s.total / pass).toFixed(0)} forward+backward passes of the unpruned network (${(pass * 1e3).toFixed(2)} ms each)`);
}
