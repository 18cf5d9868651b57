/**
 * A tiny bilinear (Q1) finite-element assembler on the unit square [0,1]², used only to produce
 * realistic test systems for the sparse solvers: stiffness K, consistent mass M, boundary mass B
 * (∫_∂Ω φ_i φ_j), load vectors, and L² errors by 3×3 Gauss quadrature. Node (i, j) with
 * 0 ≤ i ≤ nx, 0 ≤ j ≤ ny has index i + j(nx+1). Element integrals use 2×2 Gauss quadrature
 * (exact for K, M on rectangles).
 */
import { complexCsrFromTriplets, csrFromTriplets, type ComplexCsrMatrix, type CsrMatrix } from '../../../src/linalg/sparse/csr';

const GAUSS2 = [-1 / Math.sqrt(3), 1 / Math.sqrt(3)];
const GAUSS3 = { x: [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)], w: [5 / 9, 8 / 9, 5 / 9] };

/** Bilinear shape functions on [-1,1]² with local node order (0,0), (1,0), (1,1), (0,1). */
const LOCAL = [[-1, -1], [1, -1], [1, 1], [-1, 1]];

function shape(a: number, xi: number, eta: number): number {
  return 0.25 * (1 + LOCAL[a][0] * xi) * (1 + LOCAL[a][1] * eta);
}

/** Element stiffness (∫∇φ_a·∇φ_b) and mass (∫φ_aφ_b) for an hx×hy rectangle by 2×2 Gauss. */
function elementMatrices(hx: number, hy: number): { ke: number[]; me: number[] } {
  const ke = new Array(16).fill(0);
  const me = new Array(16).fill(0);
  const jac = (hx * hy) / 4;
  for (const xi of GAUSS2) {
    for (const eta of GAUSS2) {
      for (let a = 0; a < 4; a++) {
        const [xa, ya] = LOCAL[a];
        const dxa = (0.25 * xa * (1 + ya * eta) * 2) / hx;
        const dya = (0.25 * ya * (1 + xa * xi) * 2) / hy;
        for (let b = 0; b < 4; b++) {
          const [xb, yb] = LOCAL[b];
          const dxb = (0.25 * xb * (1 + yb * eta) * 2) / hx;
          const dyb = (0.25 * yb * (1 + xb * xi) * 2) / hy;
          ke[4 * a + b] += (dxa * dxb + dya * dyb) * jac;
          me[4 * a + b] += shape(a, xi, eta) * shape(b, xi, eta) * jac;
        }
      }
    }
  }
  return { ke, me };
}

export interface Q1Mesh {
  nx: number;
  ny: number;
  nodes: number;
  /** Node indices on ∂Ω. */
  boundary: Int32Array;
}

export function q1Mesh(nx: number, ny = nx): Q1Mesh {
  const boundary: number[] = [];
  for (let j = 0; j <= ny; j++) for (let i = 0; i <= nx; i++) if (i === 0 || j === 0 || i === nx || j === ny) boundary.push(i + j * (nx + 1));
  return { nx, ny, nodes: (nx + 1) * (ny + 1), boundary: Int32Array.from(boundary) };
}

function elementNodes(mesh: Q1Mesh, ex: number, ey: number): number[] {
  const w = mesh.nx + 1;
  const n0 = ex + ey * w;
  return [n0, n0 + 1, n0 + 1 + w, n0 + w];
}

/** Triplets of α·K + β·M + γ·B with complex coefficients (re, im); B is the boundary mass. */
function assembleTriplets(mesh: Q1Mesh, alpha: [number, number], beta: [number, number], gamma: [number, number]) {
  const { nx, ny } = mesh;
  const hx = 1 / nx;
  const hy = 1 / ny;
  const { ke, me } = elementMatrices(hx, hy);
  const rows: number[] = [];
  const cols: number[] = [];
  const re: number[] = [];
  const im: number[] = [];
  for (let ey = 0; ey < ny; ey++) {
    for (let ex = 0; ex < nx; ex++) {
      const nodes = elementNodes(mesh, ex, ey);
      for (let a = 0; a < 4; a++) {
        for (let b = 0; b < 4; b++) {
          rows.push(nodes[a]);
          cols.push(nodes[b]);
          re.push(alpha[0] * ke[4 * a + b] + beta[0] * me[4 * a + b]);
          im.push(alpha[1] * ke[4 * a + b] + beta[1] * me[4 * a + b]);
        }
      }
    }
  }
  if (gamma[0] !== 0 || gamma[1] !== 0) {
    // boundary edges: 1D mass h/6 [2 1; 1 2]
    const w = nx + 1;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < nx; i++) {
      edges.push([i, i + 1, hx]);
      edges.push([i + ny * w, i + 1 + ny * w, hx]);
    }
    for (let j = 0; j < ny; j++) {
      edges.push([j * w, (j + 1) * w, hy]);
      edges.push([nx + j * w, nx + (j + 1) * w, hy]);
    }
    for (const [p, q, h] of edges) {
      const local = [[p, p, h / 3], [q, q, h / 3], [p, q, h / 6], [q, p, h / 6]] as const;
      for (const [r, c, v] of local) {
        rows.push(r);
        cols.push(c);
        re.push(gamma[0] * v);
        im.push(gamma[1] * v);
      }
    }
  }
  return { rows, cols, re, im };
}

/** Real matrix α·K + β·M. */
export function q1RealMatrix(mesh: Q1Mesh, alpha = 1, beta = 0): CsrMatrix {
  const t = assembleTriplets(mesh, [alpha, 0], [beta, 0], [0, 0]);
  return csrFromTriplets(mesh.nodes, mesh.nodes, t.rows, t.cols, Float64Array.from(t.re));
}

