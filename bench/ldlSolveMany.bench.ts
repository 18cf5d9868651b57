/**
 * Blocked multi-right-hand-side sparse LDLᵀ solves (`solveMany`) against k single solves, real and
 * complex, dense right-hand sides and unit vectors (like msfem's harmonic-basis and Schur columns), on the
 * size of an ExpMsFEM edge patch: a Q1 matrix on a 48 × 32 element grid (1617
 * nodes; real: K + M, complex: K − 400 M − 20i·M_Γ), nested-dissection ordering as in msfem's
 * local problems. Prints, for each k, the time of k single solves, of one blocked solve, their
 * ratio, and the largest difference between the two (0: bit for bit). Times measured in one
 * process, best of several repeats run alternately; on a loaded machine read the ratios, not the absolute times.
 *
 * Run: npx tsx bench/ldlSolveMany.bench.ts [nx=48] [ny=32]
 */
import { assembleQ1Complex, assembleQ1Real } from '../src/fem/q1Assembly';
import { nestedDissectionOrdering } from '../src/fem/nestedDissection';
import { StructuredGrid2D } from '../src/grid/structuredGrid2d';
import { ComplexSymmetricLdlFactorization, SparseLdlFactorization, sparseLdlAnalyze } from '../src/linalg/sparse/index';

const nx = Number(process.argv[2] ?? 48);
const ny = Number(process.argv[3] ?? 32);
const grid = new StructuredGrid2D(nx, ny);
const n = grid.nodeCount;
const ordering = nestedDissectionOrdering(grid);

const real = assembleQ1Real(grid, { diffusion: 1, potential: 1 });
const complex = assembleQ1Complex(grid, { diffusion: 1, potential: -400, robin: { left: { re: 0, im: 20 }, right: { re: 0, im: 20 }, top: { re: 0, im: 20 }, bottom: { re: 0, im: 20 } } });
const rldl = new SparseLdlFactorization(sparseLdlAnalyze(real, { ordering }), real);
const cldl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(complex, { ordering }), complex);

/** Best times of two functions, run alternately (so that load changes hit both alike). */
function bestOfAlternating(f: () => void, g: () => void, repeats: number): [number, number] {
  let tf = Infinity;
  let tg = Infinity;
  for (let r = 0; r < repeats; r++) {
    let t0 = performance.now();
    f();
    tf = Math.min(tf, performance.now() - t0);
    t0 = performance.now();
    g();
    tg = Math.min(tg, performance.now() - t0);
  }
  return [tf, tg];
}

/**
 * Dense right-hand sides, or sparse ones like msfem's harmonic-basis columns: column j is the unit
 * vector at node j·⌊n/k⌋ (so most of L⁻¹B stays zero).
 */
function run(label: string, width: 1 | 2, k: number, sparse: boolean): void {
  const B = new Float64Array(width * n * k);
  if (sparse) {
    for (let j = 0; j < k; j++) B[width * (j * Math.floor(n / k) * k + j)] = 1;
  } else {
    for (let i = 0; i < B.length; i++) B[i] = Math.sin(0.37 * i) + 0.1;
  }
  const col = new Float64Array(width * n);
  const singles = new Float64Array(width * n * k);
  const single = (): void => {
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < n; i++) for (let z = 0; z < width; z++) col[width * i + z] = B[width * (i * k + j) + z];
      if (width === 1) rldl.solve(col, col);
      else cldl.solve(col, col);
      for (let i = 0; i < n; i++) for (let z = 0; z < width; z++) singles[width * (i * k + j) + z] = col[width * i + z];
    }
  };
  const X = new Float64Array(width * n * k);
  const blocked = (): void => {
    if (width === 1) rldl.solveMany(B, k, X);
    else cldl.solveMany(B, k, X);
  };
  const [ts, tb] = bestOfAlternating(single, blocked, Math.max(7, Math.ceil(640 / k)));
  let diff = 0;
  for (let i = 0; i < X.length; i++) diff = Math.max(diff, Math.abs(X[i] - singles[i]));
  console.log(`${label} ${sparse ? 'unit' : 'dense'} k = ${String(k).padStart(3)}: ${k} single solves ${ts.toFixed(2)} ms, blocked ${tb.toFixed(2)} ms, ratio blocked/single ${(tb / ts).toFixed(2)}, max |difference| ${diff}`);
}

console.log(`Q1 on ${nx} × ${ny} elements: n = ${n}, nnz(L) = ${rldl.symbolic.nnzL} (measured under load; ratios in one process)`);
for (const [label, width] of [
  ['real   ', 1],
  ['complex', 2],
] as const) {
  for (const sparse of [false, true]) for (const k of [1, 8, 32, 160]) run(label, width, k, sparse);
}
