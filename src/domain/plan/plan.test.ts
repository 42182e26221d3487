import { describe, expect, it } from 'vitest';
import { actionCostCents, assertEditable, assertTransition, budgetView, PlanRuleError } from './plan.js';
import { fundingHint, type FundingInstrument } from './funding.js';

describe('action cost', () => {
  it('participants × cost per participant + fixed cost, in cents', () => {
    expect(actionCostCents({ participants: 12, costPerParticipantCents: 14_950, fixedCostCents: 30_000 })).toBe(209_400);
  });
  it('rejects negative or fractional money and participants', () => {
    expect(() => actionCostCents({ participants: 3, costPerParticipantCents: -100 })).toThrowError(PlanRuleError);
    expect(() => actionCostCents({ participants: 3, costPerParticipantCents: 10.5 })).toThrowError(/whole euro cents/);
    expect(() => actionCostCents({ participants: -1, costPerParticipantCents: 100 })).toThrowError(/Participants/);
  });
});

describe('budget view (planned vs committed vs spent)', () => {
  it('sums per funding source and in total; later statuses count in earlier ones', () => {
    const view = budgetView([
      {
        costCents: 200_000,
        funding: [
          { source: 'opleidingscheques', amountCents: 50_000, status: 'spent' },
          { source: 'own_budget', amountCents: 150_000, status: 'committed' },
        ],
      },
      { costCents: 120_000, funding: [{ source: 'own_budget', amountCents: 60_000, status: 'planned' }] },
    ]);
    expect(view.bySource).toEqual([
      { source: 'own_budget', planned: 210_000, committed: 150_000, spent: 0 },
      { source: 'opleidingscheques', planned: 50_000, committed: 50_000, spent: 50_000 },
    ]);
    expect(view.total).toEqual({ planned: 260_000, committed: 200_000, spent: 50_000 });
    expect(view.costCents).toBe(320_000);
    expect(view.unfundedCents).toBe(60_000);
  });
  it('an empty plan has an empty budget', () => {
    expect(budgetView([])).toEqual({ bySource: [], total: { planned: 0, committed: 0, spent: 0 }, costCents: 0, unfundedCents: 0 });
  });
});

describe('plan life cycle', () => {
  it('draft → approved → closed', () => {
    expect(() => assertTransition('draft', 'approved', 3)).not.toThrow();
    expect(() => assertTransition('approved', 'closed', 3)).not.toThrow();
  });
  it('refuses to approve an empty plan, to skip a step or to go back', () => {
    expect(() => assertTransition('draft', 'approved', 0)).toThrowError(/at least one action/);
    expect(() => assertTransition('draft', 'closed', 2)).toThrowError(/cannot become closed/);
    expect(() => assertTransition('closed', 'draft', 2)).toThrowError(PlanRuleError);
  });
  it('only a draft can be edited', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    expect(() => assertEditable('approved')).toThrowError(/new version/);
  });
});

describe('funding hints', () => {
  const cheques: FundingInstrument = {
    key: 'opleidingscheques',
    name: { nl: 'Opleidingscheques' },
    conditions: { actionKinds: ['external_offer'], recognition: 'opleidingscheques' },
    coverageShare: 0.5,
    capPerParticipantCents: 25_000,
  };
  const action = {
    actionKind: 'external_offer' as const,
    recognitions: ['opleidingscheques'],
    employerKind: 'employer',
    employees: 120,
    participantTargetGroups: ['target_group_employee'],
    hours: 12,
    participants: 4,
    costCents: 240_000,
  };

  it('likely when every condition is met; estimate capped per participant', () => {
    // half of €2,400 = €1,200, but at most €250 × 4 = €1,000
    expect(fundingHint(cheques, action)).toMatchObject({ verdict: 'likely', estimatedCents: 100_000 });
  });
  it('no when a condition fails, with the failing check named', () => {
    const hint = fundingHint(cheques, { ...action, recognitions: [] });
    expect(hint.verdict).toBe('no');
    expect(hint.estimatedCents).toBe(0);
    expect(hint.checks).toContainEqual({ condition: 'recognition', met: false });
  });
  it('check when data to decide is missing', () => {
    const kmo: FundingInstrument = {
      key: 'kmo-portefeuille',
      name: { nl: 'KMO-portefeuille' },
      conditions: { maxEmployees: 250 },
      coverageShare: 0.3,
      capPerActionCents: null,
    };
    expect(fundingHint(kmo, { ...action, employees: null })).toMatchObject({ verdict: 'check', estimatedCents: 72_000 });
    expect(fundingHint(kmo, { ...action, employees: 400 }).verdict).toBe('no');
  });
  it('instruments paid per hour estimate hours × rate × participants, within the cap', () => {
    const leave: FundingInstrument = {
      key: 'vlaams-opleidingsverlof',
      name: { nl: 'Vlaams Opleidingsverlof' },
      conditions: {},
      coverageShare: 0,
      amountPerHourCents: 2_130,
      capPerParticipantCents: 125 * 2_130,
    };
    // 12 h × €21.30 × 4 participants
    expect(fundingHint(leave, action).estimatedCents).toBe(102_240);
    expect(fundingHint(leave, { ...action, hours: 200, participants: 1 }).estimatedCents).toBe(125 * 2_130);
  });
});
