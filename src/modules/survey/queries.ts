import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  campaignCompetences,
  campaignInvitations,
  campaigns,
  competences,
  functionProfiles,
  organisations,
  people,
  surveyAnswers,
  surveyResponses,
} from '../../db/schema/index.js';

/*
 * Queries of the survey. The caller has no account: the organisation comes from the invitation
 * the token points at, and every query below filters on it.
 */

export type InvitationRow = typeof campaignInvitations.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

/** The invitation of a token hash, locked until the transaction ends (answers and submit queue up). */
export async function invitationByTokenHash(db: Executor, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(campaignInvitations).where(eq(campaignInvitations.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

export async function findCampaign(db: Executor, organisationId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.organisationId, organisationId)));
  return row ?? null;
}

export async function findPerson(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select({
      id: people.id,
      teamId: people.teamId,
      functionProfileId: people.functionProfileId,
      targetGroup: people.targetGroup,
      plannedExitDate: people.plannedExitDate,
      preferredLocale: people.preferredLocale,
    })
    .from(people)
    .where(and(eq(people.id, id), eq(people.organisationId, organisationId)));
  return row ?? null;
}

export async function organisationSettings(db: Executor, organisationId: string) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.settings ?? {};
}

export async function profileScaleId(db: Executor, organisationId: string, profileId: string): Promise<string | null> {
  const [row] = await db
    .select({ scaleId: functionProfiles.scaleId })
    .from(functionProfiles)
    .where(and(eq(functionProfiles.id, profileId), eq(functionProfiles.organisationId, organisationId)));
  return row?.scaleId ?? null;
}

/** The campaign's frozen competences in their order, with their texts. */
export async function questions(db: Executor, campaignId: string) {
  return db
    .select({ competenceId: competences.id, label: competences.label, description: competences.description })
    .from(campaignCompetences)
    .innerJoin(competences, eq(competences.id, campaignCompetences.competenceId))
    .where(eq(campaignCompetences.campaignId, campaignId))
    .orderBy(asc(campaignCompetences.position), asc(competences.id));
}

export async function responseByInvitation(db: Executor, organisationId: string, invitationId: string): Promise<ResponseRow | null> {
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.invitationId, invitationId), eq(surveyResponses.organisationId, organisationId)))
    .orderBy(asc(surveyResponses.createdAt))
    .limit(1);
  return row ?? null;
}

export async function responseByResumeHash(db: Executor, organisationId: string, campaignId: string, resumeHash: string): Promise<ResponseRow | null> {
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.resumeHash, resumeHash),
        eq(surveyResponses.organisationId, organisationId),
        eq(surveyResponses.campaignId, campaignId),
      ),
    );
  return row ?? null;
}

export async function insertResponse(db: Executor, values: typeof surveyResponses.$inferInsert): Promise<ResponseRow> {
  const [row] = await db.insert(surveyResponses).values(values).returning();
  return row;
}

export async function updateResponse(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Partial<Pick<ResponseRow, 'learningWish' | 'visibility' | 'locale' | 'status' | 'submittedAt' | 'updatedAt'>>,
) {
  await db
    .update(surveyResponses)
    .set(changes)
    .where(and(eq(surveyResponses.id, id), eq(surveyResponses.organisationId, organisationId)));
}

export async function updateInvitation(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Partial<Pick<InvitationRow, 'startedAt' | 'submittedAt' | 'updatedAt'>>,
) {
  await db
    .update(campaignInvitations)
    .set(changes)
    .where(and(eq(campaignInvitations.id, id), eq(campaignInvitations.organisationId, organisationId)));
}

export async function answersOf(db: Executor, responseId: string) {
  return db
    .select({ competenceId: surveyAnswers.competenceId, level: surveyAnswers.level, dontKnow: surveyAnswers.dontKnow })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.responseId, responseId));
}

export async function countAnswers(db: Executor, responseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));
  return Number(row.n);
}

/** One answer per question: answering again replaces the earlier answer. */
export async function saveAnswer(
  db: Executor,
  values: { responseId: string; competenceId: string; level: number | null; dontKnow: boolean; answeredAt: Date },
) {
  await db
    .insert(surveyAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [surveyAnswers.responseId, surveyAnswers.competenceId],
      set: { level: values.level, dontKnow: values.dontKnow, answeredAt: values.answeredAt },
    });
}
