import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../components/localized';
import { Pictogram } from '../../../components/Pictogram';
import type { ScaleLevel } from '../../../components/ScaleLevels';
import type { Locale } from '../../../../../src/shared/roles';

/**
 * Choose a level by its picture and plain words: a radio group of big cards, one per level.
 * Arrow keys move between levels, as with any radio group.
 */
export function LevelChooser({ legend, levels, value, onChange, error }: { legend: string; levels: ScaleLevel[]; value: number; onChange: (level: number) => void; error?: string }) {
  const { t, i18n } = useTranslation('profiles');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const name = useId();
  return (
    <fieldset className="level-chooser" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="level-chooser__options">
        {levels.map((l) => (
          <label key={l.level} className={`level-option${value === l.level ? ' level-option--chosen' : ''}`}>
            <input type="radio" name={name} value={l.level} checked={value === l.level} onChange={() => onChange(l.level)} />
            <Pictogram name={l.pictogram} size={36} />
            <span className="level-option__text">
              <strong>
                {t('editor.levelNumber', { level: l.level })} · {pickText(l.label, lang)}
              </strong>
              <span>{pickText(l.descriptor, lang)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
