/**
 * Figures of reports: a Vega-Lite specification with a file name and a caption, and the checker
 * that makes every figure readable without its caption — a title, a title on every x and y axis,
 * and a legend (with a title and meaningful entries) wherever more than one series is drawn.
 * The same module reads the titles, axis titles and legend entries back out of a rendered SVG,
 * so tests (and the report writer) can confirm what the reader actually sees.
 *
 * Pure functions only: rendering lives in `render.ts`, which loads vega lazily.
 *
 * @module
 */

/** A Vega-Lite specification (the JSON object of https://vega.github.io/vega-lite/). */
export type VegaLiteSpec = Record<string, unknown>;

/** One figure of a report. */
export interface FigureSpec {
  /** File name without extension (`fig5-profiles`); the report writes `.svg`, `.vl.json`, `.caption.md`, `.png`. */
  name: string;
  /** The Vega-Lite specification, data inlined. */
  spec: VegaLiteSpec;
  /** A short caption (markdown): what is plotted, at which parameters, and what to look for. */
  caption: string;
}

/** Words that say nothing to a reader as a legend title or entry. */
const MEANINGLESS = new Set(['', 'series', 'value', 'values', 'curve', 'data', 'undefined', 'null', 'nan', 'key', 'group']);

/** Channels drawn as legends. */
const LEGEND_CHANNELS = ['color', 'fill', 'stroke', 'shape', 'strokeDash', 'size', 'opacity'] as const;

type Encoding = Record<string, Record<string, unknown> | undefined>;
type View = { mark?: unknown; encoding?: Encoding; layer?: View[]; spec?: View };

function titleText(title: unknown): string | null {
  if (typeof title === 'string') return title;
  if (title !== null && typeof title === 'object' && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return null;
}

/** Every unit view (one with a mark) of a single, layered or faceted specification. */
function unitViews(spec: View): View[] {
  if (spec.spec !== undefined) return unitViews(spec.spec);
  if (Array.isArray(spec.layer)) {
    return spec.layer.flatMap((l) => unitViews({ ...l, encoding: { ...(spec.encoding ?? {}), ...(l.encoding ?? {}) } }));
  }
  return spec.mark === undefined ? [] : [spec];
}

/** The inline data rows of a specification. */
function dataRows(spec: VegaLiteSpec): Record<string, unknown>[] {
  const data = spec.data as { values?: unknown } | undefined;
  return Array.isArray(data?.values) ? (data.values as Record<string, unknown>[]) : [];
}

/**
 * The entries a reader should find in the figure's legend: the scale domain when given, else
 * the distinct values of the legend field in order of appearance, plus every `datum` label.
 * Quantitative legends (color ramps) have no entries.
 */
export function expectedLegendEntries(spec: VegaLiteSpec): string[] {
  const entries: string[] = [];
  const add = (v: unknown) => {
    const s = String(v);
    if (!entries.includes(s)) entries.push(s);
  };
  for (const view of unitViews(spec as View)) {
    for (const channel of LEGEND_CHANNELS) {
      const enc = view.encoding?.[channel];
      if (enc === undefined || enc.legend === null) continue;
      if (enc.datum !== undefined) add(enc.datum);
      else if (typeof enc.field === 'string' && enc.type === 'nominal') {
        const domain = (enc.scale as { domain?: unknown } | undefined)?.domain;
        if (Array.isArray(domain)) domain.forEach(add);
        else for (const row of dataRows(spec)) add(row[enc.field]);
      }
    }
  }
  return entries;
}

/**
 * Problems that make a figure unreadable without its caption (empty when none).
 * Checks: a title; a non-empty title on every x and y encoding; when several series are drawn
 * (a nominal color/shape/dash field, or several layers), a legend with a title and meaningful
 * entries; a caption.
 * @example
 * ```ts
 * checkFigureSpec({ name: 'f', caption: 'c', spec: { mark: 'line', encoding: { x: { field: 'x' } } } });
 * // → ['no title', 'the x axis has no title']
 * ```
 */
export function checkFigureSpec(figure: FigureSpec): string[] {
  const problems: string[] = [];
  const spec = figure.spec;
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(figure.name)) problems.push(`file name ${JSON.stringify(figure.name)} is not lower-case words with dashes`);
  if (figure.caption.trim() === '') problems.push('no caption');
  const title = titleText(spec.title);
  if (title === null || title.trim() === '') problems.push('no title');
  const views = unitViews(spec as View);
  if (views.length === 0) problems.push('no marks');
  let legends = 0;
  views.forEach((view, v) => {
    const where = views.length > 1 ? ` (layer ${v + 1})` : '';
    for (const axis of ['x', 'y'] as const) {
      const enc = view.encoding?.[axis];
      if (enc === undefined) continue;
      const t = titleText(enc.title);
      if (t === null || t.trim() === '' || MEANINGLESS.has(t.trim().toLowerCase())) problems.push(`the ${axis} axis has no meaningful title${where} (got ${JSON.stringify(enc.title ?? enc.field ?? null)})`);
    }
    for (const channel of LEGEND_CHANNELS) {
      const enc = view.encoding?.[channel];
      if (enc === undefined || enc.legend === null) continue;
      if (enc.datum !== undefined) {
        legends++;
        continue;
      }
      if (typeof enc.field !== 'string') continue;
      legends++;
      const t = titleText(enc.title);
      if (t === null || MEANINGLESS.has(t.trim().toLowerCase())) problems.push(`the ${channel} legend has no meaningful title${where} (got ${JSON.stringify(enc.title ?? enc.field)})`);
      if (enc.type === 'nominal' && !Array.isArray((enc.scale as { domain?: unknown } | undefined)?.domain) && enc.sort !== null) {
        problems.push(`the ${channel} legend of ${JSON.stringify(enc.field)} sorts its entries as text; give scale.domain in reading order (or sort: null)`);
      }
    }
  });
  const series = views.filter((v) => v.encoding === undefined || !LEGEND_CHANNELS.some((c) => v.encoding?.[c]?.field !== undefined || v.encoding?.[c]?.datum !== undefined));
  if (views.length > 1 && legends === 0 && series.length > 1) problems.push(`${views.length} layers are drawn but no legend says which is which`);
  for (const entry of expectedLegendEntries(spec)) {
    if (MEANINGLESS.has(entry.trim().toLowerCase())) problems.push(`legend entry ${JSON.stringify(entry)} says nothing`);
  }
  return problems;
}

