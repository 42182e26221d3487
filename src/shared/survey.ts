/**
 * Framework-free helpers of the self-assessment survey, used by the server and the web app.
 * A campaign offers a subset of nl, fr, en and nl-easy (easy Dutch); easy Dutch falls back to
 * Dutch where a text has no easy version.
 */

export const surveyLocales = ['nl', 'fr', 'en', 'nl-easy'] as const;
export type SurveyLocale = (typeof surveyLocales)[number];
export type SurveyTexts = Partial<Record<SurveyLocale, string>>;

export function isSurveyLocale(value: unknown): value is SurveyLocale {
  return typeof value === 'string' && (surveyLocales as readonly string[]).includes(value);
}

const fallbacks: Record<SurveyLocale, SurveyLocale[]> = {
  'nl-easy': ['nl-easy', 'nl', 'en', 'fr'],
  nl: ['nl', 'en', 'fr'],
  fr: ['fr', 'nl', 'en'],
  en: ['en', 'nl', 'fr'],
};

/** The text in the chosen language, else the nearest one there is; '' when there is none. */
export function textIn(text: SurveyTexts | null | undefined, locale: SurveyLocale): string {
  if (!text) return '';
  for (const l of fallbacks[locale]) {
    const value = text[l];
    if (value && value.trim()) return value;
  }
  return '';
}

/** The language the browser reads aloud in: Belgian Dutch (also for easy Dutch) and French, British English. */
export function speechLanguage(locale: SurveyLocale): string {
  return { nl: 'nl-BE', 'nl-easy': 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[locale];
}

/** The lang attribute of the page: easy Dutch is Dutch. */
export function htmlLanguage(locale: SurveyLocale): 'nl' | 'fr' | 'en' {
  return locale === 'nl-easy' ? 'nl' : locale;
}

export interface SurveyProgress {
  /** 1-based number of the question on screen ("vraag 3 van 12"). */
  number: number;
  total: number;
  /** Share of the questions answered, 0–100. */
  percent: number;
}

/** Progress for the question at `index` (0-based) when `answered` questions have an answer. */
export function progressAt(index: number, total: number, answered: number): SurveyProgress {
  if (total <= 0) return { number: 0, total: 0, percent: 100 };
  const number = Math.min(Math.max(index, 0), total - 1) + 1;
  const percent = Math.round((Math.min(Math.max(answered, 0), total) / total) * 100);
  return { number, total, percent };
}
