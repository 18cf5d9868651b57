/**
 * Cubic-spline derivative throughput: the factored CubicSplineOperator (one O(n) sweep per apply,
 * no allocation) against a plain reference that rebuilds the tridiagonal moment system with
 * ordinary JS arrays and solves it by the Thomas algorithm on every call — what a
 * straightforward implementation does. Both produce S' and S'' at the nodes of a sinh-mapped grid
 * (even at 0, natural at L: the blowup solvers' configuration); the results are cross-checked.
 * Also times the strided application along both axes of a 2-D row-major field.
 *
 * Run: npm run bench -- spline   (or: npx tsx bench/spline.bench.ts [seconds per case, default 0.5])
 */
import { cubicSplineOperator } from '../src/diff/cubicSplineOperator';
import { mappedGrid, sinhMap } from '../src/grid/index';

const secondsPerCase = Number(process.argv[2] ?? 0.5);

/** Reference: rebuild and solve the moment (S'') system with plain arrays every call. */
function referenceDerivatives(x: number[], f: number[], d1: number[], d2: number[]): void {
  const n = x.length;
  const h: number[] = [];
  for (let i = 0; i < n - 1; i++) h.push(x[i + 1] - x[i]);
  const a: number[] = [], b: number[] = [], c: number[] = [], r: number[] = [];
  // left 'even' (S'(x0) = 0): 2h0 M0 + h0 M1 = 6 (f1 − f0)/h0
  a.push(0); b.push(2 * h[0]); c.push(h[0]); r.push((6 * (f[1] - f[0])) / h[0]);
  for (let i = 1; i < n - 1; i++) {
    a.push(h[i - 1]); b.push(2 * (h[i - 1] + h[i])); c.push(h[i]);
    r.push(6 * ((f[i + 1] - f[i]) / h[i] - (f[i] - f[i - 1]) / h[i - 1]));
  }
  a.push(0); b.push(1); c.push(0); r.push(0); // natural at L: M_{n−1} = 0
  for (let i = 1; i < n; i++) {
    const w = a[i] / b[i - 1];
    b[i] -= w * c[i - 1];
    r[i] -= w * r[i - 1];
  }
  const M: number[] = new Array(n);
  M[n - 1] = r[n - 1] / b[n - 1];
  for (let i = n - 2; i >= 0; i--) M[i] = (r[i] - c[i] * M[i + 1]) / b[i];
  for (let i = 0; i < n - 1; i++) d1[i] = (f[i + 1] - f[i]) / h[i] - (h[i] * (2 * M[i] + M[i + 1])) / 6;
  d1[n - 1] = (f[n - 1] - f[n - 2]) / h[n - 2] + (h[n - 2] * (M[n - 2] + 2 * M[n - 1])) / 6;
  for (let i = 0; i < n; i++) d2[i] = M[i];
}

/** Calls per second of `run`, measured for about `seconds` after a warm-up. */
function rate(run: () => void, seconds: number): number {
  for (let k = 0; k < 50; k++) run();
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let k = 0; k < 20; k++) run();
    calls += 20;
    elapsed = performance.now() - t0;
  }
  return calls / (elapsed / 1000);
}

console.log('cubic spline S\', S\'\' at the nodes (sinh map A=1 on [0, 1e5]; even at 0, natural at L)');
console.log(`${'n'.padStart(6)} ${'operator Mnodes/s'.padStart(18)} ${'reference Mnodes/s'.padStart(19)} ${'ratio'.padStart(7)} ${'max |diff|'.padStart(11)}`);
for (const n of [300, 2000, 20000]) {
  const grid = mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' });
  const u = grid.x.map((z) => 1 / (1 + z * z));
  const op = cubicSplineOperator(grid, { left: 'even', right: 'natural' });
  const d1 = new Float64Array(n), d2 = new Float64Array(n);
  const xs = Array.from(grid.x), us = Array.from(u);
  const r1: number[] = new Array(n), r2: number[] = new Array(n);
  const fast = rate(() => op.derivatives(u, d1, d2), secondsPerCase);
  const slow = rate(() => referenceDerivatives(xs, us, r1, r2), secondsPerCase);
  let diff = 0;
  for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(d1[i] - r1[i]), Math.abs(d2[i] - r2[i]));
  console.log(`${String(n).padStart(6)} ${((fast * n) / 1e6).toFixed(1).padStart(18)} ${((slow * n) / 1e6).toFixed(1).padStart(19)} ${(fast / slow).toFixed(2).padStart(7)} ${diff.toExponential(1).padStart(11)}`);
}

console.log('\n2-D field 200×200 (tensor sinh grid), S\' and S\'\' along each axis');
{
  const m = 200;
  const g = mappedGrid(sinhMap({ length: 4000 }), m, { symmetry: 'even' });
  const op = cubicSplineOperator(g, { left: 'even', right: 'natural' });
  const field = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) field[i * m + j] = 1 / (1 + (g.x[i] ** 2 + g.x[j] ** 2) / 8);
  const d1 = new Float64Array(m * m), d2 = new Float64Array(m * m);
  for (const axis of [0, 1] as const) {
    const r = rate(() => op.derivativesAlongAxis(field, [m, m], axis, d1, d2), secondsPerCase);
    console.log(`axis ${axis}: ${((r * m * m) / 1e6).toFixed(1)} Mnodes/s`);
  }
}
