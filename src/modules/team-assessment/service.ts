import type { Db, Executor } from '../../db/client.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import { checkRatingCampaign, checkRatings, isInCampaign } from '../../domain/assessment/rating-rules.js';
import { canSeeRecord } from '../../domain/assessment/visibility.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, notFound } from '../../server/errors.js';
import { findPerson, listSupervisedPeople, relationTo, type PersonRow } from '../../server/supervision.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { recordAssessments } from '../assessments/record.js';
import { findScaleByKey, findScales } from '../frameworks/queries.js';
import type { ScaleView } from '../frameworks/schemas.js';
import { usableCompetenceIds } from '../function-profiles/queries.js';
import * as q from './queries.js';
import type { PersonAssessments, RatingCampaign, RecordAssessmentsBody, SupervisorTeam } from './schemas.js';

interface Problem {
  path: string;
  message: string;
}

const forbidden = (detail: string) => new AppError('tenancy.forbidden', { status: 403, detail });

export function createTeamAssessmentService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  /** The scale a person is rated on: their function profile's, else the default 0–4 scale. */
  async function scaleOf(tx: Executor, person: PersonRow): Promise<ScaleView> {
    const [profile] = person.functionProfileId ? await q.profilesOf(tx, person.organisationId, [person.functionProfileId]) : [];
    const scaleId = profile?.scaleId ?? (await findScaleByKey(tx, DEFAULT_SCALE_KEY))?.id;
    const [scale] = scaleId ? await findScales(tx, { orgIds: 'all' }, [scaleId]) : [];
    if (!scale) throw new Error(`The default scale ${DEFAULT_SCALE_KEY} is missing; run the bootstrap.`);
    return scale;
  }

  async function summaries(tx: Executor, organisationId: string, persons: PersonRow[]) {
    const teamIds = [...new Set(persons.map((p) => p.teamId).filter((id): id is string => id !== null))];
    const profileIds = [...new Set(persons.map((p) => p.functionProfileId).filter((id): id is string => id !== null))];
    const teamsById = new Map((await q.teamsOf(tx, organisationId, teamIds)).map((t) => [t.id, t]));
    const profilesById = new Map((await q.profilesOf(tx, organisationId, profileIds)).map((p) => [p.id, { id: p.id, name: p.name }]));
    return new Map(
      persons.map((p) => [
        p.id,
        {
          id: p.id,
          displayName: p.displayName,
          team: (p.teamId && teamsById.get(p.teamId)) || null,
          functionProfile: (p.functionProfileId && profilesById.get(p.functionProfileId)) || null,
        },
      ]),
    );
  }

  /** Open rating campaigns and, per person, the ones that include them. */
  async function campaignsFor(tx: Executor, organisationId: string, persons: PersonRow[]) {
    const open = await q.openRatingCampaigns(tx, organisationId);
    const invited = await q.invitedPairs(
      tx,
      organisationId,
      open.map((c) => c.id),
      persons.map((p) => p.id),
    );
    const byPerson = new Map(persons.map((p) => [p.id, open.filter((c) => isInCampaign(c.scope, p, invited.has(`${c.id}:${p.id}`)))]));
    const used = open.filter((c) => [...byPerson.values()].some((list) => list.includes(c)));
    const refs = await q.campaignCompetenceRefs(
      tx,
      used.map((c) => c.id),
    );
    const campaigns: RatingCampaign[] = used.map((c) => ({
      id: c.id,
      title: c.title,
      closesOn: c.closesOn,
      competences: refs.filter((r) => r.campaignId === c.id).map(({ campaignId: _c, ...r }) => r),
    }));
    return { campaigns, byPerson };
  }

  async function personView(tx: Executor, actor: Actor, person: PersonRow): Promise<PersonAssessments> {
    const organisationId = person.organisationId;
    const relation = await relationTo(tx, actor, person);
    const summary = (await summaries(tx, organisationId, [person])).get(person.id)!;
    const { campaigns } = await campaignsFor(tx, organisationId, [person]);
    const profileCompetences = person.functionProfileId ? await q.profileCompetenceRefs(tx, person.functionProfileId) : [];
    const ratings = (await q.personRatings(tx, organisationId, person.id))
      .filter((r) => canSeeRecord(r.visibility, { ...relation, isAuthor: r.authorUserId === actor.userId }))
      .map((r) => ({
        id: r.id,
        competenceId: r.competenceId,
        source: r.source as 'supervisor' | 'third_party',
        level: r.level,
        note: r.note,
        campaignId: r.campaignId,
        author: r.authorUserId ? { id: r.authorUserId, displayName: r.authorName ?? '' } : null,
        visibility: r.visibility,
        assessedAt: r.assessedAt.toISOString(),
      }));
    return {
      person: summary,
      scale: await scaleOf(tx, person),
      campaigns,
      profileCompetences,
      ratings,
      canRate: { supervisor: relation.isSupervisor, thirdParty: relation.isHr },
    };
  }

  /** The person, if the actor is their supervisor or HR; 404 outside the organisation, 403 otherwise. */
  async function ratablePerson(tx: Executor, actor: Actor, organisationId: string, personId: string) {
    const person = await findPerson(tx, organisationId, personId);
    if (!person) throw notFound('person');
    const relation = await relationTo(tx, actor, person);
    if (!relation.isSupervisor && !relation.isHr) throw forbidden('You can rate only the people you supervise.');
    return { person, relation };
  }

  return {
    /** The rating form of one person: scale, campaigns to rate in, profile competences and the ratings so far. */
    async getPersonAssessments(actor: Actor | null, organisationId: string, personId: string): Promise<PersonAssessments> {
      const who = requireOrgPermission(actor, 'assessment:write', organisationId);
      const { person } = await ratablePerson(db, who, organisationId, personId);
      return personView(db, who, person);
    },

    /**
     * Stores a supervisor's ratings of one of their people, or HR's third-party ratings, through
     * recordAssessments (which keeps the diagnosis in step) in one transaction. In a campaign,
     * rating again replaces the earlier ratings of that campaign.
     */
    async recordRatings(
      actor: Actor | null,
      organisationId: string,
      personId: string,
      input: RecordAssessmentsBody,
      ip?: string,
    ): Promise<PersonAssessments> {
      const who = requireOrgPermission(actor, 'assessment:write', organisationId);
      return db.transaction(async (tx) => {
        const { person, relation } = await ratablePerson(tx, who, organisationId, personId);
        if (input.source === 'supervisor' && !relation.isSupervisor)
          throw forbidden('Only the person’s own supervisor gives supervisor ratings.');
        if (input.source === 'third_party' && !relation.isHr) throw forbidden('Only HR enters third-party ratings.');

        const problems: Problem[] = [];
        let campaignCompetences: Set<string> | null = null;
        if (input.campaignId) {
          const campaign = await q.findCampaign(tx, organisationId, input.campaignId, true);
          if (!campaign) {
            problems.push({ path: '/body/campaignId', message: 'is not a campaign of this organisation' });
          } else {
            const invited = await q.invitedPairs(tx, organisationId, [campaign.id], [person.id]);
            problems.push(...checkRatingCampaign(campaign, isInCampaign(campaign.scope, person, invited.size > 0)));
            campaignCompetences = new Set((await q.campaignCompetenceRefs(tx, [campaign.id])).map((c) => c.id));
          }
        }
        const scale = await scaleOf(tx, person);
        const usable = await usableCompetenceIds(tx, organisationId, [...new Set(input.ratings.map((r) => r.competenceId))]);
        problems.push(
          ...checkRatings(input.ratings, { maxLevel: scale.maxLevel, isUsableCompetence: (id) => usable.has(id), campaignCompetences }),
        );
        if (problems.length) {
          throw new AppError('validation.failed', {
            status: 400,
            detail: problems.map((p) => `${p.path} ${p.message}`).join('; '),
            errors: problems,
          });
        }

        const settings = await q.organisationSettings(tx, organisationId);
        const at = now();
        await recordAssessments(
          tx,
          input.ratings.map((r) => ({
            organisationId,
            personId: person.id,
            competenceId: r.competenceId,
            source: input.source,
            level: r.level,
            campaignId: input.campaignId ?? null,
            authorUserId: who.userId,
            visibility: settings.defaultVisibility ?? 'hr',
            note: r.note?.trim() || null,
            assessedAt: at,
          })),
          { now: at, validityMonths: effectiveSettings(settings).validityMonths },
        );
        await writeAudit(tx, {
          event: 'assessment_recorded',
          actorUserId: who.userId,
          organisationId,
          subject: person.id,
          ip,
          detail: { source: input.source, campaignId: input.campaignId ?? null, ratings: input.ratings.length },
        });
        return personView(tx, who, person);
      });
    },

    /**
     * The signed-in supervisor's people with, per open campaign that asks supervisors, which
     * competences already have a self-rating and a supervisor rating (never the self levels).
     */
    async getSupervisorTeam(actor: Actor | null, organisationId: string): Promise<SupervisorTeam> {
      const who = requireOrgPermission(actor, 'assessment:write', organisationId);
      const rows = await listSupervisedPeople(db, organisationId, who.userId);
      const persons: PersonRow[] = rows.map(({ teamName: _t, ...p }) => p);
      const summaryById = await summaries(db, organisationId, persons);
      const { campaigns, byPerson } = await campaignsFor(db, organisationId, persons);
      const present = await q.campaignRatingPresence(
        db,
        organisationId,
        campaigns.map((c) => c.id),
        persons.map((p) => p.id),
      );
      return {
        campaigns,
        people: persons.map((p) => ({
          ...summaryById.get(p.id)!,
          campaigns: (byPerson.get(p.id) ?? []).map((c) => ({
            campaignId: c.id,
            competences: campaigns
              .find((x) => x.id === c.id)!
              .competences.map((k) => ({
                competenceId: k.id,
                selfRated: present.has(`${c.id}:${p.id}:${k.id}:self`),
                supervisorRated: present.has(`${c.id}:${p.id}:${k.id}:supervisor`),
              })),
          })),
        })),
      };
    },
  };
}

export type TeamAssessmentService = ReturnType<typeof createTeamAssessmentService>;
