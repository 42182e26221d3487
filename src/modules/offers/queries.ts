import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import {
  competences,
  frameworks,
  fundingInstruments,
  offerCompetences,
  offerEditions,
  offers,
  organisations,
} from '../../db/schema/index.js';

/* Queries of training offers. Every provider query filters by provider_id. */

export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type OfferRow = typeof offers.$inferSelect;
export type OfferValues = Omit<typeof offers.$inferInsert, 'id' | 'providerId' | 'createdAt' | 'updatedAt' | 'searchNl'>;

export async function organisationKind(db: Executor, id: string) {
  const [row] = await db
    .select({ kind: organisations.kind, name: organisations.name, slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

export async function findOffer(db: Executor, providerId: string, id: string, lock = false): Promise<OfferRow | null> {
  const query = db
    .select()
    .from(offers)
    .where(and(eq(offers.providerId, providerId), eq(offers.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPublishedOffer(db: Executor, id: string): Promise<OfferRow | null> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.id, id), eq(offers.status, 'published')));
  return row ?? null;
}

export async function findOffersByCode(db: Executor, providerId: string, codes: string[]): Promise<OfferRow[]> {
  if (!codes.length) return [];
  return db
    .select()
    .from(offers)
    .where(and(eq(offers.providerId, providerId), inArray(offers.code, codes)));
}

export async function codeTaken(db: Executor, providerId: string, code: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.providerId, providerId), eq(offers.code, code)));
  return Boolean(row && row.id !== exceptId);
}

/** A provider's offers; `nextStartsOn` is the first scheduled edition on or after `today` (YYYY-MM-DD, Brussels). */
export async function listOffers(db: Executor, providerId: string, filter: { status?: string; q?: string }, today: string) {
  const conditions = [sql`o.provider_id = ${providerId}`];
  if (filter.status) conditions.push(sql`o.status = ${filter.status}`);
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(o.code ilike ${like} or o.title->>'nl' ilike ${like})`);
  }
  return rows<{
    id: string;
    code: string;
    title: LocalizedText;
    format: 'classroom' | 'online' | 'blended' | 'workplace';
    status: 'draft' | 'published' | 'archived';
    languages: string[];
    region: string | null;
    priceCents: number;
    durationMinutes: number;
    competenceCount: number;
    unconfirmedCount: number;
    nextStartsOn: string | null;
    updatedAt: string;
  }>(
    db,
    sql`select o.id, o.code, o.title, o.format, o.status, o.languages, o.region, o.price_cents as "priceCents", o.duration_minutes as "durationMinutes",
          (select count(*)::int from offer_competences c where c.offer_id = o.id and c.confirmed) as "competenceCount",
          (select count(*)::int from offer_competences c where c.offer_id = o.id and not c.confirmed) as "unconfirmedCount",
          (select min(e.starts_on)::text from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= ${today}::date) as "nextStartsOn",
          to_char(o.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
        from offers o where ${sql.join(conditions, sql` and `)}
        order by o.updated_at desc, o.id`,
  );
}

export async function insertOffer(db: Executor, providerId: string, values: OfferValues): Promise<OfferRow> {
  const [row] = await db
    .insert(offers)
    .values({ ...values, providerId })
    .returning();
  return row;
}

export async function updateOffer(db: Executor, providerId: string, id: string, values: Partial<OfferValues>) {
  await db
    .update(offers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(offers.providerId, providerId), eq(offers.id, id)));
}

export async function deleteOffer(db: Executor, providerId: string, id: string) {
  await db.delete(offers).where(and(eq(offers.providerId, providerId), eq(offers.id, id)));
}

export async function offerHasEnrolments(db: Executor, offerId: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from enrolments en join offer_editions e on e.id = en.edition_id where e.offer_id = ${offerId}`,
  );
  return row.n > 0;
}

// ---------------------------------------------------------------- competences

