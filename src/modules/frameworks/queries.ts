import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  competenceRelations,
  competences,
  frameworks,
  occupationCompetences,
  occupations,
  proficiencyScales,
  scaleLevels,
} from '../../db/schema/index.js';
import type { Lang } from '../../domain/competences/localized.js';
import type { TextHit, TrigramHit } from '../../domain/competences/rank-merge.js';
import type { ScaleView } from './schemas.js';

/**
 * Which organisations' own frameworks and scales the caller may read, besides the public ones.
 * 'all' only for platform administrators.
 */
export type VisibilityScope = { orgIds: string[] | 'all' };

/** Public rows (organisation_id null) plus those of the scope's organisations. */
function visibleTo(column: typeof frameworks.organisationId | typeof proficiencyScales.organisationId, scope: VisibilityScope): SQL {
  if (scope.orgIds === 'all') return sql`true`;
  if (scope.orgIds.length === 0) return isNull(column);
  return or(isNull(column), inArray(column, scope.orgIds))!;
}

/** Raw rows from db.execute on both drivers (node-postgres and PGlite both return `{ rows }`). */
async function rawRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// ---------------------------------------------------------------- scales

export async function findScales(db: Executor, scope: VisibilityScope, ids?: string[]): Promise<ScaleView[]> {
  if (ids && ids.length === 0) return [];
  const scales = await db
    .select()
    .from(proficiencyScales)
    .where(and(visibleTo(proficiencyScales.organisationId, scope), ids ? inArray(proficiencyScales.id, ids) : undefined))
    .orderBy(asc(proficiencyScales.key));
  if (!scales.length) return [];
  const levels = await db
    .select()
    .from(scaleLevels)
    .where(
      inArray(
        scaleLevels.scaleId,
        scales.map((s) => s.id),
      ),
    )
    .orderBy(asc(scaleLevels.level));
  return scales.map((s) => {
    const own = levels.filter((l) => l.scaleId === s.id);
    return {
      id: s.id,
      key: s.key,
      organisationId: s.organisationId,
      name: s.name,
      proficientFrom: s.proficientFrom,
      maxLevel: own.reduce((max, l) => Math.max(max, l.level), 0),
      levels: own.map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor, pictogram: l.pictogram })),
    };
  });
}

export async function findScaleByKey(db: Executor, key: string) {
  const [row] = await db.select({ id: proficiencyScales.id }).from(proficiencyScales).where(eq(proficiencyScales.key, key));
  return row ?? null;
}

// ---------------------------------------------------------------- frameworks

const frameworkColumns = {
  id: frameworks.id,
  key: frameworks.key,
  title: frameworks.title,
  description: frameworks.description,
  source: frameworks.source,
  version: frameworks.version,
  attribution: frameworks.attribution,
  organisationId: frameworks.organisationId,
  scaleId: frameworks.scaleId,
};

export async function findFrameworks(db: Executor, scope: VisibilityScope, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  const counts = db
    .select({ frameworkId: competences.frameworkId, n: sql<number>`count(*)::int`.as('n') })
    .from(competences)
    .where(ne(competences.kind, 'group'))
    .groupBy(competences.frameworkId)
    .as('counts');
  const rows = await db
    .select({ ...frameworkColumns, competenceCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(frameworks)
    .leftJoin(counts, eq(counts.frameworkId, frameworks.id))
    .where(and(visibleTo(frameworks.organisationId, scope), ids ? inArray(frameworks.id, ids) : undefined))
    .orderBy(sql`${frameworks.organisationId} nulls first`, asc(frameworks.key));
  return rows.map((r) => ({ ...r, competenceCount: Number(r.competenceCount) }));
}

/** Ids of the frameworks the scope can see (a small table: fine to list). */
export async function visibleFrameworkIds(db: Executor, scope: VisibilityScope): Promise<string[]> {
  const rows = await db.select({ id: frameworks.id }).from(frameworks).where(visibleTo(frameworks.organisationId, scope));
  return rows.map((r) => r.id);
}

export async function findOwnFramework(db: Executor, organisationId: string, frameworkId: string) {
  const [row] = await db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, frameworkId), eq(frameworks.organisationId, organisationId)));
  return row ?? null;
}

export async function frameworkKeyExists(db: Executor, key: string): Promise<boolean> {
  const [row] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, key));
  return Boolean(row);
}

