import { describe, expect, it } from 'vitest';
import { fundingHint, type FundingContext, type FundingInstrument } from './funding.js';

const action: FundingContext = {
  actionKind: 'external_offer',
  recognitions: null,
  employerKind: 'employer',
  employees: null,
  participantTargetGroups: ['target_group_employee'],
  hours: 40,
  participants: 3,
  costCents: 300_000,
};

describe('funding hints: unknown facts and checks by hand', () => {
  const leave: FundingInstrument = {
    key: 'vlaams-opleidingsverlof',
    name: { nl: 'Vlaams Opleidingsverlof' },
    conditions: {
      actionKinds: ['external_offer'],
      recognition: 'vlaams_opleidingsverlof',
      minHours: 32,
      maxHoursPerParticipant: 125,
      manualChecks: ['private_sector_flanders'],
    },
    coverageShare: 0,
    amountPerHourCents: 2_130,
    capPerParticipantCents: 125 * 2_130,
  };

  it('an action without a catalog offer leaves the recognition unknown: check, not no', () => {
    const hint = fundingHint(leave, action);
    expect(hint.verdict).toBe('check');
    expect(hint.checks).toContainEqual({ condition: 'recognition', met: null });
    // 40 h × €21.30 × 3 participants
    expect(hint.estimatedCents).toBe(255_600);
    expect(hint.coverageBasisPoints).toBe(0);
  });

  it('conditions to check by hand keep the verdict at check even when everything else is met', () => {
    const hint = fundingHint(leave, { ...action, recognitions: ['vlaams_opleidingsverlof'] });
    expect(hint.verdict).toBe('check');
    expect(hint.manualChecks).toEqual(['private_sector_flanders']);
    expect(hint.checks.every((c) => c.met === true)).toBe(true);
  });

  it('counts at most the hours per participant of the instrument', () => {
    // 200 h counted as 125 h: 125 × €21.30 × 2
    expect(fundingHint(leave, { ...action, hours: 200, participants: 2 }).estimatedCents).toBe(532_500);
  });

  it('a training shorter than the minimum hours does not qualify', () => {
    const hint = fundingHint(leave, { ...action, hours: 8 });
    expect(hint).toMatchObject({ verdict: 'no', estimatedCents: 0 });
    expect(hint.checks).toContainEqual({ condition: 'minHours', met: false });
  });
});

describe('funding hints: share by size of the employer (KMO-portefeuille)', () => {
  const kmo: FundingInstrument = {
    key: 'kmo-portefeuille',
    name: { nl: 'KMO-portefeuille' },
    conditions: {
      maxEmployees: 249,
      coverageByEmployees: [
        { maxEmployees: 249, coverageBasisPoints: 2_000 },
        { maxEmployees: 49, coverageBasisPoints: 3_000 },
      ],
    },
    coverageShare: 0.2,
    capPerActionCents: 750_000,
  };

  it('a small enterprise gets 30 %, a medium one 20 %', () => {
    expect(fundingHint(kmo, { ...action, employees: 30 })).toMatchObject({
      verdict: 'likely',
      coverageBasisPoints: 3_000,
      estimatedCents: 90_000,
    });
    expect(fundingHint(kmo, { ...action, employees: 120 })).toMatchObject({
      verdict: 'likely',
      coverageBasisPoints: 2_000,
      estimatedCents: 60_000,
    });
  });

  it('size unknown: the lowest share, and the size is to check', () => {
    expect(fundingHint(kmo, action)).toMatchObject({ verdict: 'check', coverageBasisPoints: 2_000, estimatedCents: 60_000 });
  });

  it('a lower bound above the limit is enough to say no', () => {
    expect(fundingHint(kmo, { ...action, employeesAtLeast: 400 }).verdict).toBe('no');
    expect(fundingHint(kmo, { ...action, employeesAtLeast: 120 }).verdict).toBe('check');
  });

  it('never more than the cap per action', () => {
    expect(fundingHint(kmo, { ...action, employees: 10, costCents: 10_000_000 }).estimatedCents).toBe(750_000);
  });
});
