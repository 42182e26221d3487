import type { Locale } from '../../../src/shared/roles';

export type LocalizedText = Partial<Record<Locale | 'nl-easy', string>>;
export type LocalizedList = Partial<Record<Locale, string[]>>;

const fallbacks: Record<Locale, Locale[]> = { nl: ['nl', 'en', 'fr'], fr: ['fr', 'nl', 'en'], en: ['en', 'nl', 'fr'] };

/** The text in the UI language, else the nearest one we have; also says which language it is. */
export function pick(text: LocalizedText | null | undefined, lang: Locale): { text: string; lang: Locale } | null {
  if (!text) return null;
  for (const l of fallbacks[lang]) {
    const value = text[l];
    if (value && value.trim()) return { text: value, lang: l };
  }
  return null;
}

export function pickText(text: LocalizedText | null | undefined, lang: Locale): string {
  return pick(text, lang)?.text ?? '';
}
