import { and, eq, isNotNull, lte, not } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { GUARD_PASSED, queryNamed, sendWrites, type Executor, type SqlWrite } from '../../db/client.js';
import { competenceStatus } from '../../db/schema/index.js';
import { currentLevel, type AssessmentSource, type DiagnosisSettings } from '../../domain/assessment/current-level.js';

/**
 * Writing assessments and keeping the materialised diagnosis (competence_status) in step.
 * Every module that stores ratings (survey, supervisor, evidence) goes through recordAssessments,
 * inside its own transaction, so the diagnosis is never out of date with the ratings.
 */

export type Visibility = 'private' | 'supervisor' | 'hr';

export interface NewAssessment {
  organisationId: string;
  /** Exactly one of personId (named) and responseId (anonymous survey response). */
  personId?: string | null;
  responseId?: string | null;
  competenceId: string;
  source: AssessmentSource;
  level: number;
  campaignId?: string | null;
  authorUserId?: string | null;
  visibility: Visibility;
  note?: string | null;
  assessedAt: Date;
}

export interface SubjectCompetence {
  subjectId: string;
  competenceId: string;
}

function subjectOf(row: NewAssessment): string {
  const subject = row.personId ?? row.responseId;
  if (!subject || (row.personId && row.responseId)) throw new Error('An assessment needs exactly one of personId and responseId.');
  return subject;
}

type StoredAssessment = { campaignId: string | null; source: AssessmentSource; level: number; assessedAt: Date };
type SubjectHistory = { personId: string | null; responseId: string | null; list: StoredAssessment[] };
type StatusRow = Required<Omit<typeof competenceStatus.$inferInsert, 'computedAt'>> & { computedAt: Date };
/** A rating as stored: every column given. */
type StoredRating = Required<Omit<NewAssessment, 'personId' | 'responseId'>> & {
  id: string;
  personId: string | null;
  responseId: string | null;
};

const pairKey = (subjectId: string, competenceId: string) => `${subjectId}|${competenceId}`;

/**
 * Stores the ratings and recomputes the diagnosis of every (subject, competence) they touch.
 * Ratings that belong to a campaign replace the earlier rating of the same subject, competence
 * and source in that campaign (resubmitting never stores a rating twice); others are appended.
 *
 * Two statements whatever the number of ratings (one when the caller brings the stored
 * assessments): the stored history of the touched pairs is read first, the new ratings are
 * applied to it here (replacing what they replace), and then the ratings, the recomputed
 * diagnosis and the caller's `alongside` writes are written together in one statement
 * (sendWrites). Rows travel as arrays, one parameter per column, so the statements'
 * texts do not depend on the number of rows and each is planned once per connection.
 */
export async function recordAssessments(
  tx: Executor,
  rows: readonly NewAssessment[],
  settings: DiagnosisSettings,
  options: {
    /** Other writes of the caller (without RETURNING), sent in the same statement. */
    alongside?: readonly SqlWrite[];
    /**
     * Sent first in the same statement (sendWrites' guard): the ratings and the diagnosis are
     * written only when it writes its row; the `alongside` writes must be conditional on
     * GUARD_PASSED themselves. For a caller that read without locks and writes only if what it
     * read still holds.
     */
    guard?: SqlWrite;
    /**
     * Every stored assessment of the subjects and competences of `rows`, read by the caller
     * (extra rows are ignored): saves the statement that would read them here. For a caller
     * that reads them along with what it reads anyway, in the same snapshot.
     */
    storedAssessments?: readonly StoredAssessmentRow[];
  } = {},
): Promise<boolean> {
  const { alongside = [], guard, storedAssessments } = options;
  if (rows.length === 0) return sendWrites(tx, alongside, { guard });
  const values: StoredRating[] = rows.map((r) => ({
    id: uuidv7(),
    organisationId: r.organisationId,
    personId: r.personId ?? null,
    responseId: r.responseId ?? null,
    competenceId: r.competenceId,
    source: r.source,
    level: r.level,
    campaignId: r.campaignId ?? null,
    authorUserId: r.authorUserId ?? null,
    visibility: r.visibility,
    note: r.note ?? null,
    assessedAt: r.assessedAt,
  }));
  const organisationId = rows[0].organisationId;
  const pairs = rows.map((r) => ({ subjectId: subjectOf(r), competenceId: r.competenceId }));
  const histories = storedAssessments ? historiesFrom(pairs, storedAssessments) : await historiesOf(tx, organisationId, pairs);
  for (const v of values) {
    const key = pairKey(subjectOf(v), v.competenceId);
    const history = histories.get(key) ?? { personId: v.personId, responseId: v.responseId, list: [] };
    // Listed last, so among equal times the new rating counts as the latest (latestPerSource).
    history.list = history.list.filter((a) => !(v.campaignId && a.campaignId === v.campaignId && a.source === v.source));
    history.list.push({ campaignId: v.campaignId, source: v.source, level: v.level, assessedAt: v.assessedAt });
    histories.set(key, history);
  }
  const { upserts } = statusRows(organisationId, pairs, histories, settings);
  const onlyIf = guard ? GUARD_PASSED : null;
  const inCampaignByPerson = values.filter((v) => v.campaignId && v.personId);
  const inCampaignByResponse = values.filter((v) => v.campaignId && v.responseId);
  const outsideCampaigns = values.filter((v) => !v.campaignId);
  const writes = [
    ...ratingWrites(inCampaignByPerson, 'person', onlyIf),
    ...ratingWrites(inCampaignByResponse, 'response', onlyIf),
    ...ratingWrites(outsideCampaigns, null, onlyIf),
    ...statusWrites(upserts, onlyIf),
  ];
  return sendWrites(tx, [...writes, ...alongside], { guard });
}

