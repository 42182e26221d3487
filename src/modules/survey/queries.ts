import { and, eq } from 'drizzle-orm';
import { GUARD_PASSED, queryNamed, sendWrites, type Db, type Executor, type SqlWrite } from '../../db/client.js';
import { people, surveyResponses } from '../../db/schema/index.js';
import type { OrganisationSettings } from '../../db/schema/accounts.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import type { StoredAssessmentRow } from '../assessments/record.js';

/*
 * Queries of the survey. The caller has no account: the organisation comes from the invitation
 * the token points at, and every query below filters on it.
 */

/** The invitation of a link, as far as a request on it needs. */
export interface LinkInvitation {
  id: string;
  organisationId: string;
  campaignId: string;
  personId: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export interface LinkCampaign {
  id: string;
  status: 'draft' | 'open' | 'closed';
  mode: 'named' | 'anonymous';
  title: string;
  description: string;
  opensOn: string;
  closesOn: string;
  locales: string[];
  openQuestion: LocalizedText | null;
}

type TargetGroup = (typeof people.$inferSelect)['targetGroup'];

export interface LinkPerson {
  id: string;
  teamId: string | null;
  functionProfileId: string | null;
  targetGroup: TargetGroup;
  plannedExitDate: string | null;
  preferredLocale: string | null;
}

export interface LinkResponse {
  id: string;
  status: 'in_progress' | 'submitted';
  locale: string;
  visibility: 'private' | 'supervisor' | 'hr';
  learningWish: string | null;
  submittedAt: Date | null;
  teamId: string | null;
  functionProfileId: string | null;
}

export interface SurveyContent {
  questions: Array<{ competenceId: string; label: LocalizedText; description: LocalizedText }>;
  answers: Array<{ competenceId: string; level: number | null; dontKnow: boolean }>;
  /** The levels of the respondent's scale, lowest first; empty when no scale was found. */
  levels: Array<{ level: number; label: LocalizedText; descriptor: LocalizedText; pictogram: string | null }>;
}

/** Everything a request on a link starts from. */
export interface LinkState {
  invitation: LinkInvitation;
  campaign: LinkCampaign;
  person: LinkPerson;
  settings: OrganisationSettings;
  /** Named: the response of the invitation; anonymous: the one this token's resume hash finds. */
  response: LinkResponse | null;
  /**
   * The version of the response row as read (its xmin): every write to a response, saving an
   * answer included, makes a new one. The submit without locks (submitGuarded) writes only while it
   * is unchanged.
   */
  responseVersion: string | null;
  content: SurveyContent;
  /**
   * Only when asked for (the submit): every stored assessment of the link's subject (the person;
   * in an anonymous campaign the response) on the campaign's competences, as recordAssessments
   * takes them.
   */
  storedAssessments?: StoredAssessmentRow[];
}

/**
 * The id of a link's response, on the invitation `i` and campaign `c`, given the token's resume
 * hash (a placeholder or a column). Anonymous: the response the resume hash finds; named: the
 * invitation's first response (a link issued again resumes it). Two lookups on their own indexes,
 * of which the campaign's mode runs only one.
 */
const responseIdOfLink = (resumeHash: string) => `coalesce(
  (select a.id from survey_responses a
    where c.mode = 'anonymous' and a.resume_hash = ${resumeHash} and a.organisation_id = i.organisation_id and a.campaign_id = c.id),
  (select n.id from survey_responses n
    where c.mode <> 'anonymous' and n.person_id = i.person_id and n.invitation_id = i.id and n.organisation_id = i.organisation_id
    order by n.created_at limit 1))`;
/** A link's response with the resume hash as $2. */
const RESPONSE_ID_OF_LINK = responseIdOfLink('$2');

/*
 * The rows below travel as JSON objects built in SQL, so that the same statement reads alike on
 * node-postgres and PGlite: timestamps arrive as ISO text and become Dates here, dates stay text.
 */
const RESPONSE_JSON = `json_build_object('id', r.id, 'status', r.status, 'locale', r.locale, 'visibility', r.visibility,
  'learningWish', r.learning_wish, 'submittedAt', r.submitted_at, 'teamId', r.team_id, 'functionProfileId', r.function_profile_id)`;

const asDate = (value: string | null) => (value === null ? null : new Date(value));
const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function toResponse(raw: unknown): LinkResponse | null {
  const r = parsedJson<(Omit<LinkResponse, 'submittedAt'> & { submittedAt: string | null }) | null>(raw);
  return r && { ...r, submittedAt: asDate(r.submittedAt) };
}

/**
 * The link's subject's stored assessments on the campaign's competences, as a column of the link
 * state: the person's, or in an anonymous campaign the response's (the subject recordAssessments
 * is given at the submit).
 */
const STORED_ASSESSMENTS_COLUMN = `,
         (select coalesce(json_agg(json_build_object('personId', h.person_id, 'responseId', h.response_id, 'competenceId', h.competence_id,
                                   'campaignId', h.campaign_id, 'source', h.source, 'level', h.level, 'assessedAt', h.assessed_at)), '[]')
            from assessments h
           where h.organisation_id = i.organisation_id
             and h.competence_id in (select cc.competence_id from campaign_competences cc where cc.campaign_id = c.id)
             and ((c.mode <> 'anonymous' and h.person_id = i.person_id) or (c.mode = 'anonymous' and h.response_id = r.id))) as histories`;

/**
 * A link's state in ONE statement: the invitation of a token hash with its campaign, person and
 * organisation settings, the response of the link, and what the survey screen shows — the
 * campaign's frozen competences in their order with their texts, the answers saved so far, and the
 * levels of the respondent's scale (of the response's function profile, else the person's, else
 * the default scale). With `lock`, the invitation and the response stay locked until the
 * transaction ends, so the requests on one link queue up. With `histories`, also the subject's
 * stored assessments on the campaign's competences (LinkState.storedAssessments). Null when the
 * token is unknown.
 */
const linkStateSql = (lock: boolean, histories = false) => `
  -- Locks in one order everywhere: the invitation first (in this CTE, before the lateral part
  -- below can run), then the response. Locking both at the end of the join instead would lock the
  -- response first, and two requests on one link could then wait for each other.
  with i as ${lock ? 'materialized ' : ''}(select * from campaign_invitations where token_hash = $1${lock ? ' for update' : ''})
  select json_build_object('id', i.id, 'organisationId', i.organisation_id, 'campaignId', i.campaign_id, 'personId', i.person_id,
           'startedAt', i.started_at, 'submittedAt', i.submitted_at, 'revokedAt', i.revoked_at, 'expiresAt', i.expires_at) as invitation,
         json_build_object('id', c.id, 'status', c.status, 'mode', c.mode, 'title', c.title, 'description', c.description,
           'opensOn', c.opens_on, 'closesOn', c.closes_on, 'locales', c.locales, 'openQuestion', c.open_question) as campaign,
         json_build_object('id', p.id, 'teamId', p.team_id, 'functionProfileId', p.function_profile_id, 'targetGroup', p.target_group,
           'plannedExitDate', p.planned_exit_date, 'preferredLocale', p.preferred_locale) as person,
         o.settings,
         case when r.id is not null then ${RESPONSE_JSON} end as response,
         r.row_version as response_version,
         (select coalesce(json_agg(json_build_object('competenceId', k.id, 'label', k.label, 'description', k.description)
                                   order by cc.position, k.id), '[]')
            from campaign_competences cc join competences k on k.id = cc.competence_id
           where cc.campaign_id = c.id) as questions,
         (select coalesce(json_agg(json_build_object('competenceId', a.competence_id, 'level', a.level, 'dontKnow', a.dont_know)), '[]')
            from survey_answers a where a.response_id = r.id) as answers,
         (select coalesce(json_agg(json_build_object('level', l.level, 'label', l.label, 'descriptor', l.descriptor, 'pictogram', l.pictogram)
                                   order by l.level), '[]')
            from scale_levels l
           where l.scale_id = coalesce(
             (select fp.scale_id from function_profiles fp
               where fp.id = case when r.id is null then p.function_profile_id else r.function_profile_id end
                 and fp.organisation_id = i.organisation_id),
             (select s.id from proficiency_scales s where s.key = $3))) as levels${histories ? STORED_ASSESSMENTS_COLUMN : ''}
    from i
    join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
    join people p on p.id = i.person_id and p.organisation_id = i.organisation_id
    join organisations o on o.id = i.organisation_id
    left join lateral (select r.*, r.xmin::text as row_version from survey_responses r
                        where r.id = ${RESPONSE_ID_OF_LINK}${lock ? ' for update' : ''}) r on true`;
const LINK_STATE_SQL = linkStateSql(false);
const LINK_STATE_LOCKED_SQL = linkStateSql(true);
const LINK_STATE_HISTORIES_SQL = linkStateSql(false, true);

/** How a link is read: locked (the checked paths), or without locks and then optionally with the stored assessments (the submit). */
export type LinkRead = { lock: true } | { lock: false; withHistories?: boolean };

export async function linkState(
  db: Executor,
  input: { tokenHash: string; resumeHash: string; defaultScaleKey: string } & LinkRead,
): Promise<LinkState | null> {
  const withHistories = !input.lock && input.withHistories === true;
  const [name, text] = input.lock
    ? ['survey_link_state_locked', LINK_STATE_LOCKED_SQL]
    : withHistories
      ? ['survey_link_state_histories', LINK_STATE_HISTORIES_SQL]
      : ['survey_link_state', LINK_STATE_SQL];
  const [row] = await queryNamed<Record<string, unknown>>(db, name, text, [input.tokenHash, input.resumeHash, input.defaultScaleKey]);
  if (!row) return null;
  type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | null };
  const invitation = parsedJson<Dated<LinkInvitation, 'startedAt' | 'submittedAt' | 'revokedAt' | 'expiresAt'>>(row.invitation);
  return {
    invitation: {
      ...invitation,
      startedAt: asDate(invitation.startedAt),
      submittedAt: asDate(invitation.submittedAt),
      revokedAt: asDate(invitation.revokedAt),
      expiresAt: asDate(invitation.expiresAt),
    },
    campaign: parsedJson<LinkCampaign>(row.campaign),
    person: parsedJson<LinkPerson>(row.person),
    settings: parsedJson<OrganisationSettings | null>(row.settings) ?? {},
    response: toResponse(row.response),
    responseVersion: (row.response_version as string | null) ?? null,
    content: {
      questions: parsedJson(row.questions),
      answers: parsedJson(row.answers),
      levels: parsedJson(row.levels),
    },
    ...(withHistories && {
      storedAssessments: parsedJson<Array<Omit<StoredAssessmentRow, 'assessedAt'> & { assessedAt: string }>>(row.histories).map((h) => ({
        ...h,
        assessedAt: new Date(h.assessedAt),
      })),
    }),
  };
}

