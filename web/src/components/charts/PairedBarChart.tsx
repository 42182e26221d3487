import { useCallback } from 'react';
import { ChartFigure, ChartLegend } from './ChartFigure';
import { EChart } from './EChart';
import { pairedBarOption, type PairedBarInput } from './options';
import { accent, brand, ink } from './scale';

export interface PairedBarChartProps extends PairedBarInput {
  title: string;
  summary: string;
  /** Legend words for the two series and the reference line. */
  legend: [string, string] | [string, string, string];
}

/** Two bars per row (e.g. coverage now and at the horizon), each bar labelled with its series and value. */
export function PairedBarChart({ title, summary, legend, labels, series, max, axisText, reference }: PairedBarChartProps) {
  const build = useCallback(
    (width: number) => pairedBarOption({ labels, series, max, axisText, reference }, width),
    [labels, series, max, axisText, reference],
  );
  return (
    <ChartFigure
      title={title}
      summary={summary}
      legend={
        <ChartLegend
          items={[
            { key: 'a', swatch: { fill: brand }, label: legend[0] },
            { key: 'b', swatch: { fill: accent }, label: legend[1] },
            ...(legend[2] ? [{ key: 'ref', swatch: { fill: ink, border: ink, line: true }, label: legend[2] }] : []),
          ]}
        />
      }
    >
      <EChart build={build} estimatedHeight={44 + labels.length * 52} testId="paired-bar-chart" />
    </ChartFigure>
  );
}
