import { useTranslation } from 'react-i18next';
import { textIn, type SurveyLocale } from '../../../../../src/shared/survey';
import { Pictogram } from '../../../components/Pictogram';
import type { SurveyView } from '../api/survey';
import { SurveyIcon } from './Icons';

export type Choice = number | 'dontKnow' | null;

/**
 * The answers to one question as one radio group: every level as a big card with its pictogram
 * and one short sentence, then "I don't know". Native radios, so Tab enters the group and the
 * arrow keys move between answers.
 */
export function LevelChoice({
  name,
  labelledBy,
  describedBy,
  levels,
  locale,
  value,
  onChange,
}: {
  name: string;
  labelledBy: string;
  describedBy?: string;
  levels: SurveyView['scale']['levels'];
  locale: SurveyLocale;
  value: Choice;
  onChange: (choice: Choice) => void;
}) {
  const { t } = useTranslation('survey');
  return (
    <div className="survey-levels" role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {levels.map((l) => (
        <label key={l.level} className={`survey-level${value === l.level ? ' survey-level--chosen' : ''}`}>
          <input type="radio" name={name} value={String(l.level)} checked={value === l.level} onChange={() => onChange(l.level)} />
          <Pictogram name={l.pictogram} size={44} />
          <span className="survey-level__text">{textIn(l.descriptor, locale) || textIn(l.label, locale)}</span>
        </label>
      ))}
      <label className={`survey-level survey-level--dont-know${value === 'dontKnow' ? ' survey-level--chosen' : ''}`}>
        <input type="radio" name={name} value="dontKnow" checked={value === 'dontKnow'} onChange={() => onChange('dontKnow')} />
        <SurveyIcon name="question" size={44} />
        <span className="survey-level__text">{t('question.dontKnow')}</span>
      </label>
    </div>
  );
}
