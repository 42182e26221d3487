/**
 * Triage of a learning question or a need (domain-rules §5): is it a real training need?
 * Gilbert's Behavior Engineering Model, six factors, each answered "is this factor a cause?".
 */

export const environmentFactors = ['information', 'resources', 'incentives'] as const;
export const personFactors = ['knowledge_skills', 'capacity', 'motives'] as const;
export const gilbertFactors = [...environmentFactors, ...personFactors] as const;
export type GilbertFactor = (typeof gilbertFactors)[number];

export const triageAnswers = ['yes', 'no', 'unknown'] as const;
export type TriageAnswer = (typeof triageAnswers)[number];

export const nonTrainingActionKinds = ['communication', 'tools', 'hr_policy', 'work_organisation', 'coaching'] as const;
export type NonTrainingActionKind = (typeof nonTrainingActionKinds)[number];

export type TriageClassification = 'training_need' | 'non_training' | 'unclear';

export interface TriageInput {
  factors: Record<GilbertFactor, TriageAnswer>;
  /** Does the person (or organisation) want to close it through learning? */
  wishToLearn: TriageAnswer;
}

export interface TriageResult {
  classification: TriageClassification;
  /** For non-training: one proposed action per other factor answered "yes", in factor order. */
  proposedActions: Array<{ factor: Exclude<GilbertFactor, 'knowledge_skills'>; kind: NonTrainingActionKind }>;
  /** Why the result is what it is, as message keys the UI translates. */
  reason: 'knowledge_and_wish' | 'other_causes' | 'knowledge_without_wish' | 'no_cause_known' | 'knowledge_unknown';
}

/**
 * The non-training action that answers a cause outside knowledge and skills:
 * expectations and feedback → communication; tools and time → tools; incentives → HR policy;
 * capacity → work organisation (fit the job to the person); motives → coaching on motivation.
 */
export const actionForFactor: Record<Exclude<GilbertFactor, 'knowledge_skills'>, NonTrainingActionKind> = {
  information: 'communication',
  resources: 'tools',
  incentives: 'hr_policy',
  capacity: 'work_organisation',
  motives: 'coaching',
};

export function classifyTriage(input: TriageInput): TriageResult {
  const knowledge = input.factors.knowledge_skills;
  const otherCauses = gilbertFactors.filter(
    (f): f is Exclude<GilbertFactor, 'knowledge_skills'> => f !== 'knowledge_skills' && input.factors[f] === 'yes',
  );

  if (knowledge === 'yes' && input.wishToLearn === 'yes') {
    return { classification: 'training_need', proposedActions: [], reason: 'knowledge_and_wish' };
  }
  if (knowledge === 'no' && otherCauses.length > 0) {
    return {
      classification: 'non_training',
      proposedActions: otherCauses.map((factor) => ({ factor, kind: actionForFactor[factor] })),
      reason: 'other_causes',
    };
  }
  const reason = knowledge === 'yes' ? 'knowledge_without_wish' : knowledge === 'unknown' ? 'knowledge_unknown' : 'no_cause_known';
  return { classification: 'unclear', proposedActions: [], reason };
}