/**
 * surveyAccess(...) === 'ok' (src/domain/survey/access.ts) in SQL, on the invitation `i` and the
 * campaign `c`, given the parameters holding the instant and today's date in Brussels.
 */
const linkUsable = (now: string, today: string) => `c.status = 'open' and i.revoked_at is null
  and (i.expires_at is null or i.expires_at > ${now}::timestamptz) and c.opens_on <= ${today}::date and c.closes_on >= ${today}::date`;

/**
 * A link's first use in ONE statement: the invitation marked as started (when it was not) and,
 * when `response` is given, that response created — only while the link is usable. `usable` is
 * false when it no longer is (the caller's checked path then says why); `response` is null when
 * none was asked for or another request created it first (same resume hash).
 */
const START_RESPONSE_SQL = `
  with usable as (
    select i.id, i.started_at from campaign_invitations i
      join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
     where i.token_hash = $1 and ${linkUsable('$2', '$3')}
     for update of i),
  started as (
    update campaign_invitations i set started_at = $4::timestamptz, updated_at = $4::timestamptz
      from usable where i.id = usable.id and usable.started_at is null
    returning 1),
  created as (
    insert into survey_responses (id, campaign_id, organisation_id, invitation_id, person_id, resume_hash, team_id,
                                  function_profile_id, target_group, exit_year, locale, visibility, created_at, updated_at)
    select $6::uuid, $7::uuid, $8::uuid, $9::uuid, $10::uuid, $11, $12::uuid, $13::uuid, $14::target_group, $15::smallint,
           $16, $17::assessment_visibility, $4::timestamptz, $4::timestamptz
      from usable where $5::boolean
    on conflict (resume_hash) do nothing
    returning *)
  select exists (select 1 from usable) as usable, (select ${RESPONSE_JSON} from created r) as response`;

