import { and, asc, count, eq, sql } from 'drizzle-orm';
import { queryNamed, type Db, type Executor } from '../../db/client.js';
import { campaignInvitations, campaigns, organisations, people, surveyAnswers, surveyResponses } from '../../db/schema/index.js';
import type { LocalizedText } from '../../db/schema/columns.js';

/*
 * Queries of the survey. The caller has no account: the organisation comes from the invitation
 * the token points at, and every query below filters on it.
 */

export type InvitationRow = typeof campaignInvitations.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

/**
 * Everything a request on a link starts from, in one round trip: the invitation of a token hash,
 * locked until the transaction ends (answers and submit on one link queue up), with its campaign,
 * its person and the organisation's settings. Null when the token is unknown (or, which cannot
 * happen through the app, its campaign or person is gone).
 */
export async function linkByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: campaignInvitations,
      campaign: campaigns,
      person: {
        id: people.id,
        teamId: people.teamId,
        functionProfileId: people.functionProfileId,
        targetGroup: people.targetGroup,
        plannedExitDate: people.plannedExitDate,
        preferredLocale: people.preferredLocale,
      },
      settings: organisations.settings,
    })
    .from(campaignInvitations)
    .innerJoin(
      campaigns,
      and(eq(campaigns.id, campaignInvitations.campaignId), eq(campaigns.organisationId, campaignInvitations.organisationId)),
    )
    .innerJoin(people, and(eq(people.id, campaignInvitations.personId), eq(people.organisationId, campaignInvitations.organisationId)))
    .innerJoin(organisations, eq(organisations.id, campaignInvitations.organisationId))
    .where(eq(campaignInvitations.tokenHash, tokenHash))
    .for('update', { of: campaignInvitations });
  return row ?? null;
}
export type LinkRow = NonNullable<Awaited<ReturnType<typeof linkByTokenHash>>>;

export interface SurveyContent {
  questions: Array<{ competenceId: string; label: LocalizedText; description: LocalizedText }>;
  answers: Array<{ competenceId: string; level: number | null; dontKnow: boolean }>;
  /** The levels of the respondent's scale, lowest first; empty when no scale was found. */
  levels: Array<{ level: number; label: LocalizedText; descriptor: LocalizedText; pictogram: string | null }>;
}

/**
 * What the survey screen shows, in one round trip: the campaign's frozen competences in their
 * order with their texts, the answers saved so far (none without a response), and the levels of
 * the scale of the respondent's function profile — the default scale when the profile has none.
 */
