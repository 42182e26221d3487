import { useTranslation } from 'react-i18next';

/** First focusable element of every page: jumps over the header to the main content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${target}`}>
      {t('shell.skipToContent')}
    </a>
  );
}
