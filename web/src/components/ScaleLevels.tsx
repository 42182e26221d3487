import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/shared/roles';
import { pickText, type LocalizedText } from './localized';
import { Pictogram } from './Pictogram';

export interface ScaleLevel {
  level: number;
  label: LocalizedText;
  descriptor: LocalizedText;
  pictogram: string | null;
}

/** The levels of a scale as pictogram + short name + one plain sentence. */
export function ScaleLevelList({ levels }: { levels: ScaleLevel[] }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  return (
    <ol className="scale-levels">
      {levels.map((l) => (
        <li key={l.level}>
          <Pictogram name={l.pictogram} />
          <span>
            <strong>
              {t('scale.level', { level: l.level })}: {pickText(l.label, lang)}
            </strong>
            <br />
            {pickText(l.descriptor, lang)}
          </span>
        </li>
      ))}
    </ol>
  );
}