export async function insertFramework(db: Executor, values: typeof frameworks.$inferInsert) {
  const [row] = await db.insert(frameworks).values(values).returning({ id: frameworks.id });
  return row.id;
}

// ---------------------------------------------------------------- tree

export async function listChildren(db: Executor, frameworkId: string, parentId: string | null) {
  const childCount = sql<number>`(select count(*) from competences ch where ch.parent_id = "competences"."id")::int`;
  const rows = await db
    .select({
      id: competences.id,
      key: competences.key,
      kind: competences.kind,
      label: competences.label,
      code: competences.code,
      childCount,
    })
    .from(competences)
    .where(and(eq(competences.frameworkId, frameworkId), parentId ? eq(competences.parentId, parentId) : isNull(competences.parentId)))
    .orderBy(asc(competences.position), sql`coalesce(${competences.label}->>'nl', ${competences.label}->>'en', '')`, asc(competences.key));
  return rows.map((r) => ({ ...r, childCount: Number(r.childCount) }));
}

// ---------------------------------------------------------------- competences

const searchColumns: Record<Lang, { vector: SQL; config: string }> = {
  nl: { vector: sql`${competences.searchNl}`, config: 'dutch' },
  fr: { vector: sql`${competences.searchFr}`, config: 'french' },
  en: { vector: sql`${competences.searchEn}`, config: 'english' },
};

export interface SearchFilter {
  /** Visible frameworks to search in (already intersected with a frameworkId / orgId filter). */
  frameworkIds: string[];
  limit: number;
}

/**
 * Full-text candidates: the prefix query (a superset of the whole-word query) drives the GIN
 * index on the language's generated tsvector; each hit says whether the whole-word query matched.
 */
export async function searchCompetencesFullText(
  db: Executor,
  input: { lang: Lang; exact: string; prefix: string | null } & SearchFilter,
): Promise<TextHit[]> {
  if (!input.frameworkIds.length) return [];
  const { vector, config } = searchColumns[input.lang];
  const exactQuery = sql`to_tsquery(${config}::regconfig, ${input.exact})`;
  const driving = input.prefix ? sql`to_tsquery(${config}::regconfig, ${input.prefix})` : exactQuery;
  const rank = sql<number>`ts_rank(${vector}, ${driving}, 32)`;
  const rows = await db
    .select({
      id: competences.id,
      label: sql<string>`coalesce(${competences.label}->>${input.lang}, '')`,
      rank,
      exact: sql<boolean>`${vector} @@ ${exactQuery}`,
    })
    .from(competences)
    .where(and(sql`${vector} @@ ${driving}`, inArray(competences.frameworkId, input.frameworkIds)))
    .orderBy(desc(rank), asc(competences.id))
    .limit(input.limit);
  return rows.map((r) => ({ id: r.id, label: r.label, rank: Number(r.rank), exact: Boolean(r.exact) }));
}

/**
 * Typo-tolerant candidates on the Dutch label, from two index scans merged here: `%` (the whole
 * label is similar, e.g. "wekr planen" → "werk plannen") and `<%` (the query is similar to a part
 * of the label, e.g. "computr" in "computervaardigheden"). Both operators are served by the GIN
 * trigram index competences_label_nl_trgm_idx. They run as two queries because an OR of the two
 * tipped the planner into a sequential scan computing similarity for every row (≈140 ms on 16k
 * rows against ≈15–25 ms for each indexed scan).
 */
export async function searchCompetencesTrigram(
  db: Executor,
  input: { text: string; /** Skip the whole-label scan when the part scan finds this many. */ enough?: number } & SearchFilter,
): Promise<TrigramHit[]> {
  if (!input.frameworkIds.length) return [];
  const labelNl = sql`lower(${competences.label}->>'nl')`;
  const run = async (match: SQL, similarity: SQL<number>) =>
    db
      .select({ id: competences.id, label: sql<string>`coalesce(${competences.label}->>'nl', '')`, similarity })
      .from(competences)
      .where(and(match, inArray(competences.frameworkId, input.frameworkIds)))
      .orderBy(desc(similarity), asc(competences.id))
      .limit(input.limit);
  const part = await run(sql`${input.text}::text <% ${labelNl}`, sql<number>`word_similarity(${input.text}::text, ${labelNl})`);
  // The whole-label scan is the expensive one for long phrases (≈ 100 ms for three words on full
  // ESCO in PGlite against ≈ 14 ms for the part scan); run it only when the part scan found less
  // than a page ("wekr planen" needs it, "beheer van dieren" does not).
  const whole =
    part.length < (input.enough ?? Infinity)
      ? await run(sql`${labelNl} % ${input.text}::text`, sql<number>`similarity(${labelNl}, ${input.text}::text)`)
      : [];
  const best = new Map<string, TrigramHit>();
  for (const r of [...part, ...whole]) {
    const hit = { id: r.id, label: r.label, similarity: Number(r.similarity) };
    if ((best.get(r.id)?.similarity ?? -1) < hit.similarity) best.set(r.id, hit);
  }
  return [...best.values()];
}

