/**
 * PINN benchmark (thesis Appendix B.4, Burgers).
 *
 * Part 1 — time per loss-and-gradient evaluation of the Burgers loss (exact asymptotics, λ = ½):
 * the library's reverse pass through the second-order input jets against a straightforward
 * reference in the same process, the central finite-difference gradient over the parameters
 * (2·P loss evaluations with the same forward code — the cost class of forward mode over
 * parameters), on a small net (measured in full) and on the 901-parameter net (measured over 40
 * parameters and scaled to P). The two gradients are cross-checked.
 *
 * Part 2 — training: exact and weak asymptotics at the same budget (default batch 1000, 2000
 * SSBroyden1 iterations, resampling every 1000 — spec checks 12 and 13): final loss, max |U − U_C|
 * on y ∈ [0, 100] against each run's own member (C = 1 exact, C = 7/6 weak), wall time.
 *
 * Wall times on a shared machine overstate the work; the CPU seconds of this process (process.cpuUsage)
 * are printed beside them.
 *
 * The last lines give the verdict of checks 12 and 13 (issue: exact loss ≤ 1e-12 and max |U − U_C| ≤ 1e-6 on
 * [0, 100]; exact loss orders of magnitude — here ≥ 1e3 — below weak at the same budget; the weak run against
 * its C = 7/6 member, which it is known to leave, see docs/pinn.md). The exit code is 1 when the exact half of
 * check 12 or check 13 fails.
 *
 * Run: npx tsx bench/pinn.bench.ts [iterations 2000] [batch 1000] [lambda 0.5] [cases exact,weak]
 */
import { compareWithClosedForm, effectiveMember, learnedProfile, trainProfile, BurgersLoss, type BurgersProfileProblem } from '../src/models/pinn/index';
import { Mlp } from '../src/nn/mlp';
import { initializeMlpFanIn } from '../src/nn/fanInInit';
import { Rng } from '../src/random/rng';

const iterations = Number(process.argv[2] ?? 2000);
const batch = Number(process.argv[3] ?? 1000);
const lambda = Number(process.argv[4] ?? 0.5);
const cases = (process.argv[5] ?? 'exact,weak').split(',') as ('exact' | 'weak')[];

function timeIt(f: () => void, minSeconds = 1): number {
  f();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minSeconds * 1000) {
    f();
    n++;
  }
  return (performance.now() - t0) / 1000 / n;
}

function lossTimes(widths: number[], measured: number): void {
  const rng = new Rng(0);
  const net = initializeMlpFanIn(new Mlp(widths), rng);
  const loss = new BurgersLoss(net, lambda, 'exact');
  const z = Float64Array.from({ length: batch }, () => 30 * rng.uniform());
  loss.setPoints(z, 30);
  const theta = Float64Array.from(net.params);
  const P = theta.length;
  const g = new Float64Array(P);
  const scratch = new Float64Array(P);
  const reverse = timeIt(() => loss.evaluate(theta, g));
  loss.evaluate(theta, g);
  const count = Math.min(P, measured);
  const fd = new Float64Array(count);
  const tFd = timeIt(() => {
    for (let i = 0; i < count; i++) {
      const h = 1e-6 * Math.max(1, Math.abs(theta[i]));
      const keep = theta[i];
      theta[i] = keep + h;
      const fp = loss.evaluate(theta, scratch);
      theta[i] = keep - h;
      const fm = loss.evaluate(theta, scratch);
      theta[i] = keep;
      fd[i] = (fp - fm) / (2 * h);
    }
  }, 0.5) * (P / count);
  let gmax = 0;
  let err = 0;
  for (let i = 0; i < P; i++) gmax = Math.max(gmax, Math.abs(g[i]));
  for (let i = 0; i < count; i++) err = Math.max(err, Math.abs(fd[i] - g[i]));
  console.log(`| [${widths.join(', ')}] | ${P} | ${batch} | ${(reverse * 1e3).toFixed(2)} | ${(tFd * 1e3).toFixed(1)}${count < P ? ` (scaled from ${count})` : ''} | ${(tFd / reverse).toFixed(0)}× | ${(err / gmax).toExponential(1)} |`);
}

