import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import { enrolments } from '../../db/schema/index.js';
import type { EnrolmentView, SavedOfferView } from './schemas.js';

/*
 * Queries of enrolment. Seat accounting always runs on an edition row locked with
 * `SELECT … FOR UPDATE` (lockEdition) inside the caller's transaction, so two enrolments for the
 * last seat are serialised by PostgreSQL; PGlite has one connection and runs transactions one
 * after the other.
 */

export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Statuses that hold a seat of the edition (counted in offer_editions.enrolled_count). */
export const SEAT_STATUSES = ['enrolled', 'attended', 'completed', 'no_show'] as const;

export interface LockedEdition {
  id: string;
  offerId: string;
  providerId: string;
  startsOn: string;
  enrolmentDeadline: string | null;
  capacity: number;
  enrolledCount: number;
  status: 'scheduled' | 'cancelled';
  offerStatus: 'draft' | 'published' | 'archived';
  durationMinutes: number;
}

const editionColumns = sql`e.id, e.offer_id as "offerId", o.provider_id as "providerId", e.starts_on::text as "startsOn",
  e.enrolment_deadline::text as "enrolmentDeadline", e.capacity, e.enrolled_count as "enrolledCount", e.status::text as status,
  o.status::text as "offerStatus", o.duration_minutes as "durationMinutes"`;

/** The edition with its row lock held until the transaction ends. */
export async function lockEdition(tx: Executor, editionId: string): Promise<LockedEdition | null> {
  const [row] = await rows<LockedEdition>(
    tx,
    sql`select ${editionColumns} from offer_editions e join offers o on o.id = e.offer_id where e.id = ${editionId} for update of e`,
  );
  return row ?? null;
}

export async function findEdition(db: Executor, editionId: string): Promise<LockedEdition | null> {
  const [row] = await rows<LockedEdition>(
    db,
    sql`select ${editionColumns} from offer_editions e join offers o on o.id = e.offer_id where e.id = ${editionId}`,
  );
  return row ?? null;
}

export async function setEnrolledCount(tx: Executor, editionId: string, delta: number): Promise<void> {
  await tx.execute(sql`update offer_editions set enrolled_count = enrolled_count + ${delta}, updated_at = now() where id = ${editionId}`);
}

/** An active (not cancelled) enrolment of this learner on the edition. */
export async function activeEnrolmentOf(
  tx: Executor,
  editionId: string,
  personId: string | null,
  userId: string | null,
): Promise<string | null> {
  const who = personId ? sql`person_id = ${personId}` : sql`person_id is null and user_id = ${userId}`;
  const [row] = await rows<{ id: string }>(
    tx,
    sql`select id from enrolments where edition_id = ${editionId} and status <> 'cancelled' and ${who} limit 1`,
  );
  return row?.id ?? null;
}

