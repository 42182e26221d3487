import type { Executor } from '../../db/client.js';
import type { Suggestion } from '../../domain/competences/suggest.js';
import { suggestCompetencesForText } from '../frameworks/suggest-competences.js';
import * as q from './queries.js';

/**
 * The top suggestions for a learning question's text: the shared text suggestion
 * (src/modules/frameworks/suggest-competences.ts), preferring the competences the organisation
 * uses in its function profiles and in the question's campaign.
 */
export async function suggestCompetences(
  tx: Executor,
  organisationId: string,
  text: string,
  campaignId: string | null,
): Promise<Suggestion[]> {
  return suggestCompetencesForText(tx, {
    organisationId,
    text,
    searchUsed: (query) => q.searchUsedCompetences(tx, organisationId, { ...query, campaignId }),
  });
}

/** Suggests and stores the top competences of a question (unconfirmed), replacing earlier unconfirmed suggestions. */
export async function storeSuggestions(
  tx: Executor,
  organisationId: string,
  question: { id: string; text: string; campaignId: string | null },
): Promise<void> {
  const suggestions = await suggestCompetences(tx, organisationId, question.text, question.campaignId);
  await q.replaceSuggestions(
    tx,
    question.id,
    suggestions.map((s) => ({ competenceId: s.competenceId, rank: s.rank })),
  );
}
