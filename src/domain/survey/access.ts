import { todayInBrussels } from '../calendar/brussels.js';

/**
 * May a personal survey link be used right now? The answer decides the error the respondent sees,
 * so the order matters: a revoked link says "revoked" even when the campaign has closed since.
 */

export type SurveyAccess = 'ok' | 'revoked' | 'closed' | 'expired' | 'not_open';

export interface AccessInput {
  campaign: { status: 'draft' | 'open' | 'closed'; opensOn: string; closesOn: string };
  invitation: { revokedAt: Date | null; expiresAt: Date | null };
  now: Date;
}

export function surveyAccess({ campaign, invitation, now }: AccessInput): SurveyAccess {
  if (invitation.revokedAt) return 'revoked';
  if (campaign.status === 'closed') return 'closed';
  const today = todayInBrussels(now);
  if (campaign.status === 'draft' || today < campaign.opensOn) return 'not_open';
  if ((invitation.expiresAt && invitation.expiresAt.getTime() <= now.getTime()) || today > campaign.closesOn) return 'expired';
  return 'ok';
}
