import { surveyLocales, type SurveyTexts } from '../../shared/survey.js';

/** Keeps only the languages a campaign offers (blank texts are left out). */
export function offeredTexts(text: Record<string, string | undefined> | null | undefined, offered: readonly string[]): SurveyTexts {
  const out: SurveyTexts = {};
  if (!text) return out;
  for (const locale of surveyLocales) {
    const value = text[locale];
    if (offered.includes(locale) && typeof value === 'string' && value.trim()) out[locale] = value;
  }
  return out;
}
