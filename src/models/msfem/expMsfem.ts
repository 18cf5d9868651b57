/**
 * ExpMsFEM — the exponentially convergent multiscale finite element method of thesis Chapter 4
 * (§4.3, Algorithm of (4.3.2)–(4.3.11); errors (4.4.1)) as a run: offline cell and edge problems,
 * then one online solve per requested m, each compared with the fine Q1 solution.
 *
 * @module
 */
import { emptyRunStats, drive, checkRunOptions, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { NumericalError } from '../../core/errors';
import { solveQ1Dirichlet } from '../../fem/q1Solve';
import type { EdgeBasis } from './edgeBasis';
import { relativeErrors, quadraticForm } from './errors';
import { solveOnline, type OnlineCache } from './galerkin';
import { buildCell, edgeCells, type CellData } from './offline';
import { msfemEdgeResult } from './tasks';
import { globalMatrices, setupMsfem, type MsfemProblem, type MsfemSetup } from './problem';

/** Counters of an ExpMsFEM run (besides the shared {@link RunStats}). */
export interface MsfemStats {
  /** Coarse cells processed. */
  cells: number;
  /** Interior coarse edges processed. */
  edges: number;
  /** Seconds in the offline stage (cell extensions, edge eigenproblems). */
  offlineSeconds: number;
  /** Seconds in the online stage (bubbles, assembly, global solves, reconstruction). */
  onlineSeconds: number;
  /** Seconds in the fine reference solve. */
  referenceSeconds: number;
}

/** Final state of an ExpMsFEM run. */
export interface MsfemFinal {
  /** The m values solved (capped at N_f − 1). */
  modes: number[];
  /** Relative energy errors e_H per m (thesis (4.4.1)); NaN-free, empty without a reference. */
  eH: number[];
  /** Relative L² errors per m. */
  eL2: number[];
  /** Global DOFs per m. */
  dofs: number[];
  /** `u_refᴴ K_nrm u_ref` of the fine solution (0 without a reference). */
  fineEnergy: number;
  /** `u_refᴴ M u_ref`. */
  fineMass: number;
  /** Multiscale solution for the last m (interleaved complex nodal vector on the fine grid). */
  solution: Float64Array;
  /** Fine reference solution (interleaved complex), or an empty array. */
  reference: Float64Array;
  /** Per interior edge: σ_j of the local eigenproblem, decreasing. */
  sigma: Map<number, Float64Array>;
  /** Relative size of the cell-bubble term in the right-hand side at the last m (spec check 9). */
  bubbleTermRatio: number;
}

/** History: one row per m. */
export interface MsfemHistory {
  /** m values. */
  m: number[];
  /** e_H per m. */
  eH: number[];
  /** e_L2 per m. */
  eL2: number[];
}

/** Result of {@link expMsfem}. */
export type MsfemResult = RunResult<MsfemFinal, MsfemFinal, MsfemStats, MsfemHistory>;

type Task = { kind: 'reference' } | { kind: 'cell'; id: number } | { kind: 'edge'; id: number } | { kind: 'online'; m: number };

/**
 * Initialize an ExpMsFEM run as a {@link Stepper}: each `step()` does one task — the fine reference
 * solve, one coarse cell, one interior edge, or the online solve for one m. Validates the problem
 * completely before any work.
 *
 * @example
 * ```ts
 * const run = initExpMsfem({ coarse: 4, fine: 8, diffusion: 1, source: 1, modes: [1, 2, 3] });
 * while (run.step()) {}
 * run.result().final.eH;
 * ```
 */
export function initExpMsfem(problem: MsfemProblem, runOptions: RunOptions = {}): Stepper<MsfemResult> {
  checkRunOptions(runOptions);
  return initExpMsfemWith(setupMsfem(problem));
}

/** Offline data computed elsewhere (e.g. on worker threads) for {@link initExpMsfemWith}. */
export interface MsfemOffline {
  /** Every coarse cell's data, by cell id. */
  cells: CellData[];
  /** Every interior edge's basis. */
  edges: Map<number, EdgeBasis>;
  /** Seconds the offline stage took. */
  seconds: number;
}

/**
 * The ExpMsFEM stepper of a validated setup; with `offline`, the cell and edge tasks are skipped and
 * their data taken from it (the steps are then the reference solve and the online solves).
 * @example
 * ```ts
 * const run = initExpMsfemWith(setupMsfem(problem));
 * ```
 */
export function initExpMsfemWith(setup: MsfemSetup, offline?: MsfemOffline): Stepper<MsfemResult> {
  const byEdge = edgeCells(setup);
  const interiorEdges: number[] = [];
  byEdge.forEach((cs, e) => {
    if (cs.length === 2) interiorEdges.push(e);
  });
  const interior = new Uint8Array(byEdge.length);
  for (const e of interiorEdges) interior[e] = 1;
  const tasks: Task[] = [];
  if (setup.reference) tasks.push({ kind: 'reference' });
  if (offline === undefined) {
    for (let c = 0; c < setup.cells.coarse.elementCount; c++) tasks.push({ kind: 'cell', id: c });
    for (const e of interiorEdges) tasks.push({ kind: 'edge', id: e });
  }
  for (const m of setup.modes) tasks.push({ kind: 'online', m });
  const stats: RunStats & MsfemStats = { ...emptyRunStats(), cells: 0, edges: 0, offlineSeconds: 0, onlineSeconds: 0, referenceSeconds: 0 };
  const mats = setup.reference ? globalMatrices(setup) : undefined;
  const cellData: CellData[] = offline === undefined ? [] : offline.cells;
  const edges = offline === undefined ? new Map<number, EdgeBasis>() : offline.edges;
  const history: MsfemHistory = { m: [], eH: [], eL2: [] };
  const final: MsfemFinal = { modes: [], eH: [], eL2: [], dofs: [], fineEnergy: 0, fineMass: 0, solution: new Float64Array(0), reference: new Float64Array(0), sigma: new Map(), bubbleTermRatio: 0 };
  if (offline !== undefined) {
    stats.cells = offline.cells.length;
    stats.edges = offline.edges.size;
    stats.offlineSeconds = offline.seconds;
    for (const e of [...offline.edges.keys()].sort((a, b) => a - b)) final.sigma.set(e, offline.edges.get(e)!.sigma);
  }
  const onlineCache: OnlineCache = { cells: [] };
  let status: SolveStatus | 'running' = 'running';
  let message = '';
  let next = 0;
  const now = (): number => performance.now() / 1000;

  const run = (task: Task): void => {
    const t0 = now();
    if (task.kind === 'reference') {
      const cls = setup.grid.classifyNodes({ bottom: setup.sides.bottom, right: setup.sides.right, top: setup.sides.top, left: setup.sides.left });
      const width = mats!.Kop.field === 'complex' ? 2 : 1;
      let F = mats!.F;
      if (width === 2) {
        F = new Float64Array(2 * mats!.F.length);
        for (let k = 0; k < mats!.F.length; k++) F[2 * k] = mats!.F[k];
      }
      const { u } = solveQ1Dirichlet(setup.grid, mats!.Kop, F, cls.dirichlet);
      const uc = new Float64Array(2 * setup.grid.nodeCount);
      for (let k = 0; k < setup.grid.nodeCount; k++) {
        uc[2 * k] = u[width * k];
        if (width === 2) uc[2 * k + 1] = u[2 * k + 1];
      }
      final.reference = uc;
      final.fineEnergy = quadraticForm(mats!.Knrm, uc, 2);
      final.fineMass = quadraticForm(mats!.M, uc, 2);
      stats.referenceSeconds += now() - t0;
    } else if (task.kind === 'cell') {
      cellData.push(buildCell(setup, task.id, (e) => interior[e] === 1));
      stats.cells++;
      stats.offlineSeconds += now() - t0;
    } else if (task.kind === 'edge') {
      const adjacent = Array.from(byEdge[task.id], (c) => cellData[c]);
      const basis = msfemEdgeResult(setup, task.id, Array.from(adjacent, (c) => c.sides.find((s) => s.edge === task.id)!.gram));
      edges.set(task.id, basis);
      final.sigma.set(task.id, basis.sigma);
      stats.edges++;
      stats.offlineSeconds += now() - t0;
    } else {
      const sol = solveOnline(setup, cellData, edges, task.m, onlineCache);
      final.modes.push(task.m);
      final.dofs.push(sol.dofs);
      final.solution = sol.u;
      final.bubbleTermRatio = sol.bubbleTermRatio;
      history.m.push(task.m);
      if (final.reference.length > 0) {
        const { eH, eL2 } = relativeErrors(mats!.Knrm, mats!.M, final.reference, sol.u, 2);
        final.eH.push(eH);
        final.eL2.push(eL2);
        history.eH.push(eH);
        history.eL2.push(eL2);
      }
      stats.onlineSeconds += now() - t0;
    }
  };

  const stepper: Stepper<MsfemResult> = {
    get status() {
      return status;
    },
    get t() {
      return next;
    },
    get fraction() {
      return tasks.length === 0 ? 1 : next / tasks.length;
    },
    stats,
    step(): boolean {
      if (status !== 'running') return false;
      if (next >= tasks.length) {
        status = 'success';
        message = `ExpMsFEM: ${stats.cells} cells, ${stats.edges} edges, ${final.modes.length} online solves`;
        return false;
      }
      const task = tasks[next];
      try {
        run(task);
      } catch (err) {
        if (!(err instanceof NumericalError)) throw err;
        status = 'nonFinite';
        message = err.message;
        return false;
      }
      next++;
      stats.nsteps++;
      stats.naccept++;
      stats.nfev++;
      for (const v of final.eH) {
        if (!Number.isFinite(v)) {
          status = 'nonFinite';
          message = `ExpMsFEM: a non-finite error at m = ${final.modes[final.modes.length - 1]}`;
          return false;
        }
      }
      return true;
    },
    stop(s: SolveStatus, msg: string): void {
      status = s;
      message = msg;
    },
    progressExtras: () => ({ cells: stats.cells, edges: stats.edges, online: final.modes.length }),
    result(): MsfemResult {
      return { status: status === 'running' ? 'aborted' : status, message, stats, final, saved: [], history };
    },
  };
  return stepper;
}

/**
 * Solve a multiscale problem with ExpMsFEM for each m of `problem.modes` and, by default, report
 * the relative errors e_H and e_L2 of thesis (4.4.1) against the fine Q1 solution on the same fine
 * mesh. Variants: `'exp'` (nodal + m edge eigenfunctions + edge bubbles as free DOFs + cell
 * bubbles), `'h-bubble'` (no edge bubbles), `'oh'` (no bubbles; O(H), thesis Remark 4.3.4).
 * Follows the run idiom: `runOptions.signal` aborts between local problems, `onProgress` reports
 * every `progressEvery` tasks. Cost: N_c² cell solves of (N_f+1)² nodes and ≈ 2N_c² edge patches of
 * ≈ 6N_f² nodes with ≈ 10N_f right-hand sides each, plus one sparse global solve per m.
 *
 * @throws InvalidArgumentError / InvalidTypeError for bad input, before any work
 * @example
 * ```ts
 * const r = expMsfem({ coarse: 4, fine: 8, diffusion: (x, y) => 2 + Math.sin(40 * x * y), source: 1, modes: [1, 2, 3, 6] });
 * r.status;      // 'success'
 * r.final.eH;    // decreasing; the last (m = N_f − 2 with the edge bubble) at round-off
 * ```
 */
export function expMsfem(problem: MsfemProblem, runOptions: RunOptions = {}): MsfemResult {
  checkRunOptions(runOptions);
  return drive(initExpMsfemWith(setupMsfem(problem)), { ...runOptions, progressEvery: runOptions.progressEvery ?? 1 });
}
