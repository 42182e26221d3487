import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  campaignCompetences,
  campaignInvitations,
  campaigns,
  competences,
  frameworks,
  functionProfileCompetences,
  functionProfiles,
  organisations,
  people,
  teams,
  type CampaignScope,
} from '../../db/schema/index.js';

/* Queries of campaigns and invitations. Every one takes the organisation id and filters on it. */

export type CampaignRow = typeof campaigns.$inferSelect;

const CHUNK = 1000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function organisationSettings(db: Executor, organisationId: string) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.settings ?? {};
}

// ---------------------------------------------------------------- campaigns

export async function listCampaigns(db: Executor, organisationId: string, status?: CampaignRow['status']) {
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), status ? eq(campaigns.status, status) : undefined))
    .orderBy(desc(campaigns.opensOn), desc(campaigns.createdAt));
}

/** With `forUpdate`, the row stays locked until the transaction ends (no double open/close). */
export async function findCampaign(db: Executor, organisationId: string, id: string, forUpdate = false): Promise<CampaignRow | null> {
  const query = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.organisationId, organisationId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertCampaign(db: Executor, values: typeof campaigns.$inferInsert) {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row;
}

export async function updateCampaign(db: Executor, organisationId: string, id: string, changes: Partial<typeof campaigns.$inferInsert>) {
  const [row] = await db
    .update(campaigns)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.organisationId, organisationId)))
    .returning();
  return row ?? null;
}

export async function deleteCampaign(db: Executor, organisationId: string, id: string) {
  await db.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.organisationId, organisationId)));
}

// ---------------------------------------------------------------- ids from the body

export async function teamIdsOf(db: Executor, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export async function profileIdsOf(db: Executor, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: functionProfiles.id })
    .from(functionProfiles)
    .where(and(eq(functionProfiles.organisationId, organisationId), inArray(functionProfiles.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** Competences an organisation may use: public reference data plus its own frameworks. */
const usableBy = (organisationId: string) => or(isNull(frameworks.organisationId), eq(frameworks.organisationId, organisationId))!;

export async function usableCompetenceIds(db: Executor, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: competences.id })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(inArray(competences.id, [...ids]), usableBy(organisationId)));
  return new Set(rows.map((r) => r.id));
}

/** Label, kind, framework and scale of usable competences. */
export async function competenceDetails(db: Executor, organisationId: string, ids: readonly string[]) {
  const out: Array<{
    id: string;
    key: string;
    kind: (typeof competences.$inferSelect)['kind'];
    label: (typeof competences.$inferSelect)['label'];
    frameworkKey: string;
    scaleId: string | null;
  }> = [];
  for (const part of chunks([...new Set(ids)])) {
    out.push(
      ...(await db
        .select({
          id: competences.id,
          key: competences.key,
          kind: competences.kind,
          label: competences.label,
          frameworkKey: frameworks.key,
          scaleId: frameworks.scaleId,
        })
        .from(competences)
        .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
        .where(and(inArray(competences.id, part), usableBy(organisationId)))),
    );
  }
  return out;
}

// ---------------------------------------------------------------- scope

function scopeWhere(organisationId: string, scope: CampaignScope): SQL {
  return and(
    eq(people.organisationId, organisationId),
    scope.teamIds.length ? inArray(people.teamId, scope.teamIds) : undefined,
    scope.functionProfileIds.length ? inArray(people.functionProfileId, scope.functionProfileIds) : undefined,
    scope.targetGroups.length ? inArray(people.targetGroup, scope.targetGroups) : undefined,
  )!;
}

export async function peopleInScope(db: Executor, organisationId: string, scope: CampaignScope) {
  return db.select({ id: people.id }).from(people).where(scopeWhere(organisationId, scope)).orderBy(asc(people.id));
}

export async function countPeopleInScope(db: Executor, organisationId: string, scope: CampaignScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(scopeWhere(organisationId, scope));
  return Number(row.n);
}

/**
 * The function profiles in scope, ordered by name: the chosen ones, or (no choice) every profile
 * held by a person in scope.
 */
export async function profilesInScope(db: Executor, organisationId: string, scope: CampaignScope): Promise<string[]> {
  const held = scope.functionProfileIds.length
    ? inArray(functionProfiles.id, scope.functionProfileIds)
    : inArray(
        functionProfiles.id,
        db
          .selectDistinct({ id: people.functionProfileId })
          .from(people)
          .where(and(scopeWhere(organisationId, scope), isNotNull(people.functionProfileId))),
      );
  const rows = await db
    .select({ id: functionProfiles.id })
    .from(functionProfiles)
    .where(and(eq(functionProfiles.organisationId, organisationId), held))
    .orderBy(asc(functionProfiles.name), asc(functionProfiles.id));
  return rows.map((r) => r.id);
}

