/**
 * The node step of a KAN layer with multiplication nodes (pykan's MultKAN, externally sourced; see
 * `width.ts`): from the subnode sums u (with their input jets u′_d = ∂u/∂x_d, u″_d = ∂²u/∂x_d²) to
 * the node values — sum nodes copy their subnode, a mult node of arity a is P = Π_{r<a} u_r — plus
 * the node bias, and the exact reverse mode of that step.
 *
 * Jets of a product, one factor at a time (Leibniz): with P ← P·u,
 *   P″ ← P″u + 2P′u′ + Pu″,  P′ ← P′u + Pu′.
 * Reverse mode: with Q the jet of the product of the other factors (P = u·Q),
 *   ū += P̄·Q + Σ_d (P̄′_d Q′_d + P̄″_d Q″_d),  ū′_d += P̄′_d Q + 2 P̄″_d Q′_d,  ū″_d += P̄″_d Q.
 * Cost per (sample, mult node of arity a): O(a·D) forward, O(a²·D) backward. No allocation.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import type { KanLayer } from './layer';
import type { KanWorkspace } from './workspace';

/**
 * Forward node step of layer l (which must have mult nodes): reads `ws.subValues[l+1]` (and
 * jets), writes `ws.values[l+1]` (and jets). O(batch·(nodes + subnodes)·D).
 *
 * @example
 * ```ts
 * if (layer.hasMult) multiplyNodes(layer, ws, l); // after the edge sums of layer l
 * ```
 */
export function multiplyNodes(layer: KanLayer, ws: KanWorkspace, l: number): void {
  const B = ws.batch;
  const q = ws.order;
  const D = ws.directions;
  const nSub = layer.outDim;
  const nNode = layer.nodeDim;
  const nSum = layer.sumDim;
  const u = ws.subValues[l + 1];
  const u1 = ws.subFirst[l + 1];
  const u2 = ws.subSecond[l + 1];
  const v = ws.values[l + 1];
  const v1 = ws.first[l + 1];
  const v2 = ws.second[l + 1];
  const bias = layer.bias;
  const arity = layer.multArity;
  const start = layer.multStart;
  for (let s = 0; s < B; s++) {
    for (let n = 0; n < nNode; n++) {
      const o = s * nNode + n;
      const od = o * D;
      const first = n < nSum ? n : start[n - nSum];
      const count = n < nSum ? 1 : arity[n - nSum];
      const f0 = s * nSub + first;
      let P = u[f0];
      if (q >= 1) for (let d = 0; d < D; d++) v1[od + d] = u1[f0 * D + d];
      if (q === 2) for (let d = 0; d < D; d++) v2[od + d] = u2[f0 * D + d];
      for (let r = 1; r < count; r++) {
        const f = f0 + r;
        const w = u[f];
        const fd = f * D;
        if (q === 2) for (let d = 0; d < D; d++) v2[od + d] = v2[od + d] * w + 2 * v1[od + d] * u1[fd + d] + P * u2[fd + d];
        if (q >= 1) for (let d = 0; d < D; d++) v1[od + d] = v1[od + d] * w + P * u1[fd + d];
        P *= w;
      }
      v[o] = bias === null ? P : P + bias[n];
    }
  }
}

/**
 * Reverse of {@link multiplyNodes}: from the node adjoints `ws.valueAdjoint[l+1]` (and jets) to
 * the subnode adjoints `ws.subValueAdjoint[l+1]` (overwritten), adding the node-bias gradient into
 * `grad`. Needs the subnode values of the forward pass. O(batch·Σ_q a_q²·D).
 *
 * @example
 * ```ts
 * if (layer.hasMult) multiplyNodesBackward(layer, ws, l, grad); // before the layer's edge adjoints
 * ```
 */
export function multiplyNodesBackward(layer: KanLayer, ws: KanWorkspace, l: number, grad: Vec): void {
  const B = ws.batch;
  const q = ws.order;
  const D = ws.directions;
  const nSub = layer.outDim;
  const nNode = layer.nodeDim;
  const nSum = layer.sumDim;
  const u = ws.subValues[l + 1];
  const u1 = ws.subFirst[l + 1];
  const u2 = ws.subSecond[l + 1];
  const pb = ws.valueAdjoint[l + 1];
  const pb1 = ws.firstAdjoint[l + 1];
  const pb2 = ws.secondAdjoint[l + 1];
  const ub = ws.subValueAdjoint[l + 1];
  const ub1 = ws.subFirstAdjoint[l + 1];
  const ub2 = ws.subSecondAdjoint[l + 1];
  const Q = ws.productWork; // Q[0] value, Q[1 + d] first, Q[1 + D + d] second
  const biasOffset = layer.offsets.bias;
  const arity = layer.multArity;
  const start = layer.multStart;
  for (let s = 0; s < B; s++) {
    for (let n = 0; n < nNode; n++) {
      const o = s * nNode + n;
      const od = o * D;
      if (biasOffset >= 0) grad[biasOffset + n] += pb[o];
      if (n < nSum) {
        const f = s * nSub + n;
        ub[f] = pb[o];
        if (q >= 1) for (let d = 0; d < D; d++) ub1[f * D + d] = pb1[od + d];
        if (q === 2) for (let d = 0; d < D; d++) ub2[f * D + d] = pb2[od + d];
        continue;
      }
      const f0 = s * nSub + start[n - nSum];
      const count = arity[n - nSum];
      for (let r = 0; r < count; r++) {
        // Q = jet of Π_{t ≠ r} u_t
        let first = true;
        for (let t = 0; t < count; t++) {
          if (t === r) continue;
          const f = f0 + t;
          const fd = f * D;
          if (first) {
            Q[0] = u[f];
            if (q >= 1) for (let d = 0; d < D; d++) Q[1 + d] = u1[fd + d];
            if (q === 2) for (let d = 0; d < D; d++) Q[1 + D + d] = u2[fd + d];
            first = false;
            continue;
          }
          const w = u[f];
          if (q === 2) for (let d = 0; d < D; d++) Q[1 + D + d] = Q[1 + D + d] * w + 2 * Q[1 + d] * u1[fd + d] + Q[0] * u2[fd + d];
          if (q >= 1) for (let d = 0; d < D; d++) Q[1 + d] = Q[1 + d] * w + Q[0] * u1[fd + d];
          Q[0] *= w;
        }
        const f = f0 + r;
        const fd = f * D;
        let acc = pb[o] * Q[0];
        for (let d = 0; d < D && q >= 1; d++) {
          acc += pb1[od + d] * Q[1 + d];
          ub1[fd + d] = pb1[od + d] * Q[0];
          if (q === 2) {
            acc += pb2[od + d] * Q[1 + D + d];
            ub1[fd + d] += 2 * pb2[od + d] * Q[1 + d];
            ub2[fd + d] = pb2[od + d] * Q[0];
          }
        }
        ub[f] = acc;
      }
    }
  }
}
