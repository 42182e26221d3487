/**
 * Checks of a supervisor or third-party rating form (issue 3 item 4) before anything is stored.
 * Every function returns all problems, each naming the field (paths like
 * "/body/ratings/0/level"), so a form can show them next to the inputs.
 */

export interface RatingProblem {
  path: string;
  message: string;
}

export interface RatingInput {
  competenceId: string;
  level: number;
}

export interface RatingContext {
  /** The highest level of the person's scale (levels run 0..maxLevel). */
  maxLevel: number;
  /** Competences the organisation may use (public reference data or its own frameworks). */
  isUsableCompetence: (competenceId: string) => boolean;
  /** The competences of the campaign the ratings belong to; null = not part of a campaign. */
  campaignCompetences: ReadonlySet<string> | null;
}

export function checkRatings(ratings: readonly RatingInput[], context: RatingContext): RatingProblem[] {
  const problems: RatingProblem[] = [];
  const seen = new Map<string, number>();
  ratings.forEach((rating, index) => {
    const at = `/body/ratings/${index}`;
    if (!context.isUsableCompetence(rating.competenceId)) {
      problems.push({ path: `${at}/competenceId`, message: 'does not exist or is not available to this organisation' });
    } else if (context.campaignCompetences && !context.campaignCompetences.has(rating.competenceId)) {
      problems.push({ path: `${at}/competenceId`, message: 'is not asked in this campaign' });
    }
    const first = seen.get(rating.competenceId);
    if (first !== undefined) problems.push({ path: `${at}/competenceId`, message: `is rated twice (first at ratings/${first})` });
    else seen.set(rating.competenceId, index);
    if (!Number.isInteger(rating.level) || rating.level < 0 || rating.level > context.maxLevel) {
      problems.push({ path: `${at}/level`, message: `must be a level of the person's scale, from 0 to ${context.maxLevel}` });
    }
  });
  return problems;
}

export interface RatingCampaign {
  status: 'draft' | 'open' | 'closed';
  supervisorAssessment: boolean;
}

/** A campaign can take supervisor and third-party ratings only while open, when it asks for them, and for its own people. */
export function checkRatingCampaign(campaign: RatingCampaign, personInCampaign: boolean): RatingProblem[] {
  const path = '/body/campaignId';
  if (campaign.status !== 'open')
    return [{ path, message: campaign.status === 'closed' ? 'is closed: its ratings can no longer change' : 'is not open yet' }];
  if (!campaign.supervisorAssessment) return [{ path, message: 'does not ask supervisors to rate' }];
  if (!personInCampaign) return [{ path, message: 'does not include this person' }];
  return [];
}

export interface CampaignScopeRule {
  teamIds: readonly string[];
  functionProfileIds: readonly string[];
  targetGroups: readonly string[];
}

/**
 * Whether a person is in a campaign: invited to it, or (people who joined the team after it
 * opened) matching its scope today, where an empty list means "no restriction".
 */
export function isInCampaign(
  scope: CampaignScopeRule,
  person: { teamId: string | null; functionProfileId: string | null; targetGroup: string },
  invited: boolean,
): boolean {
  if (invited) return true;
  if (scope.teamIds.length && (person.teamId === null || !scope.teamIds.includes(person.teamId))) return false;
  if (
    scope.functionProfileIds.length &&
    (person.functionProfileId === null || !scope.functionProfileIds.includes(person.functionProfileId))
  )
    return false;
  if (scope.targetGroups.length && !scope.targetGroups.includes(person.targetGroup)) return false;
  return true;
}
