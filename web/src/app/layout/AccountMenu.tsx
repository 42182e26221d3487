import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { http } from '../../api/http';
import { useSession, useSetSession } from '../../api/session';
import { paths } from '../paths';

/** A disclosure button with the person's name: account settings and log out. Escape closes it. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!session.data) return null;
  const logOut = async () => {
    setBusy(true);
    try {
      await http.post('/api/auth/logout');
    } catch {
      /* the session may already be gone; we still leave */
    }
    setSession(null);
    navigate(paths.login(), { replace: true });
  };

  return (
    <div className="account-menu" ref={root}>
      <button type="button" ref={button} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span className="visually-hidden">{t('account.menuFor')} </span>
        {session.data.user.displayName}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={id} hidden={!open} className="account-menu__panel">
        <ul>
          <li>
            <Link to={paths.account()} onClick={() => setOpen(false)}>
              {t('account.settings')}
            </Link>
          </li>
          <li>
            <button type="button" onClick={() => void logOut()} disabled={busy}>
              {t('account.logOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