/** Recomputes competence_status for the given pairs from all their assessments (domain-rules §2). */
export async function refreshCompetenceStatus(
  tx: Executor,
  organisationId: string,
  pairs: readonly SubjectCompetence[],
  settings: DiagnosisSettings,
): Promise<void> {
  if (pairs.length === 0) return;
  const { upserts, emptied } = statusRows(organisationId, pairs, await historiesOf(tx, organisationId, pairs), settings);
  await sendWrites(tx, statusWrites(upserts, null));
  for (const pair of emptied) {
    await tx
      .delete(competenceStatus)
      .where(and(eq(competenceStatus.subjectId, pair.subjectId), eq(competenceStatus.competenceId, pair.competenceId)));
  }
}

const HISTORY_SQL = `
  select person_id, response_id, competence_id, campaign_id, source, level, assessed_at
    from assessments
   where organisation_id = $1 and competence_id = any($2::uuid[])
     and (person_id = any($3::uuid[]) or response_id = any($3::uuid[]))`;

/** A stored assessment of a subject, as the diagnosis needs it (see storedAssessments of recordAssessments). */
export interface StoredAssessmentRow {
  personId: string | null;
  responseId: string | null;
  competenceId: string;
  campaignId: string | null;
  source: AssessmentSource;
  level: number;
  assessedAt: Date;
}

/** The stored assessments of the given (subject, competence) pairs, by pair. */
async function historiesOf(
  tx: Executor,
  organisationId: string,
  pairs: readonly SubjectCompetence[],
): Promise<Map<string, SubjectHistory>> {
  const subjectIds = [...new Set(pairs.map((p) => p.subjectId))];
  const competenceIds = [...new Set(pairs.map((p) => p.competenceId))];
  const found = await queryNamed<{
    person_id: string | null;
    response_id: string | null;
    competence_id: string;
    campaign_id: string | null;
    source: AssessmentSource;
    level: number;
    assessed_at: Date;
  }>(tx, 'assessment_histories', HISTORY_SQL, [organisationId, competenceIds, subjectIds]);
  return historiesFrom(
    pairs,
    found.map((row) => ({
      personId: row.person_id,
      responseId: row.response_id,
      competenceId: row.competence_id,
      campaignId: row.campaign_id,
      source: row.source,
      level: row.level,
      assessedAt: row.assessed_at,
    })),
  );
}

/** The rows that belong to the given pairs, grouped by pair (other rows are ignored). */
function historiesFrom(pairs: readonly SubjectCompetence[], rows: readonly StoredAssessmentRow[]): Map<string, SubjectHistory> {
  const wanted = new Set(pairs.map((p) => pairKey(p.subjectId, p.competenceId)));
  const histories = new Map<string, SubjectHistory>();
  for (const row of rows) {
    const key = pairKey((row.personId ?? row.responseId)!, row.competenceId);
    if (!wanted.has(key)) continue;
    const history = histories.get(key) ?? { personId: row.personId, responseId: row.responseId, list: [] };
    history.list.push({ campaignId: row.campaignId, source: row.source, level: row.level, assessedAt: row.assessedAt });
    histories.set(key, history);
  }
  return histories;
}

/** The diagnosis rows of the pairs from their histories; pairs without any assessment are `emptied`. */
function statusRows(
  organisationId: string,
  pairs: readonly SubjectCompetence[],
  histories: ReadonlyMap<string, SubjectHistory>,
  settings: DiagnosisSettings,
): { upserts: StatusRow[]; emptied: SubjectCompetence[] } {
  const upserts: StatusRow[] = [];
  const emptied: SubjectCompetence[] = [];
  const unique = new Map(pairs.map((p) => [pairKey(p.subjectId, p.competenceId), p]));
  for (const [key, pair] of unique) {
    const history = histories.get(key);
    const result = history ? currentLevel(history.list, settings) : null;
    if (!history || !result) {
      emptied.push(pair);
      continue;
    }
    upserts.push({
      organisationId,
      subjectId: pair.subjectId,
      personId: history.personId,
      responseId: history.responseId,
      competenceId: pair.competenceId,
      currentLevel: result.level,
      source: result.source,
      selfLevel: result.selfLevel,
      supervisorLevel: result.supervisorLevel,
      disagreement: result.disagreement,
      stale: result.stale,
      staleFrom: result.staleFrom,
      assessedAt: result.assessedAt,
      computedAt: settings.now,
    });
  }
  return { upserts, emptied };
}

