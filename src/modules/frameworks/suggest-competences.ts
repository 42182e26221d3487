import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { competences } from '../../db/schema/index.js';
import type { TextHit } from '../../domain/competences/rank-merge.js';
import { buildSuggestionQuery, rankSuggestions, SUGGESTION_COUNT, type Suggestion } from '../../domain/competences/suggest.js';
import { searchCompetencesFullText, visibleFrameworkIds } from './queries.js';

/** Candidates per search before ranking: enough for the bonus of used competences to matter. */
const CANDIDATES = 40;

/**
 * Suggested competences for a free text (a learning question, an offer's title and description):
 * Dutch full-text search (the competence search's query over the `dutch` tsvector) over every
 * framework the organisation may read, plus — through `searchUsed` — the same search among the
 * competences the organisation already uses, ranked by src/domain/competences/suggest.ts (used
 * ones get the bonus). Shared by learning questions and training offers.
 */
export async function suggestCompetencesForText(
  tx: Executor,
  input: {
    organisationId: string;
    text: string;
    searchUsed?: (query: { exact: string; prefix: string; limit: number }) => Promise<TextHit[]>;
    limit?: number;
  },
): Promise<Suggestion[]> {
  const query = buildSuggestionQuery(input.text);
  if (!query) return [];
  const frameworkIds = await visibleFrameworkIds(tx, { orgIds: [input.organisationId] });
  const everywhere = await searchCompetencesFullText(tx, {
    lang: 'nl',
    exact: query.any,
    prefix: query.anyPrefix,
    frameworkIds,
    limit: CANDIDATES,
  });
  const used = input.searchUsed ? await input.searchUsed({ exact: query.any, prefix: query.anyPrefix, limit: CANDIDATES }) : [];
  const ids = [...new Set([...everywhere, ...used].map((h) => h.id))];
  const kinds = new Map(
    ids.length
      ? (await tx.select({ id: competences.id, kind: competences.kind }).from(competences).where(inArray(competences.id, ids))).map((r) => [
          r.id,
          r.kind,
        ])
      : [],
  );
  const candidates = [...everywhere, ...used].map((h) => ({ ...h, kind: kinds.get(h.id) ?? 'group' }));
  return rankSuggestions(candidates, { preferred: new Set(used.map((h) => h.id)), limit: input.limit ?? SUGGESTION_COUNT });
}
