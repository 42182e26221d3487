import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  competences,
  functionProfileCompetences,
  functionProfiles,
  internalTrainers,
  learningQuestions,
  people,
  teams,
  trainingNeeds,
  users,
} from '../schema/index.js';
import { createDiagnosisService } from '../../modules/diagnosis/service.js';
import { createLearningQuestionsService } from '../../modules/learning-questions/service.js';
import { createNeedsService } from '../../modules/needs/service.js';
import type { TriageBody } from '../../modules/needs/schemas.js';
import type { Actor } from '../../server/tenancy.js';
import type { DemoStep } from './demo.js';

/**
 * The needs register of De Brug (issue 4): needs made from the diagnosis the way HR makes them
 * (through the needs service, so anonymity, triage and the suggested scores follow the same rules
 * as on screen), triaged — the planning-software problem turns out to be no training matter
 * (tools and communication, two non-training actions in the draft plan of the year) — and
 * prioritised with the organisation's weights. Runs after the needs analysis step.
 */

const ORG_SLUG = 'de-brug';
const DAY = 86_400_000;

const answers = (yes: string[], notes: Partial<Record<string, string>> = {}, unknown: string[] = []): TriageBody['factors'] =>
  Object.fromEntries(
    (['information', 'resources', 'incentives', 'knowledge_skills', 'capacity', 'motives'] as const).map((f) => [
      f,
      { answer: yes.includes(f) ? 'yes' : unknown.includes(f) ? 'unknown' : 'no', note: notes[f] ?? '' },
    ]),
  ) as TriageBody['factors'];