export async function profileItems(db: Executor, profileIds: readonly string[]) {
  if (!profileIds.length) return [];
  return db
    .select({
      profileId: functionProfileCompetences.profileId,
      competenceId: functionProfileCompetences.competenceId,
      requiredLevel: functionProfileCompetences.requiredLevel,
      importance: functionProfileCompetences.importance,
      position: functionProfileCompetences.position,
    })
    .from(functionProfileCompetences)
    .where(inArray(functionProfileCompetences.profileId, [...profileIds]));
}

// ---------------------------------------------------------------- frozen competences and invitations

export async function frozenCompetences(db: Executor, campaignId: string) {
  return db
    .select({
      competenceId: campaignCompetences.competenceId,
      position: campaignCompetences.position,
      defaultRequiredLevel: campaignCompetences.defaultRequiredLevel,
    })
    .from(campaignCompetences)
    .where(eq(campaignCompetences.campaignId, campaignId))
    .orderBy(asc(campaignCompetences.position));
}

export async function insertCampaignCompetences(db: Executor, rows: Array<typeof campaignCompetences.$inferInsert>) {
  for (const part of chunks(rows)) await db.insert(campaignCompetences).values(part);
}

export async function insertInvitations(db: Executor, rows: Array<typeof campaignInvitations.$inferInsert>) {
  for (const part of chunks(rows)) await db.insert(campaignInvitations).values(part);
}

export async function countFrozenCompetences(db: Executor, campaignId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaignCompetences).where(eq(campaignCompetences.campaignId, campaignId));
  return Number(row.n);
}

/** Invitation counts per campaign of the organisation. */
export async function invitationCounts(db: Executor, organisationId: string, campaignIds: readonly string[]) {
  if (!campaignIds.length)
    return new Map<string, { invited: number; issued: number; revoked: number; started: number; submitted: number }>();
  const i = campaignInvitations;
  const rows = await db
    .select({
      campaignId: i.campaignId,
      invited: count(),
      issued: sql<number>`count(*) filter (where ${i.tokenHash} is not null and ${i.revokedAt} is null)`,
      revoked: sql<number>`count(*) filter (where ${i.revokedAt} is not null and ${i.submittedAt} is null)`,
      started: sql<number>`count(*) filter (where ${i.startedAt} is not null and ${i.submittedAt} is null and ${i.revokedAt} is null)`,
      submitted: sql<number>`count(*) filter (where ${i.submittedAt} is not null)`,
    })
    .from(i)
    .where(and(eq(i.organisationId, organisationId), inArray(i.campaignId, [...campaignIds])))
    .groupBy(i.campaignId);
  return new Map(
    rows.map((r) => [
      r.campaignId,
      {
        invited: Number(r.invited),
        issued: Number(r.issued),
        revoked: Number(r.revoked),
        started: Number(r.started),
        submitted: Number(r.submitted),
      },
    ]),
  );
}

export interface InvitationCursor {
  team: string;
  name: string;
  id: string;
}