export async function findOfferCompetences(db: Executor, offerIds: string[]) {
  if (!offerIds.length) return [];
  return db
    .select({
      offerId: offerCompetences.offerId,
      competenceId: offerCompetences.competenceId,
      key: competences.key,
      frameworkKey: frameworks.key,
      label: competences.label,
      level: offerCompetences.level,
      confirmed: offerCompetences.confirmed,
    })
    .from(offerCompetences)
    .innerJoin(competences, eq(competences.id, offerCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(offerCompetences.offerId, offerIds))
    .orderBy(asc(offerCompetences.confirmed), asc(competences.key));
}

/** A framework the provider may read: public ones and its own. */
const readableBy = (providerId: string) => or(isNull(frameworks.organisationId), eq(frameworks.organisationId, providerId));

/** Competence kind by id, for the ids that are competences of a framework the provider may read (groups included: the caller refuses them). */
export async function readableCompetenceKinds(db: Executor, providerId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: competences.id, kind: competences.kind })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(inArray(competences.id, ids), readableBy(providerId)));
  return new Map(found.map((r) => [r.id, r.kind]));
}

/** Competence key → competences among readable frameworks (more than one = ambiguous key). */
export async function resolveCompetenceKeys(
  db: Executor,
  providerId: string,
  keys: string[],
): Promise<Map<string, Array<{ id: string; kind: string }>>> {
  const result = new Map<string, Array<{ id: string; kind: string }>>();
  if (!keys.length) return result;
  const found = await db
    .select({ id: competences.id, key: competences.key, kind: competences.kind })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(inArray(competences.key, [...new Set(keys)]), readableBy(providerId)));
  for (const r of found) result.set(r.key, [...(result.get(r.key) ?? []), { id: r.id, kind: r.kind }]);
  return result;
}

export async function replaceCompetences(
  db: Executor,
  offerId: string,
  items: ReadonlyArray<{ competenceId: string; level: number; confirmed: boolean }>,
) {
  await db.delete(offerCompetences).where(eq(offerCompetences.offerId, offerId));
  if (items.length) await db.insert(offerCompetences).values(items.map((i) => ({ offerId, ...i })));
}

/** Adds unconfirmed suggestions; competences the offer already has stay as they are. */
export async function addSuggestions(db: Executor, offerId: string, items: ReadonlyArray<{ competenceId: string; level: number }>) {
  await db.delete(offerCompetences).where(and(eq(offerCompetences.offerId, offerId), eq(offerCompetences.confirmed, false)));
  if (items.length) {
    await db
      .insert(offerCompetences)
      .values(items.map((i) => ({ offerId, competenceId: i.competenceId, level: i.level, confirmed: false })))
      .onConflictDoNothing();
  }
}

/** Competences the provider's other offers use: suggestions prefer them. */
export async function searchProviderCompetences(db: Executor, providerId: string, input: { exact: string; prefix: string; limit: number }) {
  const vector = sql`${competences.searchNl}`;
  const exactQuery = sql`to_tsquery('dutch'::regconfig, ${input.exact})`;
  const driving = sql`to_tsquery('dutch'::regconfig, ${input.prefix})`;
  const rank = sql<number>`ts_rank(${vector}, ${driving}, 32)`;
  const found = await db
    .select({
      id: competences.id,
      label: sql<string>`coalesce(${competences.label}->>'nl', '')`,
      rank,
      exact: sql<boolean>`${vector} @@ ${exactQuery}`,
    })
    .from(competences)
    .where(
      and(
        sql`${vector} @@ ${driving}`,
        inArray(
          competences.id,
          db
            .select({ id: offerCompetences.competenceId })
            .from(offerCompetences)
            .innerJoin(offers, eq(offers.id, offerCompetences.offerId))
            .where(and(eq(offers.providerId, providerId), eq(offerCompetences.confirmed, true))),
        ),
      ),
    )
    .orderBy(sql`${rank} desc`, asc(competences.id))
    .limit(input.limit);
  return found.map((r) => ({ id: r.id, label: r.label, rank: Number(r.rank), exact: Boolean(r.exact) }));
}

// ---------------------------------------------------------------- editions

export type EditionRow = typeof offerEditions.$inferSelect;

