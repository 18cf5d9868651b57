/**
 * The offline stage of ExpMsFEM (thesis §4.3, Algorithm (4.3.2)–(4.3.6)) as independent tasks: one
 * per coarse cell (harmonic extensions, side Gram contributions, bubble) and one per interior coarse
 * edge (oversampled eigenproblem, edge-bubble trace). Each task carries a serializable description of
 * the problem (coefficients as per-element arrays) and returns plain typed arrays, so that a worker
 * pool (`singularis/node`'s `expMsfemInWorkers`) can run them; the serial run calls the same
 * functions, so results do not depend on where a task ran.
 *
 * @module
 */
import { NumericalError } from '../../core/errors';
import type { ComplexColumnMatrix } from '../../linalg/complexDense';
import type { EdgeBasis } from './edgeBasis';
import { buildCell, buildEdge, edgeCells, type CellResult } from './offline';
import { setupMsfem, type MsfemProblem, type MsfemSetup } from './problem';

/** A problem that survives structured cloning: every field an array or a plain value. */
export interface MsfemTaskSpec {
  /** Identifies the run (a worker builds the setup once per id). */
  id: string;
  /** The problem with its coefficients sampled per fine element (and β per fine boundary edge). */
  problem: MsfemProblem;
}

/** One offline task: a coarse cell, or an interior edge with its two cells' Gram contributions. */
export type MsfemOfflineTask =
  | {
      /** The run's problem. */
      spec: MsfemTaskSpec;
      /** A coarse cell. */
      kind: 'cell';
      /** Cell id. */
      id: number;
    }
  | {
      /** The run's problem. */
      spec: MsfemTaskSpec;
      /** An interior coarse edge. */
      kind: 'edge';
      /** Edge id. */
      id: number;
      /** `Lᴴ K_nrm L` of the edge's cells, in the order of `edgeCells`. */
      grams: ComplexColumnMatrix[];
    };

/**
 * The validated problem as a {@link MsfemTaskSpec}: coefficient arrays instead of functions, the
 * resolved options, no reference solve. `setupMsfem` of it reproduces the setup's arrays exactly.
 * `copy` may place each array elsewhere (e.g. in shared memory). O(fine elements).
 * @example
 * ```ts
 * const spec = msfemTaskSpec(setupMsfem(problem), 'run-1');
 * ```
 */
export function msfemTaskSpec(setup: MsfemSetup, id: string, copy: (a: Float64Array) => Float64Array = (a) => a): MsfemTaskSpec {
  const robin: MsfemProblem['robin'] = {};
  for (const [side, b] of Object.entries(setup.beta)) robin[side as keyof typeof setup.beta] = { re: copy(b.re), im: copy(b.im) };
  return {
    id,
    problem: {
      coarse: setup.coarse,
      fine: setup.fine,
      diffusion: copy(setup.a),
      potential: { re: copy(setup.v.re), im: copy(setup.v.im) },
      robin,
      boundary: { ...setup.sides },
      source: copy(setup.f),
      modes: setup.modes,
      variant: setup.variant,
      edgeBubble: setup.edgeBubble,
      galerkin: setup.galerkin,
      eigenForm: setup.eigenForm,
      oversamplingLayers: setup.layers,
      reference: false,
    },
  };
}

let cachedId: string | undefined;
let cached: { setup: MsfemSetup; interior: Uint8Array } | undefined;

/** The setup of a spec and its interior-edge flags, built once per spec id. */
function setupOf(spec: MsfemTaskSpec): { setup: MsfemSetup; interior: Uint8Array } {
  if (cached === undefined || cachedId !== spec.id) {
    const setup = setupMsfem(spec.problem);
    const byEdge = edgeCells(setup);
    cached = { setup, interior: Uint8Array.from(byEdge, (c) => (c.length === 2 ? 1 : 0)) };
    cachedId = spec.id;
  }
  return cached;
}

/** The data of coarse cell `cell` without its local problem (structured-cloneable). */
export function msfemCellResult(setup: MsfemSetup, cell: number, interior: (edge: number) => boolean): CellResult {
  const { local: _local, ...result } = buildCell(setup, cell, interior);
  return result;
}

/** The edge basis of interior edge `edge` from its cells' Gram contributions (structured-cloneable). */
export function msfemEdgeResult(setup: MsfemSetup, edge: number, grams: readonly ComplexColumnMatrix[]): EdgeBasis {
  try {
    const { patch: _patch, edgeNodes: _nodes, ...basis } = buildEdge(setup, edge, grams.map((gram) => ({ sides: [{ edge, gram }] })));
    return basis;
  } catch (err) {
    // every failure of an edge's local problems names the edge (the patch constructor already does)
    const label = `edge ${edge}: `;
    if (err instanceof NumericalError && !err.message.startsWith(label)) throw new NumericalError(err.reason, label + err.message);
    throw err;
  }
}

/**
 * Run one offline task (the worker entry's body). O(N_f² log N_f) sparse work plus dense
 * O(N_f³) per cell; O(N_f³) per edge with the Schur shortcut, O(N_f⁴) with the harmonic basis.
 * @example
 * ```ts
 * const cell = msfemOfflineTask({ spec, kind: 'cell', id: 0 }) as CellResult;
 * ```
 */
export function msfemOfflineTask(task: MsfemOfflineTask): CellResult | EdgeBasis {
  const { setup, interior } = setupOf(task.spec);
  if (task.kind === 'cell') return msfemCellResult(setup, task.id, (e) => interior[e] === 1);
  return msfemEdgeResult(setup, task.id, task.grams);
}
