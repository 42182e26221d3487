/**
 * Turns what a user typed into the PostgreSQL text-search query strings used by competence and
 * occupation search. Only letters and digits survive, so the result is always a valid
 * `to_tsquery` input whatever the user typed (quotes, `&`, `:`, `!` cannot inject operators).
 */

/** Words beyond this are ignored: nobody searches a competence with a paragraph. */
export const MAX_QUERY_WORDS = 8;
/** The last word is matched as a prefix only from this length on (a 1–2 letter prefix matches half the catalogue). */
export const MIN_PREFIX_LENGTH = 3;
/** Trigram matching needs at least this many characters to mean anything. */
export const MIN_TRIGRAM_LENGTH = 3;

export interface SearchQuery {
  /** All words ANDed, for full-text matches on whole (stemmed) words; null when nothing is left. */
  exact: string | null;
  /** Like `exact`, but the last word as a prefix (`word:*`) for partial words; null when not useful. */
  prefix: string | null;
  /** Lower-cased, whitespace-collapsed text for trigram similarity; null when too short. */
  trigram: string | null;
  /** The words kept, lower-cased. */
  words: string[];
}

export function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

export function buildSearchQuery(text: string): SearchQuery {
  const words = splitWords(text);
  const collapsed = words.join(' ');
  const trigram = collapsed.length >= MIN_TRIGRAM_LENGTH ? collapsed : null;
  if (words.length === 0) return { exact: null, prefix: null, trigram, words };
  const exact = words.join(' & ');
  const last = words[words.length - 1];
  const prefix = last.length >= MIN_PREFIX_LENGTH ? [...words.slice(0, -1), `${last}:*`].join(' & ') : null;
  return { exact, prefix, trigram, words };
}
