import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { v7 as uuidv7 } from 'uuid';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import type { Db, Executor, Tx } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import {
  csvColumnOf,
  GUARDED_COLUMNS,
  offerToCsvRow,
  parseOfferCsvRow,
  readOfferCsvHeader,
  type ExchangeOffer,
} from '../../domain/offers/exchange.js';
import { sameJson } from '../../domain/competences/framework-sync.js';
import { OFFER_CSV_COLUMNS } from '../../shared/offers.js';
import { placeOfPostcode } from '../../domain/offers/regions.js';
import { publishProblems, validateEdition, validateOfferFields, type OfferFormat, type Problem } from '../../domain/offers/rules.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import { requireOrgPermission, type Actor, type Permission } from '../../server/tenancy.js';
import { guardCell } from '../diagnosis/exports.js';
import { suggestCompetencesForText } from '../frameworks/suggest-competences.js';
import * as q from './queries.js';
import { promoteAfterCapacityChange } from '../enrolment/waitlist.js';
import type {
  CreateEditionBody,
  CreateOfferBody,
  EditionView,
  ImportJsonBody,
  ImportResult,
  OfferDetail,
  OfferExchange,
  OfferSummary,
  UpdateEditionBody,
  UpdateOfferBody,
} from './schemas.js';

/** Offers one import may carry. */
export const MAX_IMPORT_ROWS = 5_000;
/** New offers of an import written in one statement (and rolled back together when the database refuses one of them). */
export const IMPORT_CHUNK = 500;
/** Competence keys looked up in one statement (one parameter each; a statement takes at most 65,535). */
const LOOKUP_CHUNK = 10_000;
/** Offers written by one import from which the import refreshes the statistics of the catalog tables. */
export const REFRESH_STATISTICS_AFTER = 100;
/** Offers develop competences, not the headings of a framework's tree (kind `group`). */
const GROUP_MESSAGE = 'is a group of competences; tag the competences in it instead';
/** Level given to suggested competences until the provider sets it (2 = "with some help" on the default scale). */
export const SUGGESTED_LEVEL = 2;

export interface OffersDeps {
  db: Db;
  now?: () => Date;
}

/**
 * The database's own words for refusing a row (e.g. a number out of range): drizzle wraps them in a
 * message that quotes the whole statement with its parameters, which is neither for the user nor
 * for the client.
 */
function databaseReason(error: unknown): string {
  let reason = error as Error;
  while (reason.cause instanceof Error) reason = reason.cause;
  return reason.message;
}

