/**
 * RK4 throughput (steps·dim per second) of the library's fixed-step integrator on the 1-D heat
 * semi-discretization u' = D2 u (Dirichlet, n = 2000 interior nodes, dt = 0.25·dx² — inside the
 * RK4 stability interval), against two reference RK4 loops written here: a naive one that
 * allocates fresh arrays for every stage, and a tight hand-written Float64Array loop.
 * Also times the library's solve() driver (trajectory recording off) and DOPRI5 for scale.
 *
 * Run: npm run bench -- rk4   (or: npx tsx bench/rk4.bench.ts)
 */
import { odeProblem } from '../src/time/problem';
import { rk4 } from '../src/time/explicitRk';
import { init } from '../src/time/integrator';
import { solve } from '../src/time/solve';

const n = 2000;
const dx = 1 / (n + 1);
const invDx2 = 1 / (dx * dx);
const dt = 0.25 * dx * dx;
const steps = 1500;

function heatRhs(_t: number, u: Float64Array, du: Float64Array): void {
  du[0] = (-2 * u[0] + u[1]) * invDx2;
  for (let i = 1; i < n - 1; i++) du[i] = (u[i - 1] - 2 * u[i] + u[i + 1]) * invDx2;
  du[n - 1] = (u[n - 2] - 2 * u[n - 1]) * invDx2;
}

const u0 = new Float64Array(n);
for (let i = 0; i < n; i++) u0[i] = Math.sin(Math.PI * (i + 1) * dx) + 0.1 * Math.sin(7 * Math.PI * (i + 1) * dx);

/** Naive RK4: new arrays for every stage, as a straightforward implementation would write. */
function naiveRk4(u: number[], nSteps: number): number[] {
  const f = (v: number[]): number[] => {
    const out = new Array<number>(n);
    out[0] = (-2 * v[0] + v[1]) * invDx2;
    for (let i = 1; i < n - 1; i++) out[i] = (v[i - 1] - 2 * v[i] + v[i + 1]) * invDx2;
    out[n - 1] = (v[n - 2] - 2 * v[n - 1]) * invDx2;
    return out;
  };
  for (let s = 0; s < nSteps; s++) {
    const k1 = f(u);
    const k2 = f(u.map((x, i) => x + 0.5 * dt * k1[i]));
    const k3 = f(u.map((x, i) => x + 0.5 * dt * k2[i]));
    const k4 = f(u.map((x, i) => x + dt * k3[i]));
    u = u.map((x, i) => x + (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
  }
  return u;
}

/** Tight RK4: preallocated Float64Array stages, plain loops. */
function tightRk4(u: Float64Array, nSteps: number): Float64Array {
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const stage = new Float64Array(n);
  for (let s = 0; s < nSteps; s++) {
    const t = s * dt;
    heatRhs(t, u, k1);
    for (let i = 0; i < n; i++) stage[i] = u[i] + 0.5 * dt * k1[i];
    heatRhs(t + 0.5 * dt, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = u[i] + 0.5 * dt * k2[i];
    heatRhs(t + 0.5 * dt, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = u[i] + dt * k3[i];
    heatRhs(t + dt, stage, k4);
    for (let i = 0; i < n; i++) u[i] += (dt / 6) * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
  }
  return u;
}

function timeIt(label: string, run: () => Float64Array | number[]): { seconds: number; result: ArrayLike<number> } {
  run(); // warm-up
  let seconds = Infinity;
  let result: Float64Array | number[] = [];
  for (let r = 0; r < 3; r++) { // best of three (the machine may be shared)
    const t0 = performance.now();
    result = run();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  const rate = (steps * n) / seconds;
  console.log(`${label.padEnd(46)} ${(seconds * 1000).toFixed(1).padStart(8)} ms  ${(rate / 1e6).toFixed(1).padStart(7)} M steps·dim/s`);
  return { seconds, result };
}

const prob = odeProblem({ rhs: heatRhs, y0: u0, tspan: [0, steps * dt] });
console.log(`RK4 on the 1-D heat equation: n = ${n}, ${steps} steps (dt = dx²/4)`);
const lib = timeIt('library init()/step() loop', () => {
  const it = init(prob, rk4({ dt }));
  while (it.step());
  return it.y;
});
const libSolve = timeIt('library solve() (saveAt: [t1], dense: false)', () => {
  const sol = solve(prob, rk4({ dt }), { saveAt: [steps * dt], dense: false });
  return sol.y;
});
const tight = timeIt('reference: tight Float64Array loop', () => tightRk4(Float64Array.from(u0), steps));
const naive = timeIt('reference: naive (arrays allocated per stage)', () => naiveRk4(Array.from(u0), steps));

let diff = 0;
for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(lib.result[i] - tight.result[i]), Math.abs(libSolve.result[i] - naive.result[i]));
console.log(`max difference between the four results: ${diff.toExponential(2)}`);
console.log(`ratios (time / library step loop): tight ${(tight.seconds / lib.seconds).toFixed(2)}, ` +
  `naive ${(naive.seconds / lib.seconds).toFixed(2)}, solve() ${(libSolve.seconds / lib.seconds).toFixed(2)}`);
