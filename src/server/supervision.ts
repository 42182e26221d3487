import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { people, teams } from '../db/schema/index.js';
import { rolesIn, type Actor } from './tenancy.js';

/**
 * Who a signed-in user supervises, for the rules "a manager acts only on their own people"
 * (docs/domain.md, "Supervisors and their people"):
 * - the user's own person rows are the people of the organisation with `people.user_id` = the user;
 * - the user's people are those whose `supervisor_id` is one of those rows (direct reports only);
 * - the user's teams are the teams of those people (for records about a team without a person).
 */
export interface Supervision {
  ownPersonIds: Set<string>;
  personIds: Set<string>;
  teamIds: Set<string>;
}

export type PersonRow = Pick<
  typeof people.$inferSelect,
  'id' | 'organisationId' | 'displayName' | 'teamId' | 'functionProfileId' | 'supervisorId' | 'userId' | 'targetGroup'
>;

const personColumns = {
  id: people.id,
  organisationId: people.organisationId,
  displayName: people.displayName,
  teamId: people.teamId,
  functionProfileId: people.functionProfileId,
  supervisorId: people.supervisorId,
  userId: people.userId,
  targetGroup: people.targetGroup,
};

export async function loadSupervision(db: Executor, organisationId: string, userId: string): Promise<Supervision> {
  const own = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.userId, userId)));
  const ownPersonIds = new Set(own.map((r) => r.id));
  if (ownPersonIds.size === 0) return { ownPersonIds, personIds: new Set(), teamIds: new Set() };
  const reports = await db
    .select({ id: people.id, teamId: people.teamId })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.supervisorId, [...ownPersonIds])));
  return {
    ownPersonIds,
    personIds: new Set(reports.map((r) => r.id)),
    teamIds: new Set(reports.map((r) => r.teamId).filter((t): t is string => t !== null)),
  };
}

/** The people a user supervises, with their team, in team and name order. */
export async function listSupervisedPeople(db: Executor, organisationId: string, userId: string) {
  const supervision = await loadSupervision(db, organisationId, userId);
  if (supervision.ownPersonIds.size === 0) return [];
  return db
    .select({ ...personColumns, teamName: teams.name })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(eq(people.organisationId, organisationId), inArray(people.supervisorId, [...supervision.ownPersonIds])))
    .orderBy(asc(teams.position), asc(teams.name), asc(people.displayName), asc(people.id));
}

export async function findPerson(db: Executor, organisationId: string, personId: string): Promise<PersonRow | null> {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return row ?? null;
}

/** The user account of a person's supervisor, if the supervisor has one. */
export async function supervisorUserId(
  db: Executor,
  organisationId: string,
  person: Pick<PersonRow, 'supervisorId'>,
): Promise<string | null> {
  if (!person.supervisorId) return null;
  const [row] = await db
    .select({ userId: people.userId })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, person.supervisorId), isNotNull(people.userId)));
  return row?.userId ?? null;
}

/** HR for the visibility rules: the hr or org_admin role in the organisation, or a platform admin. */
export function isHr(actor: Actor, organisationId: string): boolean {
  if (actor.isPlatformAdmin) return true;
  return rolesIn(actor, organisationId).some((role) => role === 'hr' || role === 'org_admin');
}

/** How the actor relates to a person: themself, their (direct) supervisor, HR. */
export async function relationTo(db: Executor, actor: Actor, person: PersonRow) {
  const isSubject = person.userId !== null && person.userId === actor.userId;
  let isSupervisor = false;
  if (person.supervisorId) {
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, person.organisationId), eq(people.id, person.supervisorId), eq(people.userId, actor.userId)));
    isSupervisor = Boolean(row);
  }
  return { isSubject, isSupervisor, isHr: isHr(actor, person.organisationId) };
}
