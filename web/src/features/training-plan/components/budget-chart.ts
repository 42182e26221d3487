/**
 * ECharts option of the budget chart: per funding source three bars (planned, committed, spent),
 * each labelled with its series name and amount, so colour is never the only cue. Pure (no DOM).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { BuiltChart } from '../../../components/charts/EChart';
import { accent, brand, ink, muted } from '../../../components/charts/scale';

/** Third series: dark green, ≥ 4.5:1 on white and apart from the blue and orange. */
export const spentColour = '#1e6b34';
export const budgetColours = [brand, accent, spentColour] as const;

export interface BudgetChartInput {
  labels: string[];
  series: Array<{ name: string; values: number[]; texts: string[] }>;
  axisText: (value: number) => string;
}

const ROW = 78;

export function budgetOption({ labels, series, axisText }: BudgetChartInput, width: number): BuiltChart {
  const left = Math.round(Math.max(90, Math.min(220, width * 0.35))) + 8;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const height = 36 + labels.length * ROW + 8;
  const option: EChartsCoreOption = {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', fontSize: 13 },
    grid: { left, right: Math.min(160, Math.round(width * 0.35)), top: 32, bottom: 8 },
    xAxis: {
      type: 'value',
      position: 'top',
      min: 0,
      max,
      axisLabel: { color: muted, formatter: axisText, hideOverlap: true },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#767676' } },
      axisLabel: { interval: 0, color: ink, fontSize: 13, width: left - 14, overflow: 'break' },
    },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      silent: true,
      barMaxWidth: 14,
      barGap: '20%',
      itemStyle: { color: budgetColours[i] },
      data: s.values,
      label: { show: true, position: 'right', color: ink, formatter: (p: { dataIndex: number }) => `${s.name}: ${s.texts[p.dataIndex]}` },
    })),
  };
  return { option, height };
}
