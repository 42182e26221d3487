/**
 * Merges the candidates of the two search strategies (full text and trigram similarity) into one
 * ranked, de-duplicated list. Full-text matches on whole words rank above prefix matches, which
 * rank above typo-tolerant trigram matches of similar strength; a label equal to the query wins.
 */

export type MatchKind = 'fulltext' | 'prefix' | 'trigram';

export interface TextHit {
  id: string;
  label: string;
  /** ts_rank with normalisation 32, i.e. in 0..1. */
  rank: number;
  /** true when the whole-word query matched, false when only the prefix query did. */
  exact: boolean;
}

export interface TrigramHit {
  id: string;
  label: string;
  /** Best of similarity() and word_similarity(), 0..1. */
  similarity: number;
}

export interface RankedHit {
  id: string;
  score: number;
  matchedBy: MatchKind;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Score bands: fulltext 0.7–1.0, prefix 0.5–0.8, trigram 0–0.65. */
export function scoreTextHit(hit: TextHit): number {
  return hit.exact ? 0.7 + 0.3 * clamp01(hit.rank) : 0.5 + 0.3 * clamp01(hit.rank);
}

export function scoreTrigramHit(hit: TrigramHit): number {
  return 0.65 * clamp01(hit.similarity);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function mergeRankedHits(textHits: TextHit[], trigramHits: TrigramHit[], options: { query: string; limit: number }): RankedHit[] {
  const query = options.query.trim().toLowerCase();
  const best = new Map<string, RankedHit & { label: string }>();
  const offer = (candidate: RankedHit & { label: string }) => {
    const current = best.get(candidate.id);
    if (!current || candidate.score > current.score) best.set(candidate.id, candidate);
  };
  for (const hit of textHits) {
    offer({ id: hit.id, label: hit.label, score: scoreTextHit(hit), matchedBy: hit.exact ? 'fulltext' : 'prefix' });
  }
  for (const hit of trigramHits) {
    offer({ id: hit.id, label: hit.label, score: scoreTrigramHit(hit), matchedBy: 'trigram' });
  }
  const merged = [...best.values()].map((hit) =>
    query.length > 0 && hit.label.trim().toLowerCase() === query ? { ...hit, score: 1 } : hit,
  );
  merged.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'nl') || a.id.localeCompare(b.id));
  return merged.slice(0, Math.max(0, options.limit)).map(({ id, score, matchedBy }) => ({ id, score: round(score), matchedBy }));
}