export const seedDeBrugNeeds: DemoStep = async (tx, { orgIds, now }) => {
  const orgId = orgIds.get(ORG_SLUG);
  if (!orgId) return;
  const [existing] = await tx.select({ n: count() }).from(trainingNeeds).where(eq(trainingNeeds.organisationId, orgId));
  if (Number(existing.n) > 0) return;
  const [hr] = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.email, 'hr@demo.leerkompas.be'));
  if (!hr) return;
  const actor: Actor = {
    userId: hr.id,
    email: hr.email,
    displayName: hr.displayName,
    locale: 'nl',
    memberships: [{ organisationId: orgId, role: 'hr' }],
    isPlatformAdmin: false,
  };
  const clock = now ?? new Date();
  // The seeding transaction stands in for the database: the service's own transactions become savepoints.
  const deps = { db: tx as unknown as Db, now: () => clock };
  const needs = createNeedsService({ ...deps, diagnosis: createDiagnosisService(deps), questions: createLearningQuestionsService(deps) });

  const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, orgId));
  const team = new Map(teamRows.map((t) => [t.name, t.id]));
  const keys = ['lk21.digital.worktools', 'lk21.selfreg.safety', 'lk21.basics.dutch.reading', 'lkc.guiding.feedback'];
  const competenceRows = await tx
    .selectDistinct({ id: competences.id, key: competences.key })
    .from(competences)
    .innerJoin(functionProfileCompetences, eq(functionProfileCompetences.competenceId, competences.id))
    .innerJoin(functionProfiles, eq(functionProfiles.id, functionProfileCompetences.profileId))
    .where(and(eq(functionProfiles.organisationId, orgId), inArray(competences.key, keys)));
  const competence = new Map(competenceRows.map((c) => [c.key, c.id]));
  const inDays = (days: number) => new Date(clock.getTime() + days * DAY).toISOString().slice(0, 10);

  /** One click from the heat map; a cell the heat map hides is skipped (as on screen). */
  async function fromCell(key: string, groupBy: 'team' | 'target_group', groupId: string | undefined) {
    const competenceId = competence.get(key);
    if (!competenceId || !groupId) return null;
    try {
      return (await needs.fromDiagnosis(actor, orgId!, { competenceId, groupBy, groupId })).need;
    } catch {
      return null;
    }
  }

  // 1. The planning software: low scores on digital work tools in Verpakking — but the cause is
  //    the software and the missing explanation, not a lack of skill.
  const tools = await fromCell('lk21.digital.worktools', 'team', team.get('Verpakking'));
  if (tools) {
    await needs.triageNeed(actor, orgId, tools.id, {
      factors: answers(['information', 'resources'], {
        information: 'Niemand heeft uitgelegd hoe de nieuwe planning op de tablet werkt; de werkbriefjes zijn weg.',
        resources: 'De planningssoftware is traag en er zijn maar twee tablets voor de hele ploeg.',
        knowledge_skills: 'Wie de tablet van een collega leent, vindt de opdrachten wel.',
      }),
      wishToLearn: 'yes',
      wishNote: 'De ploeg wil wel, maar eerst moet de software werken.',
    });
  }

  // 2. Safety in the green maintenance team: a real training need, with a deadline before the mowing season.
  const safety = await fromCell('lk21.selfreg.safety', 'team', team.get('Groenonderhoud'));
  if (safety) {
    await needs.triageNeed(actor, orgId, safety.id, {
      factors: answers(['knowledge_skills'], {
        knowledge_skills: 'Nieuwe medewerkers kennen de regels voor de bosmaaier en de kettingzaag niet.',
        resources: 'Beschermingsmiddelen zijn er genoeg.',
      }),
      wishToLearn: 'yes',
      deadline: inDays(75),
    });
  }

  // 3. Reading work instructions, for all target-group employees (a top-need row).
  const reading = await fromCell('lk21.basics.dutch.reading', 'target_group', 'target_group_employee');
  if (reading) {
    await needs.triageNeed(actor, orgId, reading.id, {
      factors: answers(['knowledge_skills'], { knowledge_skills: 'Veel collega’s lezen de werkbriefjes niet vlot.' }),
      wishToLearn: 'yes',
      wishNote: 'Vaak genoemd als leerwens in de bevraging.',
    });
  }

  // 4. Feedback by supervisors: unclear — a STARR conversation comes first.
  const feedback = await fromCell('lkc.guiding.feedback', 'target_group', 'supervisory_staff');
  if (feedback) {
    await needs.triageNeed(actor, orgId, feedback.id, {
      factors: answers([], { knowledge_skills: 'Zelf scoren ze hoog, hun medewerkers niet. Eerst een gesprek.' }, [
        'knowledge_skills',
        'motives',
      ]),
      wishToLearn: 'unknown',
    });
  }

  // 5. A learning question made a need by hand, still open.
  const [forklift] = await tx
    .select({ id: learningQuestions.id, teamId: learningQuestions.teamId, personId: learningQuestions.personId })
    .from(learningQuestions)
    .where(and(eq(learningQuestions.organisationId, orgId), eq(learningQuestions.text, 'Ik wil een heftruckbrevet halen.')))
    .limit(1);
  const manual = await needs.createNeed(actor, orgId, {
    title: 'Heftruckbrevet voor de magazijnploeg',
    description: 'Leerwens uit de bevraging; de magazijnploeg heeft maar één chauffeur met brevet.',
    learningQuestionId: forklift?.id,
    teamId: forklift?.teamId ?? team.get('Verpakking'),
    ...(forklift?.personId ? { personIds: [forklift.personId] } : { peopleCount: 1 }),
    urgencyDate: inDays(150),
  });

  // An internal trainer for safety: a supervisor of the green team (feeds feasibility).
  const safetyId = competence.get('lk21.selfreg.safety');
  const green = team.get('Groenonderhoud');
  if (safetyId && green) {
    const [trainer] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.teamId, green), eq(people.targetGroup, 'supervisory_staff')))
      .limit(1);
    if (trainer)
      await tx
        .insert(internalTrainers)
        .values({ organisationId: orgId, personId: trainer.id, competenceId: safetyId })
        .onConflictDoNothing();
  }

  // Weights: De Brug counts urgency and the core task double.
  await needs.putWeights(actor, orgId, {
    investment: 1,
    urgency: 2,
    success: 1,
    fairness: 1,
    feasibility: 1,
    core_task: 2,
    strategic_fit: 1,
  });

  /** Accepts every suggestion and adds the scores only people can give. */
  async function score(
    needId: string,
    manualScores: Partial<
      Record<'success' | 'strategic_fit' | 'investment' | 'urgency' | 'feasibility', { score: number; reason: string }>
    >,
  ) {
    const view = await needs.getPriority(actor, orgId!, needId);
    const scores: Record<string, { score: number; reason?: string }> = {};
    for (const c of view.criteria) if (c.suggestion) scores[c.criterion] = { score: c.suggestion.score };
    Object.assign(scores, manualScores);
    await needs.putPriority(actor, orgId!, needId, { scores });
  }
  if (tools) {
    await score(tools.id, {
      success: { score: 4, reason: 'De ploeg vraagt zelf om betere tablets en uitleg.' },
      strategic_fit: { score: 5, reason: 'Tegen 2028 werkt elke ploeg met tablets.' },
      investment: { score: 4, reason: 'Twee extra tablets en een infomoment: weinig kosten.' },
    });
  }
  if (safety) {
    await score(safety.id, {
      success: { score: 4, reason: 'Korte praktijkopleiding op de werf werkt goed bij deze ploeg.' },
      strategic_fit: { score: 4, reason: 'Minder arbeidsongevallen is een doel van de directie.' },
    });
  }
  if (reading) {
    await score(reading.id, {
      success: { score: 3, reason: 'Lang traject; niet iedereen houdt het vol.' },
      strategic_fit: { score: 4, reason: 'Nodig om straks digitaal te werken.' },
      investment: { score: 2, reason: 'Veel uren per persoon, ook met een gratis aanbod (CVO).' },
    });
  }
  await score(manual.id, {
    success: { score: 4, reason: 'Gemotiveerd en al ervaring met de transpallet.' },
    strategic_fit: { score: 2, reason: 'Eén chauffeur erbij is genoeg.' },
  });

  const made = [tools, safety, reading, feedback, manual].filter(Boolean).length;
  return `De Brug: ${made} training needs, triaged (the planning-software problem is not a training need: tools and communication) and prioritised`;
};
