import { describe, expect, it } from 'vitest';
import { contrast } from '../../../components/charts/scale';
import { budgetColours, budgetOption } from './budget-chart';

describe('budget chart', () => {
  const input = {
    labels: ['Eigen budget', 'Sectorfonds'],
    series: [
      { name: 'Gepland', values: [648.5, 600], texts: ['€ 648,50', '€ 600,00'] },
      { name: 'Vastgelegd', values: [548.5, 0], texts: ['€ 548,50', '€ 0,00'] },
      { name: 'Uitgegeven', values: [0, 0], texts: ['€ 0,00', '€ 0,00'] },
    ],
    axisText: (v: number) => `€ ${v}`,
  };
  it('draws three labelled bars per source and grows with the number of sources', () => {
    const built = budgetOption(input, 600);
    const series = (built.option as { series: Array<{ name: string; data: number[] }> }).series;
    expect(series.map((s) => s.name)).toEqual(['Gepland', 'Vastgelegd', 'Uitgegeven']);
    expect(series[0].data).toEqual([648.5, 600]);
    expect(budgetOption({ ...input, labels: [...input.labels, 'Derde'] }, 600).height).toBeGreaterThan(built.height);
  });
  it('uses colours with enough contrast against white', () => {
    for (const colour of budgetColours) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
