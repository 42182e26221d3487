import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SkipLink } from '../../components/SkipLink';
import { paths } from '../paths';
import { AccountMenu } from './AccountMenu';

/** Moves focus to <main> after client-side navigation, so screen readers start at the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return main;
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Link to={paths.home()} className="brand">
      <svg width="28" height="28" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="20" fill="#fff" stroke="currentColor" strokeWidth="4" />
        <path d="M24 10l6 14-6 14-6-14z" fill="currentColor" />
      </svg>
      <span>{t('app.name')}</span>
    </Link>
  );
}

export function PublicLayout() {
  const { t } = useTranslation();
  const main = useFocusOnNavigate();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__bar">
          <Brand />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { orgId } = useParams();
  const main = useFocusOnNavigate();
  const organisation = session.data?.memberships.find((m) => m.organisationId === orgId);
  // Diagnosis entries: for the organisation on screen, or the only organisation the user belongs to.
  const memberOf = [...new Set(session.data?.memberships.map((m) => m.organisationId) ?? [])];
  const diagnosisOrgId = orgId ?? (memberOf.length === 1 ? memberOf[0] : undefined);
  const diagnosisRoles = new Set(session.data?.memberships.filter((m) => m.organisationId === diagnosisOrgId).map((m) => m.role));
  // Offers: the training provider on screen, or the only one the user works for as provider staff.
  const providerOrgIds = [
    ...new Set(
      session.data?.memberships
        .filter((m) => m.organisationKind === 'training_provider' && ['provider_staff', 'org_admin'].includes(m.role))
        .map((m) => m.organisationId) ?? [],
    ),
  ];
  const offersOrgId = orgId && providerOrgIds.includes(orgId) ? orgId : providerOrgIds.length === 1 ? providerOrgIds[0] : undefined;
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__bar">
          <Brand />
          <LanguageSwitch />
          <AccountMenu />
        </div>
        <nav className="main-nav" aria-label={t('shell.mainNavigation')}>
          <ul>
            <li>
              <NavLink to={paths.home()} end>
                {t('nav.organisations')}
              </NavLink>
            </li>
            {orgId ? (
              <>
                <li>
                  <NavLink to={paths.frameworks(orgId)}>{t('nav.frameworks')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.profiles(orgId)}>{t('nav.profiles')}</NavLink>
                </li>
                {session.data?.user.isPlatformAdmin ||
                session.data?.memberships.some((m) => m.organisationId === orgId && ['hr', 'org_admin'].includes(m.role)) ? (
                  <li>
                    <NavLink to={paths.campaigns(orgId)}>{t('nav.campaigns')}</NavLink>
                  </li>
                ) : null}
                {session.data?.memberships.some((m) => m.organisationId === orgId && m.role === 'manager') ? (
                  <li>
                    <NavLink to={paths.myTeam(orgId)}>{t('nav.team')}</NavLink>
                  </li>
                ) : null}
                {session.data?.user.isPlatformAdmin ||
                session.data?.memberships.some((m) => m.organisationId === orgId && ['hr', 'org_admin', 'manager'].includes(m.role)) ? (
                  <>
                    <li>
                      <NavLink to={paths.learningQuestions(orgId)}>{t('nav.learningQuestions')}</NavLink>
                    </li>
                    <li>
                      <NavLink to={paths.organisationIssues(orgId)}>{t('nav.organisationIssues')}</NavLink>
                    </li>
                    <li>
                      <NavLink to={paths.needs(orgId)}>{t('nav.needs', { ns: 'needs' })}</NavLink>
                    </li>
                    <li>
                      <NavLink to={paths.plans(orgId)}>{t('nav.plan', { ns: 'plan' })}</NavLink>
                    </li>
                  </>
                ) : null}
              </>
            ) : null}
            {diagnosisOrgId && (session.data?.user.isPlatformAdmin || ['hr', 'org_admin', 'manager'].some((r) => diagnosisRoles.has(r))) ? (
              <li>
                <NavLink to={paths.diagnosis(diagnosisOrgId)}>{t('nav.diagnosis', { ns: 'diagnosis' })}</NavLink>
              </li>
            ) : null}
            {diagnosisOrgId && ['employee', 'manager'].some((r) => diagnosisRoles.has(r)) ? (
              <li>
                <NavLink to={paths.myResult(diagnosisOrgId)}>{t('nav.myResult', { ns: 'diagnosis' })}</NavLink>
              </li>
            ) : null}
            {offersOrgId ? (
              <li>
                <NavLink to={paths.offers(offersOrgId)}>{t('nav.offers', { ns: 'offers' })}</NavLink>
              </li>
            ) : null}
            {session.data?.memberships.some((m) => m.role === 'employee' || m.role === 'manager') ? (
              <li>
                <NavLink to={paths.learnerHome()}>{t('nav.learn', { ns: 'learner' })}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to={paths.catalog()}>{t('nav.catalog', { ns: 'learner' })}</NavLink>
            </li>
            <li>
              <NavLink to={paths.imports()}>{t('nav.imports')}</NavLink>
            </li>
          </ul>
        </nav>
        {organisation ? (
          <p className="current-org">
            {t('shell.workingFor')} <strong>{organisation.organisationName}</strong>
          </p>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={main} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
