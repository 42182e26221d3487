import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { useIssues, type IssueListQuery } from '../api/issues';
import '../organisation-issues.css';

export default function IssueListPage() {
  const { t, i18n } = useTranslation('organisation-issues');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const roles = useOrgRoles(orgId);
  const [filter, setFilter] = useState<IssueListQuery>({});
  const issues = useIssues(orgId, filter);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' });
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {roles.isHr ? (
        <p>
          <Link className="button button--primary" to={paths.newOrganisationIssue(orgId)}>
            <span aria-hidden="true">+ </span>
            {t('list.new')}
          </Link>
        </p>
      ) : null}
      <div className="issue-filters">
        <SelectField
          label={t('list.kindFilter')}
          value={filter.kind ?? ''}
          onChange={(v) => setFilter((f) => ({ ...f, kind: (v || undefined) as IssueListQuery['kind'] }))}
          options={[
            { value: '', label: t('list.all') },
            { value: 'problem', label: t('kind.problem.plural') },
            { value: 'goal', label: t('kind.goal.plural') },
          ]}
        />
        <SelectField
          label={t('list.statusFilter')}
          value={filter.status ?? ''}
          onChange={(v) => setFilter((f) => ({ ...f, status: (v || undefined) as IssueListQuery['status'] }))}
          options={[
            { value: '', label: t('list.all') },
            { value: 'open', label: t('status.open') },
            { value: 'addressed', label: t('status.addressed') },
          ]}
        />
      </div>
      {issues.isPending ? <Loading /> : null}
      <ErrorMessage error={issues.error} />
      {issues.data ? (
        <>
          <p role="status">{t('list.count', { count: issues.data.length })}</p>
          {issues.data.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
          <ul className="cards">
            {issues.data.map((issue) => (
              <li key={issue.id} className={`card issue issue--${issue.kind}`}>
                <article aria-labelledby={`issue-${issue.id}`}>
                  <p className="issue__kind">
                    <span aria-hidden="true">{issue.kind === 'problem' ? '⚠ ' : '🎯 '}</span>
                    {t(`kind.${issue.kind}.label`)} ·{' '}
                    <span className={`issue__status issue__status--${issue.status}`}>{t(`status.${issue.status}`)}</span>
                  </p>
                  <h2 className="card__title" id={`issue-${issue.id}`}>
                    {issue.title}
                  </h2>
                  {issue.observedOn ? (
                    <p className="card__meta">{t('list.observedOn', { date: date.format(new Date(`${issue.observedOn}T12:00:00Z`)) })}</p>
                  ) : null}
                  {issue.description ? <p>{issue.description}</p> : null}
                  {issue.teams.length ? (
                    <p>
                      <strong>{t('list.teams')}</strong> {issue.teams.map((x) => x.name).join(', ')}
                    </p>
                  ) : null}
                  {issue.competences.length ? (
                    <p>
                      <strong>{t('list.competences')}</strong> {issue.competences.map((c) => pickText(c.label, lang)).join(', ')}
                    </p>
                  ) : null}
                  {roles.isHr ? (
                    <p className="card__actions">
                      <Link className="button button--small" to={paths.organisationIssue(orgId, issue.id)}>
                        {t('list.edit')}
                        <span className="visually-hidden">: {issue.title}</span>
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