export type NewResponse = Pick<
  typeof surveyResponses.$inferInsert,
  | 'campaignId'
  | 'organisationId'
  | 'invitationId'
  | 'personId'
  | 'resumeHash'
  | 'teamId'
  | 'functionProfileId'
  | 'targetGroup'
  | 'exitYear'
  | 'locale'
  | 'visibility'
> & { id: string };

export async function startResponse(
  db: Executor,
  input: {
    tokenHash: string;
    /** The instant checked against the link's expiry. */
    at: Date;
    /** Today in Brussels, YYYY-MM-DD. */
    today: string;
    /** The instant stored (the day only in an anonymous campaign). */
    stamp: Date;
    response: NewResponse | null;
  },
): Promise<{ usable: boolean; response: LinkResponse | null }> {
  const r = input.response;
  const [row] = await queryNamed<{ usable: boolean; response: unknown }>(db, 'survey_start_response', START_RESPONSE_SQL, [
    input.tokenHash,
    input.at.toISOString(),
    input.today,
    input.stamp.toISOString(),
    r !== null,
    r?.id ?? null,
    r?.campaignId ?? null,
    r?.organisationId ?? null,
    r?.invitationId ?? null,
    r?.personId ?? null,
    r?.resumeHash ?? null,
    r?.teamId ?? null,
    r?.functionProfileId ?? null,
    r?.targetGroup ?? null,
    r?.exitYear ?? null,
    r?.locale ?? null,
    r?.visibility ?? null,
  ]);
  return { usable: row.usable, response: toResponse(row.response) };
}

