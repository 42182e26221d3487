import type { Executor } from '../../db/client.js';
import * as q from './queries.js';
import { storeSuggestions } from './suggestions.js';

export interface SurveyQuestionInput {
  organisationId: string;
  /** The submitted survey response; one learning question per response at most. */
  responseId: string;
  campaignId: string;
  /** The respondent's team (kept for anonymous answers too). */
  teamId: string | null;
  /** null in an anonymous campaign. */
  personId: string | null;
  /** The answer to the campaign's open question. */
  text: string;
  /** The respondent's choice of who may see it. */
  visibility: 'private' | 'supervisor' | 'hr';
}

/**
 * Turns the answer to a campaign's open question into a learning question with suggested
 * competences, inside the caller's transaction (the survey's submission). Idempotent per
 * response: submitting again returns the same question; a changed text replaces the text and the
 * unconfirmed suggestions as long as nobody has decided on it. A blank answer stores nothing.
 * The caller vouches that the ids belong to the organisation (they come from the invitation).
 */
export async function createLearningQuestionFromSurvey(
  tx: Executor,
  input: SurveyQuestionInput,
): Promise<{ id: string; created: boolean } | null> {
  const text = input.text.trim().slice(0, 2000);
  if (!text) return null;
  const inserted = await q.insertSurveyQuestion(tx, {
    organisationId: input.organisationId,
    responseId: input.responseId,
    campaignId: input.campaignId,
    teamId: input.teamId,
    personId: input.personId,
    text,
    source: 'survey',
    visibility: input.visibility,
  });
  if (inserted) {
    await storeSuggestions(tx, input.organisationId, inserted);
    return { id: inserted.id, created: true };
  }
  const existing = await q.findQuestionByResponse(tx, input.organisationId, input.responseId);
  if (!existing) throw new Error(`The learning question of response ${input.responseId} belongs to another organisation.`);
  const textChanged = existing.text !== text && existing.status === 'new';
  if (textChanged || existing.visibility !== input.visibility) {
    await q.updateQuestion(tx, input.organisationId, existing.id, {
      text: textChanged ? text : existing.text,
      visibility: input.visibility,
    });
  }
  if (textChanged) await storeSuggestions(tx, input.organisationId, { ...existing, text });
  return { id: existing.id, created: false };
}
