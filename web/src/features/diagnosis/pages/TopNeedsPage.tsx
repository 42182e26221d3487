import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BarChart } from '../../../components/charts/BarChart';
import { useNumberFormats } from '../../../components/charts/useNumberFormats';
import { DataTable, type Column } from '../../../components/DataTable';
import { MakeNeedButton } from '../../../components/MakeNeedButton';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useTopNeeds, type TopNeed, type TopNeeds } from '../api/diagnosis';
import { DiagnosisTabs } from '../components/DiagnosisTabs';
import { Downloads } from '../components/Downloads';
import { FilterBar } from '../components/FilterBar';
import { useFilters } from '../components/filters';
import { useLabels } from '../components/labels';
import { useDiagnosisAccess } from '../components/useOrgAccess';
import '../diagnosis.css';

/** The largest training needs per target group ("grootste opleidingsnoden voor doelgroepmedewerkers / omkaderingspersoneel"). */
export default function TopNeedsPage() {
  const { t } = useTranslation('diagnosis');
  usePageTitle(t('topNeeds.title'));
  const { orgId = '' } = useParams();
  const [filters, change] = useFilters();
  const access = useDiagnosisAccess(orgId);
  const needs = useTopNeeds(orgId, filters);
  return (
    <>
      <h1>{t('topNeeds.title')}</h1>
      <p className="lead">{t('topNeeds.intro')}</p>
      <DiagnosisTabs orgId={orgId} filters={filters} />
      <FilterBar orgId={orgId} filters={filters} onChange={change} canChooseCampaign={access.canChooseCampaign} />
      {needs.isPending ? <Loading /> : null}
      <ErrorMessage error={needs.error} />
      {needs.data ? (
        <>
          <p className="diagnosis-status">{t('topNeeds.how', { k: needs.data.threshold })}</p>
          {needs.data.groups.map((group) => (
            <TargetGroupNeeds
              key={group.targetGroup}
              group={group}
              threshold={needs.data.threshold}
              orgId={orgId}
              campaignId={needs.data.campaignId}
              canMakeNeeds={access.canExport}
            />
          ))}
        </>
      ) : null}
      {access.canExport ? <Downloads orgId={orgId} table="top-needs" filters={filters} /> : null}
    </>
  );
}

function TargetGroupNeeds({
  group,
  threshold,
  orgId,
  campaignId,
  canMakeNeeds,
}: {
  group: TopNeeds['groups'][number];
  threshold: number;
  orgId: string;
  campaignId: string | null;
  /** HR turns a row into a training need for the whole target group in one click. */
  canMakeNeeds: boolean;
}) {
  const { t } = useTranslation('diagnosis');
  const labels = useLabels();
  const f = useNumberFormats();
  const name = t(`targetGroup.${group.targetGroup}`);
  const headingId = `needs-${group.targetGroup}`;
  const chart = useMemo(
    () => ({
      labels: group.items.map((i) => labels.competence(i.label)),
      values: group.items.map((i) => i.shareGap1),
      texts: group.items.map((i) => f.percent(i.shareGap1)),
    }),
    [group, labels, f],
  );
  const axisText = useMemo(() => (v: number) => f.percent(v), [f]);
  const top = group.items[0];
  const columns: Array<Column<TopNeed>> = [
    { key: 'rank', header: t('topNeeds.rank'), numeric: true, render: (i) => group.items.indexOf(i) + 1 },
    { key: 'competence', header: t('topNeeds.competence'), rowHeader: true, render: (i) => labels.competence(i.label) },
    { key: 'share1', header: t('topNeeds.share1'), numeric: true, render: (i) => f.percent(i.shareGap1) },
    { key: 'share2', header: t('topNeeds.share2'), numeric: true, render: (i) => f.percent(i.shareGap2) },
    { key: 'mean', header: t('topNeeds.meanGap'), numeric: true, render: (i) => f.gap(i.meanGap) },
    { key: 'assessed', header: t('topNeeds.assessed'), numeric: true, render: (i) => f.int(i.assessed) },
  ];
  if (canMakeNeeds) {
    columns.push({
      key: 'need',
      header: t('topNeeds.makeNeed'),
      render: (i) => (
        <MakeNeedButton
          compact
          orgId={orgId}
          competenceId={i.competenceId}
          groupBy="target_group"
          groupId={group.targetGroup}
          campaignId={campaignId}
          competenceLabel={labels.competence(i.label)}
          groupLabel={name}
        />
      ),
    });
  }
  return (
    <section className="needs-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('topNeeds.groupTitle', { group: name })}</h2>
      {group.items.length === 0 ? (
        <p className="empty">{t('topNeeds.none', { k: threshold })}</p>
      ) : (
        <>
          <BarChart
            title={t('topNeeds.chartTitle', { group: name })}
            summary={t('topNeeds.summary', {
              count: group.items.length,
              competence: labels.competence(top.label),
              share: f.percent(top.shareGap1),
            })}
            labels={chart.labels}
            values={chart.values}
            texts={chart.texts}
            max={1}
            axisText={axisText}
          />
          <DataTable<TopNeed>
            caption={t('topNeeds.caption', { group: name })}
            rows={group.items}
            rowKey={(i) => i.competenceId}
            empty={t('topNeeds.none', { k: threshold })}
            columns={columns}
          />
        </>
      )}
      {group.suppressed > 0 ? <p className="hidden-count">{t('topNeeds.suppressed', { count: group.suppressed, k: threshold })}</p> : null}
    </section>
  );
}