/**
 * The response and its invitation marked as submitted: the writes, not yet sent, so the submit
 * can send them in the same statement as the ratings (recordAssessments' `alongside`).
 */
export function submittedWrites(input: SubmittedInput): SqlWrite[] {
  return [submittedResponse(input), submittedInvitation(input, null)];
}

interface SubmittedInput {
  organisationId: string;
  responseId: string;
  invitationId: string;
  visibility: LinkResponse['visibility'];
  stamp: Date;
}

/** `more`: further conditions (and a RETURNING clause) after the WHERE's own, numbered from $5. */
const submittedResponse = (input: SubmittedInput, more = ''): SqlWrite => ({
  text: `update survey_responses r set status = 'submitted', submitted_at = $1, visibility = $2::assessment_visibility, updated_at = $1
          where r.id = $3 and r.organisation_id = $4 ${more}`,
  params: [input.stamp, input.visibility, input.responseId, input.organisationId],
});

const submittedInvitation = (input: SubmittedInput, onlyIf: string | null): SqlWrite => ({
  text: `update campaign_invitations set submitted_at = $1, updated_at = $1 where id = $2 and organisation_id = $3 ${onlyIf ? `and ${onlyIf}` : ''}`,
  params: [input.stamp, input.invitationId, input.organisationId],
});

/**
 * The writes of a submit that read the link without locks (the common case, in one statement
 * after the reads): `guard` marks the response as submitted only while it is in progress, still
 * the version that was read (no answer saved since) and its link still usable, with the
 * invitation locked (invitation first, then response, as everywhere); `invitation` marks the
 * invitation, only when the guard passed (GUARD_PASSED). See sendWrites.
 */
export function submitGuarded(input: SubmittedInput & { responseVersion: string; tokenHash: string; at: Date; today: string }): {
  guard: SqlWrite;
  invitation: SqlWrite;
} {
  const guard = submittedResponse(
    input,
    `and r.status = 'in_progress' and r.xmin = $5::text::xid
     and exists (select 1 from campaign_invitations i join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
                  where i.id = $6 and i.organisation_id = $4 and i.token_hash = $7 and ${linkUsable('$8', '$9')}
                  for update of i)
     returning r.id`,
  );
  guard.params.push(input.responseVersion, input.invitationId, input.tokenHash, input.at, input.today);
  return { guard, invitation: submittedInvitation(input, GUARD_PASSED) };
}

