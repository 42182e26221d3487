import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  campaignCompetences,
  campaigns,
  competences,
  frameworks,
  functionProfileCompetences,
  functionProfiles,
  learningQuestionCompetences,
  learningQuestions,
  organisations,
  people,
  teams,
  users,
} from '../../db/schema/index.js';
import type { TextHit } from '../../domain/competences/rank-merge.js';

/* Queries of learning questions. Every one takes the organisation id and filters on it. */

export type QuestionRow = typeof learningQuestions.$inferSelect;

/**
 * Who is reading, for the visibility rule (docs/domain.md, "Learning questions"): the question's
 * author, the person themself, their supervisor (visibility supervisor or hr), HR (visibility hr).
 */
export interface ReaderScope {
  userId: string;
  isHr: boolean;
  /** The reader's own person rows. */
  ownPersonIds: string[];
  /** The people the reader supervises and their teams. */
  personIds: string[];
  teamIds: string[];
}

const lq = learningQuestions;

export function visibleTo(scope: ReaderScope): SQL {
  const shared = inArray(lq.visibility, ['supervisor', 'hr']);
  const parts: SQL[] = [eq(lq.createdBy, scope.userId)];
  if (scope.ownPersonIds.length) parts.push(inArray(lq.personId, scope.ownPersonIds));
  if (scope.isHr) parts.push(eq(lq.visibility, 'hr'));
  if (scope.personIds.length) parts.push(and(inArray(lq.personId, scope.personIds), shared)!);
  // A team's question without a person; never an anonymous survey answer (it could betray the respondent to their supervisor).
  if (scope.teamIds.length) parts.push(and(isNull(lq.personId), inArray(lq.teamId, scope.teamIds), ne(lq.source, 'survey'), shared)!);
  return or(...parts)!;
}

const decider = alias(users, 'decider');

const listColumns = {
  question: lq,
  personName: people.displayName,
  teamName: teams.name,
  deciderName: decider.displayName,
};

export async function listQuestions(
  db: Executor,
  organisationId: string,
  scope: ReaderScope,
  filter: {
    status?: QuestionRow['status'];
    source?: QuestionRow['source'];
    teamId?: string;
    personId?: string;
    campaignId?: string;
    competenceId?: string;
    id?: string;
    cursor?: string;
    limit: number;
  },
) {
  return db
    .select(listColumns)
    .from(lq)
    .leftJoin(people, eq(people.id, lq.personId))
    .leftJoin(teams, eq(teams.id, lq.teamId))
    .leftJoin(decider, eq(decider.id, lq.decidedBy))
    .where(
      and(
        eq(lq.organisationId, organisationId),
        visibleTo(scope),
        filter.id ? eq(lq.id, filter.id) : undefined,
        filter.status ? eq(lq.status, filter.status) : undefined,
        filter.source ? eq(lq.source, filter.source) : undefined,
        filter.teamId ? eq(lq.teamId, filter.teamId) : undefined,
        filter.personId ? eq(lq.personId, filter.personId) : undefined,
        filter.campaignId ? eq(lq.campaignId, filter.campaignId) : undefined,
        filter.competenceId
          ? sql`exists (select 1 from ${learningQuestionCompetences} c where c.question_id = ${lq.id} and c.competence_id = ${filter.competenceId})`
          : undefined,
        // Ids are UUID v7 (time-ordered): newest first, keyset on the id.
        filter.cursor ? lt(lq.id, filter.cursor) : undefined,
      ),
    )
    .orderBy(desc(lq.id))
    .limit(filter.limit);
}

/**
 * The questions about the user's own person rows, in the organisations they still belong to, newest
 * first. Anonymous survey answers have no person and so never show up here.
 */
export async function listOwnQuestions(
  db: Executor,
  userId: string,
  organisationIds: readonly string[],
  filter: { status?: QuestionRow['status']; limit: number },
) {
  if (!organisationIds.length) return [];
  return db
    .select({ question: lq, organisationName: organisations.name })
    .from(lq)
    .innerJoin(people, eq(people.id, lq.personId))
    .innerJoin(organisations, eq(organisations.id, lq.organisationId))
    .where(
      and(
        eq(people.userId, userId),
        eq(people.organisationId, lq.organisationId),
        inArray(lq.organisationId, [...organisationIds]),
        filter.status ? eq(lq.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(lq.id))
    .limit(filter.limit);
}

export async function findQuestion(db: Executor, organisationId: string, id: string): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(lq)
    .where(and(eq(lq.organisationId, organisationId), eq(lq.id, id)));
  return row ?? null;
}

export async function findQuestionByResponse(db: Executor, organisationId: string, responseId: string): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(lq)
    .where(and(eq(lq.organisationId, organisationId), eq(lq.responseId, responseId)));
  return row ?? null;
}

export async function insertQuestion(db: Executor, values: typeof lq.$inferInsert): Promise<QuestionRow> {
  const [row] = await db.insert(lq).values(values).returning();
  return row;
}

