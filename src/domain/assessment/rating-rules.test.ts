import { describe, expect, it } from 'vitest';
import { checkRatingCampaign, checkRatings, isInCampaign } from './rating-rules.js';

const usable = new Set(['a', 'b', 'c']);
const context = { maxLevel: 4, isUsableCompetence: (id: string) => usable.has(id), campaignCompetences: null };

describe('rating form checks', () => {
  it('accepts levels 0..max of the scale', () => {
    expect(
      checkRatings(
        [
          { competenceId: 'a', level: 0 },
          { competenceId: 'b', level: 4 },
        ],
        context,
      ),
    ).toEqual([]);
  });

  it('names the level outside the scale', () => {
    expect(checkRatings([{ competenceId: 'a', level: 5 }], context)).toEqual([
      { path: '/body/ratings/0/level', message: "must be a level of the person's scale, from 0 to 4" },
    ]);
    expect(
      checkRatings(
        [
          { competenceId: 'a', level: 2 },
          { competenceId: 'b', level: -1 },
        ],
        { ...context, maxLevel: 3 },
      )[0].path,
    ).toBe('/body/ratings/1/level');
  });

  it('names unknown competences, competences outside the campaign and doubles', () => {
    const problems = checkRatings(
      [
        { competenceId: 'x', level: 1 },
        { competenceId: 'c', level: 1 },
        { competenceId: 'a', level: 1 },
        { competenceId: 'a', level: 2 },
      ],
      { ...context, campaignCompetences: new Set(['a', 'b']) },
    );
    expect(problems).toEqual([
      { path: '/body/ratings/0/competenceId', message: 'does not exist or is not available to this organisation' },
      { path: '/body/ratings/1/competenceId', message: 'is not asked in this campaign' },
      { path: '/body/ratings/3/competenceId', message: 'is rated twice (first at ratings/2)' },
    ]);
  });

  it('takes campaign ratings only in an open campaign that asks supervisors, for its own people', () => {
    expect(checkRatingCampaign({ status: 'open', supervisorAssessment: true }, true)).toEqual([]);
    expect(checkRatingCampaign({ status: 'closed', supervisorAssessment: true }, true)[0]).toMatchObject({
      path: '/body/campaignId',
      message: expect.stringContaining('closed'),
    });
    expect(checkRatingCampaign({ status: 'draft', supervisorAssessment: true }, true)[0].message).toContain('not open');
    expect(checkRatingCampaign({ status: 'open', supervisorAssessment: false }, true)[0].message).toContain('does not ask');
    expect(checkRatingCampaign({ status: 'open', supervisorAssessment: true }, false)[0].message).toContain('does not include');
  });
});

describe('who is in a campaign', () => {
  const person = { teamId: 't1', functionProfileId: 'p1', targetGroup: 'target_group_employee' };
  const everyone = { teamIds: [], functionProfileIds: [], targetGroups: [] };

  it('an empty scope takes everyone', () => {
    expect(isInCampaign(everyone, person, false)).toBe(true);
    expect(isInCampaign(everyone, { teamId: null, functionProfileId: null, targetGroup: 'other_staff' }, false)).toBe(true);
  });

  it('every non-empty dimension must match', () => {
    expect(isInCampaign({ ...everyone, teamIds: ['t1'], targetGroups: ['target_group_employee'] }, person, false)).toBe(true);
    expect(isInCampaign({ ...everyone, teamIds: ['t2'] }, person, false)).toBe(false);
    expect(isInCampaign({ ...everyone, functionProfileIds: ['p2'] }, person, false)).toBe(false);
    expect(isInCampaign({ ...everyone, targetGroups: ['supervisory_staff'] }, person, false)).toBe(false);
    expect(isInCampaign({ ...everyone, teamIds: ['t1'] }, { ...person, teamId: null }, false)).toBe(false);
  });

  it('an invited person stays in even after moving team', () => {
    expect(isInCampaign({ ...everyone, teamIds: ['t2'] }, person, true)).toBe(true);
  });
});
