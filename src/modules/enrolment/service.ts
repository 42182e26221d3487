import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import { requireActor, requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { toCsv } from '../diagnosis/exports.js';
import * as q from './queries.js';
import { promoteWaitlist } from './waitlist.js';
import type { EnrolmentView, OrgEnrolBody, OrgEnrolmentsQuery, RecordAttendanceBody, SavedOfferView } from './schemas.js';

export interface EnrolmentDeps {
  db: Db;
  now?: () => Date;
}

const SEAT = new Set<string>(q.SEAT_STATUSES);

/**
 * Enrolment (issue 5 item 6). Seats are counted in offer_editions.enrolled_count, changed only while
 * the edition row is locked (q.lockEdition) in the same transaction as the enrolment rows, so
 * concurrent enrolments never overbook: the first `capacity` get a seat, the rest join the waiting
 * list in the order they got the lock. A freed seat goes to the first on the waiting list at once.
 */
export function createEnrolmentService({ db, now = () => new Date() }: EnrolmentDeps) {
  const today = () => todayInBrussels(now());

  /** The edition accepts enrolments: published offer, scheduled, deadline (or start) not passed. */
  function assertOpen(edition: q.LockedEdition | null, path: string): asserts edition is q.LockedEdition {
    if (!edition || edition.offerStatus !== 'published')
      throw badRequest(path, 'is not a published offer edition', 'enrolment.unknown_edition');
    if (edition.status === 'cancelled')
      throw new AppError('enrolment.edition_cancelled', {
        status: 409,
        detail: 'This edition was cancelled.',
        errors: [{ path, message: 'was cancelled' }],
      });
    const day = today();
    const closed = edition.enrolmentDeadline ? day > edition.enrolmentDeadline : day >= edition.startsOn;
    if (closed) {
      throw new AppError('enrolment.deadline_passed', {
        status: 409,
        detail: `Enrolment closed on ${edition.enrolmentDeadline ?? edition.startsOn}.`,
        errors: [{ path, message: 'enrolment deadline has passed' }],
      });
    }
  }

  /**
   * HR enrols people for a plan action: the action must be a training action of a plan that is not
   * closed, linked to this edition or to nothing (or to this edition's offer only). Linking the
   * edition changes the plan, so that is only done in a draft plan (an approved plan stays as approved).
   */
  function assertLinkable(action: q.PlanActionRow, edition: q.LockedEdition): void {
    const path = '/body/planActionId';
    if (action.kind === 'non_training') throw badRequest(path, 'is a non-training action; it has no offer');
    if (action.planStatus === 'closed')
      throw new AppError('plan.closed', {
        status: 409,
        detail: 'The plan of this action is closed.',
        errors: [{ path, message: 'belongs to a closed plan' }],
      });
    if (action.offerEditionId && action.offerEditionId !== edition.id)
      throw conflict('The plan action is linked to another offer edition.', path);
    if (action.offerId && action.offerId !== edition.offerId) throw conflict('The plan action is linked to another offer.', path);
    if (action.offerEditionId !== edition.id && action.planStatus !== 'draft') {
      throw new AppError('plan.not_editable', {
        status: 409,
        detail: 'The plan is approved: link this edition to the action in a new draft version of the plan first.',
        errors: [{ path, message: 'is not linked to this edition, and its plan is approved' }],
      });
    }
  }

  /** Takes a seat or a place on the waiting list; the edition must be locked by the caller. */
  async function place(
    tx: Executor,
    edition: q.LockedEdition,
    learner: { personId: string | null; userId: string | null; employerId: string | null; planActionId: string | null; enrolledBy: string },
    path: string,
  ): Promise<q.EnrolmentRow> {
    if (await q.activeEnrolmentOf(tx, edition.id, learner.personId, learner.userId)) {
      throw new AppError('enrolment.duplicate', {
        status: 409,
        detail: 'Already enrolled or on the waiting list for this edition.',
        errors: [{ path, message: 'is already enrolled' }],
      });
    }
    const seat = edition.enrolledCount < edition.capacity;
    const row = await q.insertEnrolment(tx, {
      editionId: edition.id,
      ...learner,
      status: seat ? 'enrolled' : 'waitlisted',
      waitlistPosition: seat ? null : await q.nextWaitlistPosition(tx, edition.id),
    });
    if (seat) {
      await q.setEnrolledCount(tx, edition.id, 1);
      edition.enrolledCount += 1;
    }
    if (learner.planActionId && learner.personId && learner.employerId) {
      await q.mirrorParticipant(tx, {
        actionId: learner.planActionId,
        personId: learner.personId,
        organisationId: learner.employerId,
        status: row.status,
      });
    }
    return row;
  }

  async function cancelRow(tx: Executor, row: q.EnrolmentRow, actor: Actor): Promise<void> {
    const edition = await q.lockEdition(tx, row.editionId);
    // Re-read under the edition lock: a concurrent promotion may have changed the row.
    const current = await q.findEnrolment(tx, row.id);
    if (!edition || !current) throw notFound('enrolment');
    if (current.status === 'cancelled') throw conflict('This enrolment is already cancelled.');
    if (current.status !== 'enrolled' && current.status !== 'waitlisted')
      throw conflict('Attendance was recorded already; the enrolment can no longer be cancelled.');
    await q.updateEnrolment(tx, current.id, { status: 'cancelled', waitlistPosition: null, cancelled: true });
    if (current.status === 'enrolled') {
      await q.setEnrolledCount(tx, edition.id, -1);
      edition.enrolledCount -= 1;
    }
    if (current.planActionId && current.personId && current.employerId) {
      await q.mirrorParticipant(tx, {
        actionId: current.planActionId,
        personId: current.personId,
        organisationId: current.employerId,
        status: 'cancelled',
      });
    }
    const promoted = edition.status === 'scheduled' ? await promoteWaitlist(tx, edition) : [];
    await writeAudit(tx, {
      event: 'enrolment_cancelled',
      actorUserId: actor.userId,
      organisationId: current.employerId,
      subject: current.id,
      detail: { editionId: edition.id, promoted },
    });
  }

  const views = (tx: Executor, ids: string[]) =>
    ids.length
      ? q.enrolmentViews(
          tx,
          sql`en.id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
          sql`en.created_at, en.id`,
        )
      : Promise.resolve([]);

  /** The database's unique index is the last guard against a duplicate (e.g. a retry racing itself). */
  function duplicateFrom(error: unknown, path: string): never {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505')
      throw new AppError('enrolment.duplicate', {
        status: 409,
        detail: 'Already enrolled or on the waiting list for this edition.',
        errors: [{ path, message: 'is already enrolled' }],
      });
    throw error;
  }

  async function editionList(organisationId: string, editionId: string): Promise<EnrolmentView[]> {
    await providerEdition(organisationId, editionId);
    return q.enrolmentViews(
      db,
      sql`en.edition_id = ${editionId}`,
      sql`case en.status when 'cancelled' then 2 when 'waitlisted' then 1 else 0 end, en.waitlist_position nulls first, en.created_at, en.id`,
    );
  }

  async function providerEdition(organisationId: string, editionId: string): Promise<q.LockedEdition> {
    const edition = await q.findEdition(db, editionId);
    if (!edition || edition.providerId !== organisationId) throw notFound('edition');
    return edition;
  }

  return {
    /** The signed-in learner enrols on an edition (as their person when they have one). */
    async enrolSelf(actor: Actor | null, editionId: string): Promise<EnrolmentView> {
      const who = requireActor(actor);
      const [person] = await q.personsOfUser(db, who.userId);
      try {
        return await db.transaction(async (tx) => {
          const edition = await q.lockEdition(tx, editionId);
          assertOpen(edition, '/body/editionId');
          const row = await place(
            tx,
            edition,
            {
              personId: person?.id ?? null,
              userId: who.userId,
              employerId: person?.organisationId ?? null,
              planActionId: null,
              enrolledBy: who.userId,
            },
            '/body/editionId',
          );
          await writeAudit(tx, {
            event: 'enrolment_created',
            actorUserId: who.userId,
            organisationId: person?.organisationId ?? null,
            subject: row.id,
            detail: { editionId, status: row.status },
          });
          return (await views(tx, [row.id]))[0];
        });
      } catch (error) {
        return duplicateFrom(error, '/body/editionId');
      }
    },

    async listMine(actor: Actor | null): Promise<EnrolmentView[]> {
      const who = requireActor(actor);
      return q.enrolmentViews(
        db,
        sql`(en.user_id = ${who.userId} or en.person_id in (select id from people where user_id = ${who.userId}))`,
      );
    },

    async cancelMine(actor: Actor | null, enrolmentId: string): Promise<EnrolmentView> {
      const who = requireActor(actor);
      return db.transaction(async (tx) => {
        const row = await q.findEnrolment(tx, enrolmentId);
        const mine =
          row &&
          (row.userId === who.userId || (row.personId && (await q.personsOfUser(tx, who.userId)).some((p) => p.id === row.personId)));
        if (!row || !mine) throw notFound('enrolment');
        await cancelRow(tx, row, who);
        return (await views(tx, [row.id]))[0];
      });
    },

    /** HR enrols people of its organisation, optionally for a plan action (which then points at the edition). */
    async enrolForOrganisation(actor: Actor | null, organisationId: string, input: OrgEnrolBody): Promise<EnrolmentView[]> {
      const who = requireOrgPermission(actor, 'enrolment:manage', organisationId);
      const known = await q.peopleOfOrganisation(db, organisationId, input.personIds);
      const foreign = input.personIds.findIndex((id) => !known.has(id));
      if (foreign >= 0) throw badRequest(`/body/personIds/${foreign}`, 'is not a person of this organisation');
      try {
        return await db.transaction(async (tx) => {
          const action = input.planActionId ? await q.findPlanAction(tx, organisationId, input.planActionId) : null;
          if (input.planActionId && !action) throw badRequest('/body/planActionId', 'is not an action of this organisation');
          const edition = await q.lockEdition(tx, input.editionId);
          assertOpen(edition, '/body/editionId');
          if (action) assertLinkable(action, edition);
          if (action && action.offerEditionId !== edition.id) await q.linkPlanAction(tx, action.id, edition.offerId, edition.id);
          const ids: string[] = [];
          for (const [index, personId] of input.personIds.entries()) {
            const row = await place(
              tx,
              edition,
              { personId, userId: null, employerId: organisationId, planActionId: action?.id ?? null, enrolledBy: who.userId },
              `/body/personIds/${index}`,
            );
            ids.push(row.id);
          }
          await writeAudit(tx, {
            event: 'enrolment_created',
            actorUserId: who.userId,
            organisationId,
            subject: edition.id,
            detail: { editionId: edition.id, planActionId: action?.id ?? null, people: ids.length },
          });
          return views(tx, ids);
        });
      } catch (error) {
        return duplicateFrom(error, '/body/personIds');
      }
    },

    async listForOrganisation(actor: Actor | null, organisationId: string, query: OrgEnrolmentsQuery): Promise<EnrolmentView[]> {
      requireOrgPermission(actor, 'enrolment:manage', organisationId);
      const parts = [sql`en.employer_id = ${organisationId}`];
      if (query.personId) parts.push(sql`en.person_id = ${query.personId}`);
      if (query.editionId) parts.push(sql`en.edition_id = ${query.editionId}`);
      if (query.planActionId) parts.push(sql`en.plan_action_id = ${query.planActionId}`);
      return q.enrolmentViews(db, sql.join(parts, sql` and `));
    },

    async cancelForOrganisation(actor: Actor | null, organisationId: string, enrolmentId: string): Promise<EnrolmentView> {
      const who = requireOrgPermission(actor, 'enrolment:manage', organisationId);
      return db.transaction(async (tx) => {
        const row = await q.findEnrolment(tx, enrolmentId);
        if (!row || row.employerId !== organisationId) throw notFound('enrolment');
        await cancelRow(tx, row, who);
        return (await views(tx, [row.id]))[0];
      });
    },

    /** The provider's list of an edition: seat holders first, then the waiting list in order. */
    async listForEdition(actor: Actor | null, organisationId: string, editionId: string): Promise<EnrolmentView[]> {
      requireOrgPermission(actor, 'enrolment:provider', organisationId);
      return editionList(organisationId, editionId);
    },

    async exportEditionCsv(actor: Actor | null, organisationId: string, editionId: string, ip: string | null): Promise<string> {
      const who = requireOrgPermission(actor, 'enrolment:provider', organisationId);
      const list = await editionList(organisationId, editionId);
      await writeAudit(db, { event: 'data_export', actorUserId: who.userId, organisationId, subject: `enrolments ${editionId}`, ip });
      return toCsv({
        sheet: 'enrolments',
        columns: ['learner', 'employer', 'status', 'waitlist_position', 'minutes_attended', 'completed_on', 'enrolled_at'].map(
          (header) => ({ header }),
        ),
        rows: list.map((e) => [e.learnerName, e.employerName, e.status, e.waitlistPosition, e.minutesAttended, e.completedOn, e.createdAt]),
      });
    },

    /** Attendance and completion; mirrored into the plan action's participants when linked. */
    async recordAttendance(
      actor: Actor | null,
      organisationId: string,
      editionId: string,
      enrolmentId: string,
      input: RecordAttendanceBody,
    ): Promise<EnrolmentView> {
      const who = requireOrgPermission(actor, 'enrolment:provider', organisationId);
      if (input.status === 'completed' && !input.completedOn)
        throw badRequest('/body/completedOn', 'is required when the status is completed');
      if (input.completedOn && input.completedOn > today()) throw badRequest('/body/completedOn', 'must not be in the future');
      return db.transaction(async (tx) => {
        const edition = await q.lockEdition(tx, editionId);
        if (!edition || edition.providerId !== organisationId) throw notFound('edition');
        const row = await q.findEnrolment(tx, enrolmentId);
        if (!row || row.editionId !== editionId) throw notFound('enrolment');
        if (!SEAT.has(row.status)) throw conflict(`A ${row.status} enrolment has no seat; attendance cannot be recorded.`, '/body/status');
        if (input.completedOn && input.completedOn < edition.startsOn)
          throw badRequest('/body/completedOn', 'must not be before the edition starts');
        const completedOn = input.status === 'completed' ? input.completedOn! : null;
        // Completed without minutes: the offer's duration; a no-show attended nothing.
        const minutes =
          input.minutesAttended ?? (input.status === 'completed' ? edition.durationMinutes : input.status === 'no_show' ? 0 : undefined);
        await q.updateEnrolment(tx, row.id, { status: input.status, minutesAttended: minutes, completedOn });
        if (row.planActionId && row.personId && row.employerId) {
          await q.mirrorParticipant(tx, {
            actionId: row.planActionId,
            personId: row.personId,
            organisationId: row.employerId,
            status: input.status,
            minutesAttended: minutes,
            completedOn,
          });
        }
        await writeAudit(tx, {
          event: 'attendance_recorded',
          actorUserId: who.userId,
          organisationId,
          subject: row.id,
          detail: { status: input.status, minutes: minutes ?? null },
        });
        return (await views(tx, [row.id]))[0];
      });
    },

    async listSaved(actor: Actor | null): Promise<SavedOfferView[]> {
      const who = requireActor(actor);
      return q.savedOffers(db, who.userId, today());
    },

    async save(actor: Actor | null, offerId: string): Promise<void> {
      const who = requireActor(actor);
      if (!(await q.publishedOfferExists(db, offerId))) throw notFound('offer');
      await q.saveOffer(db, who.userId, offerId);
    },

    async unsave(actor: Actor | null, offerId: string): Promise<void> {
      const who = requireActor(actor);
      await q.unsaveOffer(db, who.userId, offerId);
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
