import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/shared/roles';
import { pickText } from './localized';
import { Pictogram } from './Pictogram';
import type { ScaleLevel } from './ScaleLevels';

/**
 * Choose a level by its picture and plain words: a radio group of big cards, one per level.
 * Arrow keys move between levels, as with any radio group. `value` null = nothing chosen yet.
 */
export function LevelChooser({
  legend,
  levels,
  value,
  onChange,
  error,
  children,
}: {
  legend: ReactNode;
  levels: ScaleLevel[];
  value: number | null;
  onChange: (level: number) => void;
  error?: string;
  /** Extra content under the options (a note field, a "clear" button). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
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
                {t('scale.level', { level: l.level })} · {pickText(l.label, lang)}
              </strong>
              <span>{pickText(l.descriptor, lang)}</span>
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