/** Named list: person, team and the status fields, ordered by team, name, id; keyset pagination. */
export async function listNamedInvitations(
  db: Executor,
  organisationId: string,
  campaignId: string,
  options: { teamId?: string; after?: InvitationCursor; limit: number },
) {
  const i = campaignInvitations;
  const teamSort = sql<string>`coalesce(${teams.name}, '')`;
  return db
    .select({
      invitationId: i.id,
      personId: people.id,
      personName: people.displayName,
      teamId: people.teamId,
      teamName: teams.name,
      teamSort,
      issuedAt: i.issuedAt,
      revokedAt: i.revokedAt,
      startedAt: i.startedAt,
      submittedAt: i.submittedAt,
    })
    .from(i)
    .innerJoin(people, eq(people.id, i.personId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(
      and(
        eq(i.organisationId, organisationId),
        eq(i.campaignId, campaignId),
        options.teamId ? eq(people.teamId, options.teamId) : undefined,
        options.after
          ? sql`(${teamSort}, ${people.displayName}, ${i.id}) > (${options.after.team}, ${options.after.name}, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(teamSort, asc(people.displayName), asc(i.id))
    .limit(options.limit);
}

/** Anonymous view: counts per (current) team, nothing per person. */
export async function progressPerTeam(db: Executor, organisationId: string, campaignId: string) {
  const i = campaignInvitations;
  const rows = await db
    .select({
      teamId: people.teamId,
      teamName: teams.name,
      invited: count(),
      started: sql<number>`count(*) filter (where ${i.startedAt} is not null and ${i.submittedAt} is null and ${i.revokedAt} is null)`,
      submitted: sql<number>`count(*) filter (where ${i.submittedAt} is not null)`,
    })
    .from(i)
    .innerJoin(people, eq(people.id, i.personId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(eq(i.organisationId, organisationId), eq(i.campaignId, campaignId)))
    .groupBy(people.teamId, teams.name)
    .orderBy(sql`${teams.name} asc nulls last`);
  return rows.map((r) => ({
    teamId: r.teamId,
    teamName: r.teamName,
    invited: Number(r.invited),
    started: Number(r.started),
    submitted: Number(r.submitted),
  }));
}

/** Invitations of the campaign among the given persons (to check a personIds selection). */
export async function invitedPersonIds(
  db: Executor,
  organisationId: string,
  campaignId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await db
      .select({ personId: campaignInvitations.personId })
      .from(campaignInvitations)
      .where(
        and(
          eq(campaignInvitations.organisationId, organisationId),
          eq(campaignInvitations.campaignId, campaignId),
          inArray(campaignInvitations.personId, part),
        ),
      );
    for (const r of rows) found.add(r.personId);
  }
  return found;
}

/**
 * Invitations that get a (new) link: not revoked, in the team / person selection, and — unless
 * `includeSubmitted` — not yet submitted. Ordered like the named list.
 */
export async function invitationsToIssue(
  db: Executor,
  organisationId: string,
  campaignId: string,
  selection: { teamId?: string | null; personIds?: readonly string[]; includeSubmitted: boolean },
) {
  const i = campaignInvitations;
  const rows = await db
    .select({ invitationId: i.id, personId: people.id, personName: people.displayName, teamName: teams.name })
    .from(i)
    .innerJoin(people, eq(people.id, i.personId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(
      and(
        eq(i.organisationId, organisationId),
        eq(i.campaignId, campaignId),
        isNull(i.revokedAt),
        selection.includeSubmitted ? undefined : isNull(i.submittedAt),
        selection.teamId === undefined
          ? undefined
          : selection.teamId === null
            ? isNull(people.teamId)
            : eq(people.teamId, selection.teamId),
      ),
    )
    .orderBy(sql`coalesce(${teams.name}, '')`, asc(people.displayName), asc(i.id));
  if (!selection.personIds) return rows;
  const wanted = new Set(selection.personIds);
  return rows.filter((r) => wanted.has(r.personId));
}

/** Stores new token hashes in bulk (one statement per 1,000 invitations). */
export async function setTokens(
  db: Executor,
  organisationId: string,
  tokens: Array<{ invitationId: string; tokenHash: string }>,
  issuedAt: Date,
  expiresAt: Date,
) {
  for (const part of chunks(tokens)) {
    const values = sql.join(
      part.map((t) => sql`(${t.invitationId}::uuid, ${t.tokenHash})`),
      sql`, `,
    );
    await db.execute(sql`
      update campaign_invitations as i
         set token_hash = v.hash, issued_at = ${issuedAt.toISOString()}::timestamptz, expires_at = ${expiresAt.toISOString()}::timestamptz, updated_at = now()
        from (values ${values}) as v(id, hash)
       where i.id = v.id and i.organisation_id = ${organisationId}::uuid`);
  }
}

/** Moves the expiry of every live link (the closing date was extended). */
export async function extendExpiry(db: Executor, organisationId: string, campaignId: string, expiresAt: Date) {
  await db
    .update(campaignInvitations)
    .set({ expiresAt, updatedAt: new Date() })
    .where(
      and(
        eq(campaignInvitations.organisationId, organisationId),
        eq(campaignInvitations.campaignId, campaignId),
        isNotNull(campaignInvitations.tokenHash),
      ),
    );
}

export async function findInvitation(db: Executor, organisationId: string, campaignId: string, invitationId: string) {
  const [row] = await db
    .select()
    .from(campaignInvitations)
    .where(
      and(
        eq(campaignInvitations.id, invitationId),
        eq(campaignInvitations.campaignId, campaignId),
        eq(campaignInvitations.organisationId, organisationId),
      ),
    );
  return row ?? null;
}

export async function revokeInvitation(db: Executor, organisationId: string, invitationId: string, at: Date) {
  await db
    .update(campaignInvitations)
    .set({ revokedAt: at, updatedAt: at })
    .where(
      and(
        eq(campaignInvitations.id, invitationId),
        eq(campaignInvitations.organisationId, organisationId),
        isNull(campaignInvitations.revokedAt),
      ),
    );
}

export async function teamName(db: Executor, organisationId: string, teamId: string) {
  const [row] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, organisationId)));
  return row?.name ?? null;
}
