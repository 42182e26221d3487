import { scoreTextHit } from './rank-merge.js';

/**
 * Suggested competences for a learning question (issue 3 item 6): the question is free text ("Ik
 * wil beter leren werken met de tablet"), not a search phrase, so its words are ORed (a competence
 * matching more of them ranks higher), instead of ANDed as in the search box.
 *
 * Choices (docs/domain.md, "Learning questions"):
 * - words shorter than 3 letters are dropped, Dutch stop words are dropped by PostgreSQL's
 *   `dutch` configuration, at most 24 distinct words count;
 * - words that occur in almost every competence or learning wish ("werken", "leren", "beter",
 *   "omgaan") are dropped too, unless nothing else is left: they would rank "Omgaan met werkdruk"
 *   above "Digitale werkmiddelen gebruiken" for "beter leren werken met de tablet";
 * - words of 4 letters or more also match as a prefix ("computer" finds "computervaardigheden");
 * - tree nodes (kind `group`) are never suggested;
 * - competences the organisation already uses (in its function profiles or its own frameworks)
 *   get a bonus of 0.15, so "tablet" suggests the organisation's own digital competence before a
 *   far-fetched ESCO skill;
 * - the top 5 are kept.
 */

export const MAX_SUGGESTION_WORDS = 24;
export const MIN_SUGGESTION_WORD = 3;
export const MIN_PREFIX_WORD = 4;
export const SUGGESTION_COUNT = 5;
export const PREFERRED_BONUS = 0.15;

/** Words too common in competence texts and learning wishes to tell competences apart. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'werken',
  'werk',
  'werkt',
  'leren',
  'leer',
  'beter',
  'goed',
  'graag',
  'willen',
  'wil',
  'kunnen',
  'omgaan',
  'vooral',
  'gebruiken',
  'doen',
  'maken',
]);

export interface SuggestionQuery {
  /** Words ORed, for `to_tsquery`; only letters and digits, so always valid input. */
  any: string;
  /** Like `any`, with the longer words as prefixes (`word:*`). */
  anyPrefix: string;
  words: string[];
}

export function buildSuggestionQuery(text: string): SuggestionQuery | null {
  const all = [
    ...new Set(
      text
        .toLowerCase()
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= MIN_SUGGESTION_WORD),
    ),
  ];
  const specific = all.filter((w) => !GENERIC_WORDS.has(w));
  const words = (specific.length ? specific : all).slice(0, MAX_SUGGESTION_WORDS);
  if (words.length === 0) return null;
  return {
    any: words.join(' | '),
    anyPrefix: words.map((w) => (w.length >= MIN_PREFIX_WORD ? `${w}:*` : w)).join(' | '),
    words,
  };
}

export interface SuggestionCandidate {
  id: string;
  label: string;
  kind: string;
  /** ts_rank with normalisation 32 (0..1). */
  rank: number;
  /** Matched on whole words (not only as a prefix). */
  exact: boolean;
}

export interface Suggestion {
  competenceId: string;
  /** 1 = best. */
  rank: number;
  score: number;
}

export function rankSuggestions(
  candidates: readonly SuggestionCandidate[],
  options: { preferred: ReadonlySet<string>; limit?: number },
): Suggestion[] {
  const limit = options.limit ?? SUGGESTION_COUNT;
  const seen = new Set<string>();
  const scored = candidates
    .filter((c) => c.kind !== 'group')
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
    .map((c) => ({ c, score: scoreTextHit(c) + (options.preferred.has(c.id) ? PREFERRED_BONUS : 0) }));
  scored.sort((a, b) => b.score - a.score || a.c.label.localeCompare(b.c.label, 'nl') || a.c.id.localeCompare(b.c.id));
  return scored
    .slice(0, limit)
    .map(({ c, score }, index) => ({ competenceId: c.id, rank: index + 1, score: Math.round(score * 10_000) / 10_000 }));
}
