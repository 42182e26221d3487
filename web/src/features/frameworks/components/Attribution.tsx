import { useTranslation } from 'react-i18next';

/** ESCO (and any other source that asks for it) is credited wherever its content shows. */
export function Attribution({ source, attribution }: { source: string; attribution: string | null }) {
  const { t } = useTranslation('frameworks');
  if (!attribution && source !== 'esco') return null;
  return (
    <p className="attribution">
      <span aria-hidden="true">ⓘ </span>
      {source === 'esco' ? t('attribution.esco') : null} {attribution ? <span lang="en">{attribution}</span> : null}
    </p>
  );
}
