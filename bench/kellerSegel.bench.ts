/**
 * Keller–Segel (thesis §1.1.3): the five admissible (μ, j0) profiles of the checks, timed as one
 * batch (target: under 1 s on one core), against a baseline of the same DOPRI5 on a scalar linear
 * ODE over the same number of steps in the same process; and the physical-time blowup from data
 * on the scaled j0 = 10 profile at three grid sizes (steps, wall time, rate, T, profile error at y = 1).
 *
 * Run: npx tsx bench/kellerSegel.bench.ts
 */
import { kellerSegelProfile } from '../src/models/blowup/kellerSegelProfile';
import { kellerSegelPhysical, scaledProfileData } from '../src/models/blowup/kellerSegelPhysical';
import { dopri5, odeProblem, solve } from '../src/time/index';

const pairs: [number, number][] = [[0, 4], [0, 5], [0, 6], [0.1, 5], [0.2, 10]];
kellerSegelProfile({ mu: 0, j0: 4 }); // warm-up
let start = performance.now();
let steps = 0;
for (const [mu, j0] of pairs) steps += kellerSegelProfile({ mu, j0 }).stats.nsteps;
const profileSeconds = (performance.now() - start) / 1000;
start = performance.now();
solve(odeProblem({ rhs: (_t, y, dy) => { dy[0] = -y[0]; dy[1] = y[0] - 3 * y[1]; }, y0: [1, 0], tspan: [0, 40] }), dopri5({ rtol: 1e-12, atol: 1e-14 }), { maxSteps: 1e6 });
const baseline = (performance.now() - start) / 1000;
process.stdout.write(`profiles: 5 pairs, ${steps} DOPRI5 steps, ${profileSeconds.toFixed(3)} s (target < 1 s); baseline linear 2×2 ODE at the same tolerance ${baseline.toFixed(3)} s\n`);

const p = kellerSegelProfile({ mu: 0, j0: 10 });
const data = scaledProfileData((y) => p.profileAt(y), 1, 1e3);
process.stdout.write('\nphysical-time run, μ = 0, j0 = 10, data Q(r/1000), to ρ(0) = 1e6\n    N   steps  seconds  ρ(0)(T−t) last level      T − 1   |(T−t)ρ(ℓ) − Q(1)|\n');
for (const n of [400, 800, 1600]) {
  start = performance.now();
  const run = kellerSegelPhysical({ mu: 0, initialData: data, grid: { n, length: 2e4, scale: 0.5 }, amplitudeTarget: 1e6 });
  const seconds = (performance.now() - start) / 1000;
  const T = run.blowupTime;
  const x = 1e3 * Math.pow(T - run.final.t, p.beta);
  let i = 0;
  while (run.r[i + 1] < x) i++;
  const th = (x - run.r[i]) / (run.r[i + 1] - run.r[i]);
  const v = (T - run.final.t) * (run.final.rho[i] * (1 - th) + run.final.rho[i + 1] * th);
  process.stdout.write(`${String(n).padStart(5)} ${String(run.stats.naccept).padStart(7)} ${seconds.toFixed(2).padStart(8)} ${run.rateToQ0.toFixed(10).padStart(22)} ${(T - 1).toExponential(3).padStart(10)} ${Math.abs(v - p.profileAt(1)).toExponential(3).padStart(20)}\n`);
}

// The same profile with the viscous term not small at the start (T0 = 1e-6, width L = T0^β, so
// T0/L² = T0^{1−2β} ≈ 0.04 and 2j0(2j0+1)·T0/L² ≈ 17): the run leaves the Q family (docs/keller-segel.md).
const T0 = 1e-6;
const wide = kellerSegelPhysical({ mu: 0, initialData: scaledProfileData((y) => p.profileAt(y), T0, Math.pow(T0, p.beta)), grid: { n: 400, length: 1, scale: 1e-7 }, amplitudeTarget: 1e12 });
process.stdout.write(`\nT0 = 1e-6, L = T0^β: status ${wide.status}, T/T0 = ${(wide.blowupTime / T0).toFixed(4)}; ρ(0,t)(T−t) by level:\n`);
for (let i = 0; i < wide.rates.rate.length; i++) process.stdout.write(`  ρ(0) = ${wide.rates.amplitude[i].toExponential(2)}: ${wide.rates.rate[i].toFixed(4)}\n`);
