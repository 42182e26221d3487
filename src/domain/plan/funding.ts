import type { ActionKind } from './plan.js';

/**
 * Funding instruments are data (src/db/reference/funding-instruments.json): their conditions are
 * documented facts about an action, so rules can change without code. This function only says
 * whether an instrument *may* apply and why — a hint, never legal advice.
 */
export interface FundingConditions {
  actionKinds?: ActionKind[];
  /** The offer must carry this recognition (e.g. 'vlaams_opleidingsverlof', 'kmo_portefeuille'). */
  recognition?: string;
  employerKinds?: string[];
  /** Only for these target groups of participants. */
  targetGroups?: string[];
  /** The training lasts at least this many hours. */
  minHours?: number;
  /** Only for employers with at most this many employees (KMO/SME). */
  maxEmployees?: number;
  /**
   * Share covered by size of the employer: the first tier with maxEmployees ≥ the employees.
   * When the size is unknown the lowest share counts (the estimate never promises too much).
   */
  coverageByEmployees?: Array<{ maxEmployees: number; coverageBasisPoints: number }>;
  /** Hours counted per participant at most (e.g. 125 hours of opleidingsverlof per school year). */
  maxHoursPerParticipant?: number;
  /**
   * Conditions Leerkompas cannot check (education level, region, legal form, …), by key. They
   * are shown to the user in plain words and keep the verdict at "check".
   */
  manualChecks?: string[];
}

export interface FundingInstrument {
  key: string;
  name: Record<string, string>;
  conditions: FundingConditions;
  /** Share of the eligible cost covered, 0–1. */
  coverageShare: number;
  /** Paid per training hour and participant instead of a share of the cost (e.g. Vlaams Opleidingsverlof). */
  amountPerHourCents?: number | null;
  capPerParticipantCents?: number | null;
  capPerActionCents?: number | null;
}

export interface FundingContext {
  actionKind: ActionKind;
  /** Recognitions of the linked offer; null when unknown (no catalog offer linked). */
  recognitions: string[] | null;
  employerKind: string;
  /** Exact number of employees when known, else null. */
  employees: number | null;
  /** A lower bound when the exact number is unknown (e.g. the people registered in Leerkompas). */
  employeesAtLeast?: number;
  participantTargetGroups: string[];
  hours: number | null;
  participants: number;
  costCents: number;
}

export type ConditionCheck = {
  condition: Exclude<keyof FundingConditions, 'coverageByEmployees' | 'maxHoursPerParticipant' | 'manualChecks'>;
  met: boolean | null;
};

export interface FundingHint {
  instrument: string;
  /** 'likely' = every documented condition met; 'check' = some unknown or to check by hand; 'no' = a condition fails. */
  verdict: 'likely' | 'check' | 'no';
  checks: ConditionCheck[];
  /** Conditions to check by hand (keys from the instrument's data). */
  manualChecks: string[];
  /** Share used for the estimate, in basis points (0 for instruments paid per hour). */
  coverageBasisPoints: number;
  /** What the instrument might cover at most, in cents (0 when verdict = 'no'). */
  estimatedCents: number;
}

function employeesCheck(max: number, action: FundingContext): boolean | null {
  if (action.employees !== null) return action.employees <= max;
  if (action.employeesAtLeast !== undefined && action.employeesAtLeast > max) return false;
  return null;
}

/** The share that applies: a size tier when the size is known, else the lowest share on record. */
function coverageOf(instrument: FundingInstrument, action: FundingContext): number {
  const tiers = [...(instrument.conditions.coverageByEmployees ?? [])].sort((a, b) => a.maxEmployees - b.maxEmployees);
  if (tiers.length === 0) return instrument.coverageShare;
  if (action.employees !== null) {
    const tier = tiers.find((t) => action.employees! <= t.maxEmployees);
    return tier ? tier.coverageBasisPoints / 10_000 : 0;
  }
  return Math.min(instrument.coverageShare, ...tiers.map((t) => t.coverageBasisPoints / 10_000));
}

export function fundingHint(instrument: FundingInstrument, action: FundingContext): FundingHint {
  const c = instrument.conditions;
  const checks: ConditionCheck[] = [];
  if (c.actionKinds) checks.push({ condition: 'actionKinds', met: c.actionKinds.includes(action.actionKind) });
  if (c.recognition)
    checks.push({ condition: 'recognition', met: action.recognitions === null ? null : action.recognitions.includes(c.recognition) });
  if (c.employerKinds) checks.push({ condition: 'employerKinds', met: c.employerKinds.includes(action.employerKind) });
  if (c.targetGroups) {
    checks.push({
      condition: 'targetGroups',
      met: action.participantTargetGroups.length === 0 ? null : action.participantTargetGroups.some((g) => c.targetGroups!.includes(g)),
    });
  }
  if (c.minHours !== undefined) checks.push({ condition: 'minHours', met: action.hours === null ? null : action.hours >= c.minHours });
  if (c.maxEmployees !== undefined) checks.push({ condition: 'maxEmployees', met: employeesCheck(c.maxEmployees, action) });
  const manualChecks = [...(c.manualChecks ?? [])];

  const verdict = checks.some((x) => x.met === false)
    ? 'no'
    : checks.some((x) => x.met === null) || manualChecks.length > 0
      ? 'check'
      : 'likely';
  const share = instrument.amountPerHourCents != null ? 0 : coverageOf(instrument, action);
  const coverageBasisPoints = Math.round(share * 10_000);
  if (verdict === 'no') return { instrument: instrument.key, verdict, checks, manualChecks, coverageBasisPoints, estimatedCents: 0 };
  let estimate: number;
  if (instrument.amountPerHourCents != null) {
    const hours = action.hours ?? 0;
    const counted = c.maxHoursPerParticipant !== undefined ? Math.min(hours, c.maxHoursPerParticipant) : hours;
    estimate = Math.floor(instrument.amountPerHourCents * counted * action.participants);
  } else {
    estimate = Math.floor(action.costCents * share);
  }
  if (instrument.capPerParticipantCents != null) estimate = Math.min(estimate, instrument.capPerParticipantCents * action.participants);
  if (instrument.capPerActionCents != null) estimate = Math.min(estimate, instrument.capPerActionCents);
  return { instrument: instrument.key, verdict, checks, manualChecks, coverageBasisPoints, estimatedCents: estimate };
}
