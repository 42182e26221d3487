import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> – Leerkompas" in the tab and for screen readers after each navigation. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