console.log('## Loss-and-gradient time (measured under load; ratios in one process)\n');
console.log('| widths | P | batch | reverse (ms) | FD over params (ms) | ratio | max|g_FD − g|/max|g| |');
console.log('|---|---|---|---|---|---|---|');
lossTimes([1, 8, 8, 1], 1000);
lossTimes([1, 20, 20, 20, 1], 40);

console.log(`\n## Burgers λ = ${lambda}, batch ${batch}, ${iterations} SSBroyden1 iterations, resampling every 1000\n`);
console.log('| asymptotics | loss @1 | @100 | @1000 | final | max|U − U_C| on [0,100] (C) | U(1) | U(10) | U(100) | wall s | CPU s | CPU s/iteration |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
const outcome: Partial<Record<'exact' | 'weak', { loss: number; maxAbsErr: number }>> = {};
for (const asymptotics of cases) {
  const problem: BurgersProfileProblem = { equation: 'burgers', lambda, asymptotics, batch, iterations, resampleEvery: 1000 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = trainProfile(problem, { progressEvery: 100, onProgress: (p) => process.stderr.write(`\r${asymptotics} ${p.step} loss ${Number(p.loss).toExponential(2)}   `) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stderr.write('\n');
  const cmp = compareWithClosedForm(problem, r.final.params);
  outcome[asymptotics] = { loss: r.final.loss, maxAbsErr: cmp.maxAbsErr };
  const at = (k: number) => (r.history.loss[k] ?? NaN).toExponential(2);
  const u = compareWithClosedForm(problem, r.final.params, { y: [1, 10, 100] }).learned;
  console.log(`| ${asymptotics} | ${at(1)} | ${at(100)} | ${at(1000)} | ${r.final.loss.toExponential(2)} | ${cmp.maxAbsErr.toExponential(2)} (${cmp.member.toFixed(4)}) | ${u[0].toPrecision(10)} | ${u[1].toPrecision(10)} | ${u[2].toPrecision(10)} | ${seconds.toFixed(0)} | ${cpuSeconds.toFixed(0)} | ${(cpuSeconds / r.stats.nsteps).toFixed(3)} |`);
  const ys = [0.01, 1, 10, 100, 1e4, 1e8, 1e12];
  const us = learnedProfile(problem, r.final.params, ys);
  console.log(`<!-- effective member C(y) = (y − s)/s^(1+1/λ): ${ys.map((y, i) => `${y}: ${effectiveMember(y, us[i], lambda).toPrecision(5)}`).join(', ')} -->`);
  console.log(`<!-- ${r.status}: ${r.message}; nfev ${r.stats.nfev}, restarts ${r.stats.restarts}, Cholesky resets ${r.stats.choleskyResets}, H resets ${r.stats.hResets}, skipped ${r.stats.skippedUpdates} -->`);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const ex = outcome.exact;
const wk = outcome.weak;
console.log('');
if (ex !== undefined) {
  const ok = ex.loss <= 1e-12 && ex.maxAbsErr <= 1e-6;
  console.log(`check 12, exact: loss ${ex.loss.toExponential(2)} ≤ 1e-12 and max|U − U_C| ${ex.maxAbsErr.toExponential(2)} ≤ 1e-6 on [0, 100]: ${verdict(ok)}`);
  if (!ok) process.exitCode = 1;
}
if (wk !== undefined) {
  console.log(`check 12, weak: max|U − U_C| ${wk.maxAbsErr.toExponential(2)} ≤ 1e-6 against C = 7/6: ${verdict(wk.maxAbsErr <= 1e-6)} (the weak set-up drifts toward U ≈ 0; docs/pinn.md, Results)`);
}
if (ex !== undefined && wk !== undefined) {
  const ok = ex.loss * 1e3 <= wk.loss;
  console.log(`check 13: exact loss ${ex.loss.toExponential(2)} at least 1e3 below weak ${wk.loss.toExponential(2)} (ratio ${(wk.loss / ex.loss).toExponential(1)}): ${verdict(ok)}`);
  if (!ok) process.exitCode = 1;
}
