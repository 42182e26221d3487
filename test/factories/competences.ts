import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import {
  competenceRelations,
  competences,
  frameworks,
  occupationCompetences,
  occupations,
  proficiencyScales,
} from '../../src/db/schema/index.js';
import { DEFAULT_SCALE_KEY } from '../../src/db/reference-data.js';
import type { LocalizedList, LocalizedText } from '../../src/db/schema/columns.js';

/**
 * Public frameworks and occupations come from imports (ESCO), not from an HTTP use case, so the
 * builders insert rows the way an import does.
 */
export async function buildPublicFramework(database: Database, overrides: { key?: string; title?: LocalizedText } = {}) {
  const [scale] = await database.db
    .select({ id: proficiencyScales.id })
    .from(proficiencyScales)
    .where(eq(proficiencyScales.key, DEFAULT_SCALE_KEY));
  const [row] = await database.db
    .insert(frameworks)
    .values({
      key: overrides.key ?? `public-${randomUUID().slice(0, 8)}`,
      title: overrides.title ?? { nl: 'Testkader', fr: 'Cadre de test', en: 'Test framework' },
      source: 'esco',
      attribution: 'ESCO © European Union',
      scaleId: scale.id,
    })
    .returning();
  return row;
}

export async function buildCompetence(
  database: Database,
  input: {
    frameworkId: string;
    key?: string;
    parentId?: string | null;
    kind?: 'skill' | 'knowledge' | 'attitude' | 'transversal' | 'group';
    label: LocalizedText;
    altLabels?: LocalizedList;
    description?: LocalizedText;
    position?: number;
  },
) {
  const [row] = await database.db
    .insert(competences)
    .values({
      frameworkId: input.frameworkId,
      key: input.key ?? `c-${randomUUID().slice(0, 8)}`,
      parentId: input.parentId ?? null,
      kind: input.kind ?? 'skill',
      label: input.label,
      altLabels: input.altLabels ?? {},
      description: input.description ?? {},
      position: input.position ?? 0,
    })
    .returning();
  return row;
}

export async function buildOccupation(
  database: Database,
  input: { label: LocalizedText; essential?: string[]; optional?: string[]; key?: string },
) {
  const [row] = await database.db
    .insert(occupations)
    .values({ key: input.key ?? `occ-${randomUUID().slice(0, 8)}`, label: input.label, code: '7212.1' })
    .returning();
  const links = [
    ...(input.essential ?? []).map((competenceId) => ({ occupationId: row.id, competenceId, relation: 'essential' as const })),
    ...(input.optional ?? []).map((competenceId) => ({ occupationId: row.id, competenceId, relation: 'optional' as const })),
  ];
  if (links.length) await database.db.insert(occupationCompetences).values(links);
  return row;
}

export async function relateCompetences(database: Database, fromId: string, toId: string, kind: string) {
  await database.db.insert(competenceRelations).values({ fromId, toId, kind });
}
