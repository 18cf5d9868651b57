import { describe, expect, it } from '@jest/globals';
import {
  assembleQ1Complex,
  assembleQ1Mass,
  assembleQ1Norm,
  assembleQ1Real,
  nestedDissectionOrdering,
  q1EdgeMass,
  q1ElementMass,
  q1ElementStiffness,
  q1Errors,
  q1Load,
  sampleCells,
  sampleNodes,
  solveDiffusion,
  solveQ1Dirichlet,
} from '../../src/fem/index';
import { StructuredGrid2D } from '../../src/grid/structuredGrid2d';
import { InvalidArgumentError } from '../../src/core/errors';

const ALL_D = { bottom: 'D', right: 'D', top: 'D', left: 'D' } as const;

describe('Q1 reference matrices', () => {
  it('stiffness rows sum to 0, square entries 2/3, −1/6, −1/3; mass sums to the area', () => {
    const K = q1ElementStiffness(0.3, 0.3);
    for (let a = 0; a < 4; a++) expect(Math.abs(K[4 * a] + K[4 * a + 1] + K[4 * a + 2] + K[4 * a + 3])).toBeLessThan(1e-15);
    expect(K[0]).toBeCloseTo(2 / 3, 15);
    expect(K[1]).toBeCloseTo(-1 / 6, 15);
    expect(K[2]).toBeCloseTo(-1 / 3, 15);
    const M = q1ElementMass(0.2, 0.5);
    expect(M.reduce((s, v) => s + v, 0)).toBeCloseTo(0.1, 15);
    expect(M[0]).toBeCloseTo(0.1 / 9, 15);
    expect(M[2]).toBeCloseTo(0.1 / 36, 15);
    expect(Array.from(q1EdgeMass(0.5))).toEqual([0.5 / 3, 0.5 / 6, 0.5 / 6, 0.5 / 3]);
    // rectangle: ∫∇φ·∇(x) = 0 for interior combination: K applied to a linear function sums to boundary flux
    const Kr = q1ElementStiffness(0.2, 0.7);
    const lin = [0, 0.2, 0.2, 0]; // u = x at the nodes
    const flux = [0, 1, 2, 3].map((a) => [0, 1, 2, 3].reduce((s, b) => s + Kr[4 * a + b] * lin[b], 0));
    // ∫∇φ_a·e_x = ∫ ∂xφ_a = ±hy/2
    expect(flux.map((v) => v / 0.35)).toEqual(flux.map((_, a) => (a === 0 || a === 3 ? -1 : 1)).map((s) => expect.closeTo(s, 12)));
  });

  it('global mass sums to the area; norm matrix uses |V|', () => {
    const g = new StructuredGrid2D(5, 3, 0, 2, 0, 1);
    const M = assembleQ1Mass(g);
    expect(M.values.reduce((s, v) => s + v, 0)).toBeCloseTo(2, 13);
    const N = assembleQ1Norm(g, { diffusion: 1e-9, potential: { re: -3, im: 4 } });
    expect(N.values.reduce((s, v) => s + v, 0)).toBeCloseTo(10, 6);
  });

  it('rejects a non-positive or non-finite coefficient before work', () => {
    const g = new StructuredGrid2D(4, 4);
    const a = new Float64Array(16).fill(1);
    a[5] = 0;
    expect(() => assembleQ1Real(g, { diffusion: a })).toThrow(/diffusion\[5\]/);
    expect(() => assembleQ1Real(g, { diffusion: NaN })).toThrow(InvalidArgumentError);
    expect(() => assembleQ1Real(g, { diffusion: 1, potential: { re: 0, im: 1 } })).toThrow(/complex/);
  });
});

