import type { Db, Executor } from '../../db/client.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, notFound } from '../../server/errors.js';
import { findPerson, isHr, loadSupervision } from '../../server/supervision.js';
import { requireActor, requireOrgPermission, rolesIn, type Actor } from '../../server/tenancy.js';
import { usableCompetenceIds } from '../function-profiles/queries.js';
import * as q from './queries.js';
import type {
  CreateQuestionBody,
  DecisionBody,
  MyQuestionView,
  MyQuestionsQuery,
  QuestionListQuery,
  QuestionPage,
  QuestionView,
  ReplaceQuestionCompetencesBody,
} from './schemas.js';
import { storeSuggestions } from './suggestions.js';

interface Problem {
  path: string;
  message: string;
}

function rejectIf(problems: Problem[]): void {
  if (!problems.length) return;
  throw new AppError('validation.failed', {
    status: 400,
    detail: problems.map((p) => `${p.path} ${p.message}`).join('; '),
    errors: problems,
  });
}

const forbidden = (detail: string) => new AppError('tenancy.forbidden', { status: 403, detail });

export function createLearningQuestionsService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  /** The reader's relations, for the visibility rule. */
  async function readerScope(tx: Executor, actor: Actor, organisationId: string): Promise<q.ReaderScope> {
    const supervision = await loadSupervision(tx, organisationId, actor.userId);
    return {
      userId: actor.userId,
      isHr: isHr(actor, organisationId),
      ownPersonIds: [...supervision.ownPersonIds],
      personIds: [...supervision.personIds],
      teamIds: [...supervision.teamIds],
    };
  }

  async function toViews(tx: Executor, rows: Awaited<ReturnType<typeof q.listQuestions>>): Promise<QuestionView[]> {
    const links = await q.linkedCompetences(
      tx,
      rows.map((r) => r.question.id),
    );
    return rows.map(({ question: x, personName, teamName, deciderName }) => ({
      id: x.id,
      text: x.text,
      source: x.source,
      status: x.status,
      visibility: x.visibility,
      person: x.personId ? { id: x.personId, displayName: personName ?? '' } : null,
      team: x.teamId ? { id: x.teamId, name: teamName ?? '' } : null,
      campaignId: x.campaignId,
      competences: links.filter((l) => l.questionId === x.id).map(({ questionId: _q, ...l }) => l),
      createdBy: x.createdBy,
      decidedBy: x.decidedBy ? { id: x.decidedBy, displayName: deciderName ?? '' } : null,
      decidedAt: x.decidedAt?.toISOString() ?? null,
      createdAt: x.createdAt.toISOString(),
      updatedAt: x.updatedAt.toISOString(),
    }));
  }

  /** One question the reader may see, else 404 (a question hidden by its visibility does not exist for the reader). */
  async function visibleOne(tx: Executor, actor: Actor, organisationId: string, id: string): Promise<QuestionView> {
    const rows = await q.listQuestions(tx, organisationId, await readerScope(tx, actor, organisationId), { id, limit: 1 });
    if (!rows.length) throw notFound('learning question');
    return (await toViews(tx, rows))[0];
  }

  return {
    /**
     * The signed-in person's own learning questions (leerportaal): only questions about their own
     * person rows, in organisations they are a member of; newest first.
     */
    async listMine(actor: Actor | null, query: MyQuestionsQuery): Promise<MyQuestionView[]> {
      const who = requireActor(actor);
      const organisationIds = [...new Set(who.memberships.map((m) => m.organisationId))];
      const rows = await q.listOwnQuestions(db, who.userId, organisationIds, { status: query.status, limit: query.limit ?? 50 });
      const links = await q.linkedCompetences(
        db,
        rows.map((r) => r.question.id),
      );
      return rows.map(({ question: x, organisationName }) => ({
        id: x.id,
        organisation: { id: x.organisationId, name: organisationName },
        text: x.text,
        source: x.source,
        status: x.status,
        competences: links.filter((l) => l.questionId === x.id).map(({ questionId: _q, ...l }) => l),
        decidedAt: x.decidedAt?.toISOString() ?? null,
        createdAt: x.createdAt.toISOString(),
      }));
    },

    /** Newest first, only those the reader may see; cursor pagination. */
    async listQuestions(actor: Actor | null, organisationId: string, query: QuestionListQuery): Promise<QuestionPage> {
      const who = requireOrgPermission(actor, 'learning-question:read', organisationId);
      const limit = query.limit ?? 50;
      const rows = await q.listQuestions(db, organisationId, await readerScope(db, who, organisationId), { ...query, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return { items: await toViews(db, page), nextCursor: rows.length > limit ? page[page.length - 1].question.id : null };
    },

    async getQuestion(actor: Actor | null, organisationId: string, id: string): Promise<QuestionView> {
      const who = requireOrgPermission(actor, 'learning-question:read', organisationId);
      return visibleOne(db, who, organisationId, id);
    },

    /**
     * HR or a manager writes down a learning question; suggested competences are stored in the
     * same transaction. Managers only for the people (or teams) they supervise.
     */
    async createQuestion(actor: Actor | null, organisationId: string, input: CreateQuestionBody): Promise<QuestionView> {
      const who = requireOrgPermission(actor, 'learning-question:write', organisationId);
      const hr = isHr(who, organisationId);
      const manager = who.isPlatformAdmin || rolesIn(who, organisationId).includes('manager');
      const text = input.text.trim();
      const source = input.source ?? (hr ? 'hr' : 'manager');
      const problems: Problem[] = [];
      if (!text) problems.push({ path: '/body/text', message: 'must not be blank' });
      if (source === 'hr' && !hr) problems.push({ path: '/body/source', message: 'can be hr only for HR' });
      if (source === 'manager' && !manager) problems.push({ path: '/body/source', message: 'can be manager only for a manager' });
      if (source === 'employee' && !input.personId)
        problems.push({ path: '/body/personId', message: 'is required when the question is the employee’s own' });
      rejectIf(problems);

      return db.transaction(async (tx) => {
        const person = input.personId ? await findPerson(tx, organisationId, input.personId) : null;
        if (input.personId && !person) problems.push({ path: '/body/personId', message: 'is not a person of this organisation' });
        if (input.teamId && !(await q.teamExists(tx, organisationId, input.teamId)))
          problems.push({ path: '/body/teamId', message: 'is not a team of this organisation' });
        else if (input.teamId && person && person.teamId !== input.teamId)
          problems.push({ path: '/body/teamId', message: 'must be the person’s own team (or left out)' });
        if (input.campaignId && !(await q.campaignExists(tx, organisationId, input.campaignId)))
          problems.push({ path: '/body/campaignId', message: 'is not a campaign of this organisation' });
        rejectIf(problems);
        const teamId = input.teamId ?? person?.teamId ?? null;
        if (!hr) {
          const supervision = await loadSupervision(tx, organisationId, who.userId);
          if (!person && !teamId) throw badRequest('/body/personId', 'choose one of the people (or teams) you supervise');
          if (person && !supervision.personIds.has(person.id))
            throw forbidden('You can add learning questions only for the people you supervise.');
          if (!person && teamId && !supervision.teamIds.has(teamId))
            throw forbidden('You can add learning questions only for the teams of the people you supervise.');
        }
        const row = await q.insertQuestion(tx, {
          organisationId,
          personId: person?.id ?? null,
          teamId,
          campaignId: input.campaignId ?? null,
          text,
          source,
          visibility: input.visibility ?? 'hr',
          createdBy: who.userId,
        });
        await storeSuggestions(tx, organisationId, row);
        return visibleOne(tx, who, organisationId, row.id);
      });
    },

    /** Suggests competences again (e.g. after new frameworks were added); confirmed links stay. */
    async suggestAgain(actor: Actor | null, organisationId: string, id: string): Promise<QuestionView> {
      const who = requireOrgPermission(actor, 'learning-question:write', organisationId);
      return db.transaction(async (tx) => {
        await visibleOne(tx, who, organisationId, id);
        const row = (await q.findQuestion(tx, organisationId, id))!;
        await storeSuggestions(tx, organisationId, row);
        await q.updateQuestion(tx, organisationId, id, {});
        return visibleOne(tx, who, organisationId, id);
      });
    },

    /** Sets the question's competences: confirm suggestions, drop them, add others. */
    async replaceCompetences(
      actor: Actor | null,
      organisationId: string,
      id: string,
      input: ReplaceQuestionCompetencesBody,
    ): Promise<QuestionView> {
      const who = requireOrgPermission(actor, 'learning-question:write', organisationId);
      return db.transaction(async (tx) => {
        await visibleOne(tx, who, organisationId, id);
        const known = await usableCompetenceIds(tx, organisationId, [...new Set(input.competences.map((c) => c.competenceId))]);
        const problems: Problem[] = [];
        const seen = new Set<string>();
        input.competences.forEach((c, i) => {
          if (!known.has(c.competenceId))
            problems.push({
              path: `/body/competences/${i}/competenceId`,
              message: 'does not exist or is not available to this organisation',
            });
          else if (seen.has(c.competenceId)) problems.push({ path: `/body/competences/${i}/competenceId`, message: 'is listed twice' });
          seen.add(c.competenceId);
        });
        rejectIf(problems);
        await q.replaceLinks(tx, id, input.competences);
        await q.updateQuestion(tx, organisationId, id, {});
        return visibleOne(tx, who, organisationId, id);
      });
    },

    /** Confirms or dismisses the question (or reopens it), recording who decided and when. */
    async decide(actor: Actor | null, organisationId: string, id: string, input: DecisionBody): Promise<QuestionView> {
      const who = requireOrgPermission(actor, 'learning-question:write', organisationId);
      return db.transaction(async (tx) => {
        const before = await visibleOne(tx, who, organisationId, id);
        const decided = input.status !== 'new';
        await q.updateQuestion(tx, organisationId, id, {
          status: input.status,
          decidedBy: decided ? who.userId : null,
          decidedAt: decided ? now() : null,
        });
        await writeAudit(tx, {
          event: 'learning_question_decided',
          actorUserId: who.userId,
          organisationId,
          subject: id,
          detail: { from: before.status, to: input.status },
        });
        return visibleOne(tx, who, organisationId, id);
      });
    },
  };
}

export type LearningQuestionsService = ReturnType<typeof createLearningQuestionsService>;