export async function surveyContent(
  db: Executor,
  input: {
    organisationId: string;
    campaignId: string;
    responseId: string | null;
    functionProfileId: string | null;
    defaultScaleKey: string;
  },
): Promise<SurveyContent> {
  const result = (await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_object('competenceId', c.id, 'label', c.label, 'description', c.description)
                                order by cc.position, c.id), '[]')
         from campaign_competences cc join competences c on c.id = cc.competence_id
        where cc.campaign_id = ${input.campaignId}) as questions,
      (select coalesce(json_agg(json_build_object('competenceId', a.competence_id, 'level', a.level, 'dontKnow', a.dont_know)), '[]')
         from survey_answers a where a.response_id = ${input.responseId}) as answers,
      (select coalesce(json_agg(json_build_object('level', l.level, 'label', l.label, 'descriptor', l.descriptor, 'pictogram', l.pictogram)
                                order by l.level), '[]')
         from scale_levels l
        where l.scale_id = coalesce(
          (select fp.scale_id from function_profiles fp
            where fp.id = ${input.functionProfileId} and fp.organisation_id = ${input.organisationId}),
          (select s.id from proficiency_scales s where s.key = ${input.defaultScaleKey}))) as levels`)) as unknown as {
    rows: Array<{ questions: unknown; answers: unknown; levels: unknown }>;
  };
  const [row] = result.rows;
  // node-postgres parses json columns; PGlite does too, but be safe with text.
  const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
  return {
    questions: parsed(row.questions),
    answers: parsed(row.answers),
    levels: parsed(row.levels),
  };
}

export async function responseByInvitation(
  db: Executor,
  organisationId: string,
  invitation: { id: string; personId: string },
  lock = false,
): Promise<ResponseRow | null> {
  // person_id first: it is indexed, and a person has only a few responses.
  const query = db
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
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function responseByResumeHash(
  db: Executor,
  organisationId: string,
  campaignId: string,
  resumeHash: string,
  lock = false,
): Promise<ResponseRow | null> {
  const query = db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.resumeHash, resumeHash),
        eq(surveyResponses.organisationId, organisationId),
        eq(surveyResponses.campaignId, campaignId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
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

/**
 * Saving one answer in ONE round trip, for the common case: the token's invitation started, its
 * response in progress, the campaign open today, the link neither revoked nor expired, the
 * competence asked and the level on the respondent's scale (that of the response's function
 * profile, else the default scale). These conditions mirror surveyAccess and checkAnswer
 * (src/domain/survey) and the write happens only when all hold, with the response row locked, so
 * a concurrent submit either sees this answer or makes this write a no-op. `saved` is false
 * whenever anything is unusual: the caller then takes the checked path, which says why.
 * A named prepared statement on PostgreSQL (see queryNamed): planning it costs more than running it.
 */
const SAVE_ANSWER_SQL = `
  with link as (
    select i.revoked_at, i.expires_at, i.started_at, c.status as campaign_status, c.opens_on, c.closes_on, c.mode,
           r.id as response_id,
           exists (select 1 from campaign_competences cc where cc.campaign_id = c.id and cc.competence_id = $3) as asked,
           (select count(*) from campaign_competences cc where cc.campaign_id = c.id)::int as total,
           (select max(l.level) from scale_levels l
             where l.scale_id = coalesce(
               (select fp.scale_id from function_profiles fp
                 where fp.id = coalesce(r.function_profile_id, p.function_profile_id) and fp.organisation_id = i.organisation_id),
               (select s.id from proficiency_scales s where s.key = $4)))::int as max_level
      from campaign_invitations i
      join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
      join people p on p.id = i.person_id and p.organisation_id = i.organisation_id
      left join lateral (
        select r.id, r.function_profile_id from survey_responses r
         where r.organisation_id = i.organisation_id
           and ((c.mode = 'anonymous' and r.resume_hash = $2 and r.campaign_id = c.id)
             or (c.mode <> 'anonymous' and r.person_id = i.person_id and r.invitation_id = i.id))
         order by r.created_at limit 1) r on true
     where i.token_hash = $1),
  target as (
    -- The response by its key: a join on link lets the planner walk every response in progress.
    select r.id, link.mode from link, survey_responses r
     where r.id = (select response_id from link) and r.status = 'in_progress'
       and link.campaign_status = 'open' and link.started_at is not null and link.revoked_at is null
       and (link.expires_at is null or link.expires_at > $7::timestamptz)
       and link.opens_on <= $9::date and link.closes_on >= $9::date
       and link.asked and ($5::smallint is null or $5::smallint <= link.max_level)
     for update of r),
  saved as (
    insert into survey_answers (response_id, competence_id, level, dont_know, answered_at)
    select target.id, $3, $5::smallint, $6::boolean,
           case when target.mode = 'anonymous' then $8::timestamptz else $7::timestamptz end
      from target
    on conflict (response_id, competence_id) do update
      set level = excluded.level, dont_know = excluded.dont_know, answered_at = excluded.answered_at
    returning 1)
  select (select count(*) from saved)::int as saved,
         (select total from link) as total,
         (select count(*) from survey_answers a join link on a.response_id = link.response_id
           where a.competence_id <> $3)::int as others`;

export async function saveAnswerGuarded(
  db: Db,
  input: {
    tokenHash: string;
    resumeHash: string;
    competenceId: string;
    defaultScaleKey: string;
    level: number | null;
    dontKnow: boolean;
    /** The instant stored in a named campaign. */
    at: Date;
    /** The day stored in an anonymous one. */
    day: Date;
    /** Today in Brussels, YYYY-MM-DD. */
    today: string;
  },
): Promise<{ answered: number; total: number } | null> {
  const [row] = await queryNamed<{ saved: number; total: number | null; others: number }>(db, 'survey_save_answer', SAVE_ANSWER_SQL, [
    input.tokenHash,
    input.resumeHash,
    input.competenceId,
    input.defaultScaleKey,
    input.level,
    input.dontKnow,
    input.at.toISOString(),
    input.day.toISOString(),
    input.today,
  ]);
  return row && Number(row.saved) === 1 ? { answered: Number(row.others) + 1, total: Number(row.total) } : null;
}
