/**
 * Headless rendering of figure specifications with vega / vega-lite, loaded lazily: they are
 * optional dependencies of the package (library users never load them), so a missing install
 * gives a report without SVG files and a message saying how to get them, not a crash.
 *
 * PNG: the SVG is rasterized by `@resvg/resvg-js` (prebuilt binaries, no compiler needed) with the
 * system fonts, or else drawn by vega through the `canvas` package when that is installed. With neither,
 * the report says once how to get PNG files.
 *
 * @module
 */
import { FIGURE_CONFIG, type VegaLiteSpec } from './figures';

/** How to get the plotting stack, printed when it is missing. */
export const PLOTTING_HINT = 'figures need the optional packages vega and vega-lite: run `npm install vega vega-lite` next to singularis (the Vega-Lite specifications .vl.json are written anyway)';

/** How to get PNG output. */
export const PNG_HINT = 'PNG files need the optional package @resvg/resvg-js (`npm install @resvg/resvg-js`); SVG files were written';

type ResvgModule = typeof import('@resvg/resvg-js');

let resvgLoaded: Promise<ResvgModule | null> | undefined;

/** Load @resvg/resvg-js once; null when it is not installed (or its binary does not load here). */
function loadResvg(): Promise<ResvgModule | null> {
  resvgLoaded ??= import('@resvg/resvg-js').then(
    (m) => ((m as { default?: ResvgModule }).default ?? m) as ResvgModule,
    () => null,
  );
  return resvgLoaded;
}

/** Rasterize an SVG document at twice its size with the system fonts; null when no rasterizer loads. */
async function svgToPng(svg: string): Promise<Uint8Array | null> {
  const resvg = await loadResvg();
  if (resvg === null) return null;
  const image = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
  return image.render().asPng();
}

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

/** A rendered figure: the SVG, and the PNG when a rasterizer is available. */
export interface RenderedFigure {
  /** SVG document. */
  svg: string;
  /** PNG bytes, or null when neither @resvg/resvg-js nor canvas is installed. */
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
        png = await svgToPng(svg);
      } catch {
        png = null;
      }
      if (png === null) {
        try {
          const canvas = (await view.toCanvas(2)) as unknown as { toBuffer?: (type: string) => Uint8Array };
          png = typeof canvas.toBuffer === 'function' ? canvas.toBuffer('image/png') : null;
        } catch {
          png = null;
        }
      }
    }
    return { svg, png };
  } finally {
    view.finalize();
  }
}
