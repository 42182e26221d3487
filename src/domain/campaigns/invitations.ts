/**
 * Invitation status and the anonymous progress view of a campaign (issue 3 item 2,
 * domain-rules §3).
 */

import { complementarySuppression, meetsThreshold } from '../anonymity/disclosure.js';

export const invitationStatuses = ['not_issued', 'issued', 'started', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export interface InvitationState {
  issuedAt: Date | null;
  revokedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
}

/**
 * One status per invitation. A submitted answer stays "submitted" even when the link is revoked
 * afterwards (the answer exists; the link just stops working).
 */
export function invitationStatus(state: InvitationState): InvitationStatus {
  if (state.submittedAt) return 'submitted';
  if (state.revokedAt) return 'revoked';
  if (state.startedAt) return 'started';
  if (state.issuedAt) return 'issued';
  return 'not_issued';
}

export interface GroupProgress {
  /** The team id; null = people without a team. */
  teamId: string | null;
  /** Invited persons (one invitation each). */
  invited: number;
  /** Opened the link but not submitted yet. */
  started: number;
  submitted: number;
}

export interface ShownProgress {
  teamId: string | null;
  /** true = fewer than k persons (or hidden to protect another group): no numbers at all. */
  suppressed: boolean;
  invited: number | null;
  started: number | null;
  submitted: number | null;
}

export interface ProgressView {
  groups: ShownProgress[];
  /** The whole campaign; null when it has fewer than k persons. */
  total: { invited: number; started: number; submitted: number } | null;
}

const hidden = (teamId: string | null): ShownProgress => ({ teamId, suppressed: true, invited: null, started: null, submitted: null });

/**
 * Per-team progress of an anonymous campaign, by the product's one anonymity rule
 * (src/domain/anonymity/disclosure.ts): a team is shown only with at least k invited persons, the
 * total only when the campaign has at least k, and complementary suppression hides the smallest
 * shown teams while the hidden ones could be computed from the total (exactly one hidden, or the
 * hidden ones together under k). Groups keep their input order.
 */
export function suppressProgress(groups: readonly GroupProgress[], k: number): ProgressView {
  const total = groups.reduce(
    (sum, g) => ({ invited: sum.invited + g.invited, started: sum.started + g.started, submitted: sum.submitted + g.submitted }),
    {
      invited: 0,
      started: 0,
      submitted: 0,
    },
  );
  const showTotal = meetsThreshold(total.invited, k);
  const parts = groups.map((g, i) => ({ key: String(i), persons: g.invited, shown: meetsThreshold(g.invited, k) }));
  const extra = new Set(complementarySuppression(showTotal, parts, k));
  return {
    groups: groups.map((g, i) =>
      parts[i].shown && !extra.has(String(i))
        ? { teamId: g.teamId, suppressed: false, invited: g.invited, started: g.started, submitted: g.submitted }
        : hidden(g.teamId),
    ),
    total: showTotal ? total : null,
  };
}
