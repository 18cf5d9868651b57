import { checkFigureSpec, checkRenderedFigure, expectedLegendEntries, svgTexts, type FigureSpec } from '../../src/cli/framework/figures';
import { lineChartSpec, seriesOrder } from '../../src/cli/plot';

const rows = [0.1, 1, 10, 100, 1000].flatMap((tau) => [0, 1, 2].map((z) => ({ z, u: 1 / (1 + z * z + 1 / tau), series: `τ = ${tau}` })));

const good = (): FigureSpec => ({
  name: 'profiles',
  caption: 'Profiles at increasing τ.',
  spec: lineChartSpec(rows, { x: 'z', y: 'u', series: 'series', seriesTitle: 'rescaled time', title: 'Profiles', xTitle: 'z', yTitle: 'û(z, τ)' }),
});

describe('figure checks', () => {
  test('a complete line chart passes; its legend keeps the order of appearance (τ numerically, not as text)', () => {
    expect(checkFigureSpec(good())).toEqual([]);
    expect(expectedLegendEntries(good().spec)).toEqual(['τ = 0.1', 'τ = 1', 'τ = 10', 'τ = 100', 'τ = 1000']);
    expect(seriesOrder(rows, 'series')[4]).toBe('τ = 1000');
  });

  test('the defects of the earlier figures are caught', () => {
    const noTitle = good();
    delete noTitle.spec.title;
    expect(checkFigureSpec(noTitle)).toContain('no title');
    // heat-blowup: y axis titled "value", legend sorted as text
    const valueAxis = good();
    const enc = valueAxis.spec.encoding as Record<string, Record<string, unknown>>;
    enc.y.title = 'value';
    delete (enc.color as Record<string, unknown>).scale;
    const problems = checkFigureSpec(valueAxis);
    expect(problems.some((p) => p.startsWith('the y axis has no meaningful title'))).toBe(true);
    expect(problems.some((p) => p.includes('sorts its entries as text'))).toBe(true);
    // billiards Fig. 3: legend titled "series"
    const seriesLegend = good();
    (seriesLegend.spec.encoding as Record<string, Record<string, unknown>>).color.title = 'series';
    expect(checkFigureSpec(seriesLegend).some((p) => p.startsWith('the color legend has no meaningful title'))).toBe(true);
    // billiards Fig. 2: two layers, no key
    const layers: FigureSpec = {
      name: 'histogram',
      caption: 'c',
      spec: {
        title: 'Histogram',
        data: { values: [{ W: 0, a: 1, b: 1 }] },
        layer: [
          { mark: 'bar', encoding: { x: { field: 'W', title: 'W' }, y: { field: 'a', title: 'density' } } },
          { mark: 'line', encoding: { x: { field: 'W', title: 'W' }, y: { field: 'b', title: 'density' } } },
        ],
      },
    };
    expect(checkFigureSpec(layers)).toContain('2 layers are drawn but no legend says which is which');
    // a missing caption, a bad file name, an axis without title
    expect(checkFigureSpec({ ...good(), caption: ' ', name: 'Fig 5' })).toEqual(expect.arrayContaining(['no caption', 'file name "Fig 5" is not lower-case words with dashes']));
  });

  test('texts are read back from a vega SVG by role, and missing ones are reported', () => {
    const svg = [
      '<svg><g class="mark-text role-axis-title" pointer-events="none"><text transform="x">z</text></g>',
      '<g class="mark-text role-axis-title" pointer-events="none"><text>û(z, τ)</text></g>',
      '<g class="mark-text role-legend-title" pointer-events="none"><text>rescaled time</text></g>',
      ...['0.1', '1', '10', '100'].map((t) => `<g class="mark-text role-legend-label" pointer-events="none"><text>τ = ${t}</text></g>`),
      '<g class="mark-text role-title-text" role="graphics-symbol"><text>Profiles</text></g></svg>',
    ].join('');
    expect(svgTexts(svg)).toEqual({ titles: ['Profiles'], axisTitles: ['z', 'û(z, τ)'], legendTitles: ['rescaled time'], legendLabels: ['τ = 0.1', 'τ = 1', 'τ = 10', 'τ = 100'] });
    expect(checkRenderedFigure(good(), svg)).toEqual(['legend entry "τ = 1000" not rendered']);
    expect(svgTexts('<g class="mark-text role-title-text"><text>a &amp; b &lt;c&gt;</text></g>').titles).toEqual(['a & b <c>']);
  });
});
