/**
 * ECharts options for our three charts, as pure functions of the data and the available width
 * (no DOM, no ECharts runtime), so they are unit-tested by rendering them to SVG on the server
 * (options.test.ts). Texts and numbers arrive already translated and formatted.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { accent, brand, gapBin, hatchLines, hatchStroke, ink, muted, paper, suppressedFill } from './scale';
import type { BuiltChart } from './EChart';

const font = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', fontSize: 13 };
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
/** Width left for the category labels on the left: about 40 % of the chart, between 90 and 260 px. */
const labelWidth = (width: number) => Math.round(clamp(width * 0.4, 90, 260));

export interface HeatCell {
  row: number;
  col: number;
  /** Mean gap; null when hidden or unknown. */
  value: number | null;
  /** What the cell says: the formatted mean gap, "< 5" when hidden, "–" when unknown. */
  text: string;
  suppressed: boolean;
}

export interface HeatMapInput {
  rows: string[];
  columns: string[];
  cells: HeatCell[];
}

const ROW = 34;

/** Competences (rows) × groups (columns); colour = mean gap, the number in every cell, hidden cells hatched grey. */
export function heatmapOption({ rows, columns, cells }: HeatMapInput, width: number): BuiltChart {
  const left = labelWidth(width) + 8;
  const right = 8;
  const colWidth = (width - left - right) / Math.max(1, columns.length);
  const rotate = colWidth < 72;
  const top = rotate ? 96 : 40;
  const height = top + rows.length * ROW + 8;
  const option: EChartsCoreOption = {
    animation: false,
    textStyle: font,
    grid: { left, right, top, bottom: 8 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: columns,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        color: ink,
        fontSize: 13,
        rotate: rotate ? 45 : 0,
        width: rotate ? 120 : colWidth - 6,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, color: ink, fontSize: 13, width: left - 14, overflow: 'truncate' },
    },
    series: [
      {
        type: 'custom',
        silent: true,
        encode: { x: 0, y: 1 },
        data: cells.map((c) => [c.col, c.row]),
        renderItem: (params: { dataIndex: number }, api: { coord: (v: number[]) => number[]; size: (v: number[]) => number[] }) => {
          const cell = cells[params.dataIndex];
          const [cx, cy] = api.coord([cell.col, cell.row]);
          const [w, h] = api.size([1, 1]);
          const x = cx - w / 2 + 1;
          const y = cy - h / 2 + 1;
          const cw = w - 2;
          const ch = h - 2;
          const children: unknown[] = [];
          let text = ink;
          if (cell.suppressed) {
            children.push({ type: 'rect', shape: { x, y, width: cw, height: ch }, style: { fill: suppressedFill } });
            for (const [x1, y1, x2, y2] of hatchLines(x, y, cw, ch)) {
              children.push({ type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: hatchStroke, lineWidth: 1 } });
            }
          } else if (cell.value === null) {
            children.push({
              type: 'rect',
              shape: { x: x + 0.5, y: y + 0.5, width: cw - 1, height: ch - 1 },
              style: { fill: paper, stroke: '#767676', lineWidth: 1 },
            });
          } else {
            const bin = gapBin(cell.value);
            children.push({ type: 'rect', shape: { x, y, width: cw, height: ch }, style: { fill: bin.fill } });
            text = bin.text;
          }
          children.push({
            type: 'text',
            style: {
              text: cell.text,
              x: cx,
              y: cy,
              fill: text,
              align: 'center',
              verticalAlign: 'middle',
              fontSize: 13,
              fontWeight: 'bold',
              fontFamily: font.fontFamily,
              // A white box behind the words on a hatched cell keeps them readable.
              ...(cell.suppressed ? { backgroundColor: paper, padding: [1, 3], borderRadius: 2 } : {}),
            },
          });
          return { type: 'group', children };
        },
      },
    ],
  };
  return { option, height };
}

export interface BarInput {
  labels: string[];
  /** Bar lengths (e.g. shares 0..1). */
  values: number[];
  /** The text at the end of each bar. */
  texts: string[];
  /** Upper end of the value axis (1 for shares). */
  max: number;
  axisText: (value: number) => string;
}

const BAR_ROW = 32;

/** Horizontal bars, one per label, the value written at the end of each bar. */
export function barOption({ labels, values, texts, max, axisText }: BarInput, width: number): BuiltChart {
  const left = labelWidth(width) + 8;
  const height = 32 + labels.length * BAR_ROW + 8;
  const option: EChartsCoreOption = {
    animation: false,
    textStyle: font,
    grid: { left, right: 56, top: 28, bottom: 8 },
    xAxis: {
      type: 'value',
      position: 'top',
      min: 0,
      max,
      axisLabel: { color: muted, formatter: axisText },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#767676' } },
      axisLabel: { interval: 0, color: ink, fontSize: 13, width: left - 14, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        silent: true,
        barMaxWidth: 20,
        itemStyle: { color: brand },
        data: values,
        label: {
          show: true,
          position: 'right',
          color: ink,
          fontWeight: 'bold',
          formatter: (p: { dataIndex: number }) => texts[p.dataIndex],
        },
      },
    ],
  };
  return { option, height };
}

export interface PairedBarInput {
  labels: string[];
  /** The two series, in the order they are drawn in every pair (first on top). */
  series: [PairedSeries, PairedSeries];
  max: number;
  axisText: (value: number) => string;
  /** A dashed reference line (e.g. 0.8 = the 80 % coverage limit) and its text. */
  reference?: { value: number; text: string };
}

export interface PairedSeries {
  /** Short name written before each value ("nu", "2030"), so colour is never the only cue. */
  name: string;
  /** null = no bar (nothing to compare). */
  values: Array<number | null>;
  texts: string[];
}

const PAIR_ROW = 52;

/** Two bars per label (e.g. coverage now and at the horizon), each labelled with its series name and value. */
export function pairedBarOption({ labels, series, max, axisText, reference }: PairedBarInput, width: number): BuiltChart {
  const left = labelWidth(width) + 8;
  const height = 36 + labels.length * PAIR_ROW + 8;
  const colours = [brand, accent];
  const option: EChartsCoreOption = {
    animation: false,
    textStyle: font,
    grid: { left, right: 88, top: 32, bottom: 8 },
    xAxis: {
      type: 'value',
      position: 'top',
      min: 0,
      max,
      axisLabel: { color: muted, formatter: axisText },
      splitLine: { lineStyle: { color: '#d0d0d0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#767676' } },
      axisLabel: { interval: 0, color: ink, fontSize: 13, width: left - 14, overflow: 'truncate' },
    },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      silent: true,
      barMaxWidth: 16,
      barGap: '20%',
      itemStyle: { color: colours[i] },
      data: s.values.map((v) => (v === null ? '-' : v)),
      label: {
        show: true,
        position: 'right',
        color: ink,
        fontWeight: i === 1 ? 'bold' : 'normal',
        formatter: (p: { dataIndex: number }) => `${s.name}: ${s.texts[p.dataIndex]}`,
      },
      ...(i === 0 && reference
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: ink, type: 'dashed', width: 1.5 },
              label: { formatter: reference.text, color: ink, position: 'end' },
              data: [{ xAxis: reference.value }],
            },
          }
        : {}),
    })),
  };
  return { option, height };
}
