/**
 * Banded and dense direct solvers on the 5-point Laplacian of an m×m interior grid (the Darcy
 * forward map of the sampling models): banded Cholesky vs banded LU vs the dense ml-matrix
 * Cholesky, and pivoted-QR least squares vs ml-matrix's unpivoted QR. Prints times and ratios.
 *
 * Run: npm run bench -- linalg   (or: npx tsx bench/linalg.bench.ts)
 */
import { BandedMatrix, bandedLU } from '../src/linalg/banded';
import { bandedCholesky } from '../src/linalg/bandedCholesky';
import { leastSquares } from '../src/linalg/leastSquares';
import { choleskyDecomposition, qrDecomposition } from '../src/linalg/mlMatrixAdapter';
import { createMatrix } from '../src/linalg/dense';

function timeIt(label: string, repeats: number, run: () => void): number {
  run();
  const t0 = performance.now();
  for (let r = 0; r < repeats; r++) run();
  const ms = (performance.now() - t0) / repeats;
  console.log(`${label.padEnd(44)} ${ms.toFixed(3).padStart(9)} ms`);
  return ms;
}

function laplacian(m: number): BandedMatrix {
  const n = m * m;
  const A = new BandedMatrix(n, m, m);
  for (let p = 0; p < n; p++) {
    const ix = p % m;
    A.set(p, p, 4);
    if (ix > 0) A.set(p, p - 1, -1);
    if (ix < m - 1) A.set(p, p + 1, -1);
    if (p >= m) A.set(p, p - m, -1);
    if (p + m < n) A.set(p, p + m, -1);
  }
  return A;
}

for (const m of [16, 32]) {
  const A = laplacian(m);
  const n = m * m;
  const b = new Float64Array(n).fill(1);
  console.log(`\n5-point Laplacian, ${m}x${m} grid (n = ${n}, bandwidth ${m})`);
  const chol = timeIt('banded Cholesky factor + solve', m === 16 ? 50 : 10, () => bandedCholesky(A).solve(b));
  const lu = timeIt('banded LU (pivoting) factor + solve', m === 16 ? 50 : 10, () => bandedLU(A).solve(b));
  const dense = createMatrix(n, n, A.toDense());
  const ml = timeIt('dense ml-matrix Cholesky factor + solve', m === 16 ? 5 : 1, () => choleskyDecomposition(dense).solve(b));
  console.log(`ratios: LU/Cholesky ${(lu / chol).toFixed(2)}, dense/banded Cholesky ${(ml / chol).toFixed(1)}`);
}

let seed = 1;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
const A = createMatrix(400, 30, new Float64Array(400 * 30).map(() => rnd()));
const b = new Float64Array(400).map(() => rnd());
console.log('\nleast squares 400x30');
const ours = timeIt('leastSquares (pivoted QR, min-norm capable)', 20, () => leastSquares(A, b));
const theirs = timeIt('ml-matrix QR solve (unpivoted)', 20, () => qrDecomposition(A).solve(b));
console.log(`ratio ml-matrix/ours ${(theirs / ours).toFixed(2)}`);
