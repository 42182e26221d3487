import { useCallback } from 'react';
import { ChartFigure, ChartLegend } from '../../../components/charts/ChartFigure';
import { EChart } from '../../../components/charts/EChart';
import { budgetColours, budgetOption, type BudgetChartInput } from './budget-chart';

/** Planned, committed and spent per funding source; the table with the same numbers follows it. */
export function BudgetChart({ title, summary, labels, series, axisText }: BudgetChartInput & { title: string; summary: string }) {
  const build = useCallback((width: number) => budgetOption({ labels, series, axisText }, width), [labels, series, axisText]);
  return (
    <ChartFigure
      title={title}
      summary={summary}
      legend={<ChartLegend items={series.map((s, i) => ({ key: s.name, swatch: { fill: budgetColours[i] }, label: s.name }))} />}
    >
      <EChart build={build} estimatedHeight={44 + labels.length * 78} testId="budget-chart" />
    </ChartFigure>
  );
}