export async function nextWaitlistPosition(tx: Executor, editionId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select coalesce(max(waitlist_position), 0)::int + 1 as n from enrolments where edition_id = ${editionId} and status = 'waitlisted'`,
  );
  return Number(row.n);
}

export interface EnrolmentRow {
  id: string;
  editionId: string;
  personId: string | null;
  userId: string | null;
  employerId: string | null;
  planActionId: string | null;
  status: string;
  waitlistPosition: number | null;
}

const enrolmentColumns = sql`id, edition_id as "editionId", person_id as "personId", user_id as "userId", employer_id as "employerId",
  plan_action_id as "planActionId", status::text as status, waitlist_position as "waitlistPosition"`;

export async function insertEnrolment(
  tx: Executor,
  values: {
    editionId: string;
    personId: string | null;
    userId: string | null;
    employerId: string | null;
    planActionId: string | null;
    status: 'enrolled' | 'waitlisted';
    waitlistPosition: number | null;
    enrolledBy: string;
  },
): Promise<EnrolmentRow> {
  const [row] = await tx.insert(enrolments).values(values).returning({
    id: enrolments.id,
    editionId: enrolments.editionId,
    personId: enrolments.personId,
    userId: enrolments.userId,
    employerId: enrolments.employerId,
    planActionId: enrolments.planActionId,
    status: enrolments.status,
    waitlistPosition: enrolments.waitlistPosition,
  });
  return row;
}

export async function findEnrolment(db: Executor, id: string, forUpdate = false): Promise<EnrolmentRow | null> {
  const [row] = await rows<EnrolmentRow>(
    db,
    sql`select ${enrolmentColumns} from enrolments where id = ${id}${forUpdate ? sql` for update` : sql``}`,
  );
  return row ?? null;
}

/** The first on the waiting list: lowest position, then earliest. */
export async function firstWaitlisted(tx: Executor, editionId: string): Promise<EnrolmentRow | null> {
  const [row] = await rows<EnrolmentRow>(
    tx,
    sql`select ${enrolmentColumns} from enrolments where edition_id = ${editionId} and status = 'waitlisted' order by waitlist_position, created_at, id limit 1`,
  );
  return row ?? null;
}

export async function updateEnrolment(
  tx: Executor,
  id: string,
  changes: { status: string; waitlistPosition?: number | null; cancelled?: boolean; minutesAttended?: number; completedOn?: string | null },
): Promise<void> {
  const sets = [sql`status = ${changes.status}`, sql`updated_at = now()`];
  if (changes.waitlistPosition !== undefined) sets.push(sql`waitlist_position = ${changes.waitlistPosition}`);
  if (changes.cancelled) sets.push(sql`cancelled_at = now()`);
  if (changes.minutesAttended !== undefined) sets.push(sql`minutes_attended = ${changes.minutesAttended}`);
  if (changes.completedOn !== undefined) sets.push(sql`completed_on = ${changes.completedOn}`);
  await tx.execute(sql`update enrolments set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

/** Participation status of the plan action for an enrolment status. */
const participation: Record<string, string> = {
  enrolled: 'enrolled',
  waitlisted: 'planned',
  cancelled: 'cancelled',
  attended: 'attended',
  completed: 'completed',
  no_show: 'no_show',
};

/** Mirrors an enrolment into the plan action's participants (follow-up, fairness). */
export async function mirrorParticipant(
  tx: Executor,
  input: {
    actionId: string;
    personId: string;
    organisationId: string;
    status: string;
    minutesAttended?: number;
    completedOn?: string | null;
  },
): Promise<void> {
  const status = participation[input.status];
  const minutes = input.minutesAttended ?? 0;
  const completedOn = input.completedOn ?? null;
  const updateMinutes = input.minutesAttended !== undefined ? sql`, minutes_attended = excluded.minutes_attended` : sql``;
  const updateCompleted = input.completedOn !== undefined ? sql`, completed_on = excluded.completed_on` : sql``;
  await tx.execute(
    sql`insert into action_participants (action_id, person_id, organisation_id, status, minutes_attended, completed_on)
        values (${input.actionId}, ${input.personId}, ${input.organisationId}, ${status}, ${minutes}, ${completedOn})
        on conflict (action_id, person_id) do update set status = excluded.status, updated_at = now()${updateMinutes}${updateCompleted}`,
  );
}

export interface PlanActionRow {
  id: string;
  organisationId: string;
  kind: string;
  offerId: string | null;
  offerEditionId: string | null;
  /** Status of the action's plan: only a draft plan may get a new offer link. */
  planStatus: 'draft' | 'approved' | 'closed';
}

export async function findPlanAction(db: Executor, organisationId: string, id: string): Promise<PlanActionRow | null> {
  const [row] = await rows<PlanActionRow>(
    db,
    sql`select a.id, a.organisation_id as "organisationId", a.kind::text as kind, a.offer_id as "offerId", a.offer_edition_id as "offerEditionId",
          p.status::text as "planStatus"
        from plan_actions a join training_plans p on p.id = a.plan_id
        where a.id = ${id} and a.organisation_id = ${organisationId}`,
  );
  return row ?? null;
}

export async function linkPlanAction(tx: Executor, actionId: string, offerId: string, editionId: string): Promise<void> {
  await tx.execute(
    sql`update plan_actions set offer_id = ${offerId}, offer_edition_id = ${editionId}, updated_at = now() where id = ${actionId}`,
  );
}

export async function peopleOfOrganisation(db: Executor, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    db,
    sql`select id from people where organisation_id = ${organisationId} and id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Set(found.map((r) => r.id));
}

/** The learner's person records (one per employer), oldest first. */
export async function personsOfUser(db: Executor, userId: string): Promise<Array<{ id: string; organisationId: string }>> {
  return rows(db, sql`select id, organisation_id as "organisationId" from people where user_id = ${userId} order by created_at, id`);
}

interface ViewRow {
  id: string;
  editionId: string;
  offerId: string;
  offerTitle: LocalizedText;
  providerId: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  editionStatus: string;
  status: string;
  waitlistPosition: number | null;
  personId: string | null;
  learnerName: string | null;
  employerId: string | null;
  employerName: string | null;
  planActionId: string | null;
  minutesAttended: number;
  completedOn: string | null;
  createdAt: string | Date;
}

/** Enrolments as shown to learners, HR and providers; the waiting-list position is the rank (1 = next). */
export async function enrolmentViews(
  db: Executor,
  where: SQL,
  order: SQL = sql`e.starts_on desc, en.created_at desc, en.id`,
): Promise<EnrolmentView[]> {
  const found = await rows<ViewRow>(
    db,
    sql`select en.id, en.edition_id as "editionId", e.offer_id as "offerId", o.title as "offerTitle", o.provider_id as "providerId",
          pr.name as "providerName", e.starts_on::text as "startsOn", e.ends_on::text as "endsOn", e.status::text as "editionStatus",
          en.status::text as status,
          case when en.status = 'waitlisted' then (select count(*) from enrolments w where w.edition_id = en.edition_id and w.status = 'waitlisted'
               and (w.waitlist_position < en.waitlist_position or (w.waitlist_position = en.waitlist_position and w.id <= en.id)))::int end as "waitlistPosition",
          en.person_id as "personId", coalesce(pe.display_name, u.display_name) as "learnerName",
          en.employer_id as "employerId", emp.name as "employerName", en.plan_action_id as "planActionId",
          en.minutes_attended as "minutesAttended", en.completed_on::text as "completedOn", en.created_at as "createdAt"
        from enrolments en
        join offer_editions e on e.id = en.edition_id
        join offers o on o.id = e.offer_id
        join organisations pr on pr.id = o.provider_id
        left join people pe on pe.id = en.person_id
        left join users u on u.id = en.user_id
        left join organisations emp on emp.id = en.employer_id
        where ${where}
        order by ${order}`,
  );
  return found.map((r) => ({
    ...r,
    learnerName: r.learnerName ?? '',
    waitlistPosition: r.waitlistPosition === null ? null : Number(r.waitlistPosition),
    minutesAttended: Number(r.minutesAttended),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

export async function savedOffers(db: Executor, userId: string, today: string): Promise<SavedOfferView[]> {
  const found = await rows<{
    offerId: string;
    title: LocalizedText;
    providerName: string;
    format: string;
    savedAt: string | Date;
    editionId: string | null;
    startsOn: string | null;
    freeSeats: number | null;
    enrolmentDeadline: string | null;
  }>(
    db,
    sql`select s.offer_id as "offerId", o.title, pr.name as "providerName", o.format::text as format, s.created_at as "savedAt",
          ne.id as "editionId", ne.starts_on::text as "startsOn", ne.free_seats as "freeSeats", ne.enrolment_deadline::text as "enrolmentDeadline"
        from saved_offers s
        join offers o on o.id = s.offer_id
        join organisations pr on pr.id = o.provider_id
        left join lateral (
          select e.id, e.starts_on, greatest(0, e.capacity - e.enrolled_count)::int as free_seats, e.enrolment_deadline
          from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= ${today}
          order by e.starts_on, e.id limit 1
        ) ne on true
        where s.user_id = ${userId} and o.status = 'published'
        order by s.created_at desc, s.offer_id`,
  );
  return found.map((r) => ({
    offerId: r.offerId,
    title: r.title,
    providerName: r.providerName,
    format: r.format,
    savedAt: new Date(r.savedAt).toISOString(),
    nextEdition: r.editionId
      ? { id: r.editionId, startsOn: r.startsOn!, freeSeats: Number(r.freeSeats), enrolmentDeadline: r.enrolmentDeadline }
      : null,
  }));
}

export async function publishedOfferExists(db: Executor, offerId: string): Promise<boolean> {
  const found = await rows(db, sql`select 1 from offers where id = ${offerId} and status = 'published'`);
  return found.length > 0;
}

export async function saveOffer(db: Executor, userId: string, offerId: string): Promise<void> {
  await db.execute(sql`insert into saved_offers (user_id, offer_id) values (${userId}, ${offerId}) on conflict do nothing`);
}

export async function unsaveOffer(db: Executor, userId: string, offerId: string): Promise<void> {
  await db.execute(sql`delete from saved_offers where user_id = ${userId} and offer_id = ${offerId}`);
}