export async function findCompetenceCards(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: competences.id,
      key: competences.key,
      kind: competences.kind,
      label: competences.label,
      description: competences.description,
      frameworkId: frameworks.id,
      frameworkKey: frameworks.key,
      frameworkTitle: frameworks.title,
      attribution: frameworks.attribution,
    })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(competences.id, ids));
}

export async function findVisibleCompetence(db: Executor, scope: VisibilityScope, id: string) {
  const [row] = await db
    .select({
      competence: competences,
      framework: { id: frameworks.id, key: frameworks.key, title: frameworks.title, attribution: frameworks.attribution },
    })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(eq(competences.id, id), visibleTo(frameworks.organisationId, scope)));
  return row ?? null;
}

/** Ancestors root → parent, following parent_id (bounded depth guards against a corrupt cycle). */
export async function findAncestors(db: Executor, id: string) {
  const rows = await rawRows<{ id: string; label: Record<string, string>; depth: number }>(
    db,
    sql`with recursive up(id, parent_id, label, depth) as (
          select p.id, p.parent_id, p.label, 1 from ${competences} c join ${competences} p on p.id = c.parent_id where c.id = ${id}
          union all
          select p.id, p.parent_id, p.label, up.depth + 1 from up join ${competences} p on p.id = up.parent_id where up.depth < 50
        )
        select id, label, depth from up order by depth desc`,
  );
  return rows.map((r) => ({ id: r.id, label: r.label }));
}

export async function findChildrenRefs(db: Executor, id: string) {
  return db
    .select({ id: competences.id, label: competences.label, kind: competences.kind })
    .from(competences)
    .where(eq(competences.parentId, id))
    .orderBy(asc(competences.position), sql`coalesce(${competences.label}->>'nl', '')`)
    .limit(500);
}

export async function findCompetenceOccupations(db: Executor, competenceId: string, limit = 50) {
  return db
    .select({ id: occupations.id, key: occupations.key, label: occupations.label, relation: occupationCompetences.relation })
    .from(occupationCompetences)
    .innerJoin(occupations, eq(occupations.id, occupationCompetences.occupationId))
    .where(eq(occupationCompetences.competenceId, competenceId))
    .orderBy(
      sql`case when ${occupationCompetences.relation} = 'essential' then 0 else 1 end`,
      sql`coalesce(${occupations.label}->>'nl', '')`,
    )
    .limit(limit);
}

export async function findRelatedCompetences(db: Executor, scope: VisibilityScope, competenceId: string, limit = 50) {
  const other = sql`case when ${competenceRelations.fromId} = ${competenceId} then ${competenceRelations.toId} else ${competenceRelations.fromId} end`;
  const rows = await db
    .select({
      id: competences.id,
      key: competences.key,
      label: competences.label,
      kind: competences.kind,
      relation: competenceRelations.kind,
      outgoing: sql<boolean>`${competenceRelations.fromId} = ${competenceId}`,
    })
    .from(competenceRelations)
    .innerJoin(competences, sql`${competences.id} = ${other}`)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(
      and(
        or(eq(competenceRelations.fromId, competenceId), eq(competenceRelations.toId, competenceId)),
        visibleTo(frameworks.organisationId, scope),
      ),
    )
    .orderBy(asc(competenceRelations.kind), sql`coalesce(${competences.label}->>'nl', '')`)
    .limit(limit);
  return rows.map(({ outgoing, ...r }) => ({ ...r, direction: outgoing ? ('outgoing' as const) : ('incoming' as const) }));
}

