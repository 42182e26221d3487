import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, ChartLegend } from './ChartFigure';
import { EChart } from './EChart';
import { heatmapOption, type HeatCell } from './options';
import { gapBins, numberFormats, suppressedFill } from './scale';

export interface HeatMapChartProps {
  title: string;
  summary: string;
  /** Row labels (competences), top to bottom. */
  rows: string[];
  /** Column labels (groups), left to right. */
  columns: string[];
  cells: HeatCell[];
}

/** Legend of the mean-gap colours plus hidden and unknown cells (HTML, so it can be read, zoomed and translated). */
export function GapLegend() {
  const { t, i18n } = useTranslation('charts');
  const f = numberFormats(i18n.resolvedLanguage ?? 'nl');
  return (
    <ChartLegend
      title={t('gap.title')}
      items={[
        ...gapBins.map((bin) => ({
          key: String(bin.from),
          swatch: { fill: bin.fill, border: '#767676' },
          // In the words of the numbers in the cells (one decimal): 0.25–0.75 reads "0,3 to 0,7".
          label:
            bin.to === null
              ? t('gap.atLeast', { from: f.gap(bin.from) })
              : t('gap.range', { from: f.gap(bin.from), to: f.gap(bin.to - 0.05) }),
        })),
        { key: 'hidden', swatch: { fill: suppressedFill, border: '#767676', hatched: true }, label: t('gap.hidden') },
        { key: 'unknown', swatch: { fill: '#ffffff', border: '#767676' }, label: t('gap.unknown') },
      ]}
    />
  );
}

/** Heat map competences × groups: colour = mean gap, the number in every cell, hidden cells hatched. */
export function HeatMapChart({ title, summary, rows, columns, cells }: HeatMapChartProps) {
  const build = useCallback((width: number) => heatmapOption({ rows, columns, cells }, width), [rows, columns, cells]);
  return (
    <ChartFigure title={title} summary={summary} legend={<GapLegend />}>
      <EChart build={build} estimatedHeight={40 + rows.length * 34} testId="heatmap-chart" />
    </ChartFigure>
  );
}
