import { describe, expect, it } from 'vitest';
import { endOfDayInBrussels } from '../campaigns/expiry.js';
import { surveyAccess } from './access.js';

const open = { status: 'open' as const, opensOn: '2026-03-02', closesOn: '2026-03-20' };
const live = { revokedAt: null, expiresAt: endOfDayInBrussels('2026-03-20') };
const at = (iso: string) => new Date(iso);

describe('surveyAccess', () => {
  it('lets a live link in while the campaign is open', () => {
    expect(surveyAccess({ campaign: open, invitation: live, now: at('2026-03-10T08:00:00Z') })).toBe('ok');
  });

  it('opens on the opening day in Brussels, not before', () => {
    // 23:30 UTC on 1 March is already 2 March in Brussels (winter time, UTC+1).
    expect(surveyAccess({ campaign: open, invitation: live, now: at('2026-03-01T22:30:00Z') })).toBe('not_open');
    expect(surveyAccess({ campaign: open, invitation: live, now: at('2026-03-01T23:30:00Z') })).toBe('ok');
  });

  it('a draft campaign is not open yet', () => {
    expect(surveyAccess({ campaign: { ...open, status: 'draft' }, invitation: live, now: at('2026-03-10T08:00:00Z') })).toBe('not_open');
  });

  it('the link expires at the end of the closing day in Brussels', () => {
    expect(surveyAccess({ campaign: open, invitation: live, now: at('2026-03-20T22:59:00Z') })).toBe('ok');
    expect(surveyAccess({ campaign: open, invitation: live, now: at('2026-03-20T23:00:00Z') })).toBe('expired');
  });

  it('an expired link stays expired even when the campaign is still open', () => {
    const early = { revokedAt: null, expiresAt: at('2026-03-05T10:00:00Z') };
    expect(surveyAccess({ campaign: open, invitation: early, now: at('2026-03-06T08:00:00Z') })).toBe('expired');
  });

  it('a closed campaign answers closed, a revoked link answers revoked first', () => {
    const now = at('2026-03-10T08:00:00Z');
    expect(surveyAccess({ campaign: { ...open, status: 'closed' }, invitation: live, now })).toBe('closed');
    expect(surveyAccess({ campaign: { ...open, status: 'closed' }, invitation: { ...live, revokedAt: now }, now })).toBe('revoked');
  });
});
