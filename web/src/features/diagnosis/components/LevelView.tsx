import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { pickText } from '../../../components/localized';
import { Pictogram } from '../../../components/Pictogram';
import type { ScaleView } from '../api/diagnosis';

/** A level as its pictogram plus "Niveau 2 · zelfstandig"; `null` = not known (never shown as zero). */
export function LevelView({
  level,
  scale,
  size = 32,
  empty,
}: {
  level: number | null;
  scale: ScaleView | null | undefined;
  size?: number;
  empty?: string;
}) {
  const { t, i18n } = useTranslation('diagnosis');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  if (level === null) {
    return (
      <span className="level-view level-view--none">
        <span className="level-view__blank" aria-hidden="true">
          ?
        </span>
        <span>{empty ?? t('level.none')}</span>
      </span>
    );
  }
  const l = scale?.levels.find((x) => x.level === level);
  return (
    <span className="level-view">
      <Pictogram name={l?.pictogram} size={size} />
      <span>
        <strong>{t('scale.level', { ns: 'common', level })}</strong>
        {l ? <span className="level-view__label"> · {pickText(l.label, lang)}</span> : null}
      </span>
    </span>
  );
}
