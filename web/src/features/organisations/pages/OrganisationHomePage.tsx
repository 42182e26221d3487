import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../api/session';
import { paths } from '../../../app/paths';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useOrganisations } from '../api/organisations';

/** "My organisations": every organisation I belong to, my roles there, and where to go next. */
export default function OrganisationHomePage() {
  const { t } = useTranslation('organisations');
  usePageTitle(t('home.title'));
  const session = useSession();
  const organisations = useOrganisations();
  const mine = new Set(session.data?.memberships.map((m) => m.organisationId));
  const list = (organisations.data ?? []).filter((o) => mine.has(o.id));

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.greeting', { name: session.data?.user.displayName ?? '' })}</p>
      {organisations.isPending ? <Loading /> : null}
      <ErrorMessage error={organisations.error} />
      {organisations.isSuccess && list.length === 0 ? <p className="empty">{t('home.none')}</p> : null}
      <ul className="cards" aria-label={t('home.listLabel')}>
        {list.map((o) => (
          <li key={o.id} className="card">
            <h2 className="card__title">{o.name}</h2>
            <p className="card__meta">{t(`kind.${o.kind}`, { defaultValue: o.kind })}</p>
            <p>
              {t('home.myRoles')}: {o.myRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ')}
            </p>
            {o.kind === 'sector_body' ? <p>{t('home.memberCount', { count: o.sectorMemberCount })}</p> : null}
            <div className="card__actions">
              {o.myRoles.includes('manager') ? (
                <Link className="button button--primary" to={paths.myTeam(o.id)}>
                  {t('home.openTeam')}
                  <span className="visually-hidden"> – {o.name}</span>
                </Link>
              ) : null}
              <Link className="button button--primary" to={paths.profiles(o.id)}>
                {t('home.openProfiles')}
                <span className="visually-hidden"> – {o.name}</span>
              </Link>
              <Link className="button" to={paths.frameworks(o.id)}>
                {t('home.openFrameworks')}
                <span className="visually-hidden"> – {o.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
