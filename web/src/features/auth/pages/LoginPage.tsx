import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useSession, useSetSession } from '../../../api/session';
import { isLocale, storedLanguage } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { Field } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { logIn, saveLocale } from '../api/auth';

const DEMO_EMAIL = 'hr@demo.leerkompas.be';
const DEMO_PASSWORD = 'Leerkompas-demo-2026';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home();
}

export default function LoginPage() {
  const { t, i18n } = useTranslation('auth');
  usePageTitle(t('login.title'));
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!email.trim()) found.email = t('login.emailMissing');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t('login.emailInvalid');
    if (!password) found.password = t('login.passwordMissing');
    setErrors(found);
    setFailure(null);
    if (found.email || found.password) {
      document.getElementById(found.email ? 'login-email' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const view = await logIn({ email: email.trim(), password });
      // A language chosen on this device wins and is saved on the account; otherwise use the account's.
      const chosen = storedLanguage();
      if (chosen && chosen !== view.user.locale) await saveLocale(chosen).catch(() => undefined);
      else if (!chosen && isLocale(view.user.locale)) await i18n.changeLanguage(view.user.locale);
      setSession(view);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'auth.invalid_credentials') {
        setErrors({ password: t('login.wrongCredentials') });
        document.getElementById('login-password')?.focus();
      } else if (error instanceof ApiError && error.code === 'validation.failed') {
        setErrors({
          email: error.fieldErrors.email ? t('login.emailInvalid') : undefined,
          password: error.fieldErrors.password ? t('login.passwordMissing') : undefined,
        });
      } else {
        setFailure(error);
      }
    }
  };

  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <ErrorMessage error={failure} focus />
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <Field
          label={t('login.email')}
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          maxLength={254}
        />
        <Field
          label={t('login.password')}
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          maxLength={200}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <details className="demo-hint">
        <summary>{t('login.demoTitle')}</summary>
        <p>{t('login.demoBody')}</p>
        <dl>
          <dt>{t('login.email')}</dt>
          <dd>
            <code>{DEMO_EMAIL}</code>
          </dd>
          <dt>{t('login.password')}</dt>
          <dd>
            <code>{DEMO_PASSWORD}</code>
          </dd>
        </dl>
      </details>
    </div>
  );
}
