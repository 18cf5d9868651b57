/**
 * Figures for CLI reports: Vega-Lite specifications rendered headless to SVG strings.
 *
 * `vega` and `vega-lite` are loaded lazily (they are ES modules with top-level await), so the
 * library subpaths never pay for them.
 *
 * @module
 */

/** A Vega-Lite specification (the JSON object of https://vega.github.io/vega-lite/). */
export type VegaLiteSpec = Record<string, unknown>;

/**
 * Render a Vega-Lite specification to an SVG document.
 * @example
 * ```ts
 * const svg = await renderSvg({
 *   data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] },
 *   mark: 'line',
 *   encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
 * });
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile({ background: 'white', ...spec } as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rows of `{ [field]: number | string }`, the data layout every figure helper takes. */
export type Rows = Record<string, number | string>[];

/**
 * A multi-series line chart: `series` names the color field; log axes optional.
 * @example
 * ```ts
 * const svg = await lineChart(rows, { x: 'N', y: 'error', series: 'method', logX: true, logY: true, title: 'Convergence' });
 * ```
 */
export async function lineChart(
  rows: Rows,
  options: { x: string; y: string; series?: string; logX?: boolean; logY?: boolean; title?: string; xTitle?: string; yTitle?: string; points?: boolean; width?: number; height?: number },
): Promise<string> {
  const scale = (log?: boolean) => (log ? { type: 'log' } : { zero: false });
  return renderSvg({
    title: options.title,
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', point: options.points ?? false },
    encoding: {
      x: { field: options.x, type: 'quantitative', scale: scale(options.logX), title: options.xTitle ?? options.x },
      y: { field: options.y, type: 'quantitative', scale: scale(options.logY), title: options.yTitle ?? options.y },
      ...(options.series ? { color: { field: options.series, type: 'nominal', title: options.series } } : {}),
    },
  });
}
