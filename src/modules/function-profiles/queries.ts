import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  competences,
  frameworks,
  functionProfileCompetences,
  functionProfiles,
  occupationCompetences,
  occupations,
} from '../../db/schema/index.js';

/* Queries of function profiles. Every one takes the organisation id and filters on it. */

/** Competences an organisation may use: public frameworks plus its own. */
const usableBy = (organisationId: string) => or(isNull(frameworks.organisationId), eq(frameworks.organisationId, organisationId))!;

export async function listProfiles(db: Executor, organisationId: string) {
  const rows = await db
    .select({
      id: functionProfiles.id,
      name: functionProfiles.name,
      description: functionProfiles.description,
      occupationId: functionProfiles.occupationId,
      scaleId: functionProfiles.scaleId,
      updatedAt: functionProfiles.updatedAt,
      competenceCount: sql<number>`(select count(*) from function_profile_competences i where i.profile_id = "function_profiles"."id")::int`,
    })
    .from(functionProfiles)
    .where(eq(functionProfiles.organisationId, organisationId))
    .orderBy(asc(functionProfiles.name));
  return rows.map((r) => ({ ...r, competenceCount: Number(r.competenceCount), updatedAt: r.updatedAt.toISOString() }));
}

export async function findProfile(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(functionProfiles)
    .where(and(eq(functionProfiles.id, id), eq(functionProfiles.organisationId, organisationId)));
  return row ?? null;
}

export async function findProfilesByName(db: Executor, organisationId: string, names: string[]) {
  if (!names.length) return [];
  return db
    .select()
    .from(functionProfiles)
    .where(and(eq(functionProfiles.organisationId, organisationId), inArray(functionProfiles.name, names)));
}

export async function profileNameTaken(db: Executor, organisationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: functionProfiles.id })
    .from(functionProfiles)
    .where(
      and(
        eq(functionProfiles.organisationId, organisationId),
        eq(functionProfiles.name, name),
        exceptId ? ne(functionProfiles.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export async function insertProfile(db: Executor, values: typeof functionProfiles.$inferInsert) {
  const [row] = await db.insert(functionProfiles).values(values).returning();
  return row;
}

export async function updateProfile(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Partial<typeof functionProfiles.$inferInsert>,
) {
  const [row] = await db
    .update(functionProfiles)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(functionProfiles.id, id), eq(functionProfiles.organisationId, organisationId)))
    .returning();
  return row ?? null;
}

export async function deleteProfile(db: Executor, organisationId: string, id: string) {
  const rows = await db
    .delete(functionProfiles)
    .where(and(eq(functionProfiles.id, id), eq(functionProfiles.organisationId, organisationId)))
    .returning({ id: functionProfiles.id });
  return rows.length > 0;
}

export async function occupationExists(db: Executor, id: string) {
  const [row] = await db
    .select({ id: occupations.id, key: occupations.key, label: occupations.label })
    .from(occupations)
    .where(eq(occupations.id, id));
  return row ?? null;
}

/** The occupation's essential competences the organisation may use, in label order. */
export async function essentialCompetenceIds(db: Executor, organisationId: string, occupationId: string) {
  const rows = await db
    .select({ id: competences.id })
    .from(occupationCompetences)
    .innerJoin(competences, eq(competences.id, occupationCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(
      and(eq(occupationCompetences.occupationId, occupationId), eq(occupationCompetences.relation, 'essential'), usableBy(organisationId)),
    )
    .orderBy(sql`coalesce(${competences.label}->>'nl', '')`, asc(competences.id));
  return rows.map((r) => r.id);
}

export async function usableCompetenceIds(db: Executor, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: competences.id })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(inArray(competences.id, ids), usableBy(organisationId)));
  return new Set(rows.map((r) => r.id));
}

/** Resolves (framework key, competence key) pairs among usable competences; map key is `fk \0 ck`. */
export async function resolveCompetenceKeys(
  db: Executor,
  organisationId: string,
  pairs: Array<{ frameworkKey: string; competenceKey: string }>,
) {
  const result = new Map<string, string>();
  if (!pairs.length) return result;
  const frameworkKeys = [...new Set(pairs.map((p) => p.frameworkKey))];
  const competenceKeys = [...new Set(pairs.map((p) => p.competenceKey))];
  for (let i = 0; i < competenceKeys.length; i += 1000) {
    const rows = await db
      .select({ id: competences.id, frameworkKey: frameworks.key, key: competences.key })
      .from(competences)
      .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
      .where(
        and(inArray(frameworks.key, frameworkKeys), inArray(competences.key, competenceKeys.slice(i, i + 1000)), usableBy(organisationId)),
      );
    for (const r of rows) result.set(`${r.frameworkKey}\u0000${r.key}`, r.id);
  }
  return result;
}

export async function findItems(db: Executor, profileIds: string[]) {
  if (!profileIds.length) return [];
  return db
    .select({
      profileId: functionProfileCompetences.profileId,
      competenceId: functionProfileCompetences.competenceId,
      key: competences.key,
      kind: competences.kind,
      label: competences.label,
      frameworkKey: frameworks.key,
      requiredLevel: functionProfileCompetences.requiredLevel,
      importance: functionProfileCompetences.importance,
      futureLevel: functionProfileCompetences.futureLevel,
      horizonYear: functionProfileCompetences.horizonYear,
      position: functionProfileCompetences.position,
    })
    .from(functionProfileCompetences)
    .innerJoin(competences, eq(competences.id, functionProfileCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(functionProfileCompetences.profileId, profileIds))
    .orderBy(asc(functionProfileCompetences.profileId), asc(functionProfileCompetences.position), asc(competences.key));
}

export interface ItemRow {
  competenceId: string;
  requiredLevel: number;
  importance: 'core' | 'supporting';
  futureLevel: number | null;
  horizonYear: number | null;
}

export async function replaceItems(db: Executor, profileId: string, items: ItemRow[]) {
  await db.delete(functionProfileCompetences).where(eq(functionProfileCompetences.profileId, profileId));
  if (items.length) {
    await db.insert(functionProfileCompetences).values(items.map((item, position) => ({ profileId, position, ...item })));
  }
}

export async function insertItem(db: Executor, profileId: string, item: ItemRow & { position: number }) {
  await db.insert(functionProfileCompetences).values({ profileId, ...item });
}

export async function updateItem(db: Executor, profileId: string, item: ItemRow) {
  const { competenceId, ...changes } = item;
  await db
    .update(functionProfileCompetences)
    .set(changes)
    .where(and(eq(functionProfileCompetences.profileId, profileId), eq(functionProfileCompetences.competenceId, competenceId)));
}