export async function findCompetenceInFramework(db: Executor, frameworkId: string, competenceId: string) {
  const [row] = await db
    .select()
    .from(competences)
    .where(and(eq(competences.id, competenceId), eq(competences.frameworkId, frameworkId)));
  return row ?? null;
}

export async function competenceKeyExists(db: Executor, frameworkId: string, key: string) {
  const [row] = await db
    .select({ id: competences.id })
    .from(competences)
    .where(and(eq(competences.frameworkId, frameworkId), eq(competences.key, key)));
  return Boolean(row);
}

export async function nextPosition(db: Executor, frameworkId: string, parentId: string | null) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${competences.position})` })
    .from(competences)
    .where(and(eq(competences.frameworkId, frameworkId), parentId ? eq(competences.parentId, parentId) : isNull(competences.parentId)));
  return row.max === null ? 0 : Number(row.max) + 1;
}

/** True when `candidateId` is `id` itself or lies below it (moving there would make a cycle). */
export async function isSelfOrDescendant(db: Executor, id: string, candidateId: string): Promise<boolean> {
  const rows = await rawRows<{ found: boolean }>(
    db,
    sql`with recursive down(id, depth) as (
          select ${id}::uuid, 0
          union all
          select c.id, down.depth + 1 from ${competences} c join down on c.parent_id = down.id where down.depth < 50
        )
        select exists(select 1 from down where id = ${candidateId}::uuid) as found`,
  );
  return Boolean(rows[0]?.found);
}

export async function countChildren(db: Executor, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(competences)
    .where(eq(competences.parentId, id));
  return Number(row.n);
}

export async function countProfileUses(db: Executor, id: string) {
  const rows = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from function_profile_competences where competence_id = ${id}`,
  );
  return Number(rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------- occupations

export async function searchOccupationsFullText(db: Executor, input: { exact: string; prefix: string | null; limit: number }) {
  const exactQuery = sql`to_tsquery('dutch'::regconfig, ${input.exact})`;
  const driving = input.prefix ? sql`to_tsquery('dutch'::regconfig, ${input.prefix})` : exactQuery;
  const rank = sql<number>`ts_rank(${occupations.searchNl}, ${driving}, 32)`;
  const rows = await db
    .select({
      id: occupations.id,
      label: sql<string>`coalesce(${occupations.label}->>'nl', '')`,
      rank,
      exact: sql<boolean>`${occupations.searchNl} @@ ${exactQuery}`,
    })
    .from(occupations)
    .where(sql`${occupations.searchNl} @@ ${driving}`)
    .orderBy(desc(rank), asc(occupations.id))
    .limit(input.limit);
  return rows.map((r) => ({ id: r.id, label: r.label, rank: Number(r.rank), exact: Boolean(r.exact) }));
}

/**
 * Fallback for occupations (a few thousand rows, no trigram index): substring match or trigram
 * word similarity on the label in the requested language.
 */
export async function searchOccupationsFuzzy(db: Executor, input: { text: string; lang: Lang; limit: number }) {
  const label = sql`lower(coalesce(${occupations.label}->>${input.lang}, ''))`;
  const pattern = `%${input.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const similarity = sql<number>`greatest(case when ${label} like ${pattern}::text then 0.9 else 0 end, word_similarity(${input.text}::text, ${label}))`;
  const rows = await db
    .select({ id: occupations.id, label: sql<string>`coalesce(${occupations.label}->>${input.lang}, '')`, similarity })
    .from(occupations)
    .where(sql`(${label} like ${pattern}::text or ${input.text}::text <% ${label})`)
    .orderBy(desc(similarity), asc(occupations.id))
    .limit(input.limit);
  return rows.map((r) => ({ id: r.id, label: r.label, similarity: Number(r.similarity) }));
}

export async function findOccupations(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(occupations).where(inArray(occupations.id, ids));
}

export async function findOccupationCompetences(db: Executor, scope: VisibilityScope, occupationId: string) {
  return db
    .select({
      id: competences.id,
      key: competences.key,
      kind: competences.kind,
      label: competences.label,
      frameworkKey: frameworks.key,
      relation: occupationCompetences.relation,
    })
    .from(occupationCompetences)
    .innerJoin(competences, eq(competences.id, occupationCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(eq(occupationCompetences.occupationId, occupationId), visibleTo(frameworks.organisationId, scope)))
    .orderBy(sql`coalesce(${competences.label}->>'nl', '')`, asc(competences.id));
}
