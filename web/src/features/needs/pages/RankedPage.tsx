import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { DataTable, type Column } from '../../../components/DataTable';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { criteria, rankedExportUrl, useRanked, type RankedNeeds, type RankedQuery } from '../api/needs';
import { ClassificationBadge, useGroupLabel } from '../components/bits';
import '../needs.css';

type Item = RankedNeeds['items'][number];

export default function RankedPage() {
  const { t, i18n } = useTranslation('needs');
  usePageTitle(t('ranked.title'));
  const { orgId = '' } = useParams();
  const roles = useOrgRoles(orgId);
  const [query, setQuery] = useState<RankedQuery>({});
  const ranked = useRanked(orgId, query);
  const groupLabel = useGroupLabel();
  const decimal = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 });
  const set =
    <K extends keyof RankedQuery>(key: K) =>
    (value: string) =>
      setQuery((q) => ({ ...q, [key]: (value || undefined) as RankedQuery[K] }));
  const lang = i18n.resolvedLanguage === 'fr' || i18n.resolvedLanguage === 'en' ? i18n.resolvedLanguage : 'nl';

  const columns: Column<Item>[] = [
    { key: 'rank', header: t('ranked.rank'), numeric: true, render: (i) => i.rank },
    {
      key: 'need',
      header: t('ranked.need'),
      render: (i) => (
        <>
          <Link to={paths.need(orgId, i.need.id)}>{i.need.title}</Link>
          <br />
          <small>
            {groupLabel(i.need)} · <ClassificationBadge value={i.need.classification} />
          </small>
        </>
      ),
    },
    {
      key: 'priority',
      header: t('ranked.priority'),
      numeric: true,
      render: (i) => (i.need.priority === null ? t('ranked.noScore') : decimal.format(i.need.priority)),
    },
    { key: 'people', header: t('ranked.people'), numeric: true, render: (i) => i.need.peopleCount },
    ...criteria.map((c): Column<Item> => ({
      key: c,
      header: t(`priority.criterion.${c}.title`),
      numeric: true,
      render: (i) => i.breakdown.find((b) => b.criterion === c)?.score ?? t('ranked.noScore'),
    })),
  ];

  return (
    <>
      <h1>{t('ranked.title')}</h1>
      <p className="lead">{t('ranked.intro')}</p>
      <div className="need-filters">
        <SelectField
          label={t('list.sort')}
          value={query.sort ?? 'priority'}
          onChange={set('sort')}
          options={(['priority', 'urgency', 'people', 'title', 'created'] as const).map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
        <SelectField
          label={t('ranked.order')}
          value={query.order ?? ''}
          onChange={set('order')}
          options={[
            { value: '', label: '—' },
            { value: 'asc', label: t('ranked.asc') },
            { value: 'desc', label: t('ranked.desc') },
          ]}
        />
        <SelectField
          label={t('list.statusFilter')}
          value={query.status ?? ''}
          onChange={set('status')}
          options={[
            { value: '', label: t('list.all') },
            ...(['open', 'triaged', 'planned', 'in_progress', 'met', 'dismissed'] as const).map((s) => ({
              value: s,
              label: t(`status.${s}`),
            })),
          ]}
        />
        <SelectField
          label={t('list.classificationFilter')}
          value={query.classification ?? ''}
          onChange={set('classification')}
          options={[
            { value: '', label: t('list.all') },
            ...(['training_need', 'non_training', 'unclear'] as const).map((c) => ({ value: c, label: t(`classification.${c}`) })),
          ]}
        />
      </div>
      {roles.isHr ? (
        <div className="need-toolbar" role="group" aria-label={t('ranked.export')}>
          <a className="button" href={rankedExportUrl(orgId, 'csv', { ...query, locale: lang })} download>
            <span aria-hidden="true">⬇ </span>
            {t('ranked.export')} {t('ranked.csv')}
          </a>
          <a className="button" href={rankedExportUrl(orgId, 'xlsx', { ...query, locale: lang })} download>
            <span aria-hidden="true">⬇ </span>
            {t('ranked.export')} {t('ranked.xlsx')}
          </a>
          <Link className="button" to={paths.priorityWeights(orgId)}>
            {t('ranked.changeWeights')}
          </Link>
        </div>
      ) : null}
      {ranked.isPending ? <Loading /> : null}
      <ErrorMessage error={ranked.error} />
      {ranked.data ? (
        <>
          <p>
            {t('ranked.weights', {
              list: criteria.map((c) => `${t(`priority.criterion.${c}.title`)} × ${ranked.data.weights[c]}`).join(', '),
            })}
          </p>
          <DataTable
            caption={t('ranked.caption')}
            columns={columns}
            rows={ranked.data.items}
            rowKey={(i) => i.need.id}
            empty={t('ranked.none')}
          />
        </>
      ) : null}
    </>
  );
}
