import { mappedGrid, sinhMap } from '../../../src/grid/index';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { ark3Imex, rk4Explicit, radialHeatModel, runRescaled, heatBlowupRadial, thesisInitialData1D } from '../../../src/models/blowup/index';

const grid = (n: number, scale = 1) => mappedGrid(sinhMap({ length: 1e5, scale }), n, { symmetry: 'even' });

describe('rescaling schemes', () => {
  // Order conditions of an additive RK pair up to order 3 (b shared): Σb = 1, b·c = ½, and
  // b·c² = ⅓, b·A·c = ⅙ for every combination of the explicit and implicit tableaux.
  test('ARK3(2)4L[2]SA satisfies the order-3 conditions (incl. coupling) and the embedded order 2', () => {
    const Ae = ark3Imex.explicitA, Ai = ark3Imex.implicitA!, b = ark3Imex.b, be = ark3Imex.bEmbedded!;
    const S = b.length;
    const c = Ae.map((row) => row.reduce((a, x) => a + x, 0));
    const ci = Ai.map((row) => row.reduce((a, x) => a + x, 0));
    for (let i = 0; i < S; i++) expect(ci[i]).toBeCloseTo(c[i], 14);
    const dot = (x: readonly number[], y: readonly number[]) => x.reduce((a, v, i) => a + v * y[i], 0);
    const mv = (A: readonly (readonly number[])[], x: readonly number[]) => A.map((row) => dot(row, x));
    expect(dot(b, Array(S).fill(1))).toBeCloseTo(1, 14);
    expect(dot(b, c)).toBeCloseTo(0.5, 14);
    expect(dot(b, c.map((x) => x * x))).toBeCloseTo(1 / 3, 14);
    for (const A of [Ae, Ai]) expect(dot(b, mv(A, c))).toBeCloseTo(1 / 6, 14);
    expect(dot(be, Array(S).fill(1))).toBeCloseTo(1, 14);
    expect(dot(be, c)).toBeCloseTo(0.5, 14);
    expect(Math.abs(dot(be, mv(Ae, c)) - 1 / 6)).toBeGreaterThan(1e-3); // genuinely order 2
    // stiffly accurate: last implicit row = b
    for (let j = 0; j < S; j++) expect(Ai[S - 1][j]).toBe(b[j]);
    expect(rk4Explicit.b).toEqual([1 / 6, 1 / 3, 1 / 3, 1 / 6]);
  });
});

describe('radial heat model', () => {
  test.each([1, 2, 3])('solveImplicit inverts I − g·(the explicit spline Laplacian), n = %i', (dim) => {
    const g = grid(120);
    const model = radialHeatModel(g, { dim });
    const N = g.n;
    const rhs = g.x.map((z) => Math.exp(-z * z / 4) * (1 + Math.sin(z)));
    rhs[N - 1] = 0;
    const out = new Float64Array(N);
    const lambdas = new Float64Array([0.7]);
    const kGamma = 0.3;
    model.solveImplicit(kGamma, lambdas, rhs, out);
    const fields = [new Float64Array(N), new Float64Array(N)];
    const reaction = new Float64Array(N), diffusion = new Float64Array(N);
    model.evaluate(out, lambdas, fields, reaction, diffusion);
    let res = 0, scale = 0;
    for (let i = 0; i < N; i++) { res = Math.max(res, Math.abs(out[i] - kGamma * diffusion[i] - rhs[i])); scale = Math.max(scale, Math.abs(rhs[i])); }
    // the 2N×2N system is solved by LU; residual at the level of rounding × the operator norm (≈ g·12/h0² ≈ 1e3)
    expect(res).toBeLessThan(1e-10 * scale);
  });

  test('bad input throws named errors before any work', () => {
    const shifted = mappedGrid(sinhMap({ length: 10, start: 1 }), 50);
    expect(() => radialHeatModel(shifted)).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: 1, initialData: () => -1 })).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: 1, initialData: () => 0 })).toThrow(/initial amplitude/);
    expect(() => heatBlowupRadial({ tauEnd: 1, initialData: (z) => (z > 3 ? NaN : 1) })).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: -1 })).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: 1, dim: 0 })).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: 1, amplitudeScale: 0 })).toThrow(InvalidArgumentError);
    expect(() => heatBlowupRadial({ tauEnd: 1, grid: 'fine' as never })).toThrow(InvalidTypeError);
    const model = radialHeatModel(grid(40));
    expect(() => runRescaled(model, { u0: new Float64Array(3), logLambda0: [0], tauEnd: 1 })).toThrow(InvalidTypeError);
    expect(() => runRescaled(model, { u0: new Float64Array(40), logLambda0: [0, 1], tauEnd: 1 })).toThrow(InvalidTypeError);
    expect(() => runRescaled(model, { u0: new Float64Array(40).fill(1), logLambda0: [0], tauEnd: 1, normalization: 'other' as never })).toThrow(InvalidArgumentError);
  });

  test("runs that leave the self-similar regime report 'diverged' with finite output", () => {
    // maximum away from the origin: the normalization at 0 no longer follows the blowup
    const off = heatBlowupRadial({ tauEnd: 10, grid: { n: 100 }, initialData: (z) => 0.1 + Math.exp(-(z - 5) * (z - 5)) });
    expect(off.status).toBe('diverged');
    expect(off.message).toMatch(/self-similar/);
    // small data in 3D (Fujita exponent 5/3 < 2): no blowup, λ grows without bound
    const small = heatBlowupRadial({ dim: 3, tauEnd: 10, grid: { n: 100 }, amplitudeScale: 100, lambdaMax: 1e4 });
    expect(small.status).toBe('diverged');
    for (const v of [small.final.cu, small.final.cl, small.final.lambda, small.final.t]) expect(Number.isFinite(v)).toBe(true);
    for (const v of small.final.u) expect(Number.isFinite(v)).toBe(true);
  });

  test('abort signal stops the run with status aborted', () => {
    const controller = new AbortController();
    controller.abort();
    const r = heatBlowupRadial({ tauEnd: 100, grid: { n: 60 } }, { signal: controller.signal });
    expect(r.status).toBe('aborted');
    expect(r.final.tau).toBeLessThan(100);
  });

  test('maxSteps is reported, not thrown', () => {
    const g = grid(60);
    const u0 = g.x.map(thesisInitialData1D);
    const r = runRescaled(radialHeatModel(g), { u0, logLambda0: [0], tauEnd: 100, maxSteps: 5 });
    expect(r.status).toBe('maxSteps');
    expect(r.stats.naccept).toBeLessThanOrEqual(5);
  });
});
