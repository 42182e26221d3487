import { describe, expect, it } from 'vitest';
import { invitationStatus, suppressProgress, type GroupProgress } from './invitations.js';

const d = new Date('2026-03-01T10:00:00Z');
const none = { issuedAt: null, revokedAt: null, startedAt: null, submittedAt: null };

describe('invitationStatus', () => {
  it('follows the life of a link', () => {
    expect(invitationStatus(none)).toBe('not_issued');
    expect(invitationStatus({ ...none, issuedAt: d })).toBe('issued');
    expect(invitationStatus({ ...none, issuedAt: d, startedAt: d })).toBe('started');
    expect(invitationStatus({ ...none, issuedAt: d, startedAt: d, submittedAt: d })).toBe('submitted');
    expect(invitationStatus({ ...none, issuedAt: d, startedAt: d, revokedAt: d })).toBe('revoked');
  });

  it('keeps a submitted answer submitted when the link is revoked later', () => {
    expect(invitationStatus({ issuedAt: d, startedAt: d, submittedAt: d, revokedAt: d })).toBe('submitted');
  });
});

const g = (teamId: string | null, invited: number, started = 0, submitted = 0): GroupProgress => ({ teamId, invited, started, submitted });

describe('suppressProgress (domain-rules §3, k = 5)', () => {
  it('shows groups of at least k and hides smaller ones', () => {
    const view = suppressProgress([g('a', 8, 2, 5), g('b', 4, 1, 1), g('c', 6, 0, 6), g('d', 3)], 5);
    expect(view.groups.map((x) => x.suppressed)).toEqual([false, true, false, true]);
    expect(view.groups[0]).toEqual({ teamId: 'a', suppressed: false, invited: 8, started: 2, submitted: 5 });
    expect(view.groups[1]).toEqual({ teamId: 'b', suppressed: true, invited: null, started: null, submitted: null });
    expect(view.total).toEqual({ invited: 21, started: 3, submitted: 12 });
  });

  it('complementary suppression: one hidden group and a total → the smallest shown group is hidden too', () => {
    const view = suppressProgress([g('a', 9, 1, 4), g('b', 2, 0, 1), g('c', 6, 2, 2), g('d', 7)], 5);
    expect(view.groups.map((x) => x.suppressed)).toEqual([false, true, true, false]);
    expect(view.total).toEqual({ invited: 24, started: 3, submitted: 7 });
    // The hidden numbers can no longer be computed from the total and the shown groups.
    const shown = view.groups.filter((x) => !x.suppressed).reduce((s, x) => s + x.invited!, 0);
    expect(view.total!.invited - shown).toBe(8);
  });

  it('two groups, one small: both hidden, the total stays', () => {
    const view = suppressProgress([g('a', 12), g(null, 1)], 5);
    expect(view.groups.every((x) => x.suppressed)).toBe(true);
    expect(view.total!.invited).toBe(13);
  });

  it('hidden teams together below k: one more team is hidden', () => {
    // b and c are hidden (2 + 1 = 3 persons, under k): together they would be total − a − d.
    const view = suppressProgress([g('a', 9), g('b', 2), g('c', 1), g('d', 6)], 5);
    expect(view.groups.map((x) => x.suppressed)).toEqual([false, true, true, true]);
  });

  it('a campaign smaller than k shows nothing at all', () => {
    const view = suppressProgress([g('a', 3, 1, 1), g('b', 1)], 5);
    expect(view.total).toBeNull();
    expect(view.groups.every((x) => x.suppressed)).toBe(true);
  });

  it('never shows a group below k, whatever the team sizes (exhaustive over small teams)', () => {
    for (let a = 1; a < 9; a++) {
      for (let b = 1; b < 9; b++) {
        for (let c = 1; c < 9; c++) {
          const view = suppressProgress([g('a', a), g('b', b), g('c', c)], 5);
          for (const x of view.groups) if (!x.suppressed) expect(x.invited).toBeGreaterThanOrEqual(5);
          const hiddenCount = view.groups.filter((x) => x.suppressed).length;
          if (view.total) expect(hiddenCount === 1).toBe(false);
          // The hidden teams together are never a group of fewer than k that the total would give away.
          const hiddenPersons = [a, b, c].filter((_, i) => view.groups[i].suppressed).reduce((s, n) => s + n, 0);
          if (view.total && hiddenCount > 0 && hiddenCount < 3) expect(hiddenPersons).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });
});
