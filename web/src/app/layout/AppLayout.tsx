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
              </>
            ) : null}
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
