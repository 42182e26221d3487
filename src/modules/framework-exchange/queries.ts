import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { competenceRelations, competences, frameworks, organisations, proficiencyScales, scaleLevels } from '../../db/schema/index.js';
import type { PlannedCompetence, RelationRow, StoredExchangeCompetence } from '../../domain/competences/exchange-model.js';

export async function findOrganisation(tx: Executor, idOrSlug: string) {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await tx
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(byId ? eq(organisations.id, idOrSlug) : eq(organisations.slug, idOrSlug));
  return row ?? null;
}

export async function findFramework(tx: Executor, by: { id: string } | { key: string }) {
  const [row] = await tx
    .select()
    .from(frameworks)
    .where('id' in by ? eq(frameworks.id, by.id) : eq(frameworks.key, by.key));
  return row ?? null;
}

export type FrameworkRow = NonNullable<Awaited<ReturnType<typeof findFramework>>>;

/** Scales an organisation may use (public ones and its own), with their levels in order. */
export async function listScalesWithLevels(tx: Executor, organisationId: string) {
  const scales = await tx
    .select({ id: proficiencyScales.id, key: proficiencyScales.key, proficientFrom: proficiencyScales.proficientFrom })
    .from(proficiencyScales)
    .where(or(isNull(proficiencyScales.organisationId), eq(proficiencyScales.organisationId, organisationId)))
    .orderBy(proficiencyScales.key);
  const levels = scales.length
    ? await tx
        .select()
        .from(scaleLevels)
        .where(
          inArray(
            scaleLevels.scaleId,
            scales.map((s) => s.id),
          ),
        )
        .orderBy(scaleLevels.scaleId, scaleLevels.level)
    : [];
  return scales.map((s) => ({ ...s, levels: levels.filter((l) => l.scaleId === s.id).map((l) => ({ level: l.level, label: l.label })) }));
}

export async function findScaleWithLevels(tx: Executor, scaleId: string) {
  const [scale] = await tx
    .select({ id: proficiencyScales.id, key: proficiencyScales.key, proficientFrom: proficiencyScales.proficientFrom })
    .from(proficiencyScales)
    .where(eq(proficiencyScales.id, scaleId));
  if (!scale) return null;
  const levels = await tx
    .select({ level: scaleLevels.level, label: scaleLevels.label })
    .from(scaleLevels)
    .where(eq(scaleLevels.scaleId, scaleId))
    .orderBy(scaleLevels.level);
  return { ...scale, levels };
}

export async function insertFramework(tx: Executor, values: typeof frameworks.$inferInsert) {
  const [row] = await tx.insert(frameworks).values(values).returning();
  return row;
}

export async function updateFramework(tx: Executor, id: string, values: Partial<typeof frameworks.$inferInsert>) {
  await tx.update(frameworks).set(values).where(eq(frameworks.id, id));
}

/** The fields of a competence that an import compares and an export writes. */
const exchangeColumns = {
  id: competences.id,
  key: competences.key,
  code: competences.code,
  parentId: competences.parentId,
  kind: competences.kind,
  label: competences.label,
  altLabels: competences.altLabels,
  description: competences.description,
  position: competences.position,
};

/** The fields of a framework's competences that an import compares and may change. */
export async function listExchangeCompetences(tx: Executor, frameworkId: string): Promise<StoredExchangeCompetence[]> {
  return tx.select(exchangeColumns).from(competences).where(eq(competences.frameworkId, frameworkId));
}

/** Everything an export writes about a framework's competences. */
export async function listCompetencesForExport(tx: Executor, frameworkId: string) {
  return tx
    .select({ ...exchangeColumns, updatedAt: competences.updatedAt })
    .from(competences)
    .where(eq(competences.frameworkId, frameworkId));
}

const CHUNK = 500;

export async function insertCompetences(tx: Executor, frameworkId: string, rows: PlannedCompetence[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(competences).values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, frameworkId })));
  }
}

export async function updateCompetence(tx: Executor, row: PlannedCompetence) {
  const { id, ...values } = row;
  await tx.update(competences).set(values).where(eq(competences.id, id));
}

/** Relations that start at a competence of the framework. */
export async function listFrameworkRelations(tx: Executor, frameworkId: string): Promise<RelationRow[]> {
  return tx
    .select({ fromId: competenceRelations.fromId, toId: competenceRelations.toId, kind: competenceRelations.kind })
    .from(competenceRelations)
    .innerJoin(competences, eq(competences.id, competenceRelations.fromId))
    .where(eq(competences.frameworkId, frameworkId));
}

/** Relations with at least one end in the framework (both directions), for exports. */
export async function listRelationsTouching(tx: Executor, frameworkId: string): Promise<RelationRow[]> {
  const inFramework = sql`(select ${competences.id} from ${competences} where ${competences.frameworkId} = ${frameworkId})`;
  return tx
    .select({ fromId: competenceRelations.fromId, toId: competenceRelations.toId, kind: competenceRelations.kind })
    .from(competenceRelations)
    .where(and(sql`${competenceRelations.fromId} in ${inFramework}`, sql`${competenceRelations.toId} in ${inFramework}`));
}

export async function insertRelations(tx: Executor, rows: RelationRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insert(competenceRelations)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing();
}

export async function deleteRelations(tx: Executor, rows: RelationRow[]) {
  for (const r of rows) {
    await tx
      .delete(competenceRelations)
      .where(and(eq(competenceRelations.fromId, r.fromId), eq(competenceRelations.toId, r.toId), eq(competenceRelations.kind, r.kind)));
  }
}
