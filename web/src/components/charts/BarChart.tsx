import { useCallback } from 'react';
import { ChartFigure } from './ChartFigure';
import { EChart } from './EChart';
import { barOption } from './options';

export interface BarChartProps {
  title: string;
  summary: string;
  labels: string[];
  values: number[];
  /** Text at the end of each bar (the value, formatted). */
  texts: string[];
  max: number;
  axisText: (value: number) => string;
}

/** Horizontal bars (e.g. the largest training needs), the value written next to every bar. */
export function BarChart({ title, summary, labels, values, texts, max, axisText }: BarChartProps) {
  const build = useCallback(
    (width: number) => barOption({ labels, values, texts, max, axisText }, width),
    [labels, values, texts, max, axisText],
  );
  return (
    <ChartFigure title={title} summary={summary}>
      <EChart build={build} estimatedHeight={40 + labels.length * 32} testId="bar-chart" />
    </ChartFigure>
  );
}
