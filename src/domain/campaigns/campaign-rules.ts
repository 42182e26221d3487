/**
 * The rules of a campaign's settings (issue 3 item 1) and of its life cycle
 * draft → open → closed. Every function returns all problems, each naming the field
 * (paths like "/body/closesOn"), so a form can show them next to the inputs.
 */

export const campaignLocales = ['nl', 'fr', 'en', 'nl-easy'] as const;
export type CampaignLocale = (typeof campaignLocales)[number];

export interface CampaignProblem {
  path: string;
  message: string;
}

export interface CampaignSettings {
  perspectives: readonly string[];
  /** YYYY-MM-DD */
  opensOn: string;
  /** YYYY-MM-DD */
  closesOn: string;
  locales: readonly string[];
  mode: 'named' | 'anonymous';
  supervisorAssessment: boolean;
}

/** Whole-campaign consistency: dates in order, Dutch always offered, anonymity kept. */
export function checkCampaignSettings(s: CampaignSettings): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (s.perspectives.length === 0) problems.push({ path: '/body/perspectives', message: 'choose at least one perspective' });
  if (new Set(s.perspectives).size !== s.perspectives.length)
    problems.push({ path: '/body/perspectives', message: 'lists a perspective twice' });
  // ISO dates compare correctly as strings.
  if (s.closesOn < s.opensOn) problems.push({ path: '/body/closesOn', message: 'must be on or after the opening date (opensOn)' });
  if (!s.locales.includes('nl')) problems.push({ path: '/body/locales', message: 'must include nl (Dutch is always offered)' });
  if (new Set(s.locales).size !== s.locales.length) problems.push({ path: '/body/locales', message: 'lists a language twice' });
  if (s.mode === 'anonymous' && s.supervisorAssessment) {
    problems.push({
      path: '/body/supervisorAssessment',
      message: 'must be false in an anonymous campaign: a supervisor rating is tied to a named person, which would undo the anonymity',
    });
  }
  return problems;
}

/** The fields HR may still change once a campaign is open. */
export const editableWhileOpen = ['title', 'description', 'closesOn'] as const;

/**
 * A change to an open campaign: only the title, the description and a later closing date.
 * `today` is the current date in Brussels (YYYY-MM-DD).
 */
export function checkOpenCampaignChange(current: { closesOn: string }, change: Record<string, unknown>, today: string): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  for (const field of Object.keys(change)) {
    if (!(editableWhileOpen as readonly string[]).includes(field)) {
      problems.push({
        path: `/body/${field}`,
        message: 'can not be changed while the campaign is open (only title, description and a later closing date)',
      });
    }
  }
  const closesOn = change.closesOn;
  if (typeof closesOn === 'string') {
    if (closesOn < current.closesOn)
      problems.push({ path: '/body/closesOn', message: `can only be extended while the campaign is open (now ${current.closesOn})` });
    else if (closesOn < today) problems.push({ path: '/body/closesOn', message: 'must not be in the past' });
  }
  return problems;
}