export async function findEditions(db: Executor, offerIds: string[], fromDate?: string): Promise<EditionRow[]> {
  if (!offerIds.length) return [];
  return db
    .select()
    .from(offerEditions)
    .where(
      and(
        inArray(offerEditions.offerId, offerIds),
        fromDate ? and(sql`${offerEditions.startsOn} >= ${fromDate}`, eq(offerEditions.status, 'scheduled')) : undefined,
      ),
    )
    .orderBy(asc(offerEditions.startsOn), asc(offerEditions.id));
}

/** The edition row, locked (enrolment changes enrolled_count under the same lock). */
export async function lockEdition(db: Executor, offerId: string, editionId: string): Promise<EditionRow | null> {
  const [row] = await db
    .select()
    .from(offerEditions)
    .where(and(eq(offerEditions.offerId, offerId), eq(offerEditions.id, editionId)))
    .for('update');
  return row ?? null;
}

export async function insertEdition(db: Executor, values: typeof offerEditions.$inferInsert): Promise<EditionRow> {
  const [row] = await db.insert(offerEditions).values(values).returning();
  return row;
}

export async function updateEdition(db: Executor, editionId: string, values: Partial<typeof offerEditions.$inferInsert>) {
  await db
    .update(offerEditions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(offerEditions.id, editionId));
}

export async function deleteEdition(db: Executor, editionId: string) {
  await db.delete(offerEditions).where(eq(offerEditions.id, editionId));
}