export async function updateResponse(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Partial<Pick<typeof surveyResponses.$inferSelect, 'learningWish' | 'visibility' | 'locale' | 'updatedAt'>>,
) {
  await db
    .update(surveyResponses)
    .set(changes)
    .where(and(eq(surveyResponses.id, id), eq(surveyResponses.organisationId, organisationId)));
}

/** The answers saved so far on a response. */
export async function answersOf(db: Executor, responseId: string): Promise<SurveyContent['answers']> {
  const rows = await queryNamed<{ competence_id: string; level: number | null; dont_know: boolean }>(
    db,
    'survey_answers_of',
    'select competence_id, level, dont_know from survey_answers where response_id = $1',
    [responseId],
  );
  return rows.map((r) => ({ competenceId: r.competence_id, level: r.level, dontKnow: r.dont_know }));
}

/**
 * One answer per question: answering again replaces the earlier answer. The response row is
 * updated alongside (a new row version, see LinkState.responseVersion).
 */
export async function saveAnswer(
  db: Executor,
  values: { organisationId: string; responseId: string; competenceId: string; level: number | null; dontKnow: boolean; answeredAt: Date },
) {
  await sendWrites(db, [
    {
      text: 'update survey_responses set updated_at = $2 where id = $1 and organisation_id = $3',
      params: [values.responseId, values.answeredAt, values.organisationId],
    },
    {
      text: `insert into survey_answers (response_id, competence_id, level, dont_know, answered_at) values ($1, $2, $3, $4, $5)
             on conflict (response_id, competence_id) do update
               set level = excluded.level, dont_know = excluded.dont_know, answered_at = excluded.answered_at`,
      params: [values.responseId, values.competenceId, values.level, values.dontKnow, values.answeredAt],
    },
  ]);
}

/**
 * Saving answers in ONE round trip, for the common case: the token's invitation started, its
 * response in progress, the campaign open today, the link neither revoked nor expired, the
 * competence asked and the level on the respondent's scale (that of the response's function
 * profile, else the default scale, as in linkState). These conditions mirror surveyAccess and
 * checkAnswer (src/domain/survey); an answer is written only when all hold, with its response row
 * updated (so locked until the end), so a concurrent submit either sees the answer or makes this
 * write a no-op. An answer is not saved whenever anything is unusual: the caller then takes the
 * checked path, which says why.
 *
 * The answers of several respondents travel together, one VALUES row each (see batched() in
 * src/db/batching.ts, which never puts two answers of one link in a batch); each row is checked on
 * its own and answered by its `ord`.
 * A named prepared statement on PostgreSQL (see queryNamed): planning it costs more than running it.
 */
