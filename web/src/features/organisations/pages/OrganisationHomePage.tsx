import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../api/session';
import { paths } from '../../../app/paths';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useOrganisations } from '../api/organisations';

type Task = { key: string; to: string };

/**
 * Where a person goes next in an organisation, most likely first: the work of their roles (HR's
 * needs analysis and plan, a manager's team, a learner's own learning, a provider's offers), then
 * the reference pages everybody may read.
 */
function tasksFor(o: { id: string; kind: string; myRoles: string[] }, isPlatformAdmin: boolean): Task[] {
  const has = (...roles: string[]) => roles.some((r) => o.myRoles.includes(r));
  const tasks: Task[] = [];
  if (o.kind === 'training_provider' && has('provider_staff', 'org_admin')) tasks.push({ key: 'openOffers', to: paths.offers(o.id) });
  if (has('hr', 'org_admin') || (isPlatformAdmin && o.kind === 'employer')) {
    tasks.push(
      { key: 'openCampaigns', to: paths.campaigns(o.id) },
      { key: 'openDiagnosis', to: paths.diagnosis(o.id) },
      { key: 'openNeeds', to: paths.needs(o.id) },
      { key: 'openPlan', to: paths.plans(o.id) },
    );
  }
  if (has('manager')) tasks.push({ key: 'openTeam', to: paths.myTeam(o.id) });
  if (has('employee', 'manager'))
    tasks.push({ key: 'openLearning', to: paths.learnerHome() }, { key: 'openMyResult', to: paths.myResult(o.id) });
  tasks.push({ key: 'openProfiles', to: paths.profiles(o.id) }, { key: 'openFrameworks', to: paths.frameworks(o.id) });
  return tasks;
}

/** "My organisations": every organisation I belong to, my roles there, and where to go next. */
export default function OrganisationHomePage() {
  const { t } = useTranslation('organisations');
  usePageTitle(t('home.title'));
  const session = useSession();
  const organisations = useOrganisations();
  const mine = new Set(session.data?.memberships.map((m) => m.organisationId));
  const list = (organisations.data ?? []).filter((o) => mine.has(o.id));
  const isPlatformAdmin = session.data?.user.isPlatformAdmin === true;

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
              {tasksFor(o, isPlatformAdmin).map((task, i) => (
                <Link key={task.key} className={i < 2 ? 'button button--primary' : 'button'} to={task.to}>
                  {t(`home.${task.key}`)}
                  <span className="visually-hidden"> – {o.name}</span>
                </Link>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