export async function editionHasEnrolments(db: Executor, editionId: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from enrolments where edition_id = ${editionId}`);
  return row.n > 0;
}

// ---------------------------------------------------------------- reference

export async function recognitionKeys(db: Executor, providerId: string): Promise<Set<string>> {
  const found = await db
    .select({ key: fundingInstruments.key })
    .from(fundingInstruments)
    .where(or(isNull(fundingInstruments.organisationId), eq(fundingInstruments.organisationId, providerId)));
  return new Set(found.map((r) => r.key));
}

// ---------------------------------------------------------------- import

/** What an import writes for one new offer: the offer with its own id, its confirmed competences and its editions. */
export interface ImportedOffer {
  id: string;
  code: string;
  fields: Omit<OfferValues, 'code' | 'status' | 'publishedAt'>;
  competences: ReadonlyArray<{ competenceId: string; level: number }>;
  editions: ReadonlyArray<{ id: string; startsOn: string; endsOn: string; capacity: number; enrolmentDeadline: string | null }>;
}

/**
 * Column and type of each field of a new offer. Typed by the field names, so a column added to
 * offers (and to the import's fields) does not compile until it is added here.
 */
const IMPORTED_OFFER_COLUMNS: Record<keyof ImportedOffer['fields'], readonly [column: string, type: string]> = {
  title: ['title', 'jsonb'],
  description: ['description', 'jsonb'],
  languages: ['languages', 'text[]'],
  format: ['format', 'offer_format'],
  postcode: ['postcode', 'text'],
  municipality: ['municipality', 'text'],
  region: ['region', 'text'],
  latitude: ['latitude', 'real'],
  longitude: ['longitude', 'real'],
  durationMinutes: ['duration_minutes', 'integer'],
  priceCents: ['price_cents', 'integer'],
  targetAudience: ['target_audience', 'text'],
  entryRequirements: ['entry_requirements', 'text'],
  level: ['level', 'smallint'],
  characteristics: ['characteristics', 'jsonb'],
  recognitions: ['recognitions', 'text[]'],
  credential: ['credential', 'text'],
  accessibility: ['accessibility', 'text[]'],
};
const importedFieldNames = Object.keys(IMPORTED_OFFER_COLUMNS) as Array<keyof ImportedOffer['fields']>;
const importedColumns = importedFieldNames.map((f) => IMPORTED_OFFER_COLUMNS[f][0]);

const offerColumnList = sql.raw(`id, provider_id, code, ${importedColumns.join(', ')}`);
const offerSelectList = sql.raw(importedColumns.map((c) => `x.${c}`).join(', '));
const offerSetList = sql.raw(importedColumns.map((c) => `${c} = x.${c}`).join(', '));
const importedColumnTypes = importedFieldNames.map((f) => IMPORTED_OFFER_COLUMNS[f].join(' ')).join(', ');
const offerUpdateRecordType = sql.raw(`id uuid, ${importedColumnTypes}`);
const offerRecordType = sql.raw(`id uuid, code text, ${importedColumnTypes}`);

/** An offer's imported fields as a JSON row keyed by column, beside the given keys (id, code). */
function importedRow(keys: Record<string, unknown>, fields: ImportedOffer['fields']): Record<string, unknown> {
  const row: Record<string, unknown> = { ...keys };
  for (const f of importedFieldNames) row[IMPORTED_OFFER_COLUMNS[f][0]] = fields[f] ?? null;
  return row;
}

/**
 * Inserts new offers of an import with their confirmed competences and their editions in one
 * statement (the rows travel as three JSON parameters, so the parameter count does not grow with
 * the rows). Defaults as for one offer: draft, scheduled editions, no seats taken, no sessions.
 */
export async function insertImportedOffers(db: Executor, providerId: string, items: readonly ImportedOffer[]): Promise<void> {
  if (!items.length) return;
  const offerRows = items.map((o) => importedRow({ id: o.id, code: o.code }, o.fields));
  const editionRows = items.flatMap((o) =>
    o.editions.map((e) => ({
      id: e.id,
      offer_id: o.id,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      capacity: e.capacity,
      enrolment_deadline: e.enrolmentDeadline,
    })),
  );
  const competenceRows = items.flatMap((o) =>
    o.competences.map((c) => ({ offer_id: o.id, competence_id: c.competenceId, level: c.level })),
  );
  const [written] = await rows<{ offers: number; editions: number; competences: number }>(
    db,
    sql`with o as (
          insert into offers (${offerColumnList})
          select x.id, ${providerId}::uuid, x.code, ${offerSelectList}
          from json_to_recordset(${JSON.stringify(offerRows)}::json) as x(${offerRecordType})
          returning 1
        ), e as (
          insert into offer_editions (id, offer_id, starts_on, ends_on, capacity, enrolment_deadline)
          select x.id, x.offer_id, x.starts_on, x.ends_on, x.capacity, x.enrolment_deadline
          from json_to_recordset(${JSON.stringify(editionRows)}::json)
            as x(id uuid, offer_id uuid, starts_on date, ends_on date, capacity integer, enrolment_deadline date)
          returning 1
        ), c as (
          insert into offer_competences (offer_id, competence_id, level, confirmed)
          select x.offer_id, x.competence_id, x.level, true
          from json_to_recordset(${JSON.stringify(competenceRows)}::json) as x(offer_id uuid, competence_id uuid, level smallint)
          returning 1
        )
        select (select count(*)::int from o) as offers, (select count(*)::int from e) as editions, (select count(*)::int from c) as competences`,
  );
  if (
    Number(written.offers) !== items.length ||
    Number(written.editions) !== editionRows.length ||
    Number(written.competences) !== competenceRows.length
  ) {
    throw new Error(`the import wrote ${JSON.stringify(written)} rows for ${items.length} offers`);
  }
}

/**
 * Replaces the fields of existing offers of the provider (an import's rows that change only
 * fields), in one statement, and marks them updated. Returns how many offers it updated.
 */
export async function updateImportedOffers(
  db: Executor,
  providerId: string,
  items: ReadonlyArray<{ id: string; fields: ImportedOffer['fields'] }>,
): Promise<number> {
  if (!items.length) return 0;
  const offerRows = items.map((o) => importedRow({ id: o.id }, o.fields));
  const [done] = await rows<{ n: number }>(
    db,
    sql`with u as (
          update offers o set ${offerSetList}, updated_at = now()
          from json_to_recordset(${JSON.stringify(offerRows)}::json) as x(${offerUpdateRecordType})
          where o.id = x.id and o.provider_id = ${providerId}::uuid
          returning 1
        )
        select count(*)::int as n from u`,
  );
  return Number(done.n);
}
