import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { useSession } from '../../../api/session';
import { Field } from '../../../components/Field';
import { ErrorMessage, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { changePassword } from '../api/auth';

const MIN_LENGTH = 10;

export default function AccountPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('account.title'));
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const found: typeof errors = {};
    if (!current) found.current = t('password.currentMissing');
    if (next.length < MIN_LENGTH) found.next = t('password.tooShort', { min: MIN_LENGTH });
    else if (next !== repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await changePassword({ currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'auth.invalid_credentials') setErrors({ current: t('password.currentWrong') });
      else if (error instanceof ApiError && error.code === 'auth.weak_password') setErrors({ next: t('password.weak') });
      else if (error instanceof ApiError && error.fieldErrors.newPassword) setErrors({ next: t('password.tooShort', { min: MIN_LENGTH }) });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('account.title')}</h1>
      {session.data ? (
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{session.data.user.displayName}</dd>
          <dt>{t('login.email')}</dt>
          <dd>{session.data.user.email}</dd>
        </dl>
      ) : null}
      <h2>{t('password.title')}</h2>
      {done ? <Notice>{t('password.changed')}</Notice> : null}
      <ErrorMessage error={failure} />
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <Field
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
          maxLength={200}
        />
        <Field
          label={t('password.new')}
          hint={t('password.hint', { min: MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
          maxLength={200}
        />
        <Field
          label={t('password.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeat}
          maxLength={200}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
