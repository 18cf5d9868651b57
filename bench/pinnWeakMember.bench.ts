/**
 * Which member of y + U + C·U³ = 0 does a weak-asymptotics Burgers run (thesis Appendix B.4, λ = ½,
 * Neumann far field, Taylor ansatz −z + z³ + z⁴·U1) follow while it trains, at the reference notebook's
 * batch of 10,000 points? Prints the loss and the effective member C(y) = (y − s)/s³, s = −U, at
 * y = 0.01, 0.2, 1, 10, 100, 10⁴, 10⁸, 10¹² after every `every` iterations. The member the ansatz
 * selects is C = 7/6 (constant in y); a C(y) that grows with y is the drift toward U ≈ 0.
 *
 * Run: npx tsx bench/pinnWeakMember.bench.ts [iterations 300] [batch 10000] [every 100] [seed 0]
 */
import { effectiveMember, learnedProfile, trainProfile, type BurgersProfileProblem } from '../src/models/pinn/index';

const iterations = Number(process.argv[2] ?? 300);
const batch = Number(process.argv[3] ?? 10000);
const every = Number(process.argv[4] ?? 100);
const seed = Number(process.argv[5] ?? 0);
const ys = [0.01, 0.2, 1, 10, 100, 1e4, 1e8, 1e12];

const problem: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'weak', batch, iterations, resampleEvery: 1000, seed };
const saveAt = Array.from({ length: Math.floor(iterations / every) }, (_, k) => (k + 1) * every);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const run = trainProfile(problem, { saveAt });
const cpu = process.cpuUsage(cpu0);
console.log(`weak asymptotics, λ = 0.5, batch ${batch}, seed ${seed}: status ${run.status} (${run.message}); ${((performance.now() - t0) / 1000).toFixed(0)} wall s, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} CPU s`);
console.log(`iteration | loss | ${ys.map((y) => `C(${y})`).join(' | ')} | U(1) | U(100)`);
for (const s of run.saved) {
  const U = learnedProfile(problem, s.state, ys);
  const C = ys.map((y, i) => (U[i] === 0 ? Infinity : effectiveMember(y, U[i], 0.5)));
  console.log(`${s.t} | ${run.history.loss[s.t].toExponential(2)} | ${C.map((c) => c.toPrecision(4)).join(' | ')} | ${U[2].toPrecision(6)} | ${U[4].toPrecision(6)}`);
}
console.log('C = 7/6 member: U(1) = −0.662, U(100) = −4.344 (closed form, y + U + (7/6)U³ = 0)');
