import { asc, count, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  campaignCompetences,
  campaignInvitations,
  campaigns,
  competences,
  functionProfileCompetences,
  functionProfiles,
  learningQuestions,
  organisationIssueCompetences,
  organisationIssues,
  organisationIssueTeams,
  people,
  starrInterviews,
  surveyAnswers,
  surveyResponses,
  teams,
  users,
} from '../schema/index.js';
import { hashToken, randomToken } from '../../server/auth/tokens.js';
import { recordAssessments, type NewAssessment } from '../../modules/assessments/record.js';
import { createLearningQuestionFromSurvey } from '../../modules/learning-questions/from-survey.js';
import { prng } from '../../shared/prng.js';
import type { DemoStep } from './demo.js';

/**
 * The needs analysis of De Brug, so the diagnosis shows something real on first start:
 * - a closed, named campaign for the whole organisation, answered by most people, with self and
 *   supervisor ratings, "I don't know" answers, learning wishes and a few disagreements;
 * - an open campaign for team Verpakking, with a personal link for the demo employee;
 * - organisational problems and goals, and two STARR interviews.
 * Levels come from a seeded model (a "true" level per person and competence, self-ratings a bit
 * optimistic, supervisors a bit closer to the truth), so every installation gets the same data.
 */

const ORG_SLUG = 'de-brug';
const DAY = 86_400_000;
const VALIDITY = { validityMonths: 24 };

/** Typical level of people in De Brug for each competence (the demo's story: digital is weak). */
const typicalLevel: Record<string, number> = {
  'lk21.digital.worktools': 0.8,
  'lk21.digital.smartphone': 1.6,
  'lk21.digital.office': 1.2,
  'lk21.basics.dutch.reading': 1.3,
  'lk21.basics.dutch.instructions': 1.9,
  'lk21.basics.numeracy.quantities': 2.0,
  'lk21.basics.numeracy.time': 1.7,
  'lk21.basics.numeracy.money': 1.5,
  'lk21.selfreg.safety': 2.2,
  'lk21.selfreg.change': 1.1,
  'lk21.selfreg.pressure': 1.4,
  'lk21.selfreg.attitude': 2.3,
  'lk21.selfreg.responsibility': 2.0,
  'lk21.selfreg.planning': 1.4,
  'lk21.social.collaboration': 2.2,
  'lk21.social.customers': 1.7,
  'lk21.thinking.quality': 1.9,
  'lk21.thinking.problem': 1.3,
  'lkc.guiding.instructing': 2.6,
  'lkc.guiding.feedback': 2.2,
  'lkc.guiding.motivating': 2.3,
  'lkc.people.diversity': 2.0,
  'lkc.people.conflict': 1.6,
  'lkc.communication.lowliteracy': 2.0,
  'lkc.development.observing': 2.1,
  'lkc.people.stress': 1.8,
  'lkc.development.plan': 1.5,
  'lkc.self.workload': 1.9,
};

