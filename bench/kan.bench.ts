/**
 * KAN forward and backward throughput in edge-evaluations per second (one edge-evaluation = one
 * φ_{l,j,i}(x_s), summed over the layers), for the local implementation of src/models/kan (k+1
 * nonzero basis functions per sample and input node, computed once and shared by all outgoing
 * edges) against a straightforward dense reference in this file, written as pykan does it:
 * Cox–de Boor over ALL G+k basis functions (the full (batch, in, G+k) tensor), then
 * (batch, out, in) post-activations, and a backward pass that forms the full coefficient
 * gradient from the materialised basis tensor. Outputs and gradients are cross-checked.
 *
 * Run: npx tsx bench/kan.bench.ts [seconds per case, default 0.5]
 */
import { backwardKan, createKan, forwardKan, KanWorkspace, type KanNetwork } from '../src/models/kan/index';
import { Rng } from '../src/random/rng';

const secondsPerCase = Number(process.argv[2] ?? 0.5);

/** Dense reference: pykan-style basis tensor and post-activations; returns outputs, fills grad. */
class DenseReference {
  private readonly basis: Float64Array[] = [];
  private readonly acts: Float64Array[] = [];
  private readonly postSpline: Float64Array[] = [];

  constructor(private readonly net: KanNetwork, private readonly batch: number) {
    net.layers.forEach((layer, l) => {
      this.basis.push(new Float64Array(batch * layer.inDim * layer.basisSize));
      this.postSpline.push(new Float64Array(batch * layer.outDim * layer.inDim));
      this.acts.push(new Float64Array(batch * net.shape[l]));
    });
    this.acts.push(new Float64Array(batch * net.outputDim));
  }

  /** All G+k cubic B-splines at x by the full Cox–de Boor triangle (pykan B_batch). */
  private static allBasis(t: Float64Array, k: number, x: number, out: Float64Array, o: number, tmp: Float64Array): void {
    const m = t.length;
    for (let i = 0; i < m - 1; i++) tmp[i] = x >= t[i] && x < t[i + 1] ? 1 : 0;
    for (let p = 1; p <= k; p++) {
      for (let i = 0; i < m - 1 - p; i++) {
        const a = (x - t[i]) / (t[i + p] - t[i]);
        const b = (t[i + p + 1] - x) / (t[i + p + 1] - t[i + 1]);
        tmp[i] = a * tmp[i] + b * tmp[i + 1];
      }
    }
    for (let i = 0; i < m - 1 - k; i++) out[o + i] = tmp[i];
  }

  forward(X: Float64Array): Float64Array {
    const B = this.batch;
    this.acts[0].set(X.subarray(0, B * this.net.inputDim));
    const tmp = new Float64Array(this.net.layers[0].bases[0].knots.length);
    this.net.layers.forEach((layer, l) => {
      const nb = layer.basisSize;
      const nIn = layer.inDim;
      const vin = this.acts[l];
      const vout = this.acts[l + 1];
      const basis = this.basis[l];
      for (let s = 0; s < B; s++) for (let i = 0; i < nIn; i++) DenseReference.allBasis(layer.bases[i].knots, layer.degree, vin[s * nIn + i], basis, (s * nIn + i) * nb, tmp);
      const post = this.postSpline[l];
      for (let s = 0; s < B; s++) {
        for (let j = 0; j < layer.outDim; j++) {
          let y = 0;
          for (let i = 0; i < nIn; i++) {
            const e = j * nIn + i;
            let sp = 0;
            for (let m = 0; m < nb; m++) sp += layer.coefficients[e * nb + m] * basis[(s * nIn + i) * nb + m];
            post[(s * layer.outDim + j) * nIn + i] = sp;
            const x = vin[s * nIn + i];
            y += layer.baseScale[e] * (x / (1 + Math.exp(-x))) + layer.splineScale[e] * sp;
          }
          vout[s * layer.outDim + j] = y;
        }
      }
    });
    return this.acts[this.net.depth];
  }