function validationError(problems: Problem[], prefix: string, what: string): AppError {
  const errors = problems.map((p) => ({ path: `${prefix}${p.path}`, message: p.message }));
  return new AppError('validation.failed', {
    status: 400,
    detail: `The ${what} is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    errors,
  });
}

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

export function editionView(e: q.EditionRow): EditionView {
  return {
    id: e.id,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    capacity: e.capacity,
    enrolledCount: e.enrolledCount,
    seatsLeft: Math.max(0, e.capacity - e.enrolledCount),
    enrolmentDeadline: e.enrolmentDeadline,
    sessions: e.sessions,
    status: e.status,
  };
}

/** Everything of an offer except code, competences and editions, as stored. */
type Fields = Omit<q.OfferValues, 'code' | 'status' | 'publishedAt'>;

interface OfferInput {
  title: { nl?: string; fr?: string; en?: string };
  description: { nl?: string; fr?: string; en?: string };
  languages: string[];
  format: OfferFormat;
  postcode?: string | null;
  municipality?: string | null;
  durationMinutes: number;
  priceCents: number;
  targetAudience?: string;
  entryRequirements?: string;
  level?: number | null;
  characteristics?: { orientation?: number; initiative?: number; length?: number };
  recognitions?: string[];
  credential?: string | null;
  accessibility?: string[];
}

const clean = (t: { nl?: string; fr?: string; en?: string }): LocalizedText => {
  const out: LocalizedText = {};
  for (const lang of ['nl', 'fr', 'en'] as const) if (t[lang]?.trim()) out[lang] = t[lang]!.trim();
  return out;
};

/** Checks an offer's fields against the rules and derives the place from the postcode. */
function prepareFields(input: OfferInput, recognitions: Set<string>): { ok: true; fields: Fields } | { ok: false; problems: Problem[] } {
  const postcode = input.postcode?.trim() || null;
  const problems = validateOfferFields(
    {
      title: input.title,
      description: input.description,
      languages: input.languages,
      format: input.format,
      postcode,
      durationMinutes: input.durationMinutes,
      priceCents: input.priceCents,
      level: input.level ?? null,
      characteristics: input.characteristics ?? {},
      recognitions: input.recognitions ?? [],
      accessibility: input.accessibility ?? [],
    },
    { isKnownRecognition: (k) => recognitions.has(k), isKnownPostcode: (p) => placeOfPostcode(p) !== null },
  );
  if (problems.length) return { ok: false, problems };
  const place = postcode ? placeOfPostcode(postcode)! : null;
  return {
    ok: true,
    fields: {
      title: clean(input.title),
      description: clean(input.description),
      languages: [...input.languages],
      format: input.format,
      postcode,
      municipality: input.municipality?.trim() || place?.municipality || null,
      region: place?.region ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      durationMinutes: input.durationMinutes,
      priceCents: input.priceCents,
      targetAudience: input.targetAudience ?? '',
      entryRequirements: input.entryRequirements ?? '',
      level: input.level ?? null,
      characteristics: input.characteristics ?? {},
      recognitions: [...new Set(input.recognitions ?? [])],
      credential: input.credential?.trim() || null,
      accessibility: [...new Set(input.accessibility ?? [])],
    },
  };
}

function inputOf(o: q.OfferRow): OfferInput {
  return {
    title: o.title,
    description: o.description,
    languages: o.languages,
    format: o.format,
    postcode: o.postcode,
    municipality: o.municipality,
    durationMinutes: o.durationMinutes,
    priceCents: o.priceCents,
    targetAudience: o.targetAudience,
    entryRequirements: o.entryRequirements,
    level: o.level,
    characteristics: o.characteristics,
    recognitions: o.recognitions,
    credential: o.credential,
    accessibility: o.accessibility,
  };
}

/** The confirmed competences of an offer as a comparable key (competence and level, in any order). */
const competenceKey = (l: ReadonlyArray<{ competenceId: string; level: number }>) =>
  JSON.stringify(l.map((c) => [c.competenceId, c.level]).sort());

/** Whether an import row's fields differ from the stored offer's. */
function fieldsChanged(existing: q.OfferRow, fields: Fields): boolean {
  const before = prepareFields(inputOf(existing), new Set(existing.recognitions));
  return !before.ok || !sameJson(before.fields, fields);
}

/** Whether an import row's edition differs from the stored one it matches. */
const editionChanged = (before: q.EditionRow, values: ExchangeOffer['editions'][number]) =>
  before.endsOn !== values.endsOn || before.capacity !== values.capacity || before.enrolmentDeadline !== (values.enrolmentDeadline ?? null);

/**
 * Whether an import row leaves an existing offer as it is: the same fields, the same confirmed
 * competences, and every edition matches a stored one with the same values (the writes below
 * change something in every other case).
 */
function isUnchanged(
  existing: q.OfferRow,
  prepared: {
    fields: Fields;
    competences: ReadonlyArray<{ competenceId: string; level: number }>;
    editions: ReadonlyArray<{ values: ExchangeOffer['editions'][number]; before: q.EditionRow | undefined }>;
  },
  confirmed: ReadonlyArray<{ competenceId: string; level: number }>,
): boolean {
  return !fieldsChanged(existing, prepared.fields) && onlyFieldsChange(prepared, confirmed);
}

/**
 * Whether an import row that changes an existing offer changes only its fields: the same confirmed
 * competences, every edition matching a stored one with the same values. (The row-by-row write
 * then updates the fields and nothing else.)
 */
function onlyFieldsChange(
  prepared: {
    competences: ReadonlyArray<{ competenceId: string; level: number }>;
    editions: ReadonlyArray<{ values: ExchangeOffer['editions'][number]; before: q.EditionRow | undefined }>;
  },
  confirmed: ReadonlyArray<{ competenceId: string; level: number }>,
): boolean {
  return (
    competenceKey(confirmed) === competenceKey(prepared.competences) &&
    prepared.editions.every(({ values, before }) => before !== undefined && !editionChanged(before, values))
  );
}

function groupBy<T, K>(list: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function createOffersService({ db, now = () => new Date() }: OffersDeps) {
  /** The permission, and the organisation must be a training provider. */
  async function requireProvider(actor: Actor | null, permission: Permission, organisationId: string) {
    const who = requireOrgPermission(actor, permission, organisationId);
    const org = await q.organisationKind(db, organisationId);
    if (!org) throw notFound('organisation');
    if (org.kind !== 'training_provider') {
      throw new AppError('offers.not_a_provider', {
        status: 403,
        detail: 'Only training providers have offers; this organisation is not one.',
      });
    }
    return { who, org };
  }

  async function detail(tx: Executor, offer: q.OfferRow, options: { publicView?: boolean } = {}): Promise<OfferDetail> {
    const org = (await q.organisationKind(tx, offer.providerId))!;
    const comps = await q.findOfferCompetences(tx, [offer.id]);
    const editions = await q.findEditions(tx, [offer.id], options.publicView ? todayInBrussels(now()) : undefined);
    return {
      id: offer.id,
      provider: { id: offer.providerId, name: org.name, slug: org.slug },
      code: offer.code,
      title: offer.title,
      description: offer.description,
      languages: offer.languages,
      format: offer.format,
      postcode: offer.postcode,
      municipality: offer.municipality,
      region: offer.region,
      latitude: offer.latitude,
      longitude: offer.longitude,
      durationMinutes: offer.durationMinutes,
      priceCents: offer.priceCents,
      targetAudience: offer.targetAudience,
      entryRequirements: offer.entryRequirements,
      level: offer.level,
      characteristics: offer.characteristics,
      recognitions: offer.recognitions,
      credential: offer.credential,
      accessibility: offer.accessibility,
      status: offer.status,
      publishedAt: iso(offer.publishedAt),
      competences: comps.filter((c) => !options.publicView || c.confirmed).map(({ offerId: _o, ...c }) => c),
      editions: editions.map(editionView),
      createdAt: iso(offer.createdAt)!,
      updatedAt: iso(offer.updatedAt)!,
    };
  }

  async function loadOffer(tx: Executor, providerId: string, id: string, lock = false) {
    const offer = await q.findOffer(tx, providerId, id, lock);
    if (!offer) throw notFound('offer');
    return offer;
  }

  /** Competence ids of the body: readable by the provider, not twice. */
  async function checkCompetences(tx: Executor, providerId: string, items: ReadonlyArray<{ competenceId: string }>): Promise<Problem[]> {
    const known = await q.readableCompetenceKinds(tx, providerId, [...new Set(items.map((i) => i.competenceId))]);
    const seen = new Set<string>();
    const problems: Problem[] = [];
    items.forEach((item, i) => {
      const kind = known.get(item.competenceId);
      if (!kind) problems.push({ path: `/competences/${i}/competenceId`, message: 'does not exist or is not readable by this provider' });
      else if (kind === 'group') problems.push({ path: `/competences/${i}/competenceId`, message: GROUP_MESSAGE });
      else if (seen.has(item.competenceId)) problems.push({ path: `/competences/${i}/competenceId`, message: 'is listed twice' });
      seen.add(item.competenceId);
    });
    return problems;
  }

  /**
   * Validates an exchange offer fully (fields, competence keys, editions) before anything is
   * written, against what the import read up front: the competence keys of the whole file and the
   * stored editions of the existing offer (`current`).
   */
  function prepareExchange(
    offer: ExchangeOffer,
    context: {
      recognitions: Set<string>;
      existing: q.OfferRow | undefined;
      today: string;
      resolved: Map<string, Array<{ id: string; kind: string }>>;
      current: q.EditionRow[];
    },
  ) {
    const problems: Problem[] = [];
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(offer.code))
      problems.push({ path: '/code', message: 'must be 1–64 letters, digits, dots, dashes or underscores' });
    const fields = prepareFields(offer, context.recognitions);
    if (!fields.ok) problems.push(...fields.problems);
    const { resolved, current } = context;
    const competences: Array<{ competenceId: string; level: number; confirmed: boolean }> = [];
    offer.competences.forEach((c, i) => {
      const found = resolved.get(c.key) ?? [];
      if (found.length === 0) problems.push({ path: `/competences/${i}`, message: `"${c.key}" is not a known competence key` });
      else if (found.length > 1)
        problems.push({ path: `/competences/${i}`, message: `"${c.key}" is ambiguous (several frameworks use it)` });
      else if (found[0].kind === 'group') problems.push({ path: `/competences/${i}`, message: `"${c.key}" ${GROUP_MESSAGE}` });
      else if (c.level < 1 || c.level > 4) problems.push({ path: `/competences/${i}`, message: `level of "${c.key}" must be 1 to 4` });
      else if (competences.some((x) => x.competenceId === found[0].id))
        problems.push({ path: `/competences/${i}`, message: `"${c.key}" is listed twice` });
      else competences.push({ competenceId: found[0].id, level: c.level, confirmed: true });
    });
    if (context.existing?.status === 'published' && offer.competences.length === 0) {
      problems.push({ path: '/competences', message: 'a published offer keeps at least one confirmed competence' });
    }
    const editions: Array<{ values: ExchangeOffer['editions'][number]; before: q.EditionRow | undefined }> = [];
    offer.editions.forEach((e, i) => {
      const before = current.find((c) => c.startsOn === e.startsOn && c.status === 'scheduled');
      const edition = { ...e, sessions: before?.sessions ?? [] };
      for (const p of validateEdition(edition, { today: context.today, before }))
        problems.push({ path: `/editions/${i}${p.path}`, message: p.message });
      if (offer.editions.findIndex((x) => x.startsOn === e.startsOn) !== i)
        problems.push({ path: `/editions/${i}/startsOn`, message: 'is listed twice' });
      editions.push({ values: e, before });
    });
    if (problems.length || !fields.ok) return { ok: false as const, problems };
    return { ok: true as const, fields: fields.fields, competences, editions };
  }

  async function exchangeOffers(tx: Executor, providerId: string): Promise<Array<ExchangeOffer & { status: OfferDetail['status'] }>> {
    const all = await tx.query.offers.findMany({
      where: (o, { eq }) => eq(o.providerId, providerId),
      orderBy: (o, { asc }) => [asc(o.code)],
    });
    const comps = await q.findOfferCompetences(
      tx,
      all.map((o) => o.id),
    );
    const editions = await q.findEditions(
      tx,
      all.map((o) => o.id),
    );
    return all.map((o) => ({
      code: o.code,
      title: { nl: o.title.nl ?? '', ...(o.title.fr ? { fr: o.title.fr } : {}), ...(o.title.en ? { en: o.title.en } : {}) },
      description: {
        nl: o.description.nl ?? '',
        ...(o.description.fr ? { fr: o.description.fr } : {}),
        ...(o.description.en ? { en: o.description.en } : {}),
      },
      languages: o.languages,
      format: o.format,
      postcode: o.postcode,
      municipality: o.municipality,
      durationMinutes: o.durationMinutes,
      priceCents: o.priceCents,
      targetAudience: o.targetAudience,
      entryRequirements: o.entryRequirements,
      level: o.level,
      characteristics: o.characteristics,
      recognitions: o.recognitions,
      credential: o.credential,
      accessibility: o.accessibility,
      competences: comps.filter((c) => c.offerId === o.id && c.confirmed).map((c) => ({ key: c.key, level: c.level })),
      editions: editions
        .filter((e) => e.offerId === o.id && e.status === 'scheduled')
        .map((e) => ({ startsOn: e.startsOn, endsOn: e.endsOn, capacity: e.capacity, enrolmentDeadline: e.enrolmentDeadline })),
      status: o.status,
    }));
  }

  /**
   * Imports exchange offers. Every row is validated fully, then written in its own savepoint inside
   * one transaction: a rejected row leaves nothing behind, the good rows are applied. Identity is
   * (provider, code); editions are matched on their start date (new ones added, matched ones
   * updated, others kept); the competence list of the row replaces the confirmed competences.
   *
   * How, for speed (a provider's catalogue is thousands of rows): everything the checks need is
   * read up front, one statement per kind (offers by code, competence keys, the stored editions and
   * competences of the existing offers), and every row is checked in memory. Existing offers that
   * the row leaves as they are cost nothing more; rows that change their competences or editions
   * are written one by one as before. New offers, and existing ones whose fields alone change, are
   * written IMPORT_CHUNK at a time, each chunk in one statement inside one savepoint; a chunk the
   * database refuses is rolled back and written again row by row, so the database's refusal of one
   * row is reported for that row only and the others still go in.
   */
  async function importExchange(
    who: Actor,
    providerId: string,
    items: Array<{ line: number; offer: ExchangeOffer | null; error?: string; code?: string }>,
    format: 'csv' | 'json',
    ip?: string,
  ): Promise<ImportResult> {
    const errors: ImportResult['errors'] = [];
    const describe = (problems: Problem[]) =>
      problems.map((p) => (format === 'csv' ? `${csvColumnOf(p.path)}: ${p.message}` : `${p.path} ${p.message}`)).join('; ');
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const today = todayInBrussels(now());

    type Prepared = Extract<ReturnType<typeof prepareExchange>, { ok: true }>;
    /** Writes one row in its own savepoint (a database refusal rolls back that row only and is reported for it). */
    async function writeRow(tx: Tx, line: number, offer: ExchangeOffer, existing: q.OfferRow | undefined, prepared: Prepared) {
      try {
        const outcome = await tx.transaction(async (row) => {
          let changed = false;
          let offerId: string;
          if (!existing) {
            offerId = (await q.insertOffer(row, providerId, { ...prepared.fields, code: offer.code })).id;
          } else {
            offerId = existing.id;
            if (fieldsChanged(existing, prepared.fields)) {
              await q.updateOffer(row, providerId, offerId, prepared.fields);
              changed = true;
            }
          }
          const stored = await q.findOfferCompetences(row, [offerId]);
          if (competenceKey(stored.filter((c) => c.confirmed)) !== competenceKey(prepared.competences)) {
            const unconfirmed = stored
              .filter((c) => !c.confirmed && !prepared.competences.some((p) => p.competenceId === c.competenceId))
              .map((c) => ({ competenceId: c.competenceId, level: c.level, confirmed: false }));
            await q.replaceCompetences(row, offerId, [...prepared.competences, ...unconfirmed]);
            changed = true;
          }
          for (const { values, before } of prepared.editions) {
            const deadline = values.enrolmentDeadline ?? null;
            if (!before) {
              await q.insertEdition(row, {
                offerId,
                startsOn: values.startsOn,
                endsOn: values.endsOn,
                capacity: values.capacity,
                enrolmentDeadline: deadline,
              });
              changed = true;
            } else if (editionChanged(before, values)) {
              const locked = (await q.lockEdition(row, offerId, before.id))!;
              if (values.capacity < locked.enrolledCount)
                throw new Error(
                  `editions: capacity of ${values.startsOn} must not be below the ${locked.enrolledCount} seats already taken`,
                );
              await q.updateEdition(row, before.id, { endsOn: values.endsOn, capacity: values.capacity, enrolmentDeadline: deadline });
              // As in the API: more seats move the waiting list up at once.
              if (values.capacity > locked.capacity) await promoteAfterCapacityChange(row, before.id);
              changed = true;
            }
          }
          if (existing && changed) await q.updateOffer(row, providerId, offerId, {});
          return !existing ? 'created' : changed ? 'updated' : 'unchanged';
        });
        if (outcome === 'created') created++;
        else if (outcome === 'updated') updated++;
        else unchanged++;
      } catch (error) {
        if (error instanceof AppError) throw error;
        const message = (error as Error).message;
        // A database refusal of one row (rolled back to its savepoint) is reported like a rule.
        errors.push({
          line,
          code: offer.code,
          message: message.startsWith('editions:') ? message : `could not be saved: ${databaseReason(error)}`,
        });
      }
    }

    await db.transaction(async (tx) => {
      const recognitions = await q.recognitionKeys(tx, providerId);
      const seenCodes = new Map<string, number>();
      const candidates: Array<{ line: number; offer: ExchangeOffer }> = [];
      for (const item of items) {
        if (!item.offer) {
          errors.push({ line: item.line, code: item.code ?? '', message: item.error ?? 'is not valid' });
          continue;
        }
        const offer = item.offer;
        if (seenCodes.has(offer.code)) {
          errors.push({
            line: item.line,
            code: offer.code,
            message: `code ${offer.code} appears twice (first on ${format === 'csv' ? 'line' : 'item'} ${seenCodes.get(offer.code)})`,
          });
          continue;
        }
        seenCodes.set(offer.code, item.line);
        candidates.push({ line: item.line, offer });
      }

      // What the checks need, read once for the whole file.
      const existingByCode = new Map(
        (
          await q.findOffersByCode(
            tx,
            providerId,
            candidates.map((c) => c.offer.code),
          )
        ).map((o) => [o.code, o]),
      );
      const keys = [...new Set(candidates.flatMap((c) => c.offer.competences.map((k) => k.key)))];
      const resolved = new Map<string, Array<{ id: string; kind: string }>>();
      for (let start = 0; start < keys.length; start += LOOKUP_CHUNK) {
        for (const [key, found] of await q.resolveCompetenceKeys(tx, providerId, keys.slice(start, start + LOOKUP_CHUNK)))
          resolved.set(key, found);
      }
      const existingIds = [...existingByCode.values()].map((o) => o.id);
      const storedEditions = groupBy(await q.findEditions(tx, existingIds), (e) => e.offerId);
      const storedCompetences = groupBy(await q.findOfferCompetences(tx, existingIds), (c) => c.offerId);

      const fresh: Array<{ line: number; offer: ExchangeOffer; prepared: Prepared }> = [];
      const fieldChanges: Array<{ line: number; offer: ExchangeOffer; existing: q.OfferRow; prepared: Prepared }> = [];
      for (const { line, offer } of candidates) {
        const existing = existingByCode.get(offer.code);
        const current = existing ? (storedEditions.get(existing.id) ?? []) : [];
        const prepared = prepareExchange(offer, { recognitions, existing, today, resolved, current });
        if (!prepared.ok) {
          errors.push({ line, code: offer.code, message: describe(prepared.problems) });
          continue;
        }
        if (!existing) {
          fresh.push({ line, offer, prepared });
          continue;
        }
        const confirmed = (storedCompetences.get(existing.id) ?? []).filter((c) => c.confirmed);
        if (isUnchanged(existing, prepared, confirmed)) unchanged++;
        else if (onlyFieldsChange(prepared, confirmed)) fieldChanges.push({ line, offer, existing, prepared });
        else await writeRow(tx, line, offer, existing, prepared);
      }

      // Existing offers whose fields alone change (a new price list, say): IMPORT_CHUNK to a
      // statement, as the new ones below.
      for (let start = 0; start < fieldChanges.length; start += IMPORT_CHUNK) {
        const chunk = fieldChanges.slice(start, start + IMPORT_CHUNK);
        try {
          await tx.transaction(async (chunkTx) => {
            const n = await q.updateImportedOffers(
              chunkTx,
              providerId,
              chunk.map(({ existing, prepared }) => ({ id: existing.id, fields: prepared.fields })),
            );
            if (n !== chunk.length) throw new Error(`updated ${n} of ${chunk.length} offers`);
          });
          updated += chunk.length;
        } catch (error) {
          if (error instanceof AppError) throw error;
          for (const { line, offer, existing, prepared } of chunk) await writeRow(tx, line, offer, existing, prepared);
        }
      }

      for (let start = 0; start < fresh.length; start += IMPORT_CHUNK) {
        const chunk = fresh.slice(start, start + IMPORT_CHUNK);
        try {
          await tx.transaction((chunkTx) =>
            q.insertImportedOffers(
              chunkTx,
              providerId,
              chunk.map(({ offer, prepared }) => ({
                id: uuidv7(),
                code: offer.code,
                fields: prepared.fields,
                competences: prepared.competences,
                editions: prepared.editions.map(({ values }) => ({
                  id: uuidv7(),
                  startsOn: values.startsOn,
                  endsOn: values.endsOn,
                  capacity: values.capacity,
                  enrolmentDeadline: values.enrolmentDeadline ?? null,
                })),
              })),
            ),
          );
          created += chunk.length;
        } catch (error) {
          if (error instanceof AppError) throw error;
          // Rolled back to the chunk's savepoint: row by row, to tell which rows the database refuses.
          for (const { line, offer, prepared } of chunk) await writeRow(tx, line, offer, undefined, prepared);
        }
      }

      await writeAudit(tx, {
        event: 'data_import',
        actorUserId: who.userId,
        organisationId: providerId,
        subject: `offers.${format}`,
        ip,
        detail: { rows: items.length, created, updated, unchanged, errors: errors.length },
      });
    });
    if (created + updated >= REFRESH_STATISTICS_AFTER) {
      // After a large import: fresh planner statistics, and the visibility map that lets the
      // catalog search count facets from offers_search_facets_idx alone. PGlite has no
      // autovacuum (the ESCO import does the same). Outside the transaction: VACUUM cannot run in one.
      await db.execute(sql.raw('VACUUM (ANALYZE) offers, offer_editions, offer_competences'));
    }
    errors.sort((a, b) => a.line - b.line);
    return { created, updated, unchanged, rows: items.length, errors };
  }

  return {
    async listOffers(actor: Actor | null, providerId: string, filter: { status?: string; q?: string }): Promise<OfferSummary[]> {
      await requireProvider(actor, 'offer:read', providerId);
      return q.listOffers(db, providerId, filter, todayInBrussels(now()));
    },

    async getOffer(actor: Actor | null, providerId: string, id: string): Promise<OfferDetail> {
      await requireProvider(actor, 'offer:read', providerId);
      return detail(db, await loadOffer(db, providerId, id));
    },

    async createOffer(actor: Actor | null, providerId: string, input: CreateOfferBody): Promise<OfferDetail> {
      await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const fields = prepareFields(input, await q.recognitionKeys(tx, providerId));
        const problems = [...(fields.ok ? [] : fields.problems), ...(await checkCompetences(tx, providerId, input.competences ?? []))];
        if (problems.length || !fields.ok) throw validationError(problems, '/body', 'offer');
        if (await q.codeTaken(tx, providerId, input.code)) throw conflict(`An offer with code ${input.code} exists already.`, '/body/code');
        const offer = await q.insertOffer(tx, providerId, { ...fields.fields, code: input.code });
        await q.replaceCompetences(
          tx,
          offer.id,
          (input.competences ?? []).map((c) => ({ competenceId: c.competenceId, level: c.level, confirmed: c.confirmed ?? true })),
        );
        return detail(tx, offer);
      });
    },

    async updateOffer(actor: Actor | null, providerId: string, id: string, input: UpdateOfferBody): Promise<OfferDetail> {
      await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, id, true);
        const { code, competences, ...changes } = input;
        const merged = { ...inputOf(offer), ...changes };
        // The stored municipality came from the old postcode (or was typed for it): a new postcode
        // brings its own, unless the same request names one.
        if (changes.postcode !== undefined && changes.postcode !== offer.postcode && changes.municipality === undefined)
          merged.municipality = null;
        const fields = prepareFields(merged, await q.recognitionKeys(tx, providerId));
        const problems = [
          ...(fields.ok ? [] : fields.problems),
          ...(competences ? await checkCompetences(tx, providerId, competences) : []),
        ];
        if (problems.length || !fields.ok) throw validationError(problems, '/body', 'offer');
        if (code !== undefined && code !== offer.code && (await q.codeTaken(tx, providerId, code, id))) {
          throw conflict(`An offer with code ${code} exists already.`, '/body/code');
        }
        if (competences && offer.status === 'published' && !competences.some((c) => c.confirmed ?? true)) {
          throw badRequest('/body/competences', 'a published offer keeps at least one confirmed competence');
        }
        await q.updateOffer(tx, providerId, id, { ...fields.fields, ...(code !== undefined ? { code } : {}) });
        if (competences) {
          await q.replaceCompetences(
            tx,
            id,
            competences.map((c) => ({ competenceId: c.competenceId, level: c.level, confirmed: c.confirmed ?? true })),
          );
        }
        return detail(tx, (await q.findOffer(tx, providerId, id))!);
      });
    },

    /** Deletes an offer nobody ever enrolled in; otherwise archive it. */
    async deleteOffer(actor: Actor | null, providerId: string, id: string): Promise<void> {
      await requireProvider(actor, 'offer:write', providerId);
      await db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, id, true);
        if (await q.offerHasEnrolments(tx, offer.id)) throw conflict('People enrolled in this offer; archive it instead of deleting it.');
        await q.deleteOffer(tx, providerId, id);
      });
    },

    async setStatus(
      actor: Actor | null,
      providerId: string,
      id: string,
      target: 'published' | 'archived' | 'draft',
      ip?: string,
    ): Promise<OfferDetail> {
      const { who } = await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, id, true);
        if (target === 'published') {
          const confirmed = (await q.findOfferCompetences(tx, [id])).filter((c) => c.confirmed).length;
          const problems = publishProblems({ status: offer.status, confirmedCompetences: confirmed });
          if (problems.length) {
            throw new AppError(problems[0].path === '/status' ? 'resource.conflict' : 'validation.failed', {
              status: problems[0].path === '/status' ? 409 : 400,
              detail: `The offer cannot be published: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
              errors: problems,
            });
          }
          await q.updateOffer(tx, providerId, id, { status: 'published', publishedAt: now() });
          await writeAudit(tx, { event: 'offer_published', actorUserId: who.userId, organisationId: providerId, subject: offer.code, ip });
        } else if (target === 'archived') {
          if (offer.status === 'archived') throw conflict('The offer is archived already.', '/status');
          await q.updateOffer(tx, providerId, id, { status: 'archived' });
          await writeAudit(tx, { event: 'offer_archived', actorUserId: who.userId, organisationId: providerId, subject: offer.code, ip });
        } else {
          if (offer.status === 'draft') throw conflict('The offer is a draft already.', '/status');
          await q.updateOffer(tx, providerId, id, { status: 'draft' });
        }
        return detail(tx, (await q.findOffer(tx, providerId, id))!);
      });
    },

    /**
     * Suggests competences from the offer's Dutch title and description (the shared text
     * suggestion, preferring competences of the provider's other offers) and stores them
     * unconfirmed at level 2, replacing earlier unconfirmed suggestions; confirmed ones stay.
     */
    async suggestCompetences(actor: Actor | null, providerId: string, id: string) {
      await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, id, true);
        const text = `${offer.title.nl ?? ''}\n${offer.description.nl ?? ''}`;
        const suggestions = await suggestCompetencesForText(tx, {
          organisationId: providerId,
          text,
          searchUsed: (query) => q.searchProviderCompetences(tx, providerId, query),
        });
        const have = new Set((await q.findOfferCompetences(tx, [id])).filter((c) => c.confirmed).map((c) => c.competenceId));
        const fresh = suggestions.filter((s) => !have.has(s.competenceId));
        await q.addSuggestions(
          tx,
          id,
          fresh.map((s) => ({ competenceId: s.competenceId, level: SUGGESTED_LEVEL })),
        );
        const view = await detail(tx, offer);
        return { competences: view.competences, suggested: fresh.length };
      });
    },

    // ------------------------------------------------------------ editions

    async createEdition(actor: Actor | null, providerId: string, offerId: string, input: CreateEditionBody): Promise<OfferDetail> {
      await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, offerId, true);
        const edition = {
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          capacity: input.capacity,
          enrolmentDeadline: input.enrolmentDeadline ?? null,
          sessions: input.sessions ?? [],
        };
        const problems = validateEdition(edition, { today: todayInBrussels(now()) });
        if (problems.length) throw validationError(problems, '/body', 'edition');
        await q.insertEdition(tx, { offerId, ...edition });
        await q.updateOffer(tx, providerId, offerId, {});
        return detail(tx, offer);
      });
    },

    async updateEdition(
      actor: Actor | null,
      providerId: string,
      offerId: string,
      editionId: string,
      input: UpdateEditionBody,
    ): Promise<OfferDetail> {
      await requireProvider(actor, 'offer:write', providerId);
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, providerId, offerId, true);
        const before = await q.lockEdition(tx, offerId, editionId);
        if (!before) throw notFound('edition');
        const edition = {
          startsOn: input.startsOn ?? before.startsOn,
          endsOn: input.endsOn ?? before.endsOn,
          capacity: input.capacity ?? before.capacity,
          enrolmentDeadline: input.enrolmentDeadline === undefined ? before.enrolmentDeadline : input.enrolmentDeadline,
          sessions: input.sessions ?? before.sessions,
        };
        const problems = validateEdition(edition, { today: todayInBrussels(now()), before });
        if (problems.length) throw validationError(problems, '/body', 'edition');
        await q.updateEdition(tx, editionId, { ...edition, ...(input.status ? { status: input.status } : {}) });
        // More seats: the waiting list moves up at once, first come first served.
        if (edition.capacity > before.capacity) await promoteAfterCapacityChange(tx, editionId);
        await q.updateOffer(tx, providerId, offerId, {});
        return detail(tx, offer);
      });
    },

    /** Deletes an edition without enrolments; one with enrolments is cancelled instead (PATCH status). */
    async deleteEdition(actor: Actor | null, providerId: string, offerId: string, editionId: string): Promise<void> {
      await requireProvider(actor, 'offer:write', providerId);
      await db.transaction(async (tx) => {
        await loadOffer(tx, providerId, offerId, true);
        const edition = await q.lockEdition(tx, offerId, editionId);
        if (!edition) throw notFound('edition');
        if (await q.editionHasEnrolments(tx, editionId))
          throw conflict('People enrolled in this edition; cancel it instead of deleting it.');
        await q.deleteEdition(tx, editionId);
      });
    },

    // ------------------------------------------------------------ import / export

    async exportCsv(actor: Actor | null, providerId: string, ip?: string): Promise<string> {
      const { who } = await requireProvider(actor, 'offer:read', providerId);
      return db.transaction(async (tx) => {
        const all = await exchangeOffers(tx, providerId);
        await writeAudit(tx, {
          event: 'data_export',
          actorUserId: who.userId,
          organisationId: providerId,
          subject: 'offers.csv',
          ip,
          detail: { offers: all.length },
        });
        const records = all.map((o) =>
          offerToCsvRow(o).map((cell, i) => (GUARDED_COLUMNS.has(OFFER_CSV_COLUMNS[i]) ? guardCell(cell) : cell)),
        );
        return `\uFEFF${stringify(records, { header: true, columns: [...OFFER_CSV_COLUMNS], record_delimiter: 'windows' })}`;
      });
    },

    async exportJson(actor: Actor | null, providerId: string, ip?: string): Promise<{ offers: OfferExchange[] }> {
      const { who } = await requireProvider(actor, 'offer:read', providerId);
      return db.transaction(async (tx) => {
        const all = await exchangeOffers(tx, providerId);
        await writeAudit(tx, {
          event: 'data_export',
          actorUserId: who.userId,
          organisationId: providerId,
          subject: 'offers.json',
          ip,
          detail: { offers: all.length },
        });
        return { offers: all as OfferExchange[] };
      });
    },

    async importCsv(actor: Actor | null, providerId: string, text: string, ip?: string): Promise<ImportResult> {
      const { who } = await requireProvider(actor, 'offer:write', providerId);
      let records: Array<{ record: string[]; info: { lines: number } }>;
      try {
        records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as typeof records;
      } catch (error) {
        const line = (error as { lines?: number }).lines;
        throw badRequest('/body', `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`);
      }
      if (!records.length) throw badRequest('/body', 'The file is empty; the first line must be the header.');
      const header = readOfferCsvHeader(records[0].record);
      if (!header.ok) throw badRequest('/body', header.message);
      const data = records.slice(1);
      if (data.length > MAX_IMPORT_ROWS)
        throw badRequest('/body', `At most ${MAX_IMPORT_ROWS} offers per import; this file has ${data.length}.`);
      const items = data.map(({ record, info }) => {
        const parsed = parseOfferCsvRow(record, header.index);
        const code = (record[header.index.code!] ?? '').trim();
        return parsed.ok ? { line: info.lines, offer: parsed.offer } : { line: info.lines, offer: null, error: parsed.message, code };
      });
      return importExchange(who, providerId, items, 'csv', ip);
    },

    async importJson(actor: Actor | null, providerId: string, body: ImportJsonBody, ip?: string): Promise<ImportResult> {
      const { who } = await requireProvider(actor, 'offer:write', providerId);
      const items = body.offers.map((o, i) => ({
        line: i + 1,
        offer: {
          code: o.code,
          title: o.title,
          description: o.description,
          languages: o.languages,
          format: o.format,
          postcode: o.postcode ?? null,
          municipality: o.municipality ?? null,
          durationMinutes: o.durationMinutes,
          priceCents: o.priceCents,
          targetAudience: o.targetAudience ?? '',
          entryRequirements: o.entryRequirements ?? '',
          level: o.level ?? null,
          characteristics: o.characteristics ?? {},
          recognitions: o.recognitions ?? [],
          credential: o.credential ?? null,
          accessibility: o.accessibility ?? [],
          competences: o.competences ?? [],
          editions: (o.editions ?? []).map((e) => ({ ...e, enrolmentDeadline: e.enrolmentDeadline ?? null })),
        } satisfies ExchangeOffer,
      }));
      return importExchange(who, providerId, items, 'json', ip);
    },

    // ------------------------------------------------------------ public

    async getPublishedOffer(id: string): Promise<OfferDetail> {
      const offer = await q.findPublishedOffer(db, id);
      if (!offer) throw notFound('offer');
      return detail(db, offer, { publicView: true });
    },
  };
}

export type OffersService = ReturnType<typeof createOffersService>;