const learningWishes = [
  'Ik wil beter leren werken met de tablet aan de lijn.',
  'Beter Nederlands lezen, vooral de werkbriefjes.',
  'Ik wil een heftruckbrevet halen.',
  'Hoe ik rustig blijf als het druk is.',
  'Werken met Excel voor de planning.',
  'Veilig werken met de bosmaaier en de kettingzaag.',
  'Ik wil leren hoe ik klanten beter help aan de kassa.',
  'Eerste hulp (EHBO).',
  'Apps op mijn smartphone gebruiken voor mijn uurrooster.',
  'Beter feedback geven aan mijn ploeg zonder dat het botst.',
  'Omgaan met conflicten in de ploeg.',
  'Rekenen met gewichten en hoeveelheden voor de bestellingen.',
  "J'aimerais apprendre le néerlandais pour mieux comprendre les consignes.",
  'I would like to learn to use the planning app on the tablet.',
];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function normal(rnd: () => number): number {
  // Box–Muller; deterministic with the seeded generator.
  const u = Math.max(rnd(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

const clampLevel = (x: number) => Math.max(0, Math.min(4, Math.round(x)));

export const seedDeBrugNeedsAnalysis: DemoStep = async (tx, { orgIds, now = new Date() }) => {
  const orgId = orgIds.get(ORG_SLUG);
  if (!orgId) return;
  const [existing] = await tx.select({ n: count() }).from(campaigns).where(eq(campaigns.organisationId, orgId));
  if (Number(existing.n) > 0) return;

  const persons = await tx
    .select({
      id: people.id,
      name: people.displayName,
      teamId: people.teamId,
      profileId: people.functionProfileId,
      supervisorId: people.supervisorId,
      targetGroup: people.targetGroup,
      userId: people.userId,
      exit: people.plannedExitDate,
    })
    .from(people)
    .where(eq(people.organisationId, orgId))
    .orderBy(asc(people.externalRef));
  if (persons.length === 0) return;
  const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, orgId));
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
  const items = await tx
    .select({
      profileId: functionProfileCompetences.profileId,
      competenceId: functionProfileCompetences.competenceId,
      key: competences.key,
      required: functionProfileCompetences.requiredLevel,
      importance: functionProfileCompetences.importance,
      position: functionProfileCompetences.position,
    })
    .from(functionProfileCompetences)
    .innerJoin(functionProfiles, eq(functionProfiles.id, functionProfileCompetences.profileId))
    .innerJoin(competences, eq(competences.id, functionProfileCompetences.competenceId))
    .where(eq(functionProfiles.organisationId, orgId))
    .orderBy(asc(functionProfileCompetences.position));
  const itemsByProfile = new Map<string, typeof items>();
  for (const item of items) itemsByProfile.set(item.profileId, [...(itemsByProfile.get(item.profileId) ?? []), item]);
  const keyOf = new Map(items.map((i) => [i.competenceId, i.key]));
  const [hr] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'hr@demo.leerkompas.be'));
  const managerUserByPerson = new Map(persons.filter((p) => p.userId).map((p) => [p.id, p.userId!]));

  const rnd = prng(20261123);
  const closedOpens = new Date(now.getTime() - 80 * DAY);
  const closedCloses = new Date(now.getTime() - 52 * DAY);

  // Competences of the closed campaign: every competence of every profile, core ones first.
  const orderedCompetences = [
    ...new Map(
      [...items].sort((a, b) => (a.importance === b.importance ? 0 : a.importance === 'core' ? -1 : 1)).map((i) => [i.competenceId, i]),
    ).keys(),
  ];

  const [closed] = await tx
    .insert(campaigns)
    .values({
      organisationId: orgId,
      title: 'Behoefteanalyse 2026 – hele organisatie',
      description: 'Jaarlijkse bevraging van alle medewerkers en hun leiding: wat kan je al, wat wil je leren?',
      perspectives: ['organisation', 'functioning', 'competence'],
      mode: 'named',
      status: 'closed',
      opensOn: isoDate(closedOpens),
      closesOn: isoDate(closedCloses),
      locales: ['nl', 'nl-easy', 'fr', 'en'],
      scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
      supervisorAssessment: true,
      openQuestion: {
        nl: 'Wat wil je graag leren?',
        'nl-easy': 'Wat wil je leren?',
        fr: "Qu'aimeriez-vous apprendre ?",
        en: 'What would you like to learn?',
      },
      createdBy: hr?.id ?? null,
      openedAt: closedOpens,
      closedAt: closedCloses,
    })
    .returning({ id: campaigns.id });
  await tx
    .insert(campaignCompetences)
    .values(orderedCompetences.map((competenceId, position) => ({ campaignId: closed.id, competenceId, position })));

  const ratings: NewAssessment[] = [];
  const answers: (typeof surveyAnswers.$inferInsert)[] = [];
  const questions: (typeof learningQuestions.$inferInsert)[] = [];
  let disagreementCandidate: { personId: string; competenceId: string; supervisorUser: string | null } | null = null;

  for (const person of persons) {
    const invitationId = uuidv7();
    const profileItems = person.profileId ? (itemsByProfile.get(person.profileId) ?? []) : [];
    const answered = rnd() < 0.87 && profileItems.length > 0;
    const issuedAt = new Date(closedOpens.getTime() + 1 * DAY);
    const submittedAt = answered
      ? new Date(closedOpens.getTime() + (2 + Math.floor(rnd() * 24)) * DAY + Math.floor(rnd() * 8 * 3_600_000))
      : null;
    await tx.insert(campaignInvitations).values({
      id: invitationId,
      campaignId: closed.id,
      organisationId: orgId,
      personId: person.id,
      tokenHash: hashToken(randomToken()),
      issuedAt,
      expiresAt: closedCloses,
      startedAt: submittedAt ?? (rnd() < 0.3 ? new Date(issuedAt.getTime() + 3 * DAY) : null),
      submittedAt,
    });
    // Ability differs per person: some are strong all round, some need support everywhere.
    const ability = normal(rnd) * 0.5;
    const optimism = 0.3 + normal(rnd) * 0.45;
    const truth = new Map(profileItems.map((i) => [i.competenceId, (typicalLevel[i.key] ?? 1.8) + ability + normal(rnd) * 0.7]));

    if (answered && submittedAt) {
      const responseId = uuidv7();
      const wish = rnd() < 0.35 ? learningWishes[Math.floor(rnd() * learningWishes.length)] : null;
      await tx.insert(surveyResponses).values({
        id: responseId,
        campaignId: closed.id,
        organisationId: orgId,
        invitationId,
        personId: person.id,
        resumeHash: hashToken(randomToken()),
        teamId: person.teamId,
        functionProfileId: person.profileId,
        targetGroup: person.targetGroup,
        exitYear: person.exit ? Number(person.exit.slice(0, 4)) : null,
        locale: 'nl',
        status: 'submitted',
        learningWish: wish,
        visibility: 'hr',
        submittedAt,
      });
      for (const item of profileItems) {
        const dontKnow = rnd() < 0.04;
        const level = dontKnow ? null : clampLevel(truth.get(item.competenceId)! + optimism + normal(rnd) * 0.5);
        answers.push({ responseId, competenceId: item.competenceId, level, dontKnow, answeredAt: submittedAt });
        if (level !== null) {
          ratings.push({
            organisationId: orgId,
            personId: person.id,
            competenceId: item.competenceId,
            source: 'self',
            level,
            campaignId: closed.id,
            visibility: 'hr',
            assessedAt: submittedAt,
          });
        }
      }
      if (wish) {
        questions.push({
          organisationId: orgId,
          personId: person.id,
          responseId,
          campaignId: closed.id,
          teamId: person.teamId,
          text: wish,
          source: 'survey',
          visibility: 'hr',
        });
      }
    }
    // Supervisors rated nearly everyone of their people, answered or not.
    if (person.supervisorId && profileItems.length > 0 && rnd() < 0.92) {
      const ratedAt = new Date(closedOpens.getTime() + (10 + Math.floor(rnd() * 17)) * DAY);
      const authorUserId = managerUserByPerson.get(person.supervisorId) ?? null;
      for (const item of profileItems) {
        const level = clampLevel(truth.get(item.competenceId)! + normal(rnd) * 0.35);
        ratings.push({
          organisationId: orgId,
          personId: person.id,
          competenceId: item.competenceId,
          source: 'supervisor',
          level,
          campaignId: closed.id,
          authorUserId,
          visibility: 'hr',
          assessedAt: ratedAt,
        });
        const self = ratings.find((r) => r.personId === person.id && r.competenceId === item.competenceId && r.source === 'self');
        if (!disagreementCandidate && self && Math.abs(self.level - level) >= 2)
          disagreementCandidate = { personId: person.id, competenceId: item.competenceId, supervisorUser: authorUserId };
      }
    }
  }
  for (let i = 0; i < answers.length; i += 1000) await tx.insert(surveyAnswers).values(answers.slice(i, i + 1000));
  await recordAssessments(tx, ratings, { now, ...VALIDITY });
  // Through the real use case, so HR finds suggested competences on first start.
  for (const question of questions) {
    await createLearningQuestionFromSurvey(tx, {
      organisationId: orgId,
      responseId: question.responseId!,
      campaignId: closed.id,
      teamId: question.teamId ?? null,
      personId: question.personId ?? null,
      text: question.text,
      visibility: 'hr',
    });
  }

  // The organisation perspective.
  const worktools = items.find((i) => i.key === 'lk21.digital.worktools')?.competenceId;
  const safety = items.find((i) => i.key === 'lk21.selfreg.safety')?.competenceId;
  const change = items.find((i) => i.key === 'lk21.selfreg.change')?.competenceId;
  const issues = [
    {
      kind: 'problem' as const,
      title: 'Meer fouten sinds de nieuwe planningssoftware',
      description: 'Sinds de ploegen hun opdrachten op de tablet krijgen, worden meer bestellingen verkeerd of te laat verpakt.',
      teams: ['Verpakking', 'Drukwerk & afwerking'],
      competenceIds: [worktools, change],
    },
    {
      kind: 'problem' as const,
      title: 'Veel kleine arbeidsongevallen in het groenonderhoud',
      description: 'Vijf snijwonden en twee verstuikingen in een half jaar; beschermingsmiddelen worden niet altijd gedragen.',
      teams: ['Groenonderhoud'],
      competenceIds: [safety],
    },
    {
      kind: 'goal' as const,
      title: 'Tegen 2028 werkt elke ploeg met tablets',
      description: 'Alle werkopdrachten, uurroosters en veiligheidsfiches digitaal op de werkvloer.',
      teams: teamRows.map((t) => t.name),
      competenceIds: [worktools],
    },
  ];
  for (const issue of issues) {
    const [row] = await tx
      .insert(organisationIssues)
      .values({
        organisationId: orgId,
        kind: issue.kind,
        title: issue.title,
        description: issue.description,
        observedOn: isoDate(closedOpens),
        campaignId: closed.id,
        createdBy: hr?.id ?? null,
      })
      .returning({ id: organisationIssues.id });
    const linkedTeams = issue.teams.map((name) => teamId.get(name)).filter((id): id is string => Boolean(id));
    if (linkedTeams.length) await tx.insert(organisationIssueTeams).values(linkedTeams.map((id) => ({ issueId: row.id, teamId: id })));
    const linkedCompetences = issue.competenceIds.filter((id): id is string => Boolean(id));
    if (linkedCompetences.length)
      await tx.insert(organisationIssueCompetences).values(linkedCompetences.map((id) => ({ issueId: row.id, competenceId: id })));
  }

  // A STARR interview about a disagreement between self and supervisor.
  if (disagreementCandidate) {
    const label = keyOf.get(disagreementCandidate.competenceId) ?? '';
    await tx.insert(starrInterviews).values({
      organisationId: orgId,
      personId: disagreementCandidate.personId,
      competenceId: disagreementCandidate.competenceId,
      situation: 'Nieuwe bestelling op de tablet terwijl de lijn al draaide.',
      task: 'De bestelling klaarzetten volgens de nieuwe planning.',
      action: 'Vroeg een collega om de opdracht voor te lezen en werkte daarna verder op papier.',
      result: 'De bestelling was juist maar een uur te laat.',
      reflection: `Wil leren zelf de opdrachten op de tablet te openen (${label}).`,
      heldOn: isoDate(new Date(closedCloses.getTime() + 7 * DAY)),
      interviewerUserId: disagreementCandidate.supervisorUser,
      visibility: 'hr',
    });
  }

  // The open campaign: team Verpakking, for trying the self-assessment.
  const packing = teamId.get('Verpakking');
  const packingPeople = persons.filter((p) => p.teamId === packing && p.targetGroup === 'target_group_employee');
  const packingProfile = packingPeople[0]?.profileId;
  if (!packing || !packingProfile) return `De Brug: closed campaign with ${ratings.length} ratings`;
  const opens = new Date(now.getTime() - 3 * DAY);
  const closes = new Date(now.getTime() + 25 * DAY);
  const [open] = await tx
    .insert(campaigns)
    .values({
      organisationId: orgId,
      title: 'Digitaal werken aan de lijn – Verpakking',
      description: 'Korte bevraging over werken met de tablet en de nieuwe planning.',
      perspectives: ['functioning', 'competence'],
      mode: 'named',
      status: 'open',
      opensOn: isoDate(opens),
      closesOn: isoDate(closes),
      locales: ['nl', 'nl-easy', 'fr', 'en'],
      scope: { teamIds: [packing], functionProfileIds: [], targetGroups: ['target_group_employee'] },
      supervisorAssessment: true,
      openQuestion: {
        nl: 'Wat wil je graag leren over werken met de tablet?',
        'nl-easy': 'Wat wil je leren over de tablet?',
        fr: "Qu'aimeriez-vous apprendre sur le travail avec la tablette ?",
        en: 'What would you like to learn about working with the tablet?',
      },
      createdBy: hr?.id ?? null,
      openedAt: opens,
    })
    .returning({ id: campaigns.id });
  const openItems = (itemsByProfile.get(packingProfile) ?? []).filter((i) =>
    [
      'lk21.digital.worktools',
      'lk21.selfreg.change',
      'lk21.basics.dutch.reading',
      'lk21.thinking.quality',
      'lk21.basics.dutch.instructions',
    ].includes(i.key),
  );
  await tx
    .insert(campaignCompetences)
    .values(openItems.map((i, position) => ({ campaignId: open.id, competenceId: i.competenceId, position })));
  // Links stop working at the end of the closing day in Belgium (CET, so 23:59:59 is 22:59:59 UTC in winter).
  const expiresAt = new Date(`${isoDate(closes)}T22:59:59Z`);
  const demoEmployee = packingPeople.find((p) => p.userId);
  let demoLink: string | null = null;
  for (const person of packingPeople) {
    const token = randomToken();
    if (person === demoEmployee) demoLink = token;
    await tx
      .insert(campaignInvitations)
      .values({ campaignId: open.id, organisationId: orgId, personId: person.id, tokenHash: hashToken(token), issuedAt: opens, expiresAt });
  }
  const employeeNote = demoLink ? ` Self-assessment link for ${demoEmployee!.name}: {url}/s#${demoLink}` : '';
  return `De Brug needs analysis: a closed campaign (${ratings.length} ratings, ${questions.length} learning questions) and an open one for Verpakking.${employeeNote}`;
};
