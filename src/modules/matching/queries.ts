import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';

/*
 * Read queries of matching. Gaps come from the diagnosis (competence_status, the current level per
 * person and competence, domain-rules §2) against the person's function profile, as in the heat
 * map of the diagnosis module: gap = required − current when positive; competences without a
 * current level are not counted (unknown is not a gap). Candidate offers are published offers
 * with an edition that still takes enrolments and has a free seat.
 */

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

export interface PersonGapRow {
  personId: string;
  competenceId: string;
  required: number;
  current: number;
  importance: 'core' | 'supporting';
}

/** Gaps of people (by id, or by their user account) of one organisation. */
export async function personGaps(
  db: Executor,
  organisationId: string,
  who: { personIds?: readonly string[]; teamId?: string },
): Promise<PersonGapRow[]> {
  const filter = who.teamId ? sql`p.team_id = ${who.teamId}` : who.personIds?.length ? sql`p.id in (${list(who.personIds)})` : sql`false`;
  const found = await rows<PersonGapRow>(
    db,
    sql`select p.id as "personId", fpc.competence_id as "competenceId", fpc.required_level as required, cs.current_level as current, fpc.importance::text as importance
        from people p
        join function_profile_competences fpc on fpc.profile_id = p.function_profile_id
        join competence_status cs on cs.subject_id = p.id and cs.competence_id = fpc.competence_id and cs.organisation_id = ${organisationId}
        where p.organisation_id = ${organisationId} and ${filter} and fpc.required_level > cs.current_level
        order by p.id, fpc.position, fpc.competence_id`,
  );
  return found.map((r) => ({ ...r, required: Number(r.required), current: Number(r.current) }));
}

export async function competenceLabels(db: Executor, ids: readonly string[]): Promise<Map<string, LocalizedText>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; label: LocalizedText }>(db, sql`select id, label from competences where id in (${list(ids)})`);
  return new Map(found.map((r) => [r.id, r.label]));
}

export interface PersonRef {
  id: string;
  organisationId: string;
  displayName: string;
  teamId: string | null;
  supervisorId: string | null;
  userId: string | null;
  targetGroup: string;
  preferredLocale: string;
}

const personColumns = sql`id, organisation_id as "organisationId", display_name as "displayName", team_id as "teamId", supervisor_id as "supervisorId",
  user_id as "userId", target_group::text as "targetGroup", preferred_locale as "preferredLocale"`;

export async function findPerson(db: Executor, organisationId: string, personId: string): Promise<PersonRef | null> {
  const [row] = await rows<PersonRef>(
    db,
    sql`select ${personColumns} from people where id = ${personId} and organisation_id = ${organisationId}`,
  );
  return row ?? null;
}

export async function personOfUser(db: Executor, userId: string): Promise<PersonRef | null> {
  const [row] = await rows<PersonRef>(
    db,
    sql`select ${personColumns} from people where user_id = ${userId} order by created_at, id limit 1`,
  );
  return row ?? null;
}

export async function teamExists(db: Executor, organisationId: string, teamId: string): Promise<boolean> {
  return (await rows(db, sql`select 1 from teams where id = ${teamId} and organisation_id = ${organisationId}`)).length > 0;
}

export interface NeedRow {
  id: string;
  title: string;
  competenceId: string | null;
  status: string;
  personIds: string[];
  functionProfileId: string | null;
  teamId: string | null;
}

/** Needs of the organisation (one, or the open part of the register) with their named people. */
export async function needs(db: Executor, organisationId: string, needId?: string): Promise<NeedRow[]> {
  const filter = needId
    ? sql`n.id = ${needId}`
    : sql`n.status in ('open', 'triaged', 'planned', 'in_progress') and n.classification is distinct from 'non_training'`;
  const found = await rows<NeedRow>(
    db,
    sql`select n.id, n.title, n.competence_id as "competenceId", n.status::text as status, n.function_profile_id as "functionProfileId", n.team_id as "teamId",
          coalesce((select array_agg(np.person_id::text order by np.person_id) from need_people np where np.need_id = n.id), '{}') as "personIds"
        from training_needs n where n.organisation_id = ${organisationId} and ${filter}
        order by n.priority_centi desc nulls last, n.created_at, n.id`,
  );
  return found.map((r) => ({ ...r, personIds: Array.isArray(r.personIds) ? r.personIds : parseArray(r.personIds as unknown as string) }));
}

