import type { Executor } from '../../db/client.js';
import { readAll } from '../../db/read-all.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { effortPerParticipant, median, monthsAhead, mostCommonImportance, windowStart } from '../../domain/priority/inputs.js';
import {
  priorityCriteria,
  suggestCoreTask,
  suggestFairness,
  suggestFeasibility,
  suggestInvestment,
  suggestUrgency,
  type PriorityCriterion,
} from '../../domain/priority/score.js';
import type { Actor } from '../../server/tenancy.js';
import type { DiagnosisService } from '../diagnosis/service.js';
import * as q from './queries.js';
import type { SuggestionView } from './schemas.js';

/**
 * The suggested score of every criterion for one need (domain-rules §6), with the figures it was
 * computed from. Reads only; runs outside write transactions (the prognosis opens its own).
 */
export interface CriterionSuggestion {
  suggestion: SuggestionView | null;
  /** Message key for a missing or partial suggestion. */
  note: string | null;
}

export type Suggestions = Record<PriorityCriterion, CriterionSuggestion>;

/** Fairness looks back this many months of training history. */
export const FAIRNESS_MONTHS = 24;
/** Feasibility: an offer counts as "soon" when an edition starts within this many months. */
export const FEASIBILITY_MONTHS = 6;

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export async function suggestionsFor(
  db: Executor,
  deps: { diagnosis: DiagnosisService; now: Date },
  actor: Actor,
  need: q.NeedRow,
): Promise<Suggestions> {
  const result = Object.fromEntries(priorityCriteria.map((c) => [c, { suggestion: null, note: `${c}.no_data` }])) as Suggestions;
  result.success.note = 'success.manual';
  result.strategic_fit.note = 'strategic_fit.manual';
  const persons = await q.concernedPersonIds(db, need);
  const today = todayInBrussels(deps.now);

  // Core-task relevance: the most common importance among the people's function profiles.
  if (!need.competenceId) {
    result.core_task.note = 'core_task.no_competence';
  } else if (persons.length) {
    const common = mostCommonImportance(
      (await q.importances(db, need.organisationId, persons, need.competenceId)).map((r) => r.importance),
    );
    if (common) {
      const s = suggestCoreTask(common.importance);
      result.core_task = {
        suggestion: { ...s, inputs: { core: common.core, supporting: common.supporting, absent: common.absent } },
        note: null,
      };
    }
  } else if (need.functionProfileId) {
    const importance = await q.profileImportance(db, need.organisationId, need.functionProfileId, need.competenceId);
    const s = suggestCoreTask(importance);
    result.core_task = { suggestion: { ...s, inputs: { functionProfileImportance: importance ?? 'absent' } }, note: null };
  } else {
    result.core_task.note = 'core_task.no_people';
  }

  // Fairness: the people's median training hours in the window against the organisation median.
  const minutes = await q.trainingMinutesPerPerson(db, need.organisationId, windowStart(today, FAIRNESS_MONTHS));
  const affected = persons.filter((p) => minutes.has(p)).map((p) => hours(minutes.get(p)!));
  const organisationMedian = median([...minutes.values()].map(hours));
  const affectedMedian = median(affected);
  const fairness = suggestFairness(affectedMedian, organisationMedian);
  if (fairness) {
    result.fairness = {
      suggestion: {
        ...fairness,
        inputs: {
          affectedMedianHours: affectedMedian,
          organisationMedianHours: organisationMedian,
          people: affected.length,
          months: FAIRNESS_MONTHS,
        },
      },
      note: null,
    };
  } else {
    result.fairness.note = 'fairness.no_people';
  }

  // Feasibility: a matching catalog offer with a free seat within 6 months, an internal trainer,
  // or only offers later or full (domain-rules §6).
  if (need.competenceId) {
    const competenceId = need.competenceId;
    const [trainers, offers] = await readAll(db, [
      () => q.internalTrainerCount(db, need.organisationId, competenceId),
      () => q.matchingOffers(db, competenceId, today, monthsAhead(today, FEASIBILITY_MONTHS)),
    ]);
    const s = suggestFeasibility({
      offerWithin6Months: offers.soon > 0,
      internalTrainer: trainers > 0,
      onlyDistantOrExpensive: offers.all > 0,
    });
    result.feasibility = {
      suggestion: { ...s, inputs: { offersSoon: offers.soon, offers: offers.all, internalTrainers: trainers } },
      note: null,
    };
  } else {
    result.feasibility.note = 'feasibility.no_competence';
  }

  // Urgency: the nearest of the need's date, the latest triage deadline and the prognosis risk.
  const [latest] = await q.triageHistory(db, need.organisationId, { needId: need.id }, 1);
  const deadlines = [need.urgencyDate, latest?.triage.deadline ?? null].filter((d): d is string => d !== null).sort();
  const deadline = deadlines[0] ?? null;
  let atRiskYear: number | null = null;
  if (need.competenceId) {
    const prognosis = await deps.diagnosis.prognosis(actor, need.organisationId, {});
    const row = prognosis.competences.find((c) => c.competence.id === need.competenceId && c.shown);
    if (row?.now?.atRisk) atRiskYear = prognosis.currentYear;
    else if (row?.horizon?.atRisk) atRiskYear = prognosis.horizonYear;
  }
  const urgency = suggestUrgency({
    now: deps.now,
    deadline: deadline ? new Date(`${deadline}T00:00:00Z`) : null,
    atRiskHorizonYear: atRiskYear,
  });
  if (urgency) result.urgency = { suggestion: { ...urgency, inputs: { deadline, atRiskYear } }, note: null };

  // Investment: estimated cost per participant and hours of the training actions linked to it.
  const actions = (await q.actionsOfNeeds(db, need.organisationId, [need.id])).filter(
    (a) => a.kind !== 'non_training' && a.status !== 'cancelled',
  );
  const effort = effortPerParticipant(
    actions.map((a) => ({
      costPerParticipantCents: a.costPerParticipantCents,
      fixedCostCents: a.fixedCostCents,
      participants: a.participantsCount || need.peopleCount,
      durationMinutes: a.durationMinutes,
    })),
  );
  const investment = effort ? suggestInvestment(effort.costPerParticipantCents, effort.hours) : null;
  if (investment && effort) {
    result.investment = {
      suggestion: {
        ...investment,
        inputs: { costPerParticipantCents: effort.costPerParticipantCents, hours: effort.hours, actions: actions.length },
      },
      note: null,
    };
  } else {
    result.investment.note = 'investment.no_actions';
  }
  return result;
}
