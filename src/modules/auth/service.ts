import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, sessions, users } from '../../db/schema/index.js';
import { writeAudit } from '../../server/audit.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { createSession, loadActor } from '../../server/auth/sessions.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../../server/tenancy.js';
import type { SessionView } from './schemas.js';

export interface AuthServiceDeps {
  db: Db;
  sessionHours: number;
}

const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', { status: 401, detail: 'E-mail address or password is not correct.' });

export function createAuthService({ db, sessionHours }: AuthServiceDeps) {
  /** The signed-in user with the organisations they belong to. */
  async function describeSession(actor: Actor, csrfToken: string): Promise<SessionView> {
    const orgIds = [...new Set(actor.memberships.map((m) => m.organisationId))];
    const orgs = orgIds.length
      ? await db
          .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
          .from(organisations)
          .where(inArray(organisations.id, orgIds))
      : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        locale: actor.locale,
        isPlatformAdmin: actor.isPlatformAdmin,
      },
      memberships: actor.memberships
        .filter((m) => byId.has(m.organisationId))
        .map((m) => ({
          organisationId: m.organisationId,
          organisationName: byId.get(m.organisationId)!.name,
          organisationKind: byId.get(m.organisationId)!.kind,
          role: m.role,
        })),
      csrfToken,
    };
  }

  return {
    /** Checks the password and opens a new session; every attempt is audited. */
    async logIn(options: { email: string; password: string; ip: string }) {
      const email = options.email.trim().toLowerCase();
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const ok =
        user && !user.disabled
          ? await verifyPassword(user.passwordHash, options.password)
          : await verifyPassword(await dummyPasswordHash(), options.password).then(() => false);
      if (!user || !ok) {
        await writeAudit(db, { event: 'login_failed', actorUserId: user?.id, subject: email, ip: options.ip });
        throw invalidCredentials();
      }
      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, user.id, sessionHours);
        await writeAudit(tx, { event: 'login', actorUserId: user.id, ip: options.ip });
        return created;
      });
      const actor = await loadActor(db, user.id);
      return { ...session, view: await describeSession(actor!, session.csrfToken) };
    },

    async logOut(options: { actor: Actor; tokenHash: string; ip: string }) {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, options.tokenHash));
        await writeAudit(tx, { event: 'logout', actorUserId: options.actor.userId, ip: options.ip });
      });
    },

    /**
     * Changes the password and ends every session of the user, this one included: the caller gets
     * a fresh session (same CSRF token, so the open page keeps working), and a copy of the old
     * cookie, wherever it ended up, is worthless.
     */
    async changePassword(options: {
      actor: Actor;
      csrfToken: string;
      currentPassword: string;
      newPassword: string;
      ip: string;
    }): Promise<{ token: string; expiresAt: Date }> {
      const [user] = await db.select().from(users).where(eq(users.id, options.actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, options.currentPassword))) {
        throw new AppError('auth.invalid_credentials', {
          status: 400,
          detail: 'The current password is not correct.',
          errors: [{ path: '/body/currentPassword', message: 'is not correct' }],
        });
      }
      if (options.newPassword === options.currentPassword) {
        throw new AppError('auth.weak_password', {
          status: 400,
          detail: 'Choose a new password that differs from the current one.',
          errors: [{ path: '/body/newPassword', message: 'must differ from the current password' }],
        });
      }
      const passwordHash = await hashPassword(options.newPassword);
      return db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
        const session = await createSession(tx, user.id, sessionHours, options.csrfToken);
        await writeAudit(tx, { event: 'password_changed', actorUserId: user.id, ip: options.ip });
        return { token: session.token, expiresAt: session.expiresAt };
      });
    },

    async setLocale(options: { actor: Actor; locale: string }) {
      await db.update(users).set({ locale: options.locale }).where(eq(users.id, options.actor.userId));
    },

    describeSession,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
