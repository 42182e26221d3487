import type { Db } from '../../db/client.js';
import { canSeeRecord } from '../../domain/assessment/visibility.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, notFound } from '../../server/errors.js';
import { findPerson, relationTo } from '../../server/supervision.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { usableCompetenceIds } from '../function-profiles/queries.js';
import * as q from './queries.js';
import type { CreateStarrBody, StarrList, StarrView } from './schemas.js';

interface Problem {
  path: string;
  message: string;
}

const forbidden = (detail: string) => new AppError('tenancy.forbidden', { status: 403, detail });
const textFields = ['situation', 'task', 'action', 'result', 'reflection'] as const;

export function createStarrService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  const service = {
    /**
     * The STARR interviews of a person the reader may see: the person themself, their supervisor
     * and HR may open the list; each interview is then shown per its visibility (the interviewer
     * always sees their own).
     */
    async listInterviews(actor: Actor | null, organisationId: string, personId: string): Promise<StarrList> {
      const who = requireOrgPermission(actor, 'organisation:read', organisationId);
      const person = await findPerson(db, organisationId, personId);
      if (!person) throw notFound('person');
      const relation = await relationTo(db, who, person);
      const rows = await q.listInterviews(db, organisationId, personId);
      const authored = rows.some((r) => r.interview.interviewerUserId === who.userId);
      if (!relation.isSubject && !relation.isSupervisor && !relation.isHr && !authored) {
        throw forbidden('Only the person, their supervisor and HR can read these interviews.');
      }
      const interviews: StarrView[] = rows
        .filter((r) => canSeeRecord(r.interview.visibility, { ...relation, isAuthor: r.interview.interviewerUserId === who.userId }))
        .map(({ interview: x, competence, questionText, interviewerName }) => ({
          id: x.id,
          personId: x.personId,
          situation: x.situation,
          task: x.task,
          action: x.action,
          result: x.result,
          reflection: x.reflection,
          heldOn: x.heldOn,
          competence: competence?.id ? { id: competence.id, key: competence.key, label: competence.label } : null,
          learningQuestion: x.learningQuestionId && questionText !== null ? { id: x.learningQuestionId, text: questionText } : null,
          interviewer: x.interviewerUserId ? { id: x.interviewerUserId, displayName: interviewerName ?? '' } : null,
          visibility: x.visibility,
          createdAt: x.createdAt.toISOString(),
        }));
      return { person: { id: person.id, displayName: person.displayName }, interviews };
    },

    /** Records a STARR interview about a person: HR for anyone, a manager for the people they supervise. */
    async createInterview(
      actor: Actor | null,
      organisationId: string,
      personId: string,
      input: CreateStarrBody,
      ip?: string,
    ): Promise<StarrList> {
      const who = requireOrgPermission(actor, 'starr:write', organisationId);
      const id = await db.transaction(async (tx) => {
        const person = await findPerson(tx, organisationId, personId);
        if (!person) throw notFound('person');
        const relation = await relationTo(tx, who, person);
        if (!relation.isHr && !relation.isSupervisor) throw forbidden('You can record interviews only with the people you supervise.');

        const problems: Problem[] = [];
        const texts = Object.fromEntries(textFields.map((f) => [f, (input[f] ?? '').trim()])) as Record<
          (typeof textFields)[number],
          string
        >;
        if (textFields.every((f) => !texts[f]))
          problems.push({ path: '/body/situation', message: 'write at least one of situation, task, action, result and reflection' });
        if (input.heldOn > todayInBrussels(now())) problems.push({ path: '/body/heldOn', message: 'must not be in the future' });
        if (input.competenceId && !(await usableCompetenceIds(tx, organisationId, [input.competenceId])).has(input.competenceId)) {
          problems.push({ path: '/body/competenceId', message: 'does not exist or is not available to this organisation' });
        }
        if (input.learningQuestionId) {
          const question = await q.findLearningQuestion(tx, organisationId, input.learningQuestionId);
          if (!question) problems.push({ path: '/body/learningQuestionId', message: 'is not a learning question of this organisation' });
          else if (question.personId && question.personId !== personId)
            problems.push({ path: '/body/learningQuestionId', message: 'is about another person' });
        }
        if (problems.length) {
          throw new AppError('validation.failed', {
            status: 400,
            detail: problems.map((p) => `${p.path} ${p.message}`).join('; '),
            errors: problems,
          });
        }
        const settings = await q.organisationSettings(tx, organisationId);
        const row = await q.insertInterview(tx, {
          organisationId,
          personId,
          competenceId: input.competenceId ?? null,
          learningQuestionId: input.learningQuestionId ?? null,
          ...texts,
          heldOn: input.heldOn,
          interviewerUserId: who.userId,
          visibility: input.visibility ?? settings.defaultVisibility ?? 'hr',
        });
        await writeAudit(tx, {
          event: 'starr_recorded',
          actorUserId: who.userId,
          organisationId,
          subject: row.id,
          ip,
          detail: { personId },
        });
        return row.id;
      });
      const list = await service.listInterviews(who, organisationId, personId);
      if (!list.interviews.some((i) => i.id === id)) throw new Error('A new interview must be visible to its interviewer.');
      return list;
    },
  };
  return service;
}

export type StarrService = ReturnType<typeof createStarrService>;