/** Complex symmetric matrix α·K + β·M + γ·B (coefficients complex as [re, im]). */
export function q1ComplexMatrix(mesh: Q1Mesh, alpha: [number, number], beta: [number, number], gamma: [number, number]): ComplexCsrMatrix {
  const t = assembleTriplets(mesh, alpha, beta, gamma);
  const values = new Float64Array(2 * t.re.length);
  for (let k = 0; k < t.re.length; k++) {
    values[2 * k] = t.re[k];
    values[2 * k + 1] = t.im[k];
  }
  return complexCsrFromTriplets(mesh.nodes, mesh.nodes, t.rows, t.cols, values);
}

function nodeXY(mesh: Q1Mesh, node: number): [number, number] {
  const w = mesh.nx + 1;
  return [(node % w) / mesh.nx, Math.floor(node / w) / mesh.ny];
}

/** Load ∫ f φ_i by 2×2 Gauss; f returns [re, im]; output interleaved when complex. */
export function q1Load(mesh: Q1Mesh, f: (x: number, y: number) => [number, number], complex: boolean): Float64Array {
  const width = complex ? 2 : 1;
  const out = new Float64Array(width * mesh.nodes);
  const hx = 1 / mesh.nx;
  const hy = 1 / mesh.ny;
  for (let ey = 0; ey < mesh.ny; ey++) {
    for (let ex = 0; ex < mesh.nx; ex++) {
      const nodes = elementNodes(mesh, ex, ey);
      for (const xi of GAUSS2) {
        for (const eta of GAUSS2) {
          const [fr, fi] = f((ex + (1 + xi) / 2) * hx, (ey + (1 + eta) / 2) * hy);
          for (let a = 0; a < 4; a++) {
            const s = shape(a, xi, eta) * (hx * hy) / 4;
            out[width * nodes[a]] += fr * s;
            if (complex) out[2 * nodes[a] + 1] += fi * s;
          }
        }
      }
    }
  }
  return out;
}

/** Boundary load ∫_∂Ω g φ_i (Simpson rule per edge; g returns [re, im]); interleaved. */
export function q1BoundaryLoad(mesh: Q1Mesh, g: (x: number, y: number, nx: number, ny: number) => [number, number]): Float64Array {
  const out = new Float64Array(2 * mesh.nodes);
  const w = mesh.nx + 1;
  const addEdge = (p: number, q: number, normal: [number, number]) => {
    const [x0, y0] = nodeXY(mesh, p);
    const [x1, y1] = nodeXY(mesh, q);
    const h = Math.hypot(x1 - x0, y1 - y0);
    const g0 = g(x0, y0, normal[0], normal[1]);
    const gm = g((x0 + x1) / 2, (y0 + y1) / 2, normal[0], normal[1]);
    const g1 = g(x1, y1, normal[0], normal[1]);
    for (let c = 0; c < 2; c++) {
      out[2 * p + c] += (h / 6) * (g0[c] + 2 * gm[c]);
      out[2 * q + c] += (h / 6) * (g1[c] + 2 * gm[c]);
    }
  };
  for (let i = 0; i < mesh.nx; i++) {
    addEdge(i, i + 1, [0, -1]);
    addEdge(i + mesh.ny * w, i + 1 + mesh.ny * w, [0, 1]);
  }
  for (let j = 0; j < mesh.ny; j++) {
    addEdge(j * w, (j + 1) * w, [-1, 0]);
    addEdge(mesh.nx + j * w, mesh.nx + (j + 1) * w, [1, 0]);
  }
  return out;
}

/** Nodal interpolant of u (returns [re, im]); interleaved when complex. */
export function q1Interpolate(mesh: Q1Mesh, u: (x: number, y: number) => [number, number], complex: boolean): Float64Array {
  const width = complex ? 2 : 1;
  const out = new Float64Array(width * mesh.nodes);
  for (let node = 0; node < mesh.nodes; node++) {
    const [x, y] = nodeXY(mesh, node);
    const [r, i] = u(x, y);
    out[width * node] = r;
    if (complex) out[2 * node + 1] = i;
  }
  return out;
}

/** L² error ‖u_h − u‖ by 3×3 Gauss per element (u_h interleaved when complex). */
export function q1L2Error(mesh: Q1Mesh, uh: Float64Array, u: (x: number, y: number) => [number, number], complex: boolean): number {
  const width = complex ? 2 : 1;
  const hx = 1 / mesh.nx;
  const hy = 1 / mesh.ny;
  let sum = 0;
  for (let ey = 0; ey < mesh.ny; ey++) {
    for (let ex = 0; ex < mesh.nx; ex++) {
      const nodes = elementNodes(mesh, ex, ey);
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 3; b++) {
          const xi = GAUSS3.x[a];
          const eta = GAUSS3.x[b];
          let vr = 0;
          let vi = 0;
          for (let c = 0; c < 4; c++) {
            const s = shape(c, xi, eta);
            vr += s * uh[width * nodes[c]];
            if (complex) vi += s * uh[2 * nodes[c] + 1];
          }
          const [er, ei] = u((ex + (1 + xi) / 2) * hx, (ey + (1 + eta) / 2) * hy);
          sum += GAUSS3.w[a] * GAUSS3.w[b] * ((vr - er) ** 2 + (vi - ei) ** 2) * (hx * hy) / 4;
        }
      }
    }
  }
  return Math.sqrt(sum);
}
