/**
 * Figures of `singularis reproduce msfem`: the errors against m (thesis Figs. 4.3, 4.4, 4.6), the
 * coefficient field, and one edge basis function over its two coarse cells, as Vega-Lite specs.
 *
 * @module
 */
import type { EdgeBasisPicture } from '../models/msfem/experiments/basisFunction';
import type { MsfemCaseOptions, MsfemCaseReport } from '../models/msfem/experiments/cases';
import { msfemCaseProblem } from '../models/msfem/experiments/cases';
import type { FigureSpec, VegaLiteSpec } from './framework/figures';
import { lineChartSpec, type Rows } from './plot';

const FIGURE_OF = { periodic: '4.3', 'high-contrast': '4.4', helmholtz: '4.6' } as const;

/** A heat map of cell values: one rect per cell [x0, x1] × [y0, y1]. */
function heatmapSpec(rows: Rows, o: { title: string; xTitle: string; yTitle: string; colorTitle: string; diverging?: boolean; width: number; height: number }): VegaLiteSpec {
  const axis = { type: 'linear', zero: false, nice: false };
  return {
    title: o.title,
    width: o.width,
    height: o.height,
    data: { values: rows },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x0', type: 'quantitative', scale: axis, title: o.xTitle },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', scale: axis, title: o.yTitle },
      y2: { field: 'y1' },
      color: { field: 'value', type: 'quantitative', title: o.colorTitle, scale: o.diverging ? { scheme: 'blueorange', domainMid: 0 } : { scheme: 'viridis' } },
    },
  };
}

/** e_H and e_L2 against m on a log axis, one curve per N_c and norm. */
export function errorFigure(reports: MsfemCaseReport[], caseName: MsfemCaseOptions['case']): FigureSpec {
  const rows: Rows = [];
  for (const r of reports) {
    r.modes.forEach((m, i) => {
      if (r.eH[i] > 0) rows.push({ m, error: r.eH[i], norm: `e_H, N_c = ${r.coarse}, N_f = ${r.fine}` });
    });
    r.modes.forEach((m, i) => {
      if (r.eL2[i] > 0) rows.push({ m, error: r.eL2[i], norm: `e_L2, N_c = ${r.coarse}, N_f = ${r.fine}` });
    });
  }
  const fig = FIGURE_OF[caseName];
  const spec = lineChartSpec(rows, {
      x: 'm', y: 'error', series: 'norm', seriesTitle: 'error, mesh', logY: true, points: true,
      title: `ExpMsFEM, ${caseName}: relative errors against m (cf. thesis Fig. ${fig})`, xTitle: 'edge modes per coarse edge m', yTitle: 'relative error (energy e_H, L² e_L2)',
  });
  (spec.encoding as { x: Record<string, unknown> }).x.axis = { tickMinStep: 1, format: 'd' };
  return {
    name: 'errors',
    spec,
    caption: `Relative energy error e_H and L² error e_L2 of ExpMsFEM against the fine Q1 solution on the same mesh (thesis (4.4.1)), against the number m of edge eigenfunctions per coarse edge, one curve per N_c (cf. thesis Fig. ${fig}). Exponential convergence shows as a straight decreasing line on this log axis.`,
  };
}

/** The coefficient A on an n × n sample of cell centers (log₁₀ A for the high-contrast case). */
export function coefficientFigure(options: MsfemCaseOptions, n = 64): FigureSpec {
  const p = msfemCaseProblem({ ...options, coarse: 2, fine: 2 });
  const a = p.diffusion as (x: number, y: number) => number;
  const log = options.case === 'high-contrast';
  const rows: Rows = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = a((i + 0.5) / n, (j + 0.5) / n);
      rows.push({ x0: i / n, x1: (i + 1) / n, y0: j / n, y1: (j + 1) / n, value: log ? Math.log10(v) : v });
    }
  }
  const what = { periodic: 'the five-scale periodic field (4.4.2)', 'high-contrast': `49 disks of contrast M = ${options.contrast ?? 1024}`, helmholtz: 'A = |ξ| + 0.5 of the seeded rough field' }[options.case];
  return {
    name: 'coefficient',
    spec: heatmapSpec(rows, { title: `Coefficient ${log ? 'log₁₀ A' : 'A'}: ${what}`, xTitle: 'x₁', yTitle: 'x₂', colorTitle: log ? 'log₁₀ A' : 'A', width: 320, height: 320 }),
    caption: `The diffusion coefficient of the ${options.case} case (thesis §4.4) sampled at the centres of a ${n} × ${n} grid${log ? ' (log₁₀ scale)' : ''}; the solver samples it at every fine element centre.`,
  };
}

/** The edge basis function over its two coarse cells (subsampled to at most 64 × 64 nodes). */
export function basisFigure(pic: EdgeBasisPicture, options: MsfemCaseOptions): FigureSpec {
  const stride = Math.max(1, Math.ceil(Math.max(pic.nx, pic.ny) / 64));
  const hx = (pic.x[1] - pic.x[0]) / (pic.nx - 1);
  const hy = (pic.y[1] - pic.y[0]) / (pic.ny - 1);
  const rows: Rows = [];
  for (let j = 0; j < pic.ny; j += stride) {
    for (let i = 0; i < pic.nx; i += stride) {
      const x = pic.x[0] + i * hx;
      const y = pic.y[0] + j * hy;
      rows.push({ x0: x - (stride * hx) / 2, x1: x + (stride * hx) / 2, y0: y - (stride * hy) / 2, y1: y + (stride * hy) / 2, value: pic.values[j * pic.nx + i] });
    }
  }
  const complex = options.case === 'helmholtz';
  return {
    name: 'basis',
    spec: heatmapSpec(rows, {
      title: `Edge basis function j = ${pic.mode} of the central coarse edge (σ = ${pic.sigma.toPrecision(3)})`,
      xTitle: 'x₁', yTitle: 'x₂', colorTitle: complex ? 'Re ψ (max |ψ| = 1)' : 'ψ (max |ψ| = 1)', diverging: true, width: 440, height: 220,
    }),
    caption: `The eigenfunction j = ${pic.mode} of the local eigenproblem (thesis (4.3.4)) of the vertical coarse edge between cells ${pic.cells.join(' and ')}, A-harmonically extended into both cells (thesis (4.3.5)–(4.3.6)); it vanishes on the cells' other sides and oscillates with the coefficient. Scaled to max |ψ| = 1${complex ? `; real part after rotating the phase so the largest value is real (max |Im| = ${pic.imaginaryRatio.toPrecision(2)})` : ''}${stride > 1 ? `; every ${stride}-th fine node` : ''}.`,
  };
}
