import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSupervisorTeam, type SupervisorTeam } from '../api/team';
import '../team-assessment.css';

type Person = SupervisorTeam['people'][number];

/** The manager's own people, with how far the rating of each open campaign has come. */
export default function MyTeamPage() {
  const { t, i18n } = useTranslation('team-assessment');
  usePageTitle(t('team.title'));
  const { orgId = '' } = useParams();
  const team = useSupervisorTeam(orgId);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' });
  const titleOf = (campaignId: string) => team.data?.campaigns.find((c) => c.id === campaignId)?.title ?? '';

  const progress = (person: Person) =>
    person.campaigns.length === 0 ? (
      <span className="empty">{t('team.noCampaign')}</span>
    ) : (
      <ul className="plain-list">
        {person.campaigns.map((c) => {
          const total = c.competences.length;
          const rated = c.competences.filter((k) => k.supervisorRated).length;
          const self = c.competences.filter((k) => k.selfRated).length;
          return (
            <li key={c.campaignId}>
              <strong>{titleOf(c.campaignId)}</strong>
              <br />
              <span className={rated === total ? 'rating-done' : undefined}>
                {rated === total ? <span aria-hidden="true">✔ </span> : null}
                {t('team.youRated', { rated, total })}
              </span>
              <br />
              <span className="card__meta">{t('team.selfDone', { count: self, total })}</span>
            </li>
          );
        })}
      </ul>
    );

  return (
    <>
      <h1>{t('team.title')}</h1>
      <p className="lead">{t('team.intro')}</p>
      {team.isPending ? <Loading /> : null}
      <ErrorMessage error={team.error} />
      {team.data && team.data.campaigns.length ? (
        <section aria-labelledby="open-campaigns">
          <h2 id="open-campaigns">{t('team.campaigns')}</h2>
          <ul className="plain-list">
            {team.data.campaigns.map((c) => (
              <li key={c.id}>
                {t('team.campaignLine', {
                  title: c.title,
                  date: date.format(new Date(`${c.closesOn}T12:00:00Z`)),
                  count: c.competences.length,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {team.data ? (
        <DataTable
          caption={t('team.caption')}
          rows={team.data.people}
          rowKey={(p) => p.id}
          empty={t('team.none')}
          columns={[
            { key: 'name', header: t('team.name'), render: (p) => <Link to={paths.ratePerson(orgId, p.id)}>{p.displayName}</Link> },
            { key: 'team', header: t('team.team'), render: (p) => p.team?.name ?? '—' },
            { key: 'profile', header: t('team.profile'), render: (p) => p.functionProfile?.name ?? '—' },
            { key: 'progress', header: t('team.progress'), render: progress },
            {
              key: 'actions',
              header: t('team.actions'),
              render: (p) => (
                <span className="card__actions">
                  <Link className="button button--small button--primary" to={paths.ratePerson(orgId, p.id)}>
                    {t('team.rate')}
                    <span className="visually-hidden">: {p.displayName}</span>
                  </Link>
                  <Link className="button button--small" to={paths.starr(orgId, p.id)}>
                    {t('team.starr')}
                    <span className="visually-hidden">: {p.displayName}</span>
                  </Link>
                </span>
              ),
            },
          ]}
        />
      ) : null}
      {team.data?.campaigns.length ? <p className="card__meta">{t('team.selfHidden')}</p> : null}
    </>
  );
}
