import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { isSurveyLocale, type SurveyLocale } from '../../../../../src/shared/survey';
import { ApiError } from '../../../api/http';
import { EASY_DUTCH, storedLanguage } from '../../../app/i18n';
import { SkipLink } from '../../../components/SkipLink';
import { usePageTitle } from '../../../components/usePageTitle';
import { surveyApi, useSurvey, type SurveyView, type SurveyVisibility } from '../api/survey';
import type { Choice } from '../components/LevelChoice';
import { DoneScreen, FinalScreen, ProblemScreen, QuestionScreen, SurveyLanguages, WelcomeScreen, problemOf } from '../components/Screens';
import '../survey.css';

type Screen = { kind: 'welcome' } | { kind: 'question'; index: number } | { kind: 'final' } | { kind: 'done' };
type Answer = SurveyView['answers'][number];

/** The language chosen for surveys on this device (not the app's language: easy Dutch exists only here). */
const LOCALE_KEY = 'leerkompas.survey.locale';
function storedSurveyLocale(): SurveyLocale | null {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return isSurveyLocale(value) ? value : null;
  } catch {
    return null;
  }
}
function storeSurveyLocale(locale: SurveyLocale) {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

/** The token is the link's fragment (`/s#<token>`): browsers never send it to a server. */
function tokenFrom(hash: string): string | null {
  const raw = hash.replace(/^#/, '').trim();
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const byCompetence = (answers: Answer[]) => Object.fromEntries(answers.map((a) => [a.competenceId, a])) as Record<string, Answer>;

/**
 * The self-assessment answered from a personal link, without an account: a welcome screen, one
 * question per screen, a final screen with the open question, then thanks. Every answer is saved
 * when the person moves on, so the same link resumes at the first question without an answer.
 */
export default function SurveyPage() {
  const { t, i18n } = useTranslation('survey');
  const { hash } = useLocation();
  const [token] = useState(() => tokenFrom(hash));
  const query = useSurvey(token);
  const survey = query.data;

  const [screen, setScreen] = useState<Screen | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [choice, setChoice] = useState<Choice>(null);
  const [wish, setWish] = useState('');
  const [savedWish, setSavedWish] = useState('');
  const [visibility, setVisibility] = useState<SurveyVisibility>('hr');
  const [locale, setLocale] = useState<SurveyLocale>('nl');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(0);

  usePageTitle(survey?.campaign.title ?? t('pageTitle'));

  const applyLocale = (next: SurveyLocale, save: boolean) => {
    setLocale(next);
    storeSurveyLocale(next);
    void i18n.changeLanguage(next);
    // The language on screen has changed already; keeping it on the response is best effort.
    if (save && token) void surveyApi.locale(token, next).catch(() => undefined);
  };

  // Leaving the survey: easy Dutch exists only here, so the rest of the app goes back to its language.
  useEffect(
    () => () => {
      if (i18n.language === EASY_DUTCH) void i18n.changeLanguage(storedLanguage() ?? 'nl');
    },
    [i18n],
  );

  // First load: the saved answers, and where to start.
  useEffect(() => {
    if (!survey || screen) return;
    setAnswers(byCompetence(survey.answers));
    setWish(survey.learningWish ?? '');
    setSavedWish(survey.learningWish ?? '');
    setVisibility(survey.visibility.value);
    const stored = storedSurveyLocale();
    applyLocale(stored && survey.locales.includes(stored) ? stored : survey.locale, false);
    if (survey.status === 'submitted') setScreen({ kind: 'done' });
    else if (survey.answers.length === 0) setScreen({ kind: 'welcome' });
    else if (survey.resumeAt >= survey.questions.length) setScreen({ kind: 'final' });
    else {
      setNotice(t('welcome.resumed', { number: survey.resumeAt + 1 }));
      openQuestion(survey.resumeAt, byCompetence(survey.answers));
    }
    // Runs once per loaded survey on purpose: applyLocale and openQuestion only set state.
  }, [survey]);

  // A new screen: move the focus to its heading, so screen readers announce it.
  const screenKey = problem
    ? `problem-${problem}`
    : screen
      ? `${screen.kind}-${screen.kind === 'question' ? screen.index : ''}`
      : 'loading';
  useEffect(() => {
    if (screenKey === 'loading') return;
    if (shown.current++ > 0) heading.current?.focus();
  }, [screenKey]);

  function openQuestion(index: number, known = answers) {
    const question = survey?.questions[index];
    const saved = question ? known[question.competenceId] : undefined;
    setChoice(saved ? (saved.dontKnow ? 'dontKnow' : saved.level) : null);
    setError(null);
    setScreen({ kind: 'question', index });
  }

  /** Maps a failed call to what the person sees: the link's problem page, "already sent", or a message. */
  function fail(e: unknown) {
    const code = e instanceof ApiError ? e.code : null;
    if (code === 'survey.submitted') {
      setScreen({ kind: 'done' });
      return;
    }
    const kind = problemOf(code);
    if (kind !== 'generic' && kind !== 'offline' && kind !== 'busy') setProblem(kind);
    else setError(kind === 'busy' ? t('problems.busy.text') : t('question.saveFailed'));
  }

  /** Saves the choice on screen when it differs from the saved answer; false when that failed. */
  async function saveChoice(index: number): Promise<boolean> {
    if (!survey || !token || choice === null) return true;
    const question = survey.questions[index];
    const saved = answers[question.competenceId];
    const unchanged = saved && (choice === 'dontKnow' ? saved.dontKnow : !saved.dontKnow && saved.level === choice);
    if (unchanged) return true;
    setBusy(true);
    setError(null);
    try {
      const result = await surveyApi.answer(token, question.competenceId, choice === 'dontKnow' ? { dontKnow: true } : { level: choice });
      setAnswers((all) => ({ ...all, [question.competenceId]: result.answer }));
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function saveWish(): Promise<void> {
    if (!token || !survey?.openQuestion || wish.trim() === savedWish.trim()) return;
    await surveyApi.learningWish(token, wish);
    setSavedWish(wish);
  }

  async function next(index: number) {
    if (!survey) return;
    if (choice === null) {
      setError(t('question.chooseFirst'));
      return;
    }
    if (!(await saveChoice(index))) return;
    setNotice(null);
    if (index + 1 < survey.questions.length) openQuestion(index + 1);
    else {
      setError(null);
      setScreen({ kind: 'final' });
    }
  }

  async function back(index: number) {
    if (!(await saveChoice(index))) return;
    setNotice(null);
    if (index === 0) setScreen({ kind: 'welcome' });
    else openQuestion(index - 1);
  }

  async function backFromFinal() {
    if (!survey) return;
    try {
      await saveWish();
    } catch (e) {
      fail(e);
      return;
    }
    if (survey.questions.length) openQuestion(survey.questions.length - 1);
    else setScreen({ kind: 'welcome' });
  }

  async function chooseVisibility(value: SurveyVisibility) {
    if (!token) return;
    const before = visibility;
    setVisibility(value);
    try {
      await surveyApi.visibility(token, value);
    } catch (e) {
      setVisibility(before);
      fail(e);
    }
  }

  async function submit() {
    if (!survey || !token) return;
    setBusy(true);
    setError(null);
    try {
      await saveWish();
      await surveyApi.submit(token);
      setScreen({ kind: 'done' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'survey.incomplete') {
        // Back to the first question without an answer, saying why.
        const missing = Object.keys(e.fieldErrors).map((k) => k.replace(/^answers\./, ''));
        const index = survey.questions.findIndex((q) => missing.includes(q.competenceId));
        setNotice(t('final.incomplete'));
        openQuestion(index === -1 ? 0 : index);
      } else fail(e);
    } finally {
      setBusy(false);
    }
  }

  const answered = Object.keys(answers).length;
  let content;
  if (!token) content = <ProblemScreen problem="link_missing" heading={heading} />;
  else if (problem) content = <ProblemScreen problem={problem} heading={heading} />;
  else if (query.isError) {
    const kind = problemOf(query.error instanceof ApiError ? query.error.code : null);
    content = <ProblemScreen problem={kind} heading={heading} onRetry={() => void query.refetch()} />;
  } else if (!survey || !screen) {
    content = (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  } else if (screen.kind === 'welcome') {
    content = <WelcomeScreen survey={survey} locale={locale} heading={heading} onStart={() => openQuestion(0)} />;
  } else if (screen.kind === 'question') {
    content = (
      <QuestionScreen
        survey={survey}
        index={screen.index}
        answered={answered}
        locale={locale}
        heading={heading}
        choice={choice}
        onChoose={(c) => {
          setChoice(c);
          setError(null);
        }}
        onBack={() => void back(screen.index)}
        onNext={() => void next(screen.index)}
        busy={busy}
        error={error}
        notice={notice}
      />
    );
  } else if (screen.kind === 'final') {
    content = (
      <FinalScreen
        survey={survey}
        locale={locale}
        heading={heading}
        wish={wish}
        onWish={setWish}
        visibility={visibility}
        onVisibility={(v) => void chooseVisibility(v)}
        onBack={() => void backFromFinal()}
        onSubmit={() => void submit()}
        busy={busy}
        error={error}
      />
    );
  } else {
    content = <DoneScreen heading={heading} locale={locale} />;
  }

  return (
    <div className="survey-page">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__bar">
          <span className="brand">
            <svg width="28" height="28" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
              <circle cx="24" cy="24" r="20" fill="#fff" stroke="currentColor" strokeWidth="4" />
              <path d="M24 10l6 14-6 14-6-14z" fill="currentColor" />
            </svg>
            <span>{t('app.name', { ns: 'common' })}</span>
          </span>
          {survey && !problem ? <SurveyLanguages locales={survey.locales} value={locale} onChange={(l) => applyLocale(l, true)} /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page survey">
        {content}
      </main>
    </div>
  );
}
