import { and, eq, inArray, isNotNull, lte, not, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { assessments, competenceStatus } from '../../db/schema/index.js';
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

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function subjectOf(row: NewAssessment): string {
  const subject = row.personId ?? row.responseId;
  if (!subject || (row.personId && row.responseId)) throw new Error('An assessment needs exactly one of personId and responseId.');
  return subject;
}

type StoredAssessment = { campaignId: string | null; source: AssessmentSource; level: number; assessedAt: Date };
type SubjectHistory = { personId: string | null; responseId: string | null; list: StoredAssessment[] };
type StatusRow = typeof competenceStatus.$inferInsert;

const pairKey = (subjectId: string, competenceId: string) => `${subjectId}|${competenceId}`;

/**
 * Stores the ratings and recomputes the diagnosis of every (subject, competence) they touch.
 * Ratings that belong to a campaign replace the earlier rating of the same subject, competence
 * and source in that campaign (resubmitting never stores a rating twice); others are appended.
 *
 * Two statements for a batch of up to CHUNK ratings: the stored history of the touched pairs is
 * read first, the new ratings are applied to it here (replacing what they replace), and then the
 * ratings and the recomputed diagnosis are written together in one statement.
 */
export async function recordAssessments(
  tx: Executor,
  rows: readonly NewAssessment[],
  settings: DiagnosisSettings,
  options: {
    /** Other writes of the caller's transaction (updates, inserts without RETURNING), sent in the same statement. */
    alongside?: readonly SQLWrapper[];
  } = {},
): Promise<void> {
  const alongside = options.alongside ?? [];
  if (rows.length === 0) return runWrites(tx, alongside, true);
  const values = rows.map((r) => ({
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
  const histories = await historiesOf(tx, organisationId, pairs);
  for (const v of values) {
    const key = pairKey(subjectOf(v), v.competenceId);
    const history = histories.get(key) ?? { personId: v.personId, responseId: v.responseId, list: [] };
    // Listed last, so among equal times the new rating counts as the latest (latestPerSource).
    history.list = history.list.filter((a) => !(v.campaignId && a.campaignId === v.campaignId && a.source === v.source));
    history.list.push({ campaignId: v.campaignId, source: v.source, level: v.level, assessedAt: v.assessedAt });
    histories.set(key, history);
  }
  const { upserts } = statusRows(organisationId, pairs, histories, settings);

  const replace = {
    level: sql`excluded.level`,
    assessedAt: sql`excluded.assessed_at`,
    authorUserId: sql`excluded.author_user_id`,
    visibility: sql`excluded.visibility`,
    note: sql`excluded.note`,
  };
  const writes: SQLWrapper[] = [];
  for (const part of chunks(values.filter((v) => v.campaignId && v.personId))) {
    writes.push(
      tx
        .insert(assessments)
        .values(part)
        .onConflictDoUpdate({
          target: [assessments.campaignId, assessments.personId, assessments.competenceId, assessments.source],
          targetWhere: sql`${assessments.campaignId} is not null and ${assessments.personId} is not null`,
          set: replace,
        }),
    );
  }
  for (const part of chunks(values.filter((v) => v.campaignId && v.responseId))) {
    writes.push(
      tx
        .insert(assessments)
        .values(part)
        .onConflictDoUpdate({
          target: [assessments.campaignId, assessments.responseId, assessments.competenceId, assessments.source],
          targetWhere: sql`${assessments.campaignId} is not null and ${assessments.responseId} is not null`,
          set: replace,
        }),
    );
  }
  for (const part of chunks(values.filter((v) => !v.campaignId))) writes.push(tx.insert(assessments).values(part));
  writes.push(...statusUpserts(tx, upserts), ...alongside);
  await runWrites(tx, writes, values.length + upserts.length <= CHUNK);
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
  await runWrites(tx, statusUpserts(tx, upserts), false);
  for (const pair of emptied) {
    await tx
      .delete(competenceStatus)
      .where(and(eq(competenceStatus.subjectId, pair.subjectId), eq(competenceStatus.competenceId, pair.competenceId)));
  }
}

/** The stored assessments of the given (subject, competence) pairs, by pair. */
async function historiesOf(
  tx: Executor,
  organisationId: string,
  pairs: readonly SubjectCompetence[],
): Promise<Map<string, SubjectHistory>> {
  const wanted = new Set(pairs.map((p) => pairKey(p.subjectId, p.competenceId)));
  const subjectIds = [...new Set(pairs.map((p) => p.subjectId))];
  const competenceIds = [...new Set(pairs.map((p) => p.competenceId))];
  const histories = new Map<string, SubjectHistory>();
  for (const subjects of chunks(subjectIds, 500)) {
    const found = await tx
      .select({
        personId: assessments.personId,
        responseId: assessments.responseId,
        competenceId: assessments.competenceId,
        campaignId: assessments.campaignId,
        source: assessments.source,
        level: assessments.level,
        assessedAt: assessments.assessedAt,
      })
      .from(assessments)
      .where(
        and(
          eq(assessments.organisationId, organisationId),
          inArray(assessments.competenceId, competenceIds),
          or(inArray(assessments.personId, subjects), inArray(assessments.responseId, subjects)),
        ),
      );
    for (const row of found) {
      const key = pairKey((row.personId ?? row.responseId)!, row.competenceId);
      if (!wanted.has(key)) continue;
      const history = histories.get(key) ?? { personId: row.personId, responseId: row.responseId, list: [] };
      history.list.push({ campaignId: row.campaignId, source: row.source, level: row.level, assessedAt: row.assessedAt });
      histories.set(key, history);
    }
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

function statusUpserts(tx: Executor, upserts: readonly StatusRow[]): SQLWrapper[] {
  return chunks(upserts).map((part) =>
    tx
      .insert(competenceStatus)
      .values(part)
      .onConflictDoUpdate({
        target: [competenceStatus.subjectId, competenceStatus.competenceId],
        set: {
          currentLevel: sql`excluded.current_level`,
          source: sql`excluded.source`,
          selfLevel: sql`excluded.self_level`,
          supervisorLevel: sql`excluded.supervisor_level`,
          disagreement: sql`excluded.disagreement`,
          stale: sql`excluded.stale`,
          staleFrom: sql`excluded.stale_from`,
          assessedAt: sql`excluded.assessed_at`,
          computedAt: sql`excluded.computed_at`,
        },
      }),
  );
}

/**
 * Sends the writes (statements not yet sent): as one statement (all but the last as
 * data-modifying WITH parts, which PostgreSQL runs to completion whether or not they are
 * referenced) when `together` — a round trip per statement is most of what a small batch costs —
 * else one statement each, so a large batch stays under the limit of parameters per statement.
 */
async function runWrites(tx: Executor, writes: readonly SQLWrapper[], together: boolean): Promise<void> {
  if (writes.length === 0) return;
  if (!together || writes.length === 1) {
    for (const write of writes) await tx.execute(write.getSQL());
    return;
  }
  const parts = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} ${writes[writes.length - 1].getSQL()}`);
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
