/**
 * Accept either a {@link Grid1D} or a plain node array wherever an operator is built on nodes.
 *
 * @module
 */
import { checkStrictlyIncreasing } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { Grid1D } from '../grid/grid1d';

/**
 * A grid or its node coordinates (a strictly increasing Float64Array).
 *
 * @example
 * ```ts
 * cubicSplineOperator(uniformGrid(11));                        // a grid
 * cubicSplineOperator(new Float64Array([0, 0.1, 0.4, 1]));      // nodes
 * ```
 */
export type NodesLike = Grid1D | Vec;

/**
 * The node coordinates of a grid, or a validated copy of a node array (strictly increasing,
 * finite, at least `minLength` entries). O(n).
 *
 * @example
 * ```ts
 * const x = resolveNodes('grid', uniformGrid(11), 2); // grid.x
 * ```
 */
export function resolveNodes(name: string, nodes: NodesLike, minLength: number): Vec {
  if (nodes instanceof Grid1D) {
    checkStrictlyIncreasing(`${name}.x`, nodes.x, minLength);
    return nodes.x;
  }
  if (!(nodes instanceof Float64Array)) throw new InvalidTypeError(name, 'a Grid1D or a Float64Array of nodes', nodes);
  checkStrictlyIncreasing(name, nodes, minLength);
  return Float64Array.from(nodes);
}
