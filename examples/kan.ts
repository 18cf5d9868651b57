/**
 * Fit f(x1, x2) = exp(sin(πx1) + x2²) with a [2, 5, 1] KAN: L-BFGS with grid updates and the
 * sparsity regularizer, then grid extension G = 3 → 10 and retraining (thesis §3.2.5).
 *
 * Run: npx tsx examples/kan.ts
 */
import { createKan, extendGrid, trainKan } from '../src/models/kan/index';
import { Rng } from '../src/random/rng';

function dataset(n: number, rng: Rng) {
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const a = 2 * rng.uniform() - 1;
    const b = 2 * rng.uniform() - 1;
    X[2 * s] = a;
    X[2 * s + 1] = b;
    Y[s] = Math.exp(Math.sin(Math.PI * a) + b * b);
  }
  return { input: { rows: n, cols: 2, data: X }, label: { rows: n, cols: 1, data: Y } };
}

const rng = new Rng(42);
const train = dataset(500, rng);
const test = dataset(500, rng);
const data = { trainInput: train.input, trainLabel: train.label, testInput: test.input, testLabel: test.label };

let net = createKan({ shape: [2, 5, 1], intervals: 3, seed: 42 });
let r = trainKan({ net, data, steps: 20, lamb: 1e-3 });
console.log(`G = 3:  ${r.status}, ${r.stats.iterations} L-BFGS iterations, train RMSE ${r.history.trainRmse.at(-1)?.toExponential(2)}, test RMSE ${r.history.testRmse.at(-1)?.toExponential(2)}`);

const extended = extendGrid(net, 10, train.input);
console.log(`grid extension 3 → 10: least squares ${extended.report.status}, refit residual ${extended.report.maxResidualRms.toExponential(1)}`);
net = extended.network;
r = trainKan({ net, data, steps: 20 });
console.log(`G = 10: ${r.status}, ${r.stats.iterations} L-BFGS iterations, train RMSE ${r.history.trainRmse.at(-1)?.toExponential(2)}, test RMSE ${r.history.testRmse.at(-1)?.toExponential(2)}`);
