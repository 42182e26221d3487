import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Executor } from '../client.js';
import { competences, frameworks } from '../schema/index.js';
import { ensureDefaultScale } from '../reference-data.js';
import { validateFramework, type FlatCompetence, type FrameworkDefinition } from '../../domain/competences/validate-framework.js';
import { planCompetenceSync, sameJson } from '../../domain/competences/framework-sync.js';
import lk21 from './frameworks/lk-21st-century-skills.json' with { type: 'json' };
import coaching from './frameworks/lk-coaching-guidance.json' with { type: 'json' };

/** Our own frameworks, shipped with every installation (data files beside this loader). */
export const shippedFrameworks: Array<{ file: string; data: unknown }> = [
  { file: 'lk-21st-century-skills.json', data: lk21 },
  { file: 'lk-coaching-guidance.json', data: coaching },
];

export interface FrameworkLoadResult {
  key: string;
  created: boolean;
  /** Title, description, version or scale of the framework row changed. */
  frameworkUpdated: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Stored competences no longer in the file; kept, because profiles may use them. */
  orphaned: number;
}

const INSERT_CHUNK = 500;

/**
 * Loads the shipped frameworks as public frameworks (organisation_id null, source "own", default
 * scale). Idempotent: upserts by framework key and competence key, writes only rows that differ
 * from the file (so a second run leaves updated_at alone), never deletes. One transaction per
 * framework. An invalid file is our own bug and stops the start with every problem listed.
 */
export async function loadOwnFrameworks(db: Db, files = shippedFrameworks): Promise<FrameworkLoadResult[]> {
  const results: FrameworkLoadResult[] = [];
  for (const { file, data } of files) {
    const validation = validateFramework(data);
    if (!validation.ok) {
      throw new Error(`Framework file ${file} is invalid:\n${validation.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    }
    results.push(await db.transaction((tx) => loadOne(tx, validation.framework, validation.competences)));
  }
  return results;
}

async function loadOne(tx: Executor, definition: FrameworkDefinition, desired: FlatCompetence[]): Promise<FrameworkLoadResult> {
  const scaleId = await ensureDefaultScale(tx);
  const wanted = {
    title: definition.title,
    description: definition.description,
    version: definition.version,
    source: 'own' as const,
    scaleId,
    attribution: null,
  };
  const [existing] = await tx.select().from(frameworks).where(eq(frameworks.key, definition.key));
  let frameworkId: string;
  let created = false;
  let frameworkUpdated = false;
  if (!existing) {
    const [row] = await tx
      .insert(frameworks)
      .values({ key: definition.key, organisationId: null, ...wanted })
      .returning({ id: frameworks.id });
    frameworkId = row.id;
    created = true;
  } else {
    if (existing.organisationId !== null) {
      throw new Error(
        `The framework key "${definition.key}" is taken by an organisation's own framework (${existing.id}); rename that framework's key so the shipped framework can load.`,
      );
    }
    frameworkId = existing.id;
    const differs =
      !sameJson(existing.title, wanted.title) ||
      !sameJson(existing.description, wanted.description) ||
      existing.version !== wanted.version ||
      existing.source !== wanted.source ||
      existing.scaleId !== wanted.scaleId ||
      existing.attribution !== wanted.attribution;
    if (differs) {
      await tx.update(frameworks).set(wanted).where(eq(frameworks.id, frameworkId));
      frameworkUpdated = true;
    }
  }

  const stored = await tx
    .select({
      id: competences.id,
      key: competences.key,
      parentId: competences.parentId,
      kind: competences.kind,
      label: competences.label,
      altLabels: competences.altLabels,
      description: competences.description,
      position: competences.position,
    })
    .from(competences)
    .where(eq(competences.frameworkId, frameworkId));
  const plan = planCompetenceSync(desired, stored);

  // Ids are made here so that parents and children can go in the same multi-row insert.
  const idByKey = new Map(stored.map((s) => [s.key, s.id]));
  for (const c of plan.insert) idByKey.set(c.key, uuidv7());
  const parentId = (c: FlatCompetence) => (c.parentKey === null ? null : idByKey.get(c.parentKey)!);
  const columns = (c: FlatCompetence) => ({
    parentId: parentId(c),
    kind: c.kind,
    label: c.label,
    altLabels: c.altLabels,
    description: c.description,
    position: c.position,
  });

  for (let i = 0; i < plan.insert.length; i += INSERT_CHUNK) {
    const chunk = plan.insert.slice(i, i + INSERT_CHUNK);
    await tx.insert(competences).values(chunk.map((c) => ({ id: idByKey.get(c.key)!, frameworkId, key: c.key, ...columns(c) })));
  }
  for (const { id, competence } of plan.update) {
    await tx.update(competences).set(columns(competence)).where(eq(competences.id, id));
  }
  return {
    key: definition.key,
    created,
    frameworkUpdated,
    inserted: plan.insert.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    orphaned: plan.orphaned.length,
  };
}