/** Texts a reader sees in a rendered figure, grouped by role. */
export interface SvgTexts {
  /** Chart titles. */
  titles: string[];
  /** Axis titles. */
  axisTitles: string[];
  /** Legend titles. */
  legendTitles: string[];
  /** Legend entries. */
  legendLabels: string[];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Read titles, axis titles and legend entries out of an SVG rendered by vega (its text marks
 * carry `role-title-text`, `role-axis-title`, `role-legend-title`, `role-legend-label`).
 */
export function svgTexts(svg: string): SvgTexts {
  const out: SvgTexts = { titles: [], axisTitles: [], legendTitles: [], legendLabels: [] };
  const key: Record<string, keyof SvgTexts> = { 'title-text': 'titles', 'axis-title': 'axisTitles', 'legend-title': 'legendTitles', 'legend-label': 'legendLabels' };
  const group = /<g class="mark-text role-(title-text|axis-title|legend-title|legend-label)"[^>]*>((?:<text[^>]*>[^<]*<\/text>)*)<\/g>/g;
  for (let m = group.exec(svg); m !== null; m = group.exec(svg)) {
    const text = /<text[^>]*>([^<]*)<\/text>/g;
    for (let t = text.exec(m[2]); t !== null; t = text.exec(m[2])) out[key[m[1]]].push(decode(t[1]));
  }
  return out;
}

/**
 * Problems between a figure's specification and its rendered SVG: the title, every axis title
 * and every expected legend entry must appear.
 */
export function checkRenderedFigure(figure: FigureSpec, svg: string): string[] {
  const texts = svgTexts(svg);
  const problems: string[] = [];
  const title = titleText(figure.spec.title);
  if (title !== null && !texts.titles.includes(title)) problems.push(`title ${JSON.stringify(title)} not rendered`);
  for (const view of unitViews(figure.spec as View)) {
    for (const axis of ['x', 'y'] as const) {
      const t = titleText(view.encoding?.[axis]?.title);
      if (t !== null && !texts.axisTitles.includes(t)) problems.push(`${axis} axis title ${JSON.stringify(t)} not rendered`);
    }
  }
  for (const entry of expectedLegendEntries(figure.spec)) {
    if (!texts.legendLabels.includes(entry)) problems.push(`legend entry ${JSON.stringify(entry)} not rendered`);
  }
  return problems;
}

/** Rendering settings applied to every figure: white background, nothing truncated. */
export const FIGURE_CONFIG = {
  background: 'white',
  config: { legend: { labelLimit: 0, titleLimit: 0 }, axis: { titleLimit: 0 }, title: { limit: 0 } },
} as const;
