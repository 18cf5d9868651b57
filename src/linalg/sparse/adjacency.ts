/**
 * The undirected graph of a square sparse pattern, used by the fill-reducing orderings:
 * vertices are unknowns, and i–j is an edge when A_ij or A_ji is stored (i ≠ j).
 *
 * @module
 */
import { InvalidArgumentError } from '../../core/errors';
import { type CsrPattern, csrPatternFromTriplets } from './csr';

/** An undirected graph in compressed adjacency form (each edge listed at both ends, sorted). */
export interface AdjacencyGraph {
  /** Number of vertices. */
  readonly n: number;
  /** Neighbors of v are `neighbors[offsets[v] .. offsets[v+1]-1]`. */
  readonly offsets: Int32Array;
  /** Concatenated neighbor lists (no self loops, no repeats). */
  readonly neighbors: Int32Array;
}

/**
 * Graph of `A + Aᵀ` without the diagonal. Built by one symmetric triplet assembly, so the
 * neighbor lists are sorted and duplicate-free. O(nnz + n).
 *
 * @example
 * ```ts
 * const g = symmetricAdjacency(A);
 * const degree0 = g.offsets[1] - g.offsets[0];
 * ```
 */
export function symmetricAdjacency(A: CsrPattern): AdjacencyGraph {
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square pattern', `${A.rows}×${A.cols}`);
  let offDiagonal = 0;
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (A.colIndex[p] !== i) offDiagonal++;
  }
  const from = new Int32Array(2 * offDiagonal);
  const to = new Int32Array(2 * offDiagonal);
  let t = 0;
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = A.colIndex[p];
      if (j === i) continue;
      from[t] = i;
      to[t++] = j;
      from[t] = j;
      to[t++] = i;
    }
  }
  const { pattern } = csrPatternFromTriplets(n, n, from, to);
  return { n, offsets: pattern.rowPtr, neighbors: pattern.colIndex };
}
