import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Axis = 'orientation' | 'initiative' | 'length';
const steps = [-2, -1, 0, 1, 2] as const;

/**
 * One provider-study characteristic (person-oriented ↔ labour-market-oriented, …) as a radio scale
 * of five steps in words, plus "not filled in". Radios rather than a slider: every step has a
 * name a screen reader says, and arrow keys move between them.
 */
export function CharacteristicScale({
  axis,
  value,
  onChange,
  error,
}: {
  axis: Axis;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation('offers');
  const name = useId();
  const left = t(`characteristics.${axis}.left`);
  const right = t(`characteristics.${axis}.right`);
  const label = (step: number) =>
    step === 0
      ? t('characteristics.middle')
      : t(Math.abs(step) === 2 ? 'characteristics.mostly' : 'characteristics.rather', { side: step < 0 ? left : right });
  return (
    <fieldset className="offer-scale" aria-invalid={error ? true : undefined}>
      <legend>{t(`characteristics.${axis}.legend`)}</legend>
      <p className="field__hint">{t(`characteristics.${axis}.hint`)}</p>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="offer-scale__ends" aria-hidden="true">
        <span>{left}</span>
        <span>{right}</span>
      </div>
      <div className="offer-scale__options">
        {steps.map((step) => (
          <label key={step} className={`offer-scale__option${value === step ? ' offer-scale__option--chosen' : ''}`}>
            <input type="radio" name={name} checked={value === step} onChange={() => onChange(step)} />
            <span>{label(step)}</span>
          </label>
        ))}
        <label className={`offer-scale__option offer-scale__option--none${value === undefined ? ' offer-scale__option--chosen' : ''}`}>
          <input type="radio" name={name} checked={value === undefined} onChange={() => onChange(undefined)} />
          <span>{t('characteristics.none')}</span>
        </label>
      </div>
    </fieldset>
  );
}
