import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { HeatMapChart } from '../../../components/charts/HeatMapChart';
import { MakeNeedButton } from '../../../components/MakeNeedButton';
import { numberFormats } from '../../../components/charts/scale';
import { useNumberFormats } from '../../../components/charts/useNumberFormats';
import type { HeatCell } from '../../../components/charts/options';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useHeatmap, type Heatmap, type HeatmapCell, type HeatmapTotal } from '../api/diagnosis';
import { DiagnosisTabs } from '../components/DiagnosisTabs';
import { Downloads } from '../components/Downloads';
import { FilterBar } from '../components/FilterBar';
import { useFilters } from '../components/filters';
import { useLabels } from '../components/labels';
import { PrivacyNote } from '../components/PrivacyNote';
import { useDiagnosisAccess } from '../components/useOrgAccess';
import '../diagnosis.css';

type Aggregate = HeatmapCell | HeatmapTotal;
interface Row {
  id: string;
  label: string;
  cells: Map<string, HeatmapCell>;
  total: HeatmapTotal | undefined;
}

/** Diagnosis overview: the heat map competence × group (team, function profile or target group), with its table and downloads. */
export default function DiagnosisOverviewPage() {
  const { t } = useTranslation('diagnosis');
  usePageTitle(t('heatmap.title'));
  const { orgId = '' } = useParams();
  const [filters, change] = useFilters();
  const access = useDiagnosisAccess(orgId);
  const heatmap = useHeatmap(orgId, filters);
  const labels = useLabels();
  const f = useNumberFormats();
  const data = heatmap.data;

  const view = useMemo(() => (data ? buildView(data, labels) : null), [data, labels]);
  const chartCells = useMemo(
    () => (view && data ? view.chartCells(t('cell.below', { k: data.threshold }), t('cell.hiddenShort')) : []),
    [view, data, t],
  );

  /** What a cell says in the table: the numbers, or why they are hidden. */
  const cellContent = (cell: Aggregate | undefined, k: number) => {
    if (!cell) return '–';
    if (!cell.shown) {
      return (
        <span className="heat-cell heat-cell--hidden">
          <strong>{cell.reason === 'below_threshold' ? t('cell.below', { k }) : t('cell.hidden')}</strong>
          <span className="heat-cell__sub">{t(`cell.reason.${cell.reason ?? 'below_threshold'}`)}</span>
        </span>
      );
    }
    if (cell.meanGap === null || !cell.assessed) return <span className="heat-cell">{t('cell.unknown')}</span>;
    return (
      <span className="heat-cell">
        <strong>{f.gap(cell.meanGap)}</strong>
        <span className="heat-cell__sub">
          {t('cell.share', { share: f.percent(cell.shareGap1 ?? 0) })} · {t('cell.persons', { count: cell.assessed })}
        </span>
      </span>
    );
  };

  const columns: Column<Row>[] = data
    ? [
        { key: 'competence', header: t('heatmap.competence'), rowHeader: true, render: (r) => r.label },
        ...data.groups.map((g) => ({
          key: g.id,
          header: labels.group(data.groupBy, g),
          numeric: true,
          render: (r: Row) => {
            const cell = r.cells.get(g.id);
            // HR makes a training need of a shown cell with a gap in one click.
            const needable = access.canExport && cell?.shown && (cell.assessed ?? 0) > 0 && (cell.meanGap ?? 0) > 0;
            return (
              <>
                {cellContent(cell, data.threshold)}
                {needable ? (
                  <MakeNeedButton
                    compact
                    orgId={orgId}
                    competenceId={r.id}
                    groupBy={data.groupBy}
                    groupId={g.id}
                    campaignId={data.campaignId}
                    competenceLabel={r.label}
                    groupLabel={labels.group(data.groupBy, g)}
                  />
                ) : null}
              </>
            );
          },
        })),
        { key: 'total', header: t('heatmap.total'), numeric: true, render: (r: Row) => cellContent(r.total, data.threshold) },
      ]
    : [];

  return (
    <>
      <h1>{t('heatmap.title')}</h1>
      <p className="lead">{t('heatmap.intro')}</p>
      <DiagnosisTabs orgId={orgId} filters={filters} />
      <FilterBar orgId={orgId} filters={filters} onChange={change} canChooseCampaign={access.canChooseCampaign} grouping />
      {heatmap.isPending ? <Loading /> : null}
      <ErrorMessage error={heatmap.error} />
      {data && view ? (
        <>
          <p className="diagnosis-status" role="status">
            {t('heatmap.status', { competences: data.competences.length, groups: data.groups.length })}
          </p>
          <PrivacyNote threshold={data.threshold} reasons={view.reasons} />
          {data.competences.length === 0 || data.groups.length === 0 ? (
            <p className="empty">{t('heatmap.empty')}</p>
          ) : (
            <>
              <HeatMapChart
                title={t('heatmap.chartTitle', { groupBy: t(`groupBy.${data.groupBy}`) })}
                summary={summary(view, data, t, f)}
                rows={view.rowLabels}
                columns={view.columnLabels}
                cells={chartCells}
              />
              <p className="table-hint">{t('heatmap.tableHint')}</p>
              <DataTable
                caption={t('heatmap.caption')}
                columns={columns}
                rows={view.rows}
                rowKey={(r) => r.id}
                empty={t('heatmap.empty')}
                scroll
              />
            </>
          )}
        </>
      ) : null}
      {access.canExport ? <Downloads orgId={orgId} table="heatmap" filters={filters} report /> : null}
    </>
  );
}

