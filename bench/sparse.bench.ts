/**
 * Sparse direct vs preconditioned CG on a 2D Q1 finite-element Poisson system.
 *
 * Assembles −Δu = 1 on the unit square with homogeneous Dirichlet data on an m×m element grid
 * ((m+1)² unknowns, default m = 316 → 100 489 unknowns), then times
 *   - AMD-ordered sparse LDLᵀ: ordering + symbolic analysis, numeric factorization, one solve,
 *     and a refactorization on the same symbolic analysis;
 *   - CG preconditioned by IC(0) and by Jacobi to rtol = 1e-10;
 * and prints the direct/PCG time ratio and the solution difference.
 *
 * Run: npx tsx bench/sparse.bench.ts [m]
 */
import {
  approximateMinimumDegree,
  conjugateGradient,
  csrApplyDirichlet,
  csrFromTriplets,
  csrResidual,
  IncompleteCholesky,
  jacobiPreconditioner,
  SparseLdlFactorization,
  sparseLdlAnalyze,
} from '../src/linalg/sparse/index';

const m = Number(process.argv[2] ?? 316);
const n = (m + 1) * (m + 1);

function now(): number {
  return performance.now();
}

function norm(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

// Q1 element stiffness on a square (independent of h in 2D), local nodes counter-clockwise
const KE = [4, -1, -2, -1, -1, 4, -1, -2, -2, -1, 4, -1, -1, -2, -1, 4].map((v) => v / 6);
const h = 1 / m;
const triplets = 16 * m * m;
const I = new Int32Array(triplets);
const J = new Int32Array(triplets);
const V = new Float64Array(triplets);
const b = new Float64Array(n);
let t = 0;
for (let ey = 0; ey < m; ey++) {
  for (let ex = 0; ex < m; ex++) {
    const n0 = ex + ey * (m + 1);
    const nodes = [n0, n0 + 1, n0 + m + 2, n0 + m + 1];
    for (let a = 0; a < 4; a++) {
      b[nodes[a]] += (h * h) / 4;
      for (let c = 0; c < 4; c++) {
        I[t] = nodes[a];
        J[t] = nodes[c];
        V[t++] = KE[4 * a + c];
      }
    }
  }
}
let start = now();
const A = csrFromTriplets(n, n, I, J, V);
const boundary: number[] = [];
for (let j = 0; j <= m; j++) for (let i = 0; i <= m; i++) if (i === 0 || j === 0 || i === m || j === m) boundary.push(i + j * (m + 1));
csrApplyDirichlet(A, b, boundary);
const assembly = now() - start;

start = now();
const perm = approximateMinimumDegree(A);
const ordering = now() - start;
start = now();
const symbolic = sparseLdlAnalyze(A, { ordering: perm });
const analysis = now() - start;
start = now();
const ldl = new SparseLdlFactorization(symbolic, A);
const factor = now() - start;
start = now();
const xDirect = ldl.solve(b);
const solve = now() - start;
start = now();
ldl.refactorize(A);
const refactor = now() - start;
const directTotal = ordering + analysis + factor + solve;
// normwise backward error ‖b − Ax‖ / ‖ |A||x| ‖
const absAx = new Float64Array(n);
for (let i = 0; i < n; i++) for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) absAx[i] += Math.abs(A.values[p] * xDirect[A.colIndex[p]]);
const directResidual = norm(csrResidual(A, xDirect, b)) / norm(absAx);

start = now();
const ic = new IncompleteCholesky(A);
const icSetup = now() - start;
start = now();
const pcg = conjugateGradient(A, b, { rtol: 1e-10, preconditioner: ic });
const pcgSolve = now() - start;
start = now();
const jac = conjugateGradient(A, b, { rtol: 1e-10, preconditioner: jacobiPreconditioner(A) });
const jacobiTime = now() - start;
const diff = new Float64Array(n);
for (let i = 0; i < n; i++) diff[i] = pcg.x[i] - xDirect[i];

const f = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(`2D Q1 Poisson, ${m}×${m} elements, n = ${n}, nnz(A) = ${A.rowPtr[n]}`);
console.log(`assembly (triplets → CSR, Dirichlet)         ${f(assembly)}`);
console.log(`sparse LDLᵀ: AMD ordering                    ${f(ordering)}`);
console.log(`             symbolic (etree, counts)        ${f(analysis)}   nnz(L) = ${symbolic.nnzL} (${(symbolic.nnzL / n).toFixed(1)} per row), flops = ${symbolic.flops.toExponential(2)}`);
console.log(`             numeric factorization           ${f(factor)}   (${(symbolic.flops / factor / 1e6).toFixed(2)} GFlop/s)`);
console.log(`             solve                           ${f(solve)}   ‖b − Ax‖/‖|A||x|‖ = ${directResidual.toExponential(2)}`);
console.log(`             refactorization (same pattern)  ${f(refactor)}`);
console.log(`             total                           ${f(directTotal)}`);
console.log(`PCG IC(0):   setup ${f(icSetup)}, solve ${f(pcgSolve)}, ${pcg.iterations} iterations, status ${pcg.status}, ‖b − Ax‖/‖b‖ = ${(pcg.residualNorm / pcg.rhsNorm).toExponential(2)}`);
console.log(`PCG Jacobi:  solve ${f(jacobiTime)}, ${jac.iterations} iterations, status ${jac.status}`);
console.log(`‖x_pcg − x_direct‖/‖x_direct‖ = ${(norm(diff) / norm(xDirect)).toExponential(2)}`);
console.log(`ratio direct (total) / PCG IC(0) (setup + solve) = ${(directTotal / (icSetup + pcgSolve)).toFixed(2)}`);
console.log(`ratio direct (refactor + solve) / PCG IC(0) (setup + solve) = ${((refactor + solve) / (icSetup + pcgSolve)).toFixed(2)}`);
