import { describe, expect, it } from 'vitest';
import { classifyTriage, type GilbertFactor, type TriageAnswer, type TriageInput } from './classify.js';

const input = (factors: Partial<Record<GilbertFactor, TriageAnswer>>, wishToLearn: TriageAnswer = 'yes'): TriageInput => ({
  factors: { information: 'no', resources: 'no', incentives: 'no', knowledge_skills: 'no', capacity: 'no', motives: 'no', ...factors },
  wishToLearn,
});

describe('classifyTriage (domain-rules §5)', () => {
  it('knowledge & skills = yes and wish = yes → training need, whatever else is a cause', () => {
    expect(classifyTriage(input({ knowledge_skills: 'yes' }))).toMatchObject({ classification: 'training_need', proposedActions: [] });
    expect(classifyTriage(input({ knowledge_skills: 'yes', resources: 'yes', motives: 'unknown' })).classification).toBe('training_need');
  });

  it('knowledge & skills = no with another cause → non-training, with the matching actions', () => {
    // "More errors since the new planning software": the tablets freeze and nobody explained the new flow.
    const result = classifyTriage(input({ resources: 'yes', information: 'yes' }));
    expect(result.classification).toBe('non_training');
    expect(result.proposedActions).toEqual([
      { factor: 'information', kind: 'communication' },
      { factor: 'resources', kind: 'tools' },
    ]);
  });

  it('maps every non-knowledge factor to its action', () => {
    const all = classifyTriage(input({ information: 'yes', resources: 'yes', incentives: 'yes', capacity: 'yes', motives: 'yes' }, 'no'));
    expect(all.proposedActions.map((a) => a.kind)).toEqual(['communication', 'tools', 'hr_policy', 'work_organisation', 'coaching']);
  });

  it('knowledge = yes but no wish to learn → unclear (a conversation first)', () => {
    expect(classifyTriage(input({ knowledge_skills: 'yes' }, 'no'))).toMatchObject({
      classification: 'unclear',
      reason: 'knowledge_without_wish',
    });
    expect(classifyTriage(input({ knowledge_skills: 'yes' }, 'unknown'))).toMatchObject({
      classification: 'unclear',
      reason: 'knowledge_without_wish',
    });
  });

  it('knowledge unknown → unclear, even with other causes', () => {
    expect(classifyTriage(input({ knowledge_skills: 'unknown', resources: 'yes' }))).toMatchObject({
      classification: 'unclear',
      reason: 'knowledge_unknown',
    });
  });

  it('knowledge = no and no other cause answered yes → unclear', () => {
    expect(classifyTriage(input({ resources: 'unknown' }))).toMatchObject({ classification: 'unclear', reason: 'no_cause_known' });
  });
});
