import { describe, expect, it } from 'vitest';
import { dayPrecision, groupAttributes } from './anonymity.js';

describe('groupAttributes', () => {
  it('keeps team, profile, target group and only the year of the planned exit', () => {
    expect(
      groupAttributes({ teamId: 't', functionProfileId: 'p', targetGroup: 'supervisory_staff', plannedExitDate: '2029-06-30' }),
    ).toEqual({ teamId: 't', functionProfileId: 'p', targetGroup: 'supervisory_staff', exitYear: 2029 });
    expect(
      groupAttributes({ teamId: null, functionProfileId: null, targetGroup: 'other_staff', plannedExitDate: null }).exitYear,
    ).toBeNull();
  });

  it('has no field that could name the person', () => {
    const person = {
      teamId: 't',
      functionProfileId: 'p',
      targetGroup: 'other_staff' as const,
      plannedExitDate: null,
      id: 'x',
      displayName: 'An',
    };
    expect(Object.keys(groupAttributes(person)).sort()).toEqual(['exitYear', 'functionProfileId', 'targetGroup', 'teamId']);
  });
});

describe('dayPrecision', () => {
  it('gives everyone who acts on the same Brussels day the same instant', () => {
    const morning = dayPrecision(new Date('2026-03-10T06:01:02Z'));
    const evening = dayPrecision(new Date('2026-03-10T21:59:00Z'));
    expect(morning.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(evening).toEqual(morning);
  });

  it('follows the Brussels calendar day, not the UTC one', () => {
    // 23:30 UTC on 10 March is 00:30 on 11 March in Brussels.
    expect(dayPrecision(new Date('2026-03-10T23:30:00Z')).toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });
});
