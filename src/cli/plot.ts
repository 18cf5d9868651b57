/**
 * Figure specification builders for CLI reports (Vega-Lite objects; the shared layer renders
 * them). Series keep the order in which they first appear in the data (τ = 0.1, 1, 10, … rather
 * than text order), and every builder asks for a title, axis titles and a legend title.
 *
 * @module
 */
import type { VegaLiteSpec } from './framework/figures';

export type { VegaLiteSpec };

/** Rows of `{ [field]: number | string }`, the data layout every figure helper takes. */
export type Rows = Record<string, number | string>[];

/** Distinct values of `field` in order of first appearance. */
export function seriesOrder(rows: Rows, field: string): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add(String(r[field]));
  return [...seen];
}

/** Options of {@link lineChartSpec}. */
export interface LineChartOptions {
  /** Field on the x axis. */
  x: string;
  /** Field on the y axis. */
  y: string;
  /** Chart title. */
  title: string;
  /** x axis title (with units or symbol). */
  xTitle: string;
  /** y axis title (with units or symbol). */
  yTitle: string;
  /** Field naming the series (one line each), shown in the legend. */
  series?: string;
  /** Legend title (required with `series`). */
  seriesTitle?: string;
  /** Logarithmic x axis. */
  logX?: boolean;
  /** Logarithmic y axis. */
  logY?: boolean;
  /** Draw points on the lines. */
  points?: boolean;
  /** Width in pixels (default 480). */
  width?: number;
  /** Height in pixels (default 300). */
  height?: number;
}

/**
 * A multi-series line chart; series in order of appearance.
 * @example
 * ```ts
 * const spec = lineChartSpec(rows, { x: 'N', y: 'error', series: 'method', seriesTitle: 'method', logX: true, logY: true,
 *   title: 'Convergence', xTitle: 'N', yTitle: 'max error' });
 * ```
 */
export function lineChartSpec(rows: Rows, o: LineChartOptions): VegaLiteSpec {
  const scale = (log?: boolean) => (log ? { type: 'log' } : { zero: false });
  return {
    title: o.title,
    width: o.width ?? 480,
    height: o.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', point: o.points ?? false },
    encoding: {
      x: { field: o.x, type: 'quantitative', scale: scale(o.logX), title: o.xTitle },
      y: { field: o.y, type: 'quantitative', scale: scale(o.logY), title: o.yTitle },
      ...(o.series ? { color: { field: o.series, type: 'nominal', title: o.seriesTitle ?? o.series, scale: { domain: seriesOrder(rows, o.series) } } } : {}),
    },
  };
}
