/**
 * Side conditions and the Dirichlet / prescribed / free node classification of a
 * `StructuredGrid2D` (spec §3 and §5 of the multiscale FEM; thesis (4.2.1), (4.3.2)).
 *
 * @module
 */
import type { GridSide } from './structuredGrid2d';

/**
 * Condition on one side (spec §1, §3, §5; thesis (4.2.1), (4.3.2)): `'D'` Dirichlet (Γ1, value 0),
 * `'N'` Neumann and `'R'` Robin (Γ2, natural: the nodes stay free), `'P'` prescribed — a side of a
 * subdomain interior to the parent domain, where local problems receive given values.
 *
 * @example
 * ```ts
 * const c: SideCondition = 'R';
 * ```
 */
export type SideCondition = 'D' | 'N' | 'R' | 'P';

/**
 * The accepted {@link SideCondition} values.
 *
 * @example
 * ```ts
 * SIDE_CONDITIONS.includes('N'); // true
 * ```
 */
export const SIDE_CONDITIONS: readonly SideCondition[] = ['D', 'N', 'R', 'P'];

/**
 * One {@link SideCondition} per side.
 *
 * @example
 * ```ts
 * const bc: SideConditions = { bottom: 'D', right: 'D', top: 'R', left: 'D' };
 * ```
 */
export type SideConditions = Readonly<Record<GridSide, SideCondition>>;

/**
 * Node class codes stored in {@link NodeClassification.kind}.
 *
 * @example
 * ```ts
 * cls.kind[node] === NodeClass.free;
 * ```
 */
export const NodeClass = {
  /** On a `'D'` side: value 0, eliminated. */
  dirichlet: 0,
  /** On a `'P'` side (end points included) and on no `'D'` side: value given. */
  prescribed: 1,
  /** Everything else, including nodes on `'N'`/`'R'` sides (natural condition). */
  free: 2,
} as const;

/**
 * Node classification Dir / Pres / Free (spec §3, thesis (4.3.2)) with the index maps between each
 * class and the global node ids. Lists are in increasing global id.
 *
 * @example
 * ```ts
 * const cls = grid.classifyNodes({ bottom: 'D', right: 'N', top: 'P', left: 'D' });
 * const u = new Float64Array(grid.nodeCount);
 * for (let k = 0; k < cls.free.length; k++) u[cls.free[k]] = uFree[k];
 * ```
 */
export interface NodeClassification {
  /** Per node: a {@link NodeClass} code. */
  readonly kind: Uint8Array;
  /** Global ids of the Dirichlet nodes. */
  readonly dirichlet: Int32Array;
  /** Global ids of the prescribed nodes. */
  readonly prescribed: Int32Array;
  /** Global ids of the free nodes (free index → global id). */
  readonly free: Int32Array;
  /** Global id → free index, or −1 if the node is not free. */
  readonly freeOf: Int32Array;
  /** Global id → prescribed index, or −1 if the node is not prescribed. */
  readonly prescribedOf: Int32Array;
}
