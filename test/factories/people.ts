import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { functionProfileCompetences, functionProfiles, people, teams } from '../../src/db/schema/index.js';
import { ensureDefaultScale } from '../../src/db/reference-data.js';

/**
 * Teams, people and function profiles. People come from HR imports rather than an HTTP use case,
 * so the builders insert rows the way an import does.
 */
export async function buildTeam(database: Database, organisationId: string, name = `Team ${randomUUID().slice(0, 6)}`) {
  const [row] = await database.db.insert(teams).values({ organisationId, name }).returning();
  return row;
}

export type TargetGroup = (typeof people.$inferInsert)['targetGroup'];

export async function buildPerson(
  database: Database,
  input: {
    organisationId: string;
    teamId?: string | null;
    functionProfileId?: string | null;
    supervisorId?: string | null;
    userId?: string | null;
    targetGroup?: TargetGroup;
    plannedExitDate?: string | null;
    displayName?: string;
  },
) {
  const [row] = await database.db
    .insert(people)
    .values({
      organisationId: input.organisationId,
      displayName: input.displayName ?? `Persoon ${randomUUID().slice(0, 6)}`,
      teamId: input.teamId ?? null,
      functionProfileId: input.functionProfileId ?? null,
      supervisorId: input.supervisorId ?? null,
      userId: input.userId ?? null,
      targetGroup: input.targetGroup ?? 'target_group_employee',
      plannedExitDate: input.plannedExitDate ?? null,
    })
    .returning();
  return row;
}

/** A function profile on the default 0–4 scale with the given competence requirements. */
export async function buildFunctionProfile(
  database: Database,
  input: {
    organisationId: string;
    name?: string;
    items: Array<{
      competenceId: string;
      requiredLevel: number;
      importance?: 'core' | 'supporting';
      futureLevel?: number | null;
      horizonYear?: number | null;
    }>;
  },
) {
  const scaleId = await ensureDefaultScale(database.db);
  return database.db.transaction(async (tx) => {
    const [profile] = await tx
      .insert(functionProfiles)
      .values({ organisationId: input.organisationId, name: input.name ?? `Functie ${randomUUID().slice(0, 6)}`, scaleId })
      .returning();
    if (input.items.length) {
      await tx.insert(functionProfileCompetences).values(
        input.items.map((item, position) => ({
          profileId: profile.id,
          competenceId: item.competenceId,
          requiredLevel: item.requiredLevel,
          importance: item.importance ?? 'core',
          futureLevel: item.futureLevel ?? null,
          horizonYear: item.horizonYear ?? null,
          position,
        })),
      );
    }
    return profile;
  });
}
