import type { Executor } from '../../db/client.js';
import * as q from './queries.js';

/**
 * Gives the free seats of an edition to its waiting list, first come first served, and mirrors
 * each promotion on the plan action it came from. The caller holds the edition row lock
 * (q.lockEdition) in `tx`: after a cancellation, and when the provider raises the capacity.
 * Returns the promoted enrolment ids.
 */
export async function promoteWaitlist(tx: Executor, edition: q.LockedEdition): Promise<string[]> {
  const promoted: string[] = [];
  while (edition.enrolledCount < edition.capacity) {
    const next = await q.firstWaitlisted(tx, edition.id);
    if (!next) break;
    await q.updateEnrolment(tx, next.id, { status: 'enrolled', waitlistPosition: null });
    await q.setEnrolledCount(tx, edition.id, 1);
    edition.enrolledCount += 1;
    if (next.planActionId && next.personId && next.employerId) {
      await q.mirrorParticipant(tx, {
        actionId: next.planActionId,
        personId: next.personId,
        organisationId: next.employerId,
        status: 'enrolled',
      });
    }
    promoted.push(next.id);
  }
  return promoted;
}

/** After a capacity change of a scheduled edition: lock it as the enrolment module does, then promote. */
export async function promoteAfterCapacityChange(tx: Executor, editionId: string): Promise<string[]> {
  const edition = await q.lockEdition(tx, editionId);
  if (!edition || edition.status !== 'scheduled') return [];
  return promoteWaitlist(tx, edition);
}
