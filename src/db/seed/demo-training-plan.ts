import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  competences,
  fundingInstruments,
  internalTrainers,
  needPeople,
  people,
  planActions,
  teams,
  trainingNeeds,
  trainingPlans,
  users,
} from '../schema/index.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { createTrainingPlansService } from '../../modules/training-plans/service.js';
import { isApplicationDue } from '../../domain/plan/follow-up.js';
import type { ActionBody } from '../../modules/training-plans/schemas.js';
import type { Actor } from '../../server/tenancy.js';
import { prng } from '../../shared/prng.js';
import type { DemoStep } from './demo.js';

/**
 * The training plan of De Brug for the current year (issue 4), made through the plan service so
 * the same rules apply as on screen: eight actions of several kinds linked to the needs of the
 * needs step when they exist (the plan of the year may already hold its two non-training
 * actions), funding from several instruments and the own budget, approved by the director, then
 * followed up: participation, evaluations, a first re-assessment. Runs after the needs step.
 */

const ORG_SLUG = 'de-brug';
/** The first action of this step: when the plan has it, the step ran already. */
const MARKER = 'Werken met de tablet';

function actorOf(user: { id: string; email: string; displayName: string }, organisationId: string, role: 'hr' | 'org_admin'): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: 'nl',
    memberships: [{ organisationId, role }],
    isPlatformAdmin: false,
  };
}