/** Inserts the survey's question unless the response has one already; null when it had. */
export async function insertSurveyQuestion(db: Executor, values: typeof lq.$inferInsert): Promise<QuestionRow | null> {
  const [row] = await db
    .insert(lq)
    .values(values)
    .onConflictDoNothing({ target: lq.responseId, where: sql`${lq.responseId} is not null` })
    .returning();
  return row ?? null;
}

export async function updateQuestion(db: Executor, organisationId: string, id: string, changes: Partial<typeof lq.$inferInsert>) {
  await db
    .update(lq)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(lq.organisationId, organisationId), eq(lq.id, id)));
}

// ---------------------------------------------------------------- linked competences

export async function linkedCompetences(db: Executor, questionIds: readonly string[]) {
  if (!questionIds.length) return [];
  const l = learningQuestionCompetences;
  return db
    .select({
      questionId: l.questionId,
      competenceId: l.competenceId,
      key: competences.key,
      kind: competences.kind,
      label: competences.label,
      frameworkKey: frameworks.key,
      confirmed: l.confirmed,
      suggestionRank: l.suggestionRank,
    })
    .from(l)
    .innerJoin(competences, eq(competences.id, l.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(l.questionId, [...questionIds]))
    .orderBy(desc(l.confirmed), sql`${l.suggestionRank} nulls last`, sql`coalesce(${competences.label}->>'nl', '')`, asc(l.competenceId));
}

/** Replaces the unconfirmed suggestions; confirmed links and links added by hand stay. */
export async function replaceSuggestions(
  db: Executor,
  questionId: string,
  suggestions: ReadonlyArray<{ competenceId: string; rank: number }>,
) {
  const l = learningQuestionCompetences;
  await db.delete(l).where(and(eq(l.questionId, questionId), eq(l.confirmed, false), isNotNull(l.suggestionRank)));
  if (!suggestions.length) return;
  await db
    .insert(l)
    .values(suggestions.map((s) => ({ questionId, competenceId: s.competenceId, confirmed: false, suggestionRank: s.rank })))
    .onConflictDoNothing();
}

/** Sets the full list of links: kept ones keep their suggestion rank, new ones are "added by hand". */
export async function replaceLinks(db: Executor, questionId: string, links: ReadonlyArray<{ competenceId: string; confirmed: boolean }>) {
  const l = learningQuestionCompetences;
  const current = await db.select({ competenceId: l.competenceId }).from(l).where(eq(l.questionId, questionId));
  const wanted = new Set(links.map((x) => x.competenceId));
  const gone = current.map((c) => c.competenceId).filter((id) => !wanted.has(id));
  if (gone.length) await db.delete(l).where(and(eq(l.questionId, questionId), inArray(l.competenceId, gone)));
  for (const link of links) {
    await db
      .insert(l)
      .values({ questionId, competenceId: link.competenceId, confirmed: link.confirmed, suggestionRank: null })
      .onConflictDoUpdate({ target: [l.questionId, l.competenceId], set: { confirmed: link.confirmed } });
  }
}

// ---------------------------------------------------------------- suggestions

/**
 * Full-text candidates among the competences the organisation already uses: those of its function
 * profiles and of the question's campaign. Same scoring inputs as searchCompetencesFullText.
 */
export async function searchUsedCompetences(
  db: Executor,
  organisationId: string,
  input: { exact: string; prefix: string; campaignId: string | null; limit: number },
): Promise<TextHit[]> {
  const vector = sql`${competences.searchNl}`;
  const exactQuery = sql`to_tsquery('dutch'::regconfig, ${input.exact})`;
  const driving = sql`to_tsquery('dutch'::regconfig, ${input.prefix})`;
  const rank = sql<number>`ts_rank(${vector}, ${driving}, 32)`;
  const inProfiles = inArray(
    competences.id,
    db
      .select({ id: functionProfileCompetences.competenceId })
      .from(functionProfileCompetences)
      .innerJoin(functionProfiles, eq(functionProfiles.id, functionProfileCompetences.profileId))
      .where(eq(functionProfiles.organisationId, organisationId)),
  );
  const inCampaign = input.campaignId
    ? inArray(
        competences.id,
        db
          .select({ id: campaignCompetences.competenceId })
          .from(campaignCompetences)
          .innerJoin(campaigns, eq(campaigns.id, campaignCompetences.campaignId))
          .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.organisationId, organisationId))),
      )
    : undefined;
  const rows = await db
    .select({
      id: competences.id,
      label: sql<string>`coalesce(${competences.label}->>'nl', '')`,
      rank,
      exact: sql<boolean>`${vector} @@ ${exactQuery}`,
    })
    .from(competences)
    .where(and(sql`${vector} @@ ${driving}`, inCampaign ? or(inProfiles, inCampaign) : inProfiles))
    .orderBy(desc(rank), asc(competences.id))
    .limit(input.limit);
  return rows.map((r) => ({ id: r.id, label: r.label, rank: Number(r.rank), exact: Boolean(r.exact) }));
}

export async function competenceKinds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: competences.id, kind: competences.kind })
    .from(competences)
    .where(inArray(competences.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.kind]));
}

// ---------------------------------------------------------------- ids from the body

export async function teamExists(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(teams.id, id)));
  return Boolean(row);
}

export async function campaignExists(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id)));
  return Boolean(row);
}
