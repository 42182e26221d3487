import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import { campaignCompetences, campaigns, competences, frameworks, type CampaignScope } from '../../src/db/schema/index.js';
import { buildUser } from './accounts.js';
import { buildPerson, buildTeam } from './people.js';

/**
 * A manager with an account, their own person row and `reports` people they supervise in one
 * team, the way an HR import links them (people.supervisor_id → the manager's person).
 */
export async function buildManagerWithTeam(
  database: Database,
  input: { organisationId: string; reports?: number; functionProfileId?: string | null },
) {
  const team = await buildTeam(database, input.organisationId);
  const user = await buildUser(database, { organisationId: input.organisationId, role: 'manager' });
  const self = await buildPerson(database, {
    organisationId: input.organisationId,
    teamId: team.id,
    userId: user.id,
    targetGroup: 'supervisory_staff',
  });
  const people = [];
  for (let i = 0; i < (input.reports ?? 2); i++) {
    people.push(
      await buildPerson(database, {
        organisationId: input.organisationId,
        teamId: team.id,
        supervisorId: self.id,
        functionProfileId: input.functionProfileId ?? null,
      }),
    );
  }
  return { team, user, self, people };
}

/** A campaign as the campaigns module leaves it once opened: status and frozen competences. */
export async function buildCampaign(
  database: Database,
  input: {
    organisationId: string;
    competenceIds: string[];
    status?: 'draft' | 'open' | 'closed';
    supervisorAssessment?: boolean;
    scope?: Partial<CampaignScope>;
    mode?: 'named' | 'anonymous';
  },
) {
  const [row] = await database.db
    .insert(campaigns)
    .values({
      organisationId: input.organisationId,
      title: `Bevraging ${randomUUID().slice(0, 6)}`,
      perspectives: ['competence'],
      mode: input.mode ?? 'named',
      status: input.status ?? 'open',
      opensOn: '2026-01-05',
      closesOn: '2099-12-31',
      locales: ['nl'],
      scope: { teamIds: [], functionProfileIds: [], targetGroups: [], ...input.scope },
      supervisorAssessment: input.supervisorAssessment ?? true,
    })
    .returning();
  if (input.competenceIds.length) {
    await database.db
      .insert(campaignCompetences)
      .values(input.competenceIds.map((competenceId, position) => ({ campaignId: row.id, competenceId, position })));
  }
  return row;
}

/** A framework of the organisation's own (visible only to its members) with one competence. */
export async function buildPrivateCompetence(database: Database, organisationId: string, label = 'Eigen competentie') {
  const [framework] = await database.db
    .insert(frameworks)
    .values({ key: `own-${randomUUID().slice(0, 8)}`, title: { nl: 'Eigen kader' }, source: 'own', organisationId })
    .returning();
  const [competence] = await database.db
    .insert(competences)
    .values({ frameworkId: framework.id, key: `own-c-${randomUUID().slice(0, 8)}`, kind: 'skill', label: { nl: label } })
    .returning();
  return competence;
}