function buildView(data: Heatmap, labels: ReturnType<typeof useLabels>) {
  const byCompetence = new Map<string, Map<string, HeatmapCell>>();
  for (const cell of data.cells) {
    let m = byCompetence.get(cell.competenceId);
    if (!m) byCompetence.set(cell.competenceId, (m = new Map()));
    m.set(cell.groupId, cell);
  }
  const totals = new Map(data.totals.map((x) => [x.competenceId, x]));
  const rows: Row[] = data.competences.map((c) => ({
    id: c.id,
    label: labels.competence(c.label),
    cells: byCompetence.get(c.id) ?? new Map(),
    total: totals.get(c.id),
  }));
  const reasons = new Set<NonNullable<HeatmapCell['reason']>>();
  let hidden = 0;
  for (const cell of [...data.cells, ...data.totals]) {
    if (!cell.shown) {
      hidden += 1;
      reasons.add(cell.reason ?? 'below_threshold');
    }
  }
  return {
    rows,
    reasons,
    hidden,
    rowLabels: rows.map((r) => r.label),
    columnLabels: data.groups.map((g) => labels.group(data.groupBy, g)),
    chartCells(belowText: string, hiddenText: string): HeatCell[] {
      const out: HeatCell[] = [];
      rows.forEach((r, row) =>
        data.groups.forEach((g, col) => {
          const cell = r.cells.get(g.id);
          if (!cell || (cell.shown && (cell.meanGap === null || !cell.assessed)))
            out.push({ row, col, value: null, text: '–', suppressed: false });
          else if (!cell.shown)
            out.push({
              row,
              col,
              value: null,
              text: cell.reason === 'below_threshold' || !cell.reason ? belowText : hiddenText,
              suppressed: true,
            });
          else out.push({ row, col, value: cell.meanGap, text: numberFormats(labels.lang).gap(cell.meanGap ?? 0), suppressed: false });
        }),
      );
      return out;
    },
  };
}

function summary(
  view: ReturnType<typeof buildView>,
  data: Heatmap,
  t: (key: string, options?: Record<string, unknown>) => string,
  f: ReturnType<typeof numberFormats>,
): string {
  const ranked = view.rows
    .filter((r) => r.total?.shown && r.total.meanGap !== null && (r.total.assessed ?? 0) > 0)
    .sort((a, b) => (b.total?.meanGap ?? 0) - (a.total?.meanGap ?? 0))
    .slice(0, 3)
    .map((r) => t('heatmap.summaryItem', { competence: r.label, gap: f.gap(r.total?.meanGap ?? 0) }));
  const parts = [t('heatmap.summaryShape', { competences: data.competences.length, groups: data.groups.length })];
  parts.push(ranked.length ? t('heatmap.summaryTop', { list: ranked.join('; ') }) : t('heatmap.summaryNoTop'));
  if (view.hidden > 0) parts.push(t('heatmap.summaryHidden', { count: view.hidden }));
  return parts.join(' ');
}