/** The columns of a row value as arrays, one per column, in the order given. */
const columnArrays = <T>(rows: readonly T[], columns: ReadonlyArray<keyof T>) => columns.map((c) => rows.map((r) => r[c]));

const RATING_COLUMNS = [
  'id',
  'organisationId',
  'personId',
  'responseId',
  'competenceId',
  'source',
  'level',
  'campaignId',
  'authorUserId',
  'visibility',
  'note',
  'assessedAt',
] as const satisfies ReadonlyArray<keyof StoredRating>;

/** Enum columns travel as text[]: PGlite sends arrays of known types only. `onlyIf`: a condition, or null. */
function insertRatings(onlyIf: string | null): string {
  return `insert into assessments (id, organisation_id, person_id, response_id, competence_id, source, level, campaign_id,
                                   author_user_id, visibility, note, assessed_at)
    select x.id, x.organisation_id, x.person_id, x.response_id, x.competence_id, x.source::assessment_source, x.level, x.campaign_id,
           x.author_user_id, x.visibility::assessment_visibility, x.note, x.assessed_at
      from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::smallint[], $8::uuid[],
                  $9::uuid[], $10::text[], $11::text[], $12::timestamptz[])
        as x(id, organisation_id, person_id, response_id, competence_id, source, level, campaign_id, author_user_id, visibility, note, assessed_at)
     ${onlyIf ? `where ${onlyIf}` : ''}`;
}

/** A campaign's rating replaces the earlier one of the same subject, competence and source (the partial unique indexes). */
const replaceInCampaign = (subject: 'person' | 'response') => `
  on conflict (campaign_id, ${subject}_id, competence_id, source) where campaign_id is not null and ${subject}_id is not null
  do update set level = excluded.level, assessed_at = excluded.assessed_at, author_user_id = excluded.author_user_id,
                visibility = excluded.visibility, note = excluded.note`;

/** The insert of ratings of campaigns (replacing, by person or response) or outside one (`null`: appended); none when empty. */
function ratingWrites(part: readonly StoredRating[], campaignSubject: 'person' | 'response' | null, onlyIf: string | null): SqlWrite[] {
  if (part.length === 0) return [];
  const text = insertRatings(onlyIf) + (campaignSubject ? replaceInCampaign(campaignSubject) : '');
  return [{ text, params: columnArrays(part, RATING_COLUMNS) }];
}

const STATUS_COLUMNS = [
  'organisationId',
  'subjectId',
  'personId',
  'responseId',
  'competenceId',
  'currentLevel',
  'source',
  'selfLevel',
  'supervisorLevel',
  'disagreement',
  'stale',
  'staleFrom',
  'assessedAt',
  'computedAt',
] as const satisfies ReadonlyArray<keyof StatusRow>;

function upsertStatus(onlyIf: string | null): string {
  return `insert into competence_status (organisation_id, subject_id, person_id, response_id, competence_id, current_level, source,
                                         self_level, supervisor_level, disagreement, stale, stale_from, assessed_at, computed_at)
    select x.organisation_id, x.subject_id, x.person_id, x.response_id, x.competence_id, x.current_level, x.source::assessment_source,
           x.self_level, x.supervisor_level, x.disagreement, x.stale, x.stale_from, x.assessed_at, x.computed_at
      from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::smallint[], $7::text[], $8::smallint[], $9::smallint[],
                  $10::boolean[], $11::boolean[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])
        as x(organisation_id, subject_id, person_id, response_id, competence_id, current_level, source, self_level, supervisor_level,
             disagreement, stale, stale_from, assessed_at, computed_at)
     ${onlyIf ? `where ${onlyIf}` : ''}
    on conflict (subject_id, competence_id) do update
      set current_level = excluded.current_level, source = excluded.source, self_level = excluded.self_level,
          supervisor_level = excluded.supervisor_level, disagreement = excluded.disagreement, stale = excluded.stale,
          stale_from = excluded.stale_from, assessed_at = excluded.assessed_at, computed_at = excluded.computed_at`;
}

function statusWrites(upserts: readonly StatusRow[], onlyIf: string | null): SqlWrite[] {
  return upserts.length ? [{ text: upsertStatus(onlyIf), params: columnArrays(upserts, STATUS_COLUMNS) }] : [];
}

/**
 * Recomputes the rows whose deciding assessment has left the validity window since they were
 * computed. Call it before reading aggregates; usually it finds nothing.
 */
export async function refreshExpiredStatus(tx: Executor, organisationId: string, settings: DiagnosisSettings): Promise<number> {
  const expired = await tx
    .select({ subjectId: competenceStatus.subjectId, competenceId: competenceStatus.competenceId })
    .from(competenceStatus)
    .where(
      and(
        eq(competenceStatus.organisationId, organisationId),
        not(competenceStatus.stale),
        isNotNull(competenceStatus.staleFrom),
        lte(competenceStatus.staleFrom, settings.now),
      ),
    );
  await refreshCompetenceStatus(tx, organisationId, expired, settings);
  return expired.length;
}
