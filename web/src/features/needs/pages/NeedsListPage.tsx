import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useNeeds, type NeedListQuery } from '../api/needs';
import { ClassificationBadge, CompetenceName, formatDate, PriorityBadge, useGroupLabel } from '../components/bits';
import '../needs.css';

type Filter = Omit<NeedListQuery, 'cursor' | 'limit'>;

export default function NeedsListPage() {
  const { t, i18n } = useTranslation('needs');
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const roles = useOrgRoles(orgId);
  const [filter, setFilter] = useState<Filter>({ sort: 'created' });
  const needs = useNeeds(orgId, filter);
  const groupLabel = useGroupLabel();
  const items = needs.data?.pages.flatMap((p) => p.items) ?? [];
  const set =
    <K extends keyof Filter>(key: K) =>
    (value: string) =>
      setFilter((f) => ({ ...f, [key]: (value || undefined) as Filter[K] }));
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <div className="need-toolbar">
        {roles.isHr ? (
          <Link className="button button--primary" to={paths.newNeed(orgId)}>
            <span aria-hidden="true">+ </span>
            {t('list.new')}
          </Link>
        ) : null}
        <Link className="button" to={paths.rankedNeeds(orgId)}>
          {t('list.ranked')}
        </Link>
        {roles.isHr ? (
          <Link className="button" to={paths.priorityWeights(orgId)}>
            {t('list.weights')}
          </Link>
        ) : null}
      </div>
      {roles.isHr ? <p>{t('list.fromDiagnosis')}</p> : null}
      <div className="need-filters">
        <SelectField
          label={t('list.statusFilter')}
          value={filter.status ?? ''}
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
          value={filter.classification ?? ''}
          onChange={set('classification')}
          options={[
            { value: '', label: t('list.all') },
            ...(['training_need', 'non_training', 'unclear'] as const).map((c) => ({ value: c, label: t(`classification.${c}`) })),
          ]}
        />
        <SelectField
          label={t('list.sourceFilter')}
          value={filter.source ?? ''}
          onChange={set('source')}
          options={[
            { value: '', label: t('list.all') },
            ...(['diagnosis', 'learning_question', 'organisation_issue', 'prognosis', 'manual'] as const).map((s) => ({
              value: s,
              label: t(`source.${s}`),
            })),
          ]}
        />
        <SelectField
          label={t('list.sort')}
          value={filter.sort ?? 'created'}
          onChange={set('sort')}
          options={(['created', 'title', 'urgency', 'priority'] as const).map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
      </div>
      {needs.isPending ? <Loading /> : null}
      <ErrorMessage error={needs.error} />
      {needs.data ? (
        <>
          <p role="status">{t('list.count', { count: items.length })}</p>
          {items.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
          <ul className="cards">
            {items.map((need) => (
              <li key={need.id} className="card">
                <article aria-labelledby={`need-${need.id}`}>
                  <h2 className="card__title" id={`need-${need.id}`}>
                    <Link to={paths.need(orgId, need.id)}>{need.title}</Link>
                  </h2>
                  <p className="need-card__meta">
                    <ClassificationBadge value={need.classification} />
                    <PriorityBadge value={need.priority} />
                    <span className="badge">{t(`status.${need.status}`)}</span>
                  </p>
                  <p className="card__meta">
                    {need.competence ? (
                      <>
                        <CompetenceName need={need} /> ·{' '}
                      </>
                    ) : null}
                    {groupLabel(need)} · {t('list.people', { count: need.peopleCount })}
                    {need.urgencyDate ? (
                      <> · {t('list.urgency', { date: formatDate(i18n.resolvedLanguage ?? 'nl', need.urgencyDate) })}</>
                    ) : null}
                  </p>
                </article>
              </li>
            ))}
          </ul>
          {needs.hasNextPage ? (
            <p>
              <button type="button" className="button" onClick={() => void needs.fetchNextPage()} disabled={needs.isFetchingNextPage}>
                {t('list.more')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