const saveAnswersSql = (rows: number) => `
  with x (ord, token_hash, resume_hash, competence_id, level, dont_know, at, day, today) as (
    values ${Array.from({ length: rows }, (_, row) => {
      const p = (column: number) => `$${2 + row * ANSWER_PARAMETERS + column}`;
      return `(${row + 1}, ${p(0)}::text, ${p(1)}::text, ${p(2)}::uuid, ${p(3)}::smallint, ${p(4)}::boolean, ${p(5)}::timestamptz, ${p(6)}::timestamptz, ${p(7)}::date)`;
    }).join(',\n           ')}),
  link as (
    select x.ord, x.competence_id, x.level, x.dont_know, i.started_at, (${linkUsable('x.at', 'x.today')}) as usable,
           r.id as response_id,
           case when c.mode = 'anonymous' then x.day else x.at end as stamp,
           exists (select 1 from campaign_competences cc where cc.campaign_id = c.id and cc.competence_id = x.competence_id) as asked,
           (select count(*) from campaign_competences cc where cc.campaign_id = c.id)::int as total,
           (select max(l.level) from scale_levels l
             where l.scale_id = coalesce(
               (select fp.scale_id from function_profiles fp
                 where fp.id = r.function_profile_id and fp.organisation_id = i.organisation_id),
               (select s.id from proficiency_scales s where s.key = $1)))::int as max_level
      from x
      join campaign_invitations i on i.token_hash = x.token_hash
      join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
      left join lateral (select r.id, r.function_profile_id from survey_responses r where r.id = ${responseIdOfLink('x.resume_hash')}) r on true),
  accepted as (
    select * from link
     where usable and started_at is not null and asked and (level is null or level <= max_level)),
  target as (
    -- The responses by their keys (= any), and the status as "not submitted" rather than "in
    -- progress", which no index can serve: otherwise a generic plan may walk every response in
    -- progress on the campaign index. Updated, not only locked: a new row version tells a submit
    -- that read before it (submitGuarded).
    update survey_responses r set updated_at = accepted.stamp
      from accepted
     where r.id = any (array(select response_id from accepted)) and r.id = accepted.response_id and r.status <> 'submitted'
    returning r.id),
  saved as (
    insert into survey_answers (response_id, competence_id, level, dont_know, answered_at)
    select a.response_id, a.competence_id, a.level, a.dont_know, a.stamp
      from accepted a
     where a.response_id in (select id from target)
    on conflict (response_id, competence_id) do update
      set level = excluded.level, dont_know = excluded.dont_know, answered_at = excluded.answered_at
    returning response_id)
  select link.ord,
         coalesce(link.response_id in (select response_id from saved), false) as saved,
         link.total,
         (select count(*) from survey_answers a
           where a.response_id = link.response_id and a.competence_id <> link.competence_id)::int as others
    from link`;

export interface GuardedAnswer {
  tokenHash: string;
  resumeHash: string;
  competenceId: string;
  level: number | null;
  dontKnow: boolean;
  /** The instant stored in a named campaign. */
  at: Date;
  /** The day stored in an anonymous one. */
  day: Date;
  /** Today in Brussels, YYYY-MM-DD. */
  today: string;
}

const ANSWER_PARAMETERS = 8;
/**
 * The batch sizes there is a statement for; a batch is padded to the next one with rows that match
 * no link. A fixed number of rows lets PostgreSQL plan each statement once, for what it really
 * gets: with an array of unknown length it assumes a hundred rows, and plans for one row anew
 * every time.
 */
const ANSWER_BATCH_SIZES = [1, 2, 4, 8, 16, 32];
export const MAX_ANSWER_BATCH = ANSWER_BATCH_SIZES[ANSWER_BATCH_SIZES.length - 1]!;
const saveAnswersSqlBySize = new Map(ANSWER_BATCH_SIZES.map((size) => [size, saveAnswersSql(size)]));

/** Per answer, in the order given: the progress after it, or null when it was not saved. */
export async function saveAnswersGuarded(
  db: Db,
  answers: readonly GuardedAnswer[],
  defaultScaleKey: string,
): Promise<Array<{ answered: number; total: number } | null>> {
  const size = ANSWER_BATCH_SIZES.find((s) => s >= answers.length);
  if (size === undefined) throw new RangeError(`at most ${MAX_ANSWER_BATCH} answers go in one statement, not ${answers.length}`);
  const params: unknown[] = [defaultScaleKey];
  for (const a of answers) {
    params.push(a.tokenHash, a.resumeHash, a.competenceId, a.level, a.dontKnow, a.at.toISOString(), a.day.toISOString(), a.today);
  }
  // Padding: a null token hash joins no invitation.
  for (let row = answers.length; row < size; row++) params.push(...Array<null>(ANSWER_PARAMETERS).fill(null));
  const rows = await queryNamed<{ ord: number; saved: boolean; total: number | null; others: number }>(
    db,
    `survey_save_answers_${size}`,
    saveAnswersSqlBySize.get(size)!,
    params,
  );
  const results: Array<{ answered: number; total: number } | null> = answers.map(() => null);
  for (const row of rows) {
    if (row.saved) results[Number(row.ord) - 1] = { answered: Number(row.others) + 1, total: Number(row.total) };
  }
  return results;
}
