import { count, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { memberships, organisations, users } from './schema/index.js';
import { ensureDefaultScale } from './reference-data.js';
import { loadOwnFrameworks } from './reference/load-frameworks.js';
import { loadFundingInstruments } from './reference/load-funding-instruments.js';

/** Slug of the organisation that operates the platform; platform admins are members of it. */
export const PLATFORM_ORG_SLUG = 'leerkompas';

/**
 * Idempotent reference data every installation needs: the operating organisation and the
 * default proficiency scale, our own competence frameworks, the funding instruments of the training
 * plan. Runs after migrations on every start.
 */
export async function bootstrap(db: Db): Promise<void> {
  await db.insert(organisations).values({ name: 'Leerkompas', slug: PLATFORM_ORG_SLUG, kind: 'authority' }).onConflictDoNothing();
  await ensureDefaultScale(db);
  await loadOwnFrameworks(db);
  await loadFundingInstruments(db);
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n) === 0;
}

export async function hasPlatformAdmin(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.role, 'platform_admin'));
  return Number(row.n) > 0;
}
