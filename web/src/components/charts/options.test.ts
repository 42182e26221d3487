// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { init } from './echarts-runtime';
import { barOption, heatmapOption, pairedBarOption } from './options';
import type { BuiltChart } from './EChart';

/** Renders an option to SVG the way the browser would (SVG renderer, no animation). */
function render({ option, height }: BuiltChart, width: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('heat map option', () => {
  const input = {
    rows: ['Werken met een tablet', 'Veilig werken'],
    columns: ['Verpakking', 'Groendienst'],
    cells: [
      { row: 0, col: 0, value: 1.4, text: '1,4', suppressed: false },
      { row: 0, col: 1, value: null, text: '< 5', suppressed: true },
      { row: 1, col: 0, value: 0.1, text: '0,1', suppressed: false },
      { row: 1, col: 1, value: null, text: '–', suppressed: false },
    ],
  };

  it('draws every cell with its number, hidden cells grey and hatched with "< 5"', () => {
    const built = heatmapOption(input, 640);
    const svg = render(built, 640);
    expect(svg).toContain('>1,4</text>');
    expect(svg).toContain('>0,1</text>');
    expect(svg).toContain('>&lt; 5</text>');
    expect(svg).toContain('>–</text>');
    expect(svg).toContain('fill="#b4490a"'); // 1.4 → fourth colour
    expect(svg).toContain('fill="#fff5d6"'); // 0.1 → lightest
    expect(svg).toContain('fill="#e6e6e6"'); // hidden
    expect(svg).toContain('stroke="#8a8a8a"'); // hatch lines
    expect(svg).toContain('Verpakking');
  });

  it('grows with the number of competences and turns the group names on a phone', () => {
    const wide = heatmapOption(input, 900);
    // Five groups on a 360 px phone: too narrow for straight names.
    const five = { ...input, columns: ['A-team', 'B-team', 'C-team', 'D-team', 'E-team'] };
    const phone = heatmapOption(five, 328);
    expect(phone.height).toBeGreaterThan(heatmapOption(five, 900).height);
    expect(heatmapOption({ ...input, rows: [...input.rows, 'Derde'] }, 900).height).toBe(wide.height + 34);
    expect(render(phone, 328)).toContain('>&lt; 5</text>');
  });
});

describe('bar options', () => {
  it('write the value next to every bar', () => {
    const built = barOption(
      { labels: ['Tablet', 'Lezen'], values: [0.8, 0.5], texts: ['80 %', '50 %'], max: 1, axisText: (v) => `${Math.round(v * 100)} %` },
      500,
    );
    const svg = render(built, 500);
    expect(svg).toContain('>80 %</text>');
    expect(svg).toContain('>50 %</text>');
    expect(svg).toContain('Tablet');
  });

  it('name both series next to every paired bar and draw the reference line', () => {
    const built = pairedBarOption(
      {
        labels: ['Tablet', 'Lezen'],
        series: [
          { name: 'nu', values: [0.9, null], texts: ['90 %', '–'] },
          { name: '2030', values: [0.5, 1.2], texts: ['50 %', '120 %'] },
        ],
        max: 1.2,
        axisText: (v) => `${Math.round(v * 100)} %`,
        reference: { value: 0.8, text: '80 %' },
      },
      500,
    );
    const svg = render(built, 500);
    expect(svg).toContain('>nu: 90 %</text>');
    expect(svg).toContain('>2030: 50 %</text>');
    expect(svg).toContain('>2030: 120 %</text>');
    expect(svg).not.toContain('nu: –');
    expect(svg).toContain('stroke-dasharray');
  });
});
