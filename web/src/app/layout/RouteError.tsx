import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorMessage } from '../../components/Status';

/** Shown when a page fails to load or render; keeps landmarks so the page stays usable. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="page">
      <h1>{t('routeError.title')}</h1>
      <ErrorMessage error={error} />
      <p>
        <a href="/">{t('routeError.reload')}</a>
      </p>
    </main>
  );
}
