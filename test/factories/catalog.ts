import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { offerCompetences, offerEditions, offers } from '../../src/db/schema/index.js';

const DAY = 86_400_000;
/** YYYY-MM-DD, `days` from today (negative = in the past). */
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export interface OfferInput {
  providerId: string;
  code?: string;
  title?: string;
  description?: string;
  languages?: string[];
  format?: 'classroom' | 'online' | 'blended' | 'workplace';
  postcode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  durationMinutes?: number;
  priceCents?: number;
  recognitions?: string[];
  accessibility?: string[];
  status?: 'draft' | 'published' | 'archived';
  competences?: Array<{ competenceId: string; level: number; confirmed?: boolean }>;
  editions?: Array<{
    startsOn?: string;
    endsOn?: string;
    capacity?: number;
    enrolmentDeadline?: string | null;
    status?: 'scheduled' | 'cancelled';
    enrolledCount?: number;
  }>;
}

/**
 * An offer with competences and editions, inserted as the offers module stores them (the catalog
 * tests of enrolment and matching only need the rows).
 */
export async function buildOffer(database: Database, input: OfferInput) {
  return database.db.transaction(async (tx) => {
    const [offer] = await tx
      .insert(offers)
      .values({
        providerId: input.providerId,
        code: input.code ?? `OFF-${randomUUID().slice(0, 8)}`,
        title: { nl: input.title ?? 'Opleiding' },
        description: { nl: input.description ?? '' },
        languages: input.languages ?? ['nl'],
        format: input.format ?? 'classroom',
        postcode: input.postcode ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        durationMinutes: input.durationMinutes ?? 420,
        priceCents: input.priceCents ?? 0,
        recognitions: input.recognitions ?? [],
        accessibility: input.accessibility ?? [],
        status: input.status ?? 'published',
        publishedAt: (input.status ?? 'published') === 'published' ? new Date() : null,
      })
      .returning();
    if (input.competences?.length) {
      await tx.insert(offerCompetences).values(
        input.competences.map((c) => ({
          offerId: offer.id,
          competenceId: c.competenceId,
          level: c.level,
          confirmed: c.confirmed ?? true,
        })),
      );
    }
    const editions = [];
    for (const e of input.editions ?? [{}]) {
      const startsOn = e.startsOn ?? inDays(30);
      const [edition] = await tx
        .insert(offerEditions)
        .values({
          offerId: offer.id,
          startsOn,
          endsOn: e.endsOn ?? startsOn,
          capacity: e.capacity ?? 12,
          enrolmentDeadline: e.enrolmentDeadline === undefined ? null : e.enrolmentDeadline,
          status: e.status ?? 'scheduled',
          enrolledCount: e.enrolledCount ?? 0,
        })
        .returning();
      editions.push(edition);
    }
    return { offer, editions };
  });
}

/** A current level in the diagnosis (competence_status), as recordAssessments leaves it. */
export async function setCurrentLevel(
  database: Database,
  input: { organisationId: string; personId: string; competenceId: string; level: number },
) {
  await database.query(
    `insert into competence_status (organisation_id, subject_id, person_id, competence_id, current_level, source, assessed_at)
     values ($1, $2, $2, $3, $4, 'supervisor', now())
     on conflict (subject_id, competence_id) do update set current_level = excluded.current_level`,
    [input.organisationId, input.personId, input.competenceId, input.level],
  );
}
