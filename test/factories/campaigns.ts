import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { campaignCompetences, campaignInvitations, campaigns, type CampaignScope } from '../../src/db/schema/index.js';
import type { LocalizedText } from '../../src/db/schema/columns.js';
import { endOfDayInBrussels } from '../../src/domain/campaigns/expiry.js';
import { todayInBrussels } from '../../src/domain/calendar/brussels.js';
import { hashToken, randomToken } from '../../src/server/auth/tokens.js';

/**
 * Campaigns as they stand after HR opened them (the campaigns module's use cases are tested in
 * campaigns.test.ts): the frozen competence list and invitations with live tokens, written as rows.
 */

const dayOffset = (days: number) => todayInBrussels(new Date(Date.now() + days * 86_400_000));

export async function buildCampaign(
  database: Database,
  input: {
    organisationId: string;
    competenceIds: string[];
    mode?: 'named' | 'anonymous';
    status?: 'draft' | 'open' | 'closed';
    title?: string;
    description?: string;
    opensOn?: string;
    closesOn?: string;
    locales?: string[];
    openQuestion?: LocalizedText | null;
    scope?: CampaignScope;
  },
) {
  return database.db.transaction(async (tx) => {
    const mode = input.mode ?? 'named';
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        organisationId: input.organisationId,
        title: input.title ?? `Bevraging ${randomUUID().slice(0, 6)}`,
        description: input.description ?? 'Hoe goed kan je dit al? Zo zien we welke opleiding nodig is.',
        perspectives: ['competence'],
        mode,
        status: input.status ?? 'open',
        opensOn: input.opensOn ?? dayOffset(-1),
        closesOn: input.closesOn ?? dayOffset(30),
        locales: input.locales ?? ['nl', 'nl-easy', 'fr', 'en'],
        scope: input.scope ?? { teamIds: [], functionProfileIds: [], targetGroups: [] },
        supervisorAssessment: mode === 'named',
        openQuestion:
          input.openQuestion === undefined ? { nl: 'Wat wil je graag leren?', 'nl-easy': 'Wat wil je leren?' } : input.openQuestion,
        openedAt: (input.status ?? 'open') === 'draft' ? null : new Date(),
      })
      .returning();
    if (input.competenceIds.length) {
      await tx.insert(campaignCompetences).values(
        input.competenceIds.map((competenceId, position) => ({
          campaignId: campaign.id,
          competenceId,
          position,
          defaultRequiredLevel: 2,
        })),
      );
    }
    return campaign;
  });
}

/** An invitation with a freshly issued link; returns the row and the token (the part after `/s#`). */
export async function buildInvitation(
  database: Database,
  input: {
    campaign: { id: string; organisationId: string; closesOn: string };
    personId: string;
    revokedAt?: Date | null;
    expiresAt?: Date | null;
  },
) {
  const token = randomToken();
  const [invitation] = await database.db
    .insert(campaignInvitations)
    .values({
      campaignId: input.campaign.id,
      organisationId: input.campaign.organisationId,
      personId: input.personId,
      tokenHash: hashToken(token),
      issuedAt: new Date(),
      expiresAt: input.expiresAt === undefined ? endOfDayInBrussels(input.campaign.closesOn) : input.expiresAt,
      revokedAt: input.revokedAt ?? null,
    })
    .returning();
  return { invitation, token };
}

/** Issues the link again, as HR does for a lost sheet: a new token, the old one stops working. */
export async function reissueInvitation(database: Database, invitationId: string): Promise<string> {
  const token = randomToken();
  await database.db
    .update(campaignInvitations)
    .set({ tokenHash: hashToken(token), issuedAt: new Date() })
    .where(eq(campaignInvitations.id, invitationId));
  return token;
}
