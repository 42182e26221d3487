import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../server/errors.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { usableCompetenceIds } from '../function-profiles/queries.js';
import * as q from './queries.js';
import type { CreateIssueBody, IssueListQuery, IssueView, UpdateIssueBody } from './schemas.js';

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

export function createOrganisationIssuesService({ db }: { db: Db }) {
  async function views(tx: Executor, rows: q.IssueRow[]): Promise<IssueView[]> {
    const ids = rows.map((r) => r.id);
    const [teamLinks, competenceLinks] = [await q.linkedTeams(tx, ids), await q.linkedCompetences(tx, ids)];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      status: r.status,
      observedOn: r.observedOn,
      campaignId: r.campaignId,
      teams: teamLinks.filter((t) => t.issueId === r.id).map(({ issueId: _i, ...t }) => t),
      competences: competenceLinks.filter((c) => c.issueId === r.id).map(({ issueId: _i, ...c }) => c),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** Every id from the body must belong to the organisation (or be a usable competence); all problems at once. */
  async function checkLinks(
    tx: Executor,
    organisationId: string,
    input: { campaignId?: string | null; teamIds?: string[]; competenceIds?: string[] },
  ) {
    const problems: Problem[] = [];
    if (input.campaignId && !(await q.campaignExists(tx, organisationId, input.campaignId))) {
      problems.push({ path: '/body/campaignId', message: 'is not a campaign of this organisation' });
    }
    if (input.teamIds) {
      const known = await q.teamIdsOf(tx, organisationId, input.teamIds);
      input.teamIds.forEach((id, i) => {
        if (!known.has(id)) problems.push({ path: `/body/teamIds/${i}`, message: 'is not a team of this organisation' });
      });
    }
    if (input.competenceIds) {
      const known = await usableCompetenceIds(tx, organisationId, [...new Set(input.competenceIds)]);
      input.competenceIds.forEach((id, i) => {
        if (!known.has(id))
          problems.push({ path: `/body/competenceIds/${i}`, message: 'does not exist or is not available to this organisation' });
      });
    }
    rejectIf(problems);
  }

  async function getOne(tx: Executor, organisationId: string, id: string): Promise<IssueView> {
    const row = await q.findIssue(tx, organisationId, id);
    if (!row) throw notFound('organisation issue');
    return (await views(tx, [row]))[0];
  }

  return {
    async listIssues(actor: Actor | null, organisationId: string, filter: IssueListQuery): Promise<IssueView[]> {
      requireOrgPermission(actor, 'organisation-issue:read', organisationId);
      return views(db, await q.listIssues(db, organisationId, filter));
    },

    async getIssue(actor: Actor | null, organisationId: string, id: string): Promise<IssueView> {
      requireOrgPermission(actor, 'organisation-issue:read', organisationId);
      return getOne(db, organisationId, id);
    },

    /** Records a problem or goal with its teams and competences, in one transaction. */
    async createIssue(actor: Actor | null, organisationId: string, input: CreateIssueBody): Promise<IssueView> {
      const who = requireOrgPermission(actor, 'organisation-issue:write', organisationId);
      const title = input.title.trim();
      rejectIf(title ? [] : [{ path: '/body/title', message: 'must not be blank' }]);
      return db.transaction(async (tx) => {
        await checkLinks(tx, organisationId, input);
        const row = await q.insertIssue(tx, {
          organisationId,
          kind: input.kind,
          title,
          description: input.description ?? '',
          status: input.status ?? 'open',
          observedOn: input.observedOn ?? null,
          campaignId: input.campaignId ?? null,
          createdBy: who.userId,
        });
        await q.replaceTeams(tx, row.id, [...new Set(input.teamIds ?? [])]);
        await q.replaceCompetences(tx, row.id, [...new Set(input.competenceIds ?? [])]);
        return getOne(tx, organisationId, row.id);
      });
    },

    /** Changes the given fields; teamIds / competenceIds, when given, replace the links. */
    async updateIssue(actor: Actor | null, organisationId: string, id: string, input: UpdateIssueBody): Promise<IssueView> {
      requireOrgPermission(actor, 'organisation-issue:write', organisationId);
      return db.transaction(async (tx) => {
        if (!(await q.findIssue(tx, organisationId, id))) throw notFound('organisation issue');
        await checkLinks(tx, organisationId, input);
        const { teamIds, competenceIds, title, ...rest } = input;
        const changes: Parameters<typeof q.updateIssue>[3] = { ...rest };
        if (title !== undefined) {
          changes.title = title.trim();
          rejectIf(changes.title ? [] : [{ path: '/body/title', message: 'must not be blank' }]);
        }
        await q.updateIssue(tx, organisationId, id, changes);
        if (teamIds) await q.replaceTeams(tx, id, [...new Set(teamIds)]);
        if (competenceIds) await q.replaceCompetences(tx, id, [...new Set(competenceIds)]);
        return getOne(tx, organisationId, id);
      });
    },

    async deleteIssue(actor: Actor | null, organisationId: string, id: string): Promise<void> {
      requireOrgPermission(actor, 'organisation-issue:write', organisationId);
      if (!(await q.deleteIssue(db, organisationId, id))) throw notFound('organisation issue');
    },
  };
}

export type OrganisationIssuesService = ReturnType<typeof createOrganisationIssuesService>;
