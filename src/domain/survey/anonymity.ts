import { todayInBrussels } from '../calendar/brussels.js';

/**
 * What an anonymous survey response may carry (docs/domain.md, "Anonymous survey responses"):
 * only the group attributes the aggregates need, never the person, never the invitation, and
 * times no finer than the day, so a response cannot be lined up with the invitation it came from.
 */

export interface PersonAttributes {
  teamId: string | null;
  functionProfileId: string | null;
  targetGroup: 'target_group_employee' | 'supervisory_staff' | 'other_staff';
  /** YYYY-MM-DD or null. */
  plannedExitDate: string | null;
}

export interface GroupAttributes {
  teamId: string | null;
  functionProfileId: string | null;
  targetGroup: PersonAttributes['targetGroup'];
  /** Only the year of the planned exit (prognosis), never the date. */
  exitYear: number | null;
}

export function groupAttributes(person: PersonAttributes): GroupAttributes {
  return {
    teamId: person.teamId,
    functionProfileId: person.functionProfileId,
    targetGroup: person.targetGroup,
    exitYear: person.plannedExitDate ? Number(person.plannedExitDate.slice(0, 4)) : null,
  };
}

/**
 * The instant stored for events of an anonymous response and of its invitation: midnight (UTC)
 * of the Brussels calendar day. Everyone who acts on the same day gets the same value.
 */
export function dayPrecision(now: Date): Date {
  return new Date(`${todayInBrussels(now)}T00:00:00.000Z`);
}
