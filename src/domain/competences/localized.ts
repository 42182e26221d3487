/** Picking one language out of a `{nl, fr, en}` object, and short descriptions for lists. */

export type Lang = 'nl' | 'fr' | 'en';
type Localized = Partial<Record<string, string>>;

const fallbackOrder: Record<Lang, Lang[]> = {
  nl: ['nl', 'en', 'fr'],
  fr: ['fr', 'nl', 'en'],
  en: ['en', 'nl', 'fr'],
};

/** The text in `lang`, else the first non-empty one of nl, en, fr (French falls back to Dutch first). */
export function pickLocalized(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return '';
  for (const l of fallbackOrder[lang]) {
    const value = text[l];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
