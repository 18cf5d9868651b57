/**
 * Headless rendering of figure specifications with vega / vega-lite, loaded lazily: they are
 * optional dependencies of the package (library users never load them), so a missing install
 * gives a report without SVG files and a message saying how to get them, not a crash.
 *
 * PNG: vega draws PNG through the `canvas` package (a native module). When it is installed, a PNG
 * is written beside each SVG; otherwise the report says so once.
 *
 * @module
 */
import { FIGURE_CONFIG, type VegaLiteSpec } from './figures';

/** How to get the plotting stack, printed when it is missing. */
export const PLOTTING_HINT = 'figures need the optional packages vega and vega-lite: run `npm install vega vega-lite` next to singularis (the Vega-Lite specifications .vl.json are written anyway)';

/** How to get PNG output. */
export const PNG_HINT = 'PNG files need the optional native package `canvas` (`npm install canvas`); SVG files were written';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let loaded: Promise<{ vega: VegaModule; vegaLite: VegaLiteModule } | null> | undefined;

/** Load vega and vega-lite once; null when they are not installed. */
export function loadPlotting(): Promise<{ vega: VegaModule; vegaLite: VegaLiteModule } | null> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]).then(
    ([vega, vegaLite]) => ({ vega, vegaLite }),
    () => null,
  );
  return loaded;
}

/** A rendered figure: the SVG, and the PNG when `canvas` is available. */
export interface RenderedFigure {
  /** SVG document. */
  svg: string;
  /** PNG bytes, or null when no canvas implementation is installed. */
  png: Uint8Array | null;
}

/**
 * Render a Vega-Lite specification (with {@link FIGURE_CONFIG}) to SVG and, when possible, PNG.
 * @returns null when vega / vega-lite are not installed
 * @example
 * ```ts
 * const out = await renderFigure({ title: 't', data: { values: [{ x: 1, y: 2 }] }, mark: 'point',
 *   encoding: { x: { field: 'x', type: 'quantitative', title: 'x' }, y: { field: 'y', type: 'quantitative', title: 'y' } } });
 * ```
 */
export async function renderFigure(spec: VegaLiteSpec, withPng = true): Promise<RenderedFigure | null> {
  const lib = await loadPlotting();
  if (lib === null) return null;
  const { vega, vegaLite } = lib;
  const full = { ...FIGURE_CONFIG, ...spec, config: { ...FIGURE_CONFIG.config, ...((spec.config as object | undefined) ?? {}) } };
  const compiled = vegaLite.compile(full as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    let png: Uint8Array | null = null;
    if (withPng) {
      try {
        const canvas = (await view.toCanvas(2)) as unknown as { toBuffer?: (type: string) => Uint8Array };
        png = typeof canvas.toBuffer === 'function' ? canvas.toBuffer('image/png') : null;
      } catch {
        png = null;
      }
    }
    return { svg, png };
  } finally {
    view.finalize();
  }
}
