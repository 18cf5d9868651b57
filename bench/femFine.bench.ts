/**
 * Fine-scale Q1 reference solves: nested-dissection vs AMD ordering of the sparse LDLᵀ (real
 * diffusion with the five-scale periodic-like coefficient), and the complex Helmholtz solve, at
 * h = 1/n. Times are measured under load; compare ratios within one run.
 *
 * Run: npx tsx bench/femFine.bench.ts [n=256] [--complex] [--amd]   (AMD runs for n ≤ 512 unless --amd)
 */
import { assembleQ1Complex, assembleQ1Real, q1Load, sampleCells, solveQ1Dirichlet } from '../src/fem/index';
import { StructuredGrid2D } from '../src/grid/structuredGrid2d';

const n = Number(process.argv[2] ?? 256);
const complex = process.argv.includes('--complex');
const amdAlways = process.argv.includes('--amd');
const grid = new StructuredGrid2D(n, n);
const a = sampleCells(grid, (x, y) => 1 + 0.5 * Math.sin(2 * Math.PI * 13 * x) * Math.cos(2 * Math.PI * 7 * y));
const F = q1Load(grid, (x, y) => x ** 4 - y ** 3 + 1);
const dir = grid.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' }).dirichlet;
const mem = () => (process.memoryUsage().rss / 2 ** 30).toFixed(2);
for (const ordering of ['nested', 'amd'] as const) {
  if (ordering === 'amd' && n > 512 && !amdAlways) continue;
  const t0 = performance.now();
  if (complex) {
    const k = 32;
    const H = assembleQ1Complex(grid, { diffusion: a, potential: -k * k, robin: { left: { re: 0, im: k }, right: { re: 0, im: k } } });
    const Fc = new Float64Array(2 * grid.nodeCount);
    for (let q = 0; q < grid.nodeCount; q++) Fc[2 * q] = F[q];
    const cdir = grid.classifyNodes({ bottom: 'D', right: 'R', top: 'N', left: 'R' }).dirichlet;
    const r = solveQ1Dirichlet(grid, H, Fc, cdir, { ordering });
    console.log(`complex n=${n} ${ordering}: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${r.method}, nnz(L)=${r.factorEntries}, residual ${r.residual.toExponential(2)}, rss ${mem()} GiB`);
  } else {
    const K = assembleQ1Real(grid, { diffusion: a });
    const r = solveQ1Dirichlet(grid, K, F, dir, { ordering });
    console.log(`real n=${n} ${ordering}: ${((performance.now() - t0) / 1000).toFixed(2)} s, nnz(L)=${r.factorEntries}, residual ${r.residual.toExponential(2)}, rss ${mem()} GiB`);
  }
}
