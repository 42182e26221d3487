import { and, eq, inArray, isNotNull, lte, not, or, sql } from 'drizzle-orm';
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

/**
 * Stores the ratings and recomputes the diagnosis of every (subject, competence) they touch.
 * Ratings that belong to a campaign replace the earlier rating of the same subject, competence
 * and source in that campaign (resubmitting never stores a rating twice); others are appended.
 */
export async function recordAssessments(tx: Executor, rows: readonly NewAssessment[], settings: DiagnosisSettings): Promise<void> {
  if (rows.length === 0) return;
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
  const replace = {
    level: sql`excluded.level`,
    assessedAt: sql`excluded.assessed_at`,
    authorUserId: sql`excluded.author_user_id`,
    visibility: sql`excluded.visibility`,
    note: sql`excluded.note`,
  };
  const byPerson = values.filter((v) => v.campaignId && v.personId);
  const byResponse = values.filter((v) => v.campaignId && v.responseId);
  const loose = values.filter((v) => !v.campaignId);
  for (const part of chunks(byPerson)) {
    await tx
      .insert(assessments)
      .values(part)
      .onConflictDoUpdate({
        target: [assessments.campaignId, assessments.personId, assessments.competenceId, assessments.source],
        targetWhere: sql`${assessments.campaignId} is not null and ${assessments.personId} is not null`,
        set: replace,
      });
  }
  for (const part of chunks(byResponse)) {
    await tx
      .insert(assessments)
      .values(part)
      .onConflictDoUpdate({
        target: [assessments.campaignId, assessments.responseId, assessments.competenceId, assessments.source],
        targetWhere: sql`${assessments.campaignId} is not null and ${assessments.responseId} is not null`,
        set: replace,
      });
  }
  for (const part of chunks(loose)) await tx.insert(assessments).values(part);

  const organisationId = rows[0].organisationId;
  await refreshCompetenceStatus(
    tx,
    organisationId,
    rows.map((r) => ({ subjectId: subjectOf(r), competenceId: r.competenceId })),
    settings,
  );
}

/** Recomputes competence_status for the given pairs from all their assessments (domain-rules §2). */
export async function refreshCompetenceStatus(
  tx: Executor,
  organisationId: string,
  pairs: readonly SubjectCompetence[],
  settings: DiagnosisSettings,
): Promise<void> {
  const wanted = new Map(pairs.map((p) => [`${p.subjectId}|${p.competenceId}`, p]));
  if (wanted.size === 0) return;
  const subjectIds = [...new Set(pairs.map((p) => p.subjectId))];
  const competenceIds = [...new Set(pairs.map((p) => p.competenceId))];

  const grouped = new Map<string, { personId: string | null; responseId: string | null; list: { source: AssessmentSource; level: number; assessedAt: Date }[] }>();
  for (const subjects of chunks(subjectIds, 500)) {
    const found = await tx
      .select({
        personId: assessments.personId,
        responseId: assessments.responseId,
        competenceId: assessments.competenceId,
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
      const key = `${row.personId ?? row.responseId}|${row.competenceId}`;
      if (!wanted.has(key)) continue;
      const entry = grouped.get(key) ?? { personId: row.personId, responseId: row.responseId, list: [] };
      entry.list.push({ source: row.source, level: row.level, assessedAt: row.assessedAt });
      grouped.set(key, entry);
    }
  }

  const upserts: (typeof competenceStatus.$inferInsert)[] = [];
  const emptied: SubjectCompetence[] = [];
  for (const [key, pair] of wanted) {
    const entry = grouped.get(key);
    const result = entry ? currentLevel(entry.list, settings) : null;
    if (!entry || !result) {
      emptied.push(pair);
      continue;
    }
    upserts.push({
      organisationId,
      subjectId: pair.subjectId,
      personId: entry.personId,
      responseId: entry.responseId,
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
  for (const part of chunks(upserts)) {
    await tx
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
      });
  }
  for (const pair of emptied) {
    await tx.delete(competenceStatus).where(and(eq(competenceStatus.subjectId, pair.subjectId), eq(competenceStatus.competenceId, pair.competenceId)));
  }
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
