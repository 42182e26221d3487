import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PairedBarChart } from '../../../components/charts/PairedBarChart';
import { useNumberFormats } from '../../../components/charts/useNumberFormats';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { usePrognosis, type PrognosisRow } from '../api/diagnosis';
import { DiagnosisTabs } from '../components/DiagnosisTabs';
import { Downloads } from '../components/Downloads';
import { FilterBar } from '../components/FilterBar';
import { useFilters } from '../components/filters';
import { useLabels } from '../components/labels';
import { useDiagnosisAccess } from '../components/useOrgAccess';
import '../diagnosis.css';

/** The chart shows the competences with the most risk; the table has them all. */
const CHART_ROWS = 12;

/** Prognosis (domain-rules §4): coverage now and at the horizon side by side; competences at risk stand out. */
export default function PrognosisPage() {
  const { t } = useTranslation('diagnosis');
  usePageTitle(t('prognosis.title'));
  const { orgId = '' } = useParams();
  const [filters, change] = useFilters();
  const access = useDiagnosisAccess(orgId);
  const prognosis = usePrognosis(orgId, filters);
  const labels = useLabels();
  const f = useNumberFormats();
  const data = prognosis.data;
  const thisYear = data?.currentYear ?? new Date().getFullYear();
  const horizon = filters.horizonYear ?? data?.horizonYear;
  const years = useMemo(() => {
    const list = Array.from({ length: 10 }, (_, i) => thisYear + 1 + i);
    if (horizon && !list.includes(horizon)) list.push(horizon);
    return list.sort((a, b) => a - b);
  }, [thisYear, horizon]);

  const shown = useMemo(() => (data ? data.competences.filter((r) => r.shown && r.now && r.horizon) : []), [data]);
  const chart = useMemo(() => {
    const rows = shown.slice(0, CHART_ROWS);
    const coverage = (p: PrognosisRow['now']) => p?.coverage ?? null;
    const text = (p: PrognosisRow['now']) => (p?.coverage === null || p?.coverage === undefined ? '–' : f.percent(p.coverage));
    const max = Math.max(1, ...rows.flatMap((r) => [coverage(r.now) ?? 0, coverage(r.horizon) ?? 0]));
    return {
      labels: rows.map((r) => labels.competence(r.competence.label)),
      series: [
        { name: t('prognosis.nowShort'), values: rows.map((r) => coverage(r.now)), texts: rows.map((r) => text(r.now)) },
        { name: String(data?.horizonYear ?? ''), values: rows.map((r) => coverage(r.horizon)), texts: rows.map((r) => text(r.horizon)) },
      ] as [
        { name: string; values: Array<number | null>; texts: string[] },
        { name: string; values: Array<number | null>; texts: string[] },
      ],
      max: Math.ceil(max * 5) / 5,
      axisText: (v: number) => f.percent(v),
      reference: { value: 0.8, text: f.percent(0.8) },
    };
  }, [shown, labels, t, f, data?.horizonYear]);

  const atRisk = shown.filter((r) => r.horizon?.atRisk).length;
  const hidden = data ? data.competences.length - shown.length : 0;

  const point = (p: PrognosisRow['now']) =>
    p ? (
      <span className="heat-cell">
        <strong>{p.coverage === null ? '–' : f.percent(p.coverage)}</strong>
        <span className="heat-cell__sub">{t('prognosis.holdersOfNeeded', { holders: p.holders, needed: p.needed })}</span>
      </span>
    ) : (
      t('cell.hidden')
    );

  return (
    <>
      <h1>{t('prognosis.title')}</h1>
      <p className="lead">{t('prognosis.intro')}</p>
      <DiagnosisTabs orgId={orgId} filters={filters} />
      <FilterBar
        orgId={orgId}
        filters={filters}
        onChange={change}
        canChooseCampaign={access.canChooseCampaign}
        horizonYears={years}
        horizonYear={horizon}
      />
      <p className="diagnosis-status">{t('prognosis.rule')}</p>
      {prognosis.isPending ? <Loading /> : null}
      <ErrorMessage error={prognosis.error} />
      {data ? (
        <>
          <p className="diagnosis-status" role="status">
            {t('prognosis.status', { count: atRisk, year: data.horizonYear })}
          </p>
          {shown.length === 0 ? (
            <p className="empty">{t('prognosis.empty')}</p>
          ) : (
            <>
              <PairedBarChart
                title={t('prognosis.chartTitle', { year: data.horizonYear })}
                summary={t('prognosis.summary', {
                  count: atRisk,
                  year: data.horizonYear,
                  shown: Math.min(CHART_ROWS, shown.length),
                  total: shown.length,
                  first: chart.labels[0] ?? '',
                })}
                legend={[
                  t('prognosis.legendNow', { year: data.currentYear }),
                  t('prognosis.legendHorizon', { year: data.horizonYear }),
                  t('prognosis.legendLimit'),
                ]}
                labels={chart.labels}
                series={chart.series}
                max={chart.max}
                axisText={chart.axisText}
                reference={chart.reference}
              />
              <DataTable<PrognosisRow>
                caption={t('prognosis.caption', { year: data.horizonYear })}
                rows={data.competences}
                rowKey={(r) => r.competence.id}
                empty={t('prognosis.empty')}
                scroll
                columns={[
                  {
                    key: 'competence',
                    header: t('prognosis.competence'),
                    rowHeader: true,
                    render: (r) => (
                      <>
                        {labels.competence(r.competence.label)}
                        {r.horizon?.atRisk ? (
                          <span className="risk-badge">
                            <span aria-hidden="true">⚠ </span>
                            {t('prognosis.atRisk')}
                          </span>
                        ) : null}
                      </>
                    ),
                  },
                  { key: 'now', header: t('prognosis.now', { year: data.currentYear }), numeric: true, render: (r) => point(r.now) },
                  {
                    key: 'horizon',
                    header: t('prognosis.horizon', { year: data.horizonYear }),
                    numeric: true,
                    render: (r) => point(r.horizon),
                  },
                  {
                    key: 'status',
                    header: t('prognosis.statusColumn'),
                    render: (r) =>
                      !r.shown ? (
                        r.reason === 'below_threshold' || !r.reason ? (
                          t('cell.below', { k: data.threshold })
                        ) : (
                          t('cell.hidden')
                        )
                      ) : r.horizon?.atRisk ? (
                        <strong className="risk-text">{r.horizon.holders < 2 ? t('prognosis.riskFew') : t('prognosis.riskShare')}</strong>
                      ) : (
                        t('prognosis.ok')
                      ),
                  },
                ]}
              />
              {hidden > 0 ? <p className="hidden-count">{t('prognosis.hidden', { count: hidden, k: data.threshold })}</p> : null}
            </>
          )}
        </>
      ) : null}
      {access.canExport ? <Downloads orgId={orgId} table="prognosis" filters={{ ...filters, horizonYear: horizon }} /> : null}
    </>
  );
}