function parseArray(text: string): string[] {
  return text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

/** Required level of a competence in the organisation's profiles (highest), for needs without named people. */
export async function requiredLevels(
  db: Executor,
  organisationId: string,
  competenceIds: readonly string[],
): Promise<Map<string, { required: number; importance: 'core' | 'supporting' }>> {
  if (competenceIds.length === 0) return new Map();
  const found = await rows<{ competenceId: string; required: number; core: boolean }>(
    db,
    sql`select fpc.competence_id as "competenceId", max(fpc.required_level)::int as required, bool_or(fpc.importance = 'core') as core
        from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id
        where fp.organisation_id = ${organisationId} and fpc.competence_id in (${list(competenceIds)})
        group by fpc.competence_id`,
  );
  return new Map(found.map((r) => [r.competenceId, { required: Number(r.required), importance: r.core ? 'core' : 'supporting' }]));
}

export interface OrganisationRow {
  kind: string;
  postcode: string | null;
  people: number;
}

export async function organisation(db: Executor, organisationId: string): Promise<OrganisationRow | null> {
  const [row] = await rows<OrganisationRow>(
    db,
    sql`select kind::text as kind, postcode, (select count(*)::int from people where organisation_id = ${organisationId}) as people from organisations where id = ${organisationId}`,
  );
  return row ? { ...row, people: Number(row.people) } : null;
}

/**
 * Coordinates of a postcode: the mean of the located offers with that postcode (the catalog is
 * the only gazetteer Leerkompas has); null when none is known.
 */
export async function postcodeLocation(db: Executor, postcode: string | null): Promise<{ lat: number; lon: number } | null> {
  if (!postcode) return null;
  const [row] = await rows<{ lat: number | null; lon: number | null }>(
    db,
    sql`select avg(latitude)::float8 as lat, avg(longitude)::float8 as lon from offers where postcode = ${postcode} and latitude is not null and longitude is not null`,
  );
  return row && row.lat !== null && row.lon !== null ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
}

const openEdition = (today: string) =>
  sql`exists (select 1 from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.enrolled_count < e.capacity
        and e.starts_on >= ${today} and (e.enrolment_deadline is null or e.enrolment_deadline >= ${today}))`;

/** Offers tagged (confirmed) with one of the competences. */
export async function taggedCandidates(db: Executor, competenceIds: readonly string[], today: string): Promise<string[]> {
  if (competenceIds.length === 0) return [];
  const found = await rows<{ id: string }>(
    db,
    sql`select distinct o.id from offer_competences oc join offers o on o.id = oc.offer_id
        where oc.competence_id in (${list(competenceIds)}) and oc.confirmed and o.status = 'published' and ${openEdition(today)}`,
  );
  return found.map((r) => r.id);
}

/**
 * Untagged offers whose Dutch description matches a competence's Dutch label (all its words, Dutch
 * stemming): "text matches", per offer the competences found.
 */
export async function textCandidates(
  db: Executor,
  labels: ReadonlyArray<{ competenceId: string; label: string }>,
  today: string,
): Promise<Map<string, string[]>> {
  const usable = labels.filter((l) => l.label.trim());
  if (usable.length === 0) return new Map();
  const values = sql.join(
    usable.map((l) => sql`(${l.competenceId}::uuid, ${l.label})`),
    sql`, `,
  );
  const found = await rows<{ offerId: string; competenceId: string }>(
    db,
    sql`select o.id as "offerId", c.id as "competenceId"
        from (values ${values}) as c(id, label)
        join offers o on o.search_nl @@ plainto_tsquery('dutch', c.label)
        where numnode(plainto_tsquery('dutch', c.label)) > 0 and o.status = 'published'
          and not exists (select 1 from offer_competences oc where oc.offer_id = o.id and oc.confirmed)
          and ${openEdition(today)}`,
  );
  const byOffer = new Map<string, string[]>();
  for (const r of found) byOffer.set(r.offerId, [...(byOffer.get(r.offerId) ?? []), r.competenceId]);
  return byOffer;
}

export interface OfferRow {
  id: string;
  title: LocalizedText;
  providerName: string;
  languages: string[];
  format: 'classroom' | 'online' | 'blended' | 'workplace';
  municipality: string | null;
  latitude: number | null;
  longitude: number | null;
  durationMinutes: number;
  priceCents: number;
  recognitions: string[];
  accessibility: string[];
}

export interface EditionRow {
  id: string;
  offerId: string;
  startsOn: string;
  enrolmentDeadline: string | null;
  freeSeats: number;
}

export async function offerDetails(
  db: Executor,
  ids: readonly string[],
  today: string,
): Promise<{ offers: OfferRow[]; editions: EditionRow[]; competences: Array<{ offerId: string; competenceId: string; level: number }> }> {
  if (ids.length === 0) return { offers: [], editions: [], competences: [] };
  const offers = await rows<OfferRow>(
    db,
    sql`select o.id, o.title, pr.name as "providerName", o.languages, o.format::text as format, o.municipality, o.latitude, o.longitude,
          o.duration_minutes as "durationMinutes", o.price_cents as "priceCents", o.recognitions, o.accessibility
        from offers o join organisations pr on pr.id = o.provider_id where o.id in (${list(ids)})`,
  );
  const editions = await rows<EditionRow>(
    db,
    sql`select e.id, e.offer_id as "offerId", e.starts_on::text as "startsOn", e.enrolment_deadline::text as "enrolmentDeadline",
          (e.capacity - e.enrolled_count)::int as "freeSeats"
        from offer_editions e where e.offer_id in (${list(ids)}) and e.status = 'scheduled' and e.starts_on >= ${today}
        order by e.starts_on, e.id`,
  );
  const competences = await rows<{ offerId: string; competenceId: string; level: number }>(
    db,
    sql`select offer_id as "offerId", competence_id as "competenceId", level from offer_competences where offer_id in (${list(ids)}) and confirmed`,
  );
  const arr = (v: unknown) => (Array.isArray(v) ? (v as string[]) : parseArray(String(v ?? '{}')));
  return {
    offers: offers.map((o) => ({
      ...o,
      languages: arr(o.languages),
      recognitions: arr(o.recognitions),
      accessibility: arr(o.accessibility),
      latitude: o.latitude === null ? null : Number(o.latitude),
      longitude: o.longitude === null ? null : Number(o.longitude),
    })),
    editions: editions.map((e) => ({ ...e, freeSeats: Number(e.freeSeats) })),
    competences: competences.map((c) => ({ ...c, level: Number(c.level) })),
  };
}
