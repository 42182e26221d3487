import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { createUserWithRole } from '../../src/modules/organisations/service.js';
import { organisations } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/server/tenancy.js';
import type { OrganisationKind, Role } from '../../src/shared/roles.js';

export const TEST_PASSWORD = 'correct-horse-battery';

/** An organisation with a unique slug. */
export async function buildOrganisation(database: Database, overrides: { name?: string; kind?: OrganisationKind } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const [row] = await database.db
    .insert(organisations)
    .values({ name: overrides.name ?? `Org ${suffix}`, slug: `org-${suffix}`, kind: overrides.kind ?? 'employer' })
    .returning();
  return row;
}

/** A user with one role in the organisation, created through the real use case. */
export async function buildUser(database: Database, options: { organisationId: string; role: Role; email?: string }) {
  const email = options.email ?? `${options.role}-${randomUUID().slice(0, 8)}@example.org`;
  const { user } = await createUserWithRole(database.db, {
    email,
    password: TEST_PASSWORD,
    organisation: options.organisationId,
    role: options.role,
  });
  return user;
}

/**
 * The signed-in user a service sees, for tests that call a service directly (e.g. with their own
 * clock): one role in one organisation, no user row needed.
 */
export function actorWith(organisationId: string, role: Role): Actor {
  return {
    userId: randomUUID(),
    email: `${role}@example.org`,
    displayName: role,
    locale: 'nl',
    memberships: [{ organisationId, role }],
    isPlatformAdmin: false,
  };
}