  /** Gradient of Σ_s y_s w.r.t. the last layer's coefficients, w_b, w_s (dense, all G+k terms). */
  backwardLastLayer(grad: Float64Array): void {
    const l = this.net.depth - 1;
    const layer = this.net.layers[l];
    const nb = layer.basisSize;
    const nIn = layer.inDim;
    const basis = this.basis[l];
    const vin = this.acts[l];
    const off = layer.offsets;
    for (let s = 0; s < this.batch; s++) {
      for (let j = 0; j < layer.outDim; j++) {
        for (let i = 0; i < nIn; i++) {
          const e = j * nIn + i;
          for (let m = 0; m < nb; m++) grad[off.coefficients + e * nb + m] += layer.splineScale[e] * basis[(s * nIn + i) * nb + m];
          const x = vin[s * nIn + i];
          grad[off.baseScale + e] += x / (1 + Math.exp(-x));
          grad[off.splineScale + e] += this.postSpline[l][(s * layer.outDim + j) * nIn + i];
        }
      }
    }
  }
}

/** Calls per second of `run`, measured for about `seconds` after a warm-up. */
function rate(run: () => void, seconds: number): number {
  for (let k = 0; k < 3; k++) run();
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    run();
    calls++;
    elapsed = performance.now() - t0;
  }
  return calls / (elapsed / 1000);
}

const fmt = (v: number): string => (v / 1e6).toFixed(2).padStart(9);
console.log('KAN edge-evaluations per second (M/s): local (this library) vs dense pykan-style reference');
console.log(`${'shape'.padEnd(14)} ${'G'.padStart(3)} ${'batch'.padStart(6)} ${'fwd local'.padStart(9)} ${'fwd dense'.padStart(9)} ${'ratio'.padStart(6)} ${'f+b local'.padStart(9)} ${'f+b dense'.padStart(9)} ${'ratio'.padStart(6)} ${'max|Δy|'.padStart(9)} ${'max|Δg|'.padStart(9)}`);
for (const [shape, G, batch] of [[[2, 5, 1], 5, 1000], [[2, 5, 1], 50, 1000], [[8, 16, 1], 10, 512], [[8, 16, 1], 100, 256]] as Array<[number[], number, number]>) {
  const net = createKan({ shape, intervals: G, seed: 1 });
  const rng = new Rng(2);
  const X = { rows: batch, cols: shape[0], data: Float64Array.from({ length: batch * shape[0] }, () => 2 * rng.uniform() - 1) };
  const ws = new KanWorkspace(net, batch, 0);
  const grad = new Float64Array(net.params.length);
  const dense = new DenseReference(net, batch);
  const edges = net.parameterCount().edges * batch;
  // cross-check outputs and the last layer's gradient of Σ y
  const y = Float64Array.from(forwardKan(net, X, ws));
  const yRef = dense.forward(X.data);
  let dy = 0;
  for (let s = 0; s < y.length; s++) dy = Math.max(dy, Math.abs(y[s] - yRef[s]));
  ws.valueAdjoint[net.depth].fill(1);
  backwardKan(net, ws, grad);
  const gRef = new Float64Array(net.params.length);
  dense.backwardLastLayer(gRef);
  const last = net.layers[net.depth - 1].offsets;
  let dg = 0;
  for (let t = last.coefficients; t < last.symbolicAffine; t++) dg = Math.max(dg, Math.abs(grad[t] - gRef[t]));
  const fwdLocal = rate(() => forwardKan(net, X, ws, { trusted: true }), secondsPerCase) * edges;
  const fwdDense = rate(() => dense.forward(X.data), secondsPerCase) * edges;
  const fbLocal = rate(() => { forwardKan(net, X, ws, { trusted: true }); backwardKan(net, ws, grad); }, secondsPerCase) * edges;
  const fbDense = rate(() => { dense.forward(X.data); gRef.fill(0); dense.backwardLastLayer(gRef); }, secondsPerCase) * edges;
  console.log(
    `${JSON.stringify(shape).padEnd(14)} ${String(G).padStart(3)} ${String(batch).padStart(6)} ${fmt(fwdLocal)} ${fmt(fwdDense)} ${(fwdLocal / fwdDense).toFixed(1).padStart(6)} ${fmt(fbLocal)} ${fmt(fbDense)} ${(fbLocal / fbDense).toFixed(1).padStart(6)} ${dy.toExponential(1).padStart(9)} ${dg.toExponential(1).padStart(9)}`,
  );
}
console.log('f+b: forward + backward; the dense backward covers only the last layer (a lower bound on its cost).');
