import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { htmlLanguage, progressAt, textIn, type SurveyLocale } from '../../../../../src/shared/survey';
import { ProgressBar } from '../../../components/ProgressBar';
import { ReadAloud } from '../../../components/ReadAloud';
import type { SurveyView, SurveyVisibility } from '../api/survey';
import { SurveyIcon, type SurveyIconName } from './Icons';
import { LevelChoice, type Choice } from './LevelChoice';

/** The first heading of every screen takes the focus when the screen changes (see SurveyPage). */
type HeadingRef = RefObject<HTMLHeadingElement | null>;

function Alert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert">
      <p>{children}</p>
    </div>
  );
}

function formatDay(isoDate: string, locale: SurveyLocale): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(`${htmlLanguage(locale)}-BE`, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** One line with a pictogram in front, for the welcome screen's facts. */
function Fact({ icon, children }: { icon: SurveyIconName; children: ReactNode }) {
  return (
    <li className="survey-fact">
      <SurveyIcon name={icon} size={36} />
      <span>{children}</span>
    </li>
  );
}

export function WelcomeScreen({
  survey,
  locale,
  heading,
  onStart,
}: {
  survey: SurveyView;
  locale: SurveyLocale;
  heading: HeadingRef;
  onStart: () => void;
}) {
  const { t } = useTranslation('survey');
  const privacy =
    survey.campaign.mode === 'anonymous'
      ? t('welcome.privacy.anonymous')
      : survey.visibility.canChoose
        ? t('welcome.privacy.choose')
        : t(`welcome.privacy.${survey.visibility.value}`);
  const readText = [survey.campaign.title, survey.campaign.description, t('welcome.intro'), t('welcome.duration'), privacy]
    .filter(Boolean)
    .join('. ');
  return (
    <section className="survey-screen" aria-labelledby="survey-title">
      <h1 id="survey-title" ref={heading} tabIndex={-1}>
        {survey.campaign.title}
      </h1>
      <ReadAloud text={readText} locale={locale} ns="survey" className="survey-read-aloud" />
      {survey.campaign.description ? <p className="survey-lead">{survey.campaign.description}</p> : null}
      <p className="survey-lead">{t('welcome.intro')}</p>
      <ul className="survey-facts">
        <Fact icon="clock">{t('welcome.duration')}</Fact>
        <Fact icon="list">{t('welcome.questions', { count: survey.questions.length })}</Fact>
        <Fact icon={survey.campaign.mode === 'anonymous' ? 'lock' : 'eye'}>{privacy}</Fact>
        <Fact icon="calendar">{t('welcome.closesOn', { date: formatDay(survey.campaign.closesOn, locale) })}</Fact>
      </ul>
      <div className="survey-nav">
        <button type="button" className="button button--primary survey-nav__next" onClick={onStart}>
          {t('welcome.start')}
        </button>
      </div>
    </section>
  );
}

export function QuestionScreen({
  survey,
  index,
  answered,
  locale,
  heading,
  choice,
  onChoose,
  onBack,
  onNext,
  busy,
  error,
  notice,
}: {
  survey: SurveyView;
  index: number;
  answered: number;
  locale: SurveyLocale;
  heading: HeadingRef;
  choice: Choice;
  onChoose: (choice: Choice) => void;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
  error: string | null;
  notice: string | null;
}) {
  const { t } = useTranslation('survey');
  const question = survey.questions[index];
  const progress = progressAt(index, survey.questions.length, answered);
  const label = textIn(question.label, locale);
  const description = textIn(question.description, locale);
  const levels = survey.scale.levels;
  const readText = [
    label,
    description,
    t('question.levelsLabel'),
    ...levels.map((l) => textIn(l.descriptor, locale) || textIn(l.label, locale)),
    t('question.dontKnow'),
  ]
    .filter(Boolean)
    .join('. ');
  const headingId = `question-${question.competenceId}`;
  const descriptionId = description ? `${headingId}-description` : undefined;
  return (
    <section className="survey-screen" aria-labelledby={headingId}>
      <ProgressBar
        value={progress.percent}
        max={100}
        label={t('question.progressLabel')}
        text={t('question.progress', { number: progress.number, total: progress.total })}
      />
      {notice ? (
        <p className="survey-notice" role="status">
          {notice}
        </p>
      ) : null}
      <h1 id={headingId} ref={heading} tabIndex={-1} className="survey-question">
        {label}
      </h1>
      {description ? (
        <p id={descriptionId} className="survey-lead">
          {description}
        </p>
      ) : null}
      <ReadAloud text={readText} locale={locale} ns="survey" className="survey-read-aloud" />
      <p className="survey-ask" aria-hidden="true">
        {t('question.levelsLabel')}
      </p>
      <LevelChoice
        name={`answer-${question.competenceId}`}
        labelledBy={headingId}
        describedBy={descriptionId}
        levels={levels}
        locale={locale}
        value={choice}
        onChange={onChoose}
      />
      {error ? <Alert>{error}</Alert> : null}
      <div className="survey-nav">
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          <span aria-hidden="true">←</span> {t('question.back')}
        </button>
        <button type="button" className="button button--primary survey-nav__next" onClick={onNext} disabled={busy}>
          {busy ? t('question.saving') : t('question.next')} <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}

export function FinalScreen({
  survey,
  locale,
  heading,
  wish,
  onWish,
  visibility,
  onVisibility,
  onBack,
  onSubmit,
  busy,
  error,
}: {
  survey: SurveyView;
  locale: SurveyLocale;
  heading: HeadingRef;
  wish: string;
  onWish: (text: string) => void;
  visibility: SurveyVisibility;
  onVisibility: (value: SurveyVisibility) => void;
  onBack: () => void;
  onSubmit: () => void;
  busy: boolean;
  error: ReactNode;
}) {
  const { t } = useTranslation('survey');
  const wishId = useId();
  const hintId = useId();
  const openQuestion = survey.openQuestion ? textIn(survey.openQuestion, locale) : null;
  const options: SurveyVisibility[] = ['private', 'supervisor', 'hr'];
  return (
    <section className="survey-screen" aria-labelledby="survey-final">
      <ProgressBar value={100} max={100} label={t('question.progressLabel')} text={t('final.allAnswered')} />
      <h1 id="survey-final" ref={heading} tabIndex={-1}>
        {t('final.title')}
      </h1>
      {openQuestion ? (
        <div className="survey-wish">
          <label htmlFor={wishId} className="survey-question">
            {openQuestion}
          </label>
          <p id={hintId} className="survey-hint">
            {t('final.openQuestionHint')}
          </p>
          <ReadAloud text={`${openQuestion}. ${t('final.openQuestionHint')}`} locale={locale} ns="survey" className="survey-read-aloud" />
          <textarea id={wishId} aria-describedby={hintId} value={wish} maxLength={2000} rows={5} onChange={(e) => onWish(e.target.value)} />
        </div>
      ) : null}
      {survey.visibility.canChoose ? (
        <fieldset className="survey-visibility">
          <legend>{t('final.visibility.legend')}</legend>
          {options.map((value) => (
            <label key={value} className={`survey-level survey-level--small${visibility === value ? ' survey-level--chosen' : ''}`}>
              <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => onVisibility(value)} />
              <span className="survey-level__text">{t(`final.visibility.${value}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="survey-lead">{t('final.sendHint')}</p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="survey-nav">
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          <span aria-hidden="true">←</span> {t('question.back')}
        </button>
        <button type="button" className="button button--primary survey-nav__next" onClick={onSubmit} disabled={busy}>
          {busy ? t('final.submitting') : t('final.submit')}
        </button>
      </div>
    </section>
  );
}

export function DoneScreen({ heading, locale }: { heading: HeadingRef; locale: SurveyLocale }) {
  const { t } = useTranslation('survey');
  return (
    <section className="survey-screen survey-message" aria-labelledby="survey-done">
      <SurveyIcon name="thanks" size={96} />
      <h1 id="survey-done" ref={heading} tabIndex={-1}>
        {t('done.title')}
      </h1>
      <p className="survey-lead">{t('done.text')}</p>
      <p>{t('done.close')}</p>
      <ReadAloud
        text={`${t('done.title')} ${t('done.text')} ${t('done.close')}`}
        locale={locale}
        ns="survey"
        className="survey-read-aloud"
      />
    </section>
  );
}

/** Problems with the link, in plain words and a picture; never whose link it is. */
const problemIcons: Record<string, SurveyIconName> = {
  link_missing: 'broken-link',
  link_unknown: 'broken-link',
  link_revoked: 'broken-link',
  link_expired: 'closed',
  closed: 'closed',
  not_open: 'calendar',
  offline: 'warning',
  busy: 'clock',
  generic: 'warning',
};

export function problemOf(code: string | null | undefined): string {
  switch (code) {
    case 'survey.link_missing':
    case 'survey.link_unknown':
    case 'survey.link_revoked':
    case 'survey.link_expired':
    case 'survey.closed':
    case 'survey.not_open':
      return code.slice('survey.'.length);
    case 'network.offline':
      return 'offline';
    case 'auth.rate_limited':
      return 'busy';
    default:
      return 'generic';
  }
}

export function ProblemScreen({ problem, heading, onRetry }: { problem: string; heading: HeadingRef; onRetry?: () => void }) {
  const { t, i18n } = useTranslation('survey');
  const retryable = problem === 'offline' || problem === 'busy' || problem === 'generic';
  return (
    <section className="survey-screen survey-message" aria-labelledby="survey-problem">
      <SurveyIcon name={problemIcons[problem] ?? 'warning'} size={96} />
      <h1 id="survey-problem" ref={heading} tabIndex={-1}>
        {t(`problems.${problem}.title`)}
      </h1>
      <p className="survey-lead">{t(`problems.${problem}.text`)}</p>
      {retryable && onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('problems.retry')}
        </button>
      ) : null}
      <ReadAloud
        text={`${t(`problems.${problem}.title`)}. ${t(`problems.${problem}.text`)}`}
        locale={(i18n.resolvedLanguage as SurveyLocale | undefined) ?? 'nl'}
        ns="survey"
        className="survey-read-aloud"
      />
    </section>
  );
}

/** The language buttons: only the campaign's languages, each named in itself. */
export function SurveyLanguages({
  locales,
  value,
  onChange,
}: {
  locales: SurveyLocale[];
  value: SurveyLocale;
  onChange: (locale: SurveyLocale) => void;
}) {
  const { t } = useTranslation('survey');
  if (locales.length < 2) return null;
  return (
    <nav className="survey-languages" aria-label={t('language.label')}>
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <button type="button" lang={htmlLanguage(l)} aria-pressed={value === l} onClick={() => onChange(l)}>
              {t(`language.names.${l}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
