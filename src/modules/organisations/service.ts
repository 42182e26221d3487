import { and, count, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  auditLog,
  memberships,
  organisations,
  people,
  sectorMemberships,
  teams,
  users,
  type OrganisationSettings,
} from '../../db/schema/index.js';
import { writeAudit } from '../../server/audit.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../server/auth/passwords.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import {
  readableOrganisations,
  requireActor,
  requireOrgPermission,
  requirePlatformAdmin,
  rolesIn,
  type Actor,
} from '../../server/tenancy.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import type { OrganisationKind, Role } from '../../shared/roles.js';
import type { OrganisationView } from './schemas.js';

export function createOrganisationsService({ db }: { db: Db }) {
  async function toView(actor: Actor, rows: (typeof organisations.$inferSelect)[]): Promise<OrganisationView[]> {
    const ids = rows.map((r) => r.id);
    const memberCounts = ids.length
      ? await db
          .select({ sectorId: sectorMemberships.sectorId, n: count() })
          .from(sectorMemberships)
          .where(inArray(sectorMemberships.sectorId, ids))
          .groupBy(sectorMemberships.sectorId)
      : [];
    const countBySector = new Map(memberCounts.map((r) => [r.sectorId, Number(r.n)]));
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      slug: o.slug,
      kind: o.kind,
      postcode: o.postcode,
      settings: effectiveSettings(o.settings),
      myRoles: rolesIn(actor, o.id),
      sectorMemberCount: countBySector.get(o.id) ?? 0,
    }));
  }

  return {
    /** The organisations the actor belongs to (all of them for a platform admin). */
    async listOrganisations(actor: Actor | null) {
      const who = requireActor(actor);
      const scope = readableOrganisations(who, 'organisation:read');
      const rows =
        scope === 'all'
          ? await db.select().from(organisations).orderBy(organisations.name)
          : scope.length
            ? await db.select().from(organisations).where(inArray(organisations.id, scope)).orderBy(organisations.name)
            : [];
      return toView(who, rows);
    },

    async getOrganisation(actor: Actor | null, organisationId: string) {
      const who = requireOrgPermission(actor, 'organisation:read', organisationId);
      const rows = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!rows.length) throw notFound('organisation');
      return (await toView(who, rows))[0];
    },

    async createOrganisation(actor: Actor | null, input: { name: string; slug: string; kind: OrganisationKind; postcode?: string }) {
      const who = requirePlatformAdmin(actor);
      const [existing] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug));
      if (existing) throw conflict('An organisation with this slug exists already.', '/body/slug');
      const [row] = await db
        .insert(organisations)
        .values({ ...input, postcode: input.postcode ?? null })
        .returning();
      return (await toView(who, [row]))[0];
    },

    async updateSettings(actor: Actor | null, organisationId: string, settings: OrganisationSettings) {
      const who = requireOrgPermission(actor, 'organisation:manage', organisationId);
      const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!row) throw notFound('organisation');
      const [updated] = await db
        .update(organisations)
        .set({ settings: { ...row.settings, ...settings } })
        .where(eq(organisations.id, organisationId))
        .returning();
      return (await toView(who, [updated]))[0];
    },

    async listMembers(actor: Actor | null, organisationId: string) {
      requireOrgPermission(actor, 'members:read', organisationId);
      return db
        .select({
          membershipId: memberships.id,
          userId: users.id,
          email: users.email,
          displayName: users.displayName,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(users.displayName, memberships.role);
    },

    /** Gives an existing user a role in the organisation; audited as role_granted. */
    async grantRole(actor: Actor | null, organisationId: string, input: { email: string; role: Role; ip?: string }) {
      const who = requireOrgPermission(actor, 'members:manage', organisationId);
      if (input.role === 'platform_admin' && !who.isPlatformAdmin) {
        throw new AppError('tenancy.forbidden', {
          status: 403,
          detail: 'Only platform administrators may grant platform_admin.',
          errors: [{ path: '/body/role', message: 'may not be granted by you' }],
        });
      }
      const [user] = await db.select().from(users).where(eq(users.email, input.email.toLowerCase()));
      if (!user) throw badRequest('/body/email', 'No user with this e-mail address. Create the account first.');
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(memberships)
          .values({ userId: user.id, organisationId, role: input.role })
          .onConflictDoNothing()
          .returning();
        if (!inserted.length) throw conflict('The user has this role already.', '/body/role');
        await writeAudit(tx, {
          event: 'role_granted',
          actorUserId: who.userId,
          organisationId,
          subject: user.email,
          ip: input.ip,
          detail: { role: input.role },
        });
        return { membershipId: inserted[0].id, userId: user.id, email: user.email, displayName: user.displayName, role: input.role };
      });
    },

    async revokeRole(actor: Actor | null, organisationId: string, membershipId: string, ip?: string) {
      const who = requireOrgPermission(actor, 'members:manage', organisationId);
      await db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(memberships)
          .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId)))
          .returning();
        if (!removed) throw notFound('membership');
        if (removed.role === 'platform_admin' && !who.isPlatformAdmin) {
          throw new AppError('tenancy.forbidden', { status: 403, detail: 'Only platform administrators may revoke platform_admin.' });
        }
        await writeAudit(tx, {
          event: 'role_revoked',
          actorUserId: who.userId,
          organisationId,
          subject: removed.userId,
          ip,
          detail: { role: removed.role },
        });
      });
    },

    async listSectorMembers(actor: Actor | null, sectorId: string) {
      requireOrgPermission(actor, 'organisation:read', sectorId);
      return db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
        .from(sectorMemberships)
        .innerJoin(organisations, eq(organisations.id, sectorMemberships.memberId))
        .where(eq(sectorMemberships.sectorId, sectorId))
        .orderBy(organisations.name);
    },

    async addSectorMember(actor: Actor | null, sectorId: string, memberId: string) {
      requirePlatformAdmin(actor);
      const rows = await db
        .select()
        .from(organisations)
        .where(inArray(organisations.id, [sectorId, memberId]));
      const sector = rows.find((r) => r.id === sectorId);
      if (!sector) throw notFound('organisation');
      if (sector.kind !== 'sector_body') throw badRequest('/params/orgId', 'Only a sector body has member organisations.');
      if (!rows.find((r) => r.id === memberId) || memberId === sectorId) throw badRequest('/body/memberId', 'No such organisation.');
      await db.insert(sectorMemberships).values({ sectorId, memberId }).onConflictDoNothing();
    },

    async listTeams(actor: Actor | null, organisationId: string) {
      requireOrgPermission(actor, 'people:read', organisationId);
      const rows = await db
        .select({ id: teams.id, name: teams.name, people: count(people.id) })
        .from(teams)
        .leftJoin(people, eq(people.teamId, teams.id))
        .where(eq(teams.organisationId, organisationId))
        .groupBy(teams.id, teams.name, teams.position)
        .orderBy(teams.position, teams.name);
      return rows.map((r) => ({ ...r, people: Number(r.people) }));
    },

    async listAudit(actor: Actor | null, organisationId: string, query: { limit?: number; before?: string }) {
      requireOrgPermission(actor, 'audit:read', organisationId);
      const rows = await db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          event: auditLog.event,
          actorEmail: users.email,
          subject: auditLog.subject,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(eq(auditLog.organisationId, organisationId), query.before ? lt(auditLog.at, new Date(query.before)) : undefined))
        .orderBy(desc(auditLog.at))
        .limit(query.limit ?? 100);
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

/**
 * Creates a user with a role in an organisation (CLI and first-run setup). Not an HTTP use case:
 * whoever runs the CLI has the server's data directory already.
 */
export async function createUserWithRole(
  db: Db,
  input: { email: string; displayName?: string; password: string; organisation: string; role: Role },
) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Not an e-mail address: ${input.email}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organisations)
      .where(
        /^[0-9a-f-]{36}$/i.test(input.organisation) ? eq(organisations.id, input.organisation) : eq(organisations.slug, input.organisation),
      );
    if (!org) throw new Error(`No organisation with id or slug "${input.organisation}".`);
    let [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email, displayName: input.displayName ?? email.split('@')[0], passwordHash })
        .returning();
      await writeAudit(tx, { event: 'user_created', organisationId: org.id, subject: email, detail: { via: 'cli' } });
    }
    await tx.insert(memberships).values({ userId: user.id, organisationId: org.id, role: input.role }).onConflictDoNothing();
    await writeAudit(tx, { event: 'role_granted', organisationId: org.id, subject: email, detail: { role: input.role, via: 'cli' } });
    return { user, organisation: org };
  });
}