export const seedDeBrugTrainingPlan: DemoStep = async (tx, { orgIds, now }) => {
  const orgId = orgIds.get(ORG_SLUG);
  if (!orgId) return;
  const clock = now ?? new Date();
  const today = todayInBrussels(clock);
  const year = Number(today.slice(0, 4));

  const [existing] = await tx
    .select({ id: trainingPlans.id, status: trainingPlans.status })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.organisationId, orgId), eq(trainingPlans.year, year)));
  if (existing) {
    if (existing.status !== 'draft') return;
    const [marker] = await tx
      .select({ id: planActions.id })
      .from(planActions)
      .where(and(eq(planActions.planId, existing.id), eq(planActions.title, MARKER)));
    if (marker) return;
  }
  const accounts = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.email, ['hr@demo.leerkompas.be', 'directie@demo.leerkompas.be']));
  const hrUser = accounts.find((a) => a.email === 'hr@demo.leerkompas.be');
  const director = accounts.find((a) => a.email === 'directie@demo.leerkompas.be');
  if (!hrUser || !director) return;
  const hr = actorOf(hrUser, orgId, 'hr');
  const board = actorOf(director, orgId, 'org_admin');
  // The seeding transaction stands in for the database: the service's own transactions become savepoints.
  const plans = createTrainingPlansService({ db: tx as unknown as Db, now: () => clock });
  const planId = existing?.id ?? (await plans.createPlan(hr, orgId, { year })).id;

  // ------------------------------------------------------------ what the plan links to
  const instrumentRows = await tx.select({ id: fundingInstruments.id, key: fundingInstruments.key }).from(fundingInstruments);
  const instrument = (key: string) => instrumentRows.find((i) => i.key === key)?.id ?? null;
  const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, orgId));
  const teamId = (name: string) => teamRows.find((t) => t.name === name)?.id;

  /** The needs of the needs step, found by their competence (and group) or title; absent ones are skipped. */
  const needRows = await tx
    .select({
      id: trainingNeeds.id,
      title: trainingNeeds.title,
      key: competences.key,
      teamId: trainingNeeds.teamId,
      targetGroup: trainingNeeds.targetGroup,
      classification: trainingNeeds.classification,
    })
    .from(trainingNeeds)
    .leftJoin(competences, eq(competences.id, trainingNeeds.competenceId))
    .where(eq(trainingNeeds.organisationId, orgId));
  const need = (match: (n: (typeof needRows)[number]) => boolean) => needRows.find(match)?.id;
  const safetyNeed = need((n) => n.key === 'lk21.selfreg.safety');
  const readingNeed = need((n) => n.key === 'lk21.basics.dutch.reading');
  const feedbackNeed = need((n) => n.key === 'lkc.guiding.feedback');
  const forkliftNeed = need((n) => /heftruck/i.test(n.title));
  const needIds = (...ids: Array<string | undefined>) => ids.filter((id): id is string => Boolean(id));

  async function namedPeopleOf(needId: string | undefined): Promise<string[]> {
    if (!needId) return [];
    const rows = await tx
      .select({ personId: needPeople.personId })
      .from(needPeople)
      .innerJoin(people, eq(people.id, needPeople.personId))
      .where(eq(needPeople.needId, needId))
      .orderBy(asc(people.displayName));
    return rows.map((r) => r.personId);
  }
  async function teamPeople(team: string, targetGroup: 'target_group_employee' | 'supervisory_staff', limit: number): Promise<string[]> {
    const id = teamId(team);
    if (!id) return [];
    const rows = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId!), eq(people.teamId, id), eq(people.targetGroup, targetGroup)))
      .orderBy(asc(people.displayName))
      .limit(limit);
    return rows.map((r) => r.id);
  }
  const supervisors = (
    await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.targetGroup, 'supervisory_staff')))
      .orderBy(asc(people.displayName))
  ).map((r) => r.id);
  const [trainer] = await tx
    .select({ personId: internalTrainers.personId })
    .from(internalTrainers)
    .where(eq(internalTrainers.organisationId, orgId))
    .limit(1);

  const month = (m: number, d = 1) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const safetyPeople = (await namedPeopleOf(safetyNeed)).slice(0, 8);
  const safetyGroup = safetyPeople.length >= 6 ? safetyPeople : await teamPeople('Groenonderhoud', 'target_group_employee', 8);
  const forkliftPeople = await namedPeopleOf(forkliftNeed);
  const own = null;

  // ------------------------------------------------------------ the actions
  const actions: ActionBody[] = [
    {
      kind: 'internal_training',
      title: MARKER,
      description:
        'Korte oefensessies aan de lijn zodra de nieuwe tablets er zijn: de planning openen, een opdracht afvinken, hulp vragen.',
      personIds: await teamPeople('Verpakking', 'target_group_employee', 10),
      durationMinutes: 240,
      plannedStart: month(9, 7),
      plannedEnd: month(10, 30),
      costPerParticipantCents: 0,
      fixedCostCents: 80_000,
      responsible: 'Marc Claes',
      funding: [{ instrumentId: own, amountCents: 80_000, status: 'committed', note: 'Uren van de ICT-collega' }],
    },
    {
      kind: 'external_offer',
      title: 'Veilig werken met machines',
      description: 'Praktijkopleiding bosmaaier, haagschaar en kettingzaag op de werf, met attest.',
      needIds: needIds(safetyNeed),
      personIds: safetyGroup,
      durationMinutes: 960,
      plannedStart: month(3, 2),
      plannedEnd: month(3, 3),
      costPerParticipantCents: 18_500,
      fixedCostCents: 25_000,
      responsible: 'Hilde Peeters',
      funding: [
        {
          instrumentId: instrument('sectorfonds-voorbeeld'),
          amountCents: 40_000,
          status: 'spent',
          note: 'Aanvraag goedgekeurd in februari',
        },
        { instrumentId: own, amountCents: 133_000, status: 'spent' },
      ],
    },
    {
      kind: 'coaching_intervision',
      title: 'Feedback geven aan je ploeg',
      description: 'Vier intervisies van twee uur voor werkleiders, met een coach: oefenen met feedback die aankomt.',
      needIds: needIds(feedbackNeed),
      personIds: supervisors.slice(0, 8),
      durationMinutes: 480,
      plannedStart: month(4, 15),
      plannedEnd: month(11, 15),
      costPerParticipantCents: 0,
      fixedCostCents: 240_000,
      responsible: 'Olga Van Damme',
      funding: [
        { instrumentId: instrument('sectorfonds-voorbeeld'), amountCents: 100_000, status: 'committed' },
        { instrumentId: own, amountCents: 140_000, status: 'committed' },
      ],
    },
    {
      kind: 'workplace_learning',
      title: "Leerbuddy's op de werkvloer",
      description: 'Een ervaren collega leest samen met een nieuwe collega de werkbriefjes, elke dag tien minuten.',
      needIds: needIds(readingNeed),
      participantsCount: 20,
      durationMinutes: 600,
      plannedStart: month(2, 1),
      plannedEnd: month(12, 15),
      costPerParticipantCents: 2_500,
      fixedCostCents: 0,
      responsible: 'Hilde Peeters',
      funding: [{ instrumentId: own, amountCents: 50_000, status: 'planned', note: 'Kleine attenties voor de buddy’s' }],
    },
    {
      kind: 'train_the_trainer',
      title: 'Train-de-trainer: instructie geven op de werkvloer',
      description: 'Twee werkleiders leren hoe ze collega’s veiligheidsinstructies geven in eenvoudige taal.',
      needIds: needIds(safetyNeed),
      personIds: [...new Set([...(trainer ? [trainer.personId] : []), ...supervisors.slice(8, 9)])],
      durationMinutes: 720,
      plannedStart: month(5, 12),
      plannedEnd: month(5, 14),
      costPerParticipantCents: 65_000,
      fixedCostCents: 0,
      responsible: 'Olga Van Damme',
      funding: [
        { instrumentId: instrument('sectorfonds-voorbeeld'), amountCents: 50_000, status: 'committed' },
        { instrumentId: own, amountCents: 80_000, status: 'planned' },
      ],
    },
    {
      kind: 'external_offer',
      title: 'Nederlands op de werkvloer (NT2)',
      description:
        'Cursus bij het centrum voor volwassenenonderwijs, deels tijdens de werkuren. De vaste kosten zijn het loon tijdens de lesuren; het Vlaams Opleidingsverlof betaalt daar een deel van terug.',
      needIds: needIds(readingNeed),
      participantsCount: 12,
      durationMinutes: 3_600,
      plannedStart: month(9, 15),
      plannedEnd: month(12, 20),
      costPerParticipantCents: 8_000,
      fixedCostCents: 1_800_000,
      responsible: 'Hilde Peeters',
      funding: [
        {
          instrumentId: instrument('vlaams-opleidingsverlof'),
          amountCents: 1_533_600,
          status: 'planned',
          note: '12 × 60 uur × € 21,30 (indicatief)',
        },
        {
          instrumentId: instrument('opleidingscheques'),
          amountCents: 48_000,
          status: 'planned',
          note: 'De helft van het inschrijvingsgeld',
        },
        { instrumentId: own, amountCents: 314_400, status: 'planned' },
      ],
    },
    {
      kind: 'external_offer',
      title: 'Heftruckbrevet',
      description: 'Opleiding en examen bij een erkend opleidingscentrum.',
      needIds: needIds(forkliftNeed),
      ...(forkliftPeople.length ? { personIds: forkliftPeople } : { participantsCount: 1 }),
      durationMinutes: 960,
      plannedStart: month(6, 8),
      plannedEnd: month(6, 9),
      costPerParticipantCents: 45_000,
      fixedCostCents: 0,
      responsible: 'Marc Claes',
      funding: [{ instrumentId: own, amountCents: 45_000 * Math.max(1, forkliftPeople.length), status: 'committed' }],
    },
    {
      kind: 'external_offer',
      title: 'EHBO op de werkvloer',
      description: 'Basisopleiding eerste hulp voor acht collega’s, verspreid over de ploegen.',
      participantsCount: 8,
      durationMinutes: 720,
      plannedStart: month(10, 6),
      plannedEnd: month(10, 8),
      costPerParticipantCents: 9_000,
      fixedCostCents: 0,
      responsible: 'Hilde Peeters',
      funding: [
        { instrumentId: instrument('sectorfonds-voorbeeld'), amountCents: 36_000, status: 'planned' },
        { instrumentId: own, amountCents: 36_000, status: 'planned' },
      ],
    },
  ];
  const created: Record<string, string> = {};
  for (const action of actions) {
    const view = await plans.createAction(hr, orgId, planId, action);
    created[action.title] = view.id;
  }

  // The director approves: version 1 and its snapshot.
  await plans.approvePlan(board, orgId, planId);

  // ------------------------------------------------------------ follow-up of the year so far
  // Only what has happened by today: a training later in the year has people enrolled, no more.
  const rnd = prng(20260302);
  const safetyAction = created['Veilig werken met machines'];
  const safetyEnd = month(3, 3);
  const done: string[] = [];
  for (const [i, personId] of safetyGroup.entries()) {
    if (today < safetyEnd) {
      await plans.recordParticipation(hr, orgId, planId, safetyAction, personId, { status: 'enrolled' });
      continue;
    }
    const status = i === safetyGroup.length - 1 ? 'no_show' : i === safetyGroup.length - 2 ? 'attended' : 'completed';
    await plans.recordParticipation(hr, orgId, planId, safetyAction, personId, {
      status,
      ...(status === 'attended' ? { minutesAttended: 480 } : {}),
      ...(status === 'completed' ? { completedOn: safetyEnd } : {}),
    });
    if (status === 'completed') done.push(personId);
  }
  const reactions = [5, 4, 4, 5, 3, 4, 5, 4];
  const applications = [4, 3, 4, 5, 4, 3];
  for (const [i, personId] of done.entries()) {
    await plans.recordEvaluation(hr, orgId, planId, safetyAction, {
      personId,
      kind: 'reaction',
      score: reactions[i % reactions.length],
      ...(i === 0 ? { comment: 'Veel geoefend, dat hielp.' } : i === 1 ? { comment: 'Graag een opfrissing in het najaar.' } : {}),
    });
    // Most gave the application evaluation three months later; the others show as due.
    if (isApplicationDue(safetyEnd, today) && rnd() < 0.8) {
      await plans.recordEvaluation(hr, orgId, planId, safetyAction, {
        personId,
        kind: 'application',
        score: applications[i % applications.length],
      });
    }
  }
  // The first re-assessments after the training: the supervisor's new rating closes the loop.
  if (safetyNeed && done.length) {
    await plans.reassess(hr, orgId, planId, safetyAction, { ratings: done.slice(0, 3).map((personId) => ({ personId, level: 3 })) });
  }
  if (done.length) await plans.setActionStatus(hr, orgId, planId, safetyAction, 'done');

  const trainTheTrainer = actions.find((a) => a.kind === 'train_the_trainer')!;
  const tttEnd = month(5, 14);
  for (const personId of trainTheTrainer.personIds ?? []) {
    await plans.recordParticipation(
      hr,
      orgId,
      planId,
      created[trainTheTrainer.title],
      personId,
      today >= tttEnd ? { status: 'completed', completedOn: tttEnd } : { status: 'enrolled' },
    );
  }
  for (const personId of (actions[0].personIds ?? []).slice(0, 6))
    await plans.recordParticipation(hr, orgId, planId, created[MARKER], personId, { status: 'enrolled' });
  if (today >= month(4, 15)) await plans.setActionStatus(hr, orgId, planId, created['Feedback geven aan je ploeg'], 'in_progress');

  return `De Brug: approved training plan ${year} with ${actions.length} actions, funding from ${new Set(actions.flatMap((a) => (a.funding ?? []).map((f) => f.instrumentId ?? 'own'))).size} sources, participation and evaluations`;
};