describe('fine Q1 solves', () => {
  it('patch test: a linear function is reproduced exactly with constant A', () => {
    const grid = new StructuredGrid2D(7, 5, 0, 1.4, 0, 1);
    const lin = (x: number, y: number) => 1 + 2 * x - 3 * y;
    const K = assembleQ1Real(grid, { diffusion: 2.5 });
    const dir = grid.classifyNodes(ALL_D).dirichlet;
    const exact = sampleNodes(grid, lin);
    const { u } = solveQ1Dirichlet(grid, K, new Float64Array(grid.nodeCount), dir, { dirichletValues: Float64Array.from(dir, (d) => exact[d]) });
    for (let n = 0; n < grid.nodeCount; n++) expect(Math.abs(u[n] - exact[n])).toBeLessThan(1e-13);
  });

  it('manufactured solution with variable A: O(h²) in L², O(h) in H¹ (two-sided bands)', () => {
    const A = (x: number, y: number) => 1 + x + y;
    const u = (x: number, y: number) => Math.sin(Math.PI * x) * Math.sin(2 * Math.PI * y);
    const grad = (x: number, y: number) => [Math.PI * Math.cos(Math.PI * x) * Math.sin(2 * Math.PI * y), 2 * Math.PI * Math.sin(Math.PI * x) * Math.cos(2 * Math.PI * y)] as const;
    const f = (x: number, y: number) => A(x, y) * 5 * Math.PI * Math.PI * u(x, y) - grad(x, y)[0] - grad(x, y)[1];
    const errs = [16, 32, 64].map((n) => {
      const { grid, u: uh } = solveDiffusion({ n, diffusion: A, source: f });
      return q1Errors(grid, uh, u, grad);
    });
    for (let k = 1; k < errs.length; k++) {
      const pL2 = Math.log2(errs[k - 1].l2 / errs[k].l2);
      const pH1 = Math.log2(errs[k - 1].h1 / errs[k].h1);
      expect(pL2).toBeGreaterThan(1.9);
      expect(pL2).toBeLessThan(2.1);
      expect(pH1).toBeGreaterThan(0.95);
      expect(pH1).toBeLessThan(1.05);
    }
  });

  it('nonzero Dirichlet data: a harmonic function at O(h²)', () => {
    const u = (x: number, y: number) => Math.exp(x) * Math.cos(y);
    const e = [16, 32].map((n) => {
      const { grid, u: uh } = solveDiffusion({ n, diffusion: 1, boundary: u });
      return q1Errors(grid, uh, u).l2;
    });
    const p = Math.log2(e[0] / e[1]);
    expect(p).toBeGreaterThan(1.9);
    expect(p).toBeLessThan(2.1);
  });

  it('complex Helmholtz with Robin sides (β = ±ik) and complex Dirichlet data: plane wave at O(h²)', () => {
    const k = 6;
    const errs = [16, 32, 64].map((n) => {
      const grid = new StructuredGrid2D(n, n);
      const H = assembleQ1Complex(grid, { diffusion: 1, potential: -k * k, robin: { left: { re: 0, im: -k }, right: { re: 0, im: k } } });
      const dir = grid.classifyNodes({ bottom: 'D', right: 'R', top: 'D', left: 'R' }).dirichlet;
      const xy = grid.nodeCoordinates();
      const g = new Float64Array(2 * dir.length);
      for (let q = 0; q < dir.length; q++) {
        g[2 * q] = Math.cos(k * xy[2 * dir[q]]);
        g[2 * q + 1] = Math.sin(k * xy[2 * dir[q]]);
      }
      const res = solveQ1Dirichlet(grid, H, new Float64Array(2 * grid.nodeCount), dir, { dirichletValues: g });
      expect(res.residual).toBeLessThan(1e-10);
      const re = new Float64Array(grid.nodeCount);
      const im = new Float64Array(grid.nodeCount);
      for (let q = 0; q < grid.nodeCount; q++) {
        re[q] = res.u[2 * q];
        im[q] = res.u[2 * q + 1];
      }
      return Math.hypot(q1Errors(grid, re, (x) => Math.cos(k * x)).l2, q1Errors(grid, im, (x) => Math.sin(k * x)).l2);
    });
    for (let q = 1; q < errs.length; q++) {
      const p = Math.log2(errs[q - 1] / errs[q]);
      expect(p).toBeGreaterThan(1.85);
      expect(p).toBeLessThan(2.15);
    }
  });

  it('nested dissection and AMD give the same solution; ND is a permutation', () => {
    const grid = new StructuredGrid2D(24, 24);
    const perm = nestedDissectionOrdering(grid);
    expect(Array.from(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: grid.nodeCount }, (_, i) => i));
    const K = assembleQ1Real(grid, { diffusion: sampleCells(grid, (x, y) => 1 + 10 * x * y) });
    const F = q1Load(grid, (x, y) => x - y * y, { rule: 'gauss' });
    const dir = grid.classifyNodes(ALL_D).dirichlet;
    const a = solveQ1Dirichlet(grid, K, F, dir);
    const b = solveQ1Dirichlet(grid, K, F, dir, { ordering: 'amd' });
    for (let n = 0; n < grid.nodeCount; n++) expect(Math.abs(a.u[n] - b.u[n])).toBeLessThan(1e-13);
  });
});
