import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { competences, learningQuestions, organisations, starrInterviews, users } from '../../db/schema/index.js';

/* Queries of STARR interviews. Every one takes the organisation id and filters on it. */

export async function listInterviews(db: Executor, organisationId: string, personId: string) {
  return db
    .select({
      interview: starrInterviews,
      competence: { id: competences.id, key: competences.key, label: competences.label },
      questionText: learningQuestions.text,
      interviewerName: users.displayName,
    })
    .from(starrInterviews)
    .leftJoin(competences, eq(competences.id, starrInterviews.competenceId))
    .leftJoin(
      learningQuestions,
      and(eq(learningQuestions.id, starrInterviews.learningQuestionId), eq(learningQuestions.organisationId, organisationId)),
    )
    .leftJoin(users, eq(users.id, starrInterviews.interviewerUserId))
    .where(and(eq(starrInterviews.organisationId, organisationId), eq(starrInterviews.personId, personId)))
    .orderBy(desc(starrInterviews.heldOn), desc(starrInterviews.createdAt));
}

export async function insertInterview(db: Executor, values: typeof starrInterviews.$inferInsert) {
  const [row] = await db.insert(starrInterviews).values(values).returning();
  return row;
}

export async function findLearningQuestion(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: learningQuestions.id, personId: learningQuestions.personId })
    .from(learningQuestions)
    .where(and(eq(learningQuestions.organisationId, organisationId), eq(learningQuestions.id, id)));
  return row ?? null;
}

export async function organisationSettings(db: Executor, organisationId: string) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.settings ?? {};
}
