import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** Translates an error into plain words: errors:<code>, else a general message. */
export function useErrorText() {
  const { t } = useTranslation('errors');
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = error.code;
      return t(key, { defaultValue: error.status >= 500 ? t('server.internal') : t('general') });
    }
    return t('general');
  };
}

/** An error box, announced to screen readers, with the request id for support. */
export function ErrorMessage({ error, focus = false }: { error: unknown; focus?: boolean }) {
  const text = useErrorText();
  const { t } = useTranslation('errors');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, error]);
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p>{text(error)}</p>
      {error instanceof ApiError && error.requestId ? (
        <p className="alert__meta">
          {t('requestId')}: <code>{error.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

export function Loading({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {children ?? t('status.loading')}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
