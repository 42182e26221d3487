import { and, asc, count, eq, sql } from 'drizzle-orm';
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

export async function responseByInvitation(
  db: Executor,
  organisationId: string,
  invitation: { id: string; personId: string },
): Promise<ResponseRow | null> {
  // person_id first: it is indexed, and a person has only a few responses.
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.personId, invitation.personId),
        eq(surveyResponses.invitationId, invitation.id),
        eq(surveyResponses.organisationId, organisationId),
      ),
    )
    .orderBy(asc(surveyResponses.createdAt))
    .limit(1);
  return row ?? null;
}

export async function responseByResumeHash(
  db: Executor,
  organisationId: string,
  campaignId: string,
  resumeHash: string,
): Promise<ResponseRow | null> {
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

/** Locks the response row until the transaction ends (submit reads the answers only after this). */
export async function lockResponse(db: Executor, organisationId: string, id: string): Promise<void> {
  await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.id, id), eq(surveyResponses.organisationId, organisationId)))
    .for('update');
}

/** What the fast path of saving an answer checks, read in one statement (see answerSnapshot). */
export interface AnswerSnapshot {
  invitationRevokedAt: Date | null;
  invitationExpiresAt: Date | null;
  invitationStartedAt: Date | null;
  campaignStatus: CampaignRow['status'];
  opensOn: string;
  closesOn: string;
  mode: CampaignRow['mode'];
  responseId: string | null;
  responseStatus: ResponseRow['status'] | null;
  asked: boolean;
  total: number;
  maxLevel: number | null;
}

/**
 * Everything saving one answer needs to know, in ONE round trip: the invitation of the token, its
 * campaign, the response of the link (named: of the invitation; anonymous: of the resume hash),
 * whether the competence is asked, how many questions there are, and the top of the scale of the
 * respondent's function profile (else the default scale). Null when the token is unknown.
 */
export async function answerSnapshot(
  db: Executor,
  input: { tokenHash: string; resumeHash: string; competenceId: string; defaultScaleKey: string },
): Promise<AnswerSnapshot | null> {
  const result = (await db.execute(sql`
    select i.revoked_at, i.expires_at, i.started_at, c.status, c.opens_on::text as opens_on, c.closes_on::text as closes_on, c.mode,
           r.id as response_id, r.status as response_status,
           exists (select 1 from campaign_competences cc where cc.campaign_id = c.id and cc.competence_id = ${input.competenceId}) as asked,
           (select count(*) from campaign_competences cc where cc.campaign_id = c.id)::int as total,
           (select max(l.level) from scale_levels l
             where l.scale_id = coalesce(
               (select fp.scale_id from function_profiles fp
                 where fp.id = coalesce(r.function_profile_id, p.function_profile_id) and fp.organisation_id = i.organisation_id),
               (select s.id from proficiency_scales s where s.key = ${input.defaultScaleKey})))::int as max_level
      from campaign_invitations i
      join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
      join people p on p.id = i.person_id and p.organisation_id = i.organisation_id
      left join lateral (
        select r.id, r.status, r.function_profile_id from survey_responses r
         where r.organisation_id = i.organisation_id
           and ((c.mode = 'anonymous' and r.resume_hash = ${input.resumeHash} and r.campaign_id = c.id)
             or (c.mode <> 'anonymous' and r.person_id = i.person_id and r.invitation_id = i.id))
         order by r.created_at limit 1) r on true
     where i.token_hash = ${input.tokenHash}`)) as unknown as { rows: Array<Record<string, unknown>> };
  const row = result.rows[0];
  if (!row) return null;
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    invitationRevokedAt: date(row.revoked_at),
    invitationExpiresAt: date(row.expires_at),
    invitationStartedAt: date(row.started_at),
    campaignStatus: row.status as CampaignRow['status'],
    opensOn: String(row.opens_on),
    closesOn: String(row.closes_on),
    mode: row.mode as CampaignRow['mode'],
    responseId: (row.response_id as string | null) ?? null,
    responseStatus: (row.response_status as ResponseRow['status'] | null) ?? null,
    asked: row.asked === true,
    total: Number(row.total),
    maxLevel: row.max_level === null ? null : Number(row.max_level),
  };
}

/**
 * Stores one answer if, at the moment of writing, the response is still in progress and its
 * campaign open — the response row is locked for it, so a concurrent submit either sees this
 * answer or makes this write a no-op. Returns null when nothing was written, else how many
 * questions now have an answer. One round trip, no explicit transaction.
 */
export async function saveAnswerIfOpen(
  db: Executor,
  values: { responseId: string; competenceId: string; level: number | null; dontKnow: boolean; answeredAt: Date },
): Promise<number | null> {
  const result = (await db.execute(sql`
    with target as (
      select r.id from survey_responses r join campaigns c on c.id = r.campaign_id
       where r.id = ${values.responseId} and r.status = 'in_progress' and c.status = 'open'
       for update of r),
    saved as (
      insert into survey_answers (response_id, competence_id, level, dont_know, answered_at)
      select target.id, ${values.competenceId}, ${values.level}, ${values.dontKnow}, ${values.answeredAt.toISOString()}::timestamptz from target
      on conflict (response_id, competence_id) do update set level = excluded.level, dont_know = excluded.dont_know, answered_at = excluded.answered_at
      returning 1)
    select (select count(*) from saved)::int as saved,
           (select count(*) from survey_answers a where a.response_id = ${values.responseId} and a.competence_id <> ${values.competenceId})::int as others`)) as unknown as {
    rows: Array<{ saved: number | string; others: number | string }>;
  };
  const [row] = result.rows;
  return Number(row.saved) === 1 ? Number(row.others) + 1 : null;
}
