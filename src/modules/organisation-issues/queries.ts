import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  campaigns,
  competences,
  frameworks,
  organisationIssueCompetences,
  organisationIssues,
  organisationIssueTeams,
  teams,
} from '../../db/schema/index.js';

/* Queries of organisation issues. Every one takes the organisation id and filters on it. */

export type IssueRow = typeof organisationIssues.$inferSelect;

export async function listIssues(
  db: Executor,
  organisationId: string,
  filter: { kind?: IssueRow['kind']; status?: IssueRow['status']; teamId?: string; competenceId?: string },
) {
  const i = organisationIssues;
  return db
    .select()
    .from(i)
    .where(
      and(
        eq(i.organisationId, organisationId),
        filter.kind ? eq(i.kind, filter.kind) : undefined,
        filter.status ? eq(i.status, filter.status) : undefined,
        filter.teamId
          ? sql`exists (select 1 from ${organisationIssueTeams} t where t.issue_id = ${i.id} and t.team_id = ${filter.teamId})`
          : undefined,
        filter.competenceId
          ? sql`exists (select 1 from ${organisationIssueCompetences} c where c.issue_id = ${i.id} and c.competence_id = ${filter.competenceId})`
          : undefined,
      ),
    )
    .orderBy(asc(i.status), desc(i.createdAt), asc(i.id));
}

export async function findIssue(db: Executor, organisationId: string, id: string): Promise<IssueRow | null> {
  const [row] = await db
    .select()
    .from(organisationIssues)
    .where(and(eq(organisationIssues.organisationId, organisationId), eq(organisationIssues.id, id)));
  return row ?? null;
}

export async function insertIssue(db: Executor, values: typeof organisationIssues.$inferInsert): Promise<IssueRow> {
  const [row] = await db.insert(organisationIssues).values(values).returning();
  return row;
}

export async function updateIssue(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Partial<typeof organisationIssues.$inferInsert>,
) {
  await db
    .update(organisationIssues)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(organisationIssues.organisationId, organisationId), eq(organisationIssues.id, id)));
}

export async function deleteIssue(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(organisationIssues)
    .where(and(eq(organisationIssues.organisationId, organisationId), eq(organisationIssues.id, id)))
    .returning({ id: organisationIssues.id });
  return rows.length > 0;
}

export async function replaceTeams(db: Executor, issueId: string, teamIds: readonly string[]) {
  await db.delete(organisationIssueTeams).where(eq(organisationIssueTeams.issueId, issueId));
  if (teamIds.length) await db.insert(organisationIssueTeams).values(teamIds.map((teamId) => ({ issueId, teamId })));
}

export async function replaceCompetences(db: Executor, issueId: string, competenceIds: readonly string[]) {
  await db.delete(organisationIssueCompetences).where(eq(organisationIssueCompetences.issueId, issueId));
  if (competenceIds.length)
    await db.insert(organisationIssueCompetences).values(competenceIds.map((competenceId) => ({ issueId, competenceId })));
}

export async function linkedTeams(db: Executor, issueIds: readonly string[]) {
  if (!issueIds.length) return [];
  return db
    .select({ issueId: organisationIssueTeams.issueId, id: teams.id, name: teams.name })
    .from(organisationIssueTeams)
    .innerJoin(teams, eq(teams.id, organisationIssueTeams.teamId))
    .where(inArray(organisationIssueTeams.issueId, [...issueIds]))
    .orderBy(asc(teams.position), asc(teams.name));
}

export async function linkedCompetences(db: Executor, issueIds: readonly string[]) {
  if (!issueIds.length) return [];
  return db
    .select({
      issueId: organisationIssueCompetences.issueId,
      id: competences.id,
      key: competences.key,
      label: competences.label,
      frameworkKey: frameworks.key,
    })
    .from(organisationIssueCompetences)
    .innerJoin(competences, eq(competences.id, organisationIssueCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(organisationIssueCompetences.issueId, [...issueIds]))
    .orderBy(sql`coalesce(${competences.label}->>'nl', '')`, asc(competences.id));
}

export async function teamIdsOf(db: Executor, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export async function campaignExists(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id)));
  return Boolean(row);
}
