import type { Database } from '../../src/db/client.js';
import { needPeople, trainingNeeds } from '../../src/db/schema/index.js';

/**
 * A training need as the needs register leaves it (the needs module writes these rows); the plan
 * tests only need the row and its named people.
 */
export async function buildNeed(
  database: Database,
  input: {
    organisationId: string;
    title?: string;
    competenceId?: string | null;
    personIds?: string[];
    status?: (typeof trainingNeeds.$inferInsert)['status'];
  },
) {
  return database.db.transaction(async (tx) => {
    const [need] = await tx
      .insert(trainingNeeds)
      .values({
        organisationId: input.organisationId,
        title: input.title ?? 'Opleidingsnood',
        competenceId: input.competenceId ?? null,
        peopleCount: input.personIds?.length ?? 0,
        sources: ['manual'],
        status: input.status ?? 'triaged',
        classification: 'training_need',
      })
      .returning();
    if (input.personIds?.length) await tx.insert(needPeople).values(input.personIds.map((personId) => ({ needId: need.id, personId })));
    return need;
  });
}
