/**
 * The shared iteration loop: drives any {@link IterativeMinimizer} until a stopping criterion,
 * the budget, a non-finite value or the caller's abort signal ends the run.
 *
 * @module
 */
import { RunWatch } from '../core/progress';
import { allFinite, type SolveStatus } from '../core/status';
import { maxAbs, type IterativeMinimizer, type OptimizeResult, type ResolvedStopping, type StepReport, type StoppingOptions } from './types';

/**
 * Test the convergence criteria after one step: gradient norm (gtol), relative change of f (ftol)
 * and step length (xtol). Returns a message when one is met, `undefined` otherwise. O(n).
 *
 * @example
 * ```ts
 * const reason = convergenceReason(opt, report, stopping);
 * if (reason) break;
 * ```
 */
export function convergenceReason(m: IterativeMinimizer, report: StepReport, stop: ResolvedStopping): string | undefined {
  const gradNorm = maxAbs(m.g);
  if (gradNorm <= stop.gtol) return `gradient norm ${gradNorm} <= gtol = ${stop.gtol}`;
  const df = Math.abs(report.previousF - m.f);
  if (stop.ftol > 0 && df <= stop.ftol * Math.max(Math.abs(report.previousF), Math.abs(m.f), 1)) {
    return `relative change of f ${df} <= ftol = ${stop.ftol}`;
  }
  if (stop.xtol > 0 && report.stepNorm <= stop.xtol) return `step ${report.stepNorm} <= xtol = ${stop.xtol}`;
  return undefined;
}

/**
 * Run `minimizer.step()` until convergence (`success`), the iteration or evaluation budget
 * (`maxSteps`), the abort signal (`aborted`), a non-finite objective (`nonFinite`) or a failed line
 * search (`diverged`). Progress is reported every `progressEvery` iterations with the current f and
 * gradient norm. The returned `x` is a copy of the last valid iterate.
 *
 * @example
 * ```ts
 * const opt = new LbfgsMinimizer(fg, x0);
 * const result = runMinimizer(opt, resolveStopping({ gtol: 1e-10 }), { onProgress });
 * ```
 */
export function runMinimizer(m: IterativeMinimizer, stop: ResolvedStopping, options: StoppingOptions = {}): OptimizeResult {
  const watch = new RunWatch(options);
  const history: number[] = [m.f];
  let status: SolveStatus;
  let message: string;
  if (!Number.isFinite(m.f) || !allFinite(m.g)) {
    return finish(m, 'nonFinite', 'the objective or its gradient is not finite at x0', history);
  }
  if (maxAbs(m.g) <= stop.gtol) return finish(m, 'success', `gradient norm ${maxAbs(m.g)} <= gtol = ${stop.gtol} at x0`, history);
  const progressExtra = () => ({ f: m.f, gradNorm: maxAbs(m.g) });
  for (;;) {
    if (m.iterations >= stop.maxIterations) {
      status = 'maxSteps';
      message = `maxIterations = ${stop.maxIterations} reached`;
      break;
    }
    if (m.nfev >= stop.maxFev) {
      status = 'maxSteps';
      message = `maxFev = ${stop.maxFev} reached`;
      break;
    }
    if (watch.tick(m.iterations, m.iterations / stop.maxIterations, undefined, progressExtra)) {
      status = 'aborted';
      message = 'aborted by the signal';
      break;
    }
    if (m.limitEvaluations !== undefined) m.limitEvaluations(stop.maxFev - m.nfev);
    const report = m.step();
    if (report.status !== undefined) {
      status = report.status;
      message = report.message ?? report.status;
      break;
    }
    history.push(m.f);
    const reason = convergenceReason(m, report, stop);
    if (reason !== undefined) {
      status = 'success';
      message = reason;
      break;
    }
  }
  watch.finish(m.iterations, 1, undefined, { f: m.f, gradNorm: maxAbs(m.g) });
  return finish(m, status, message, history);
}

function finish(m: IterativeMinimizer, status: SolveStatus, message: string, history: number[]): OptimizeResult {
  return { x: Float64Array.from(m.x), f: m.f, gradNorm: maxAbs(m.g), iterations: m.iterations, nfev: m.nfev, status, message, history };
}
