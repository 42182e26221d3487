import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildCampaign, buildInvitation, reissueInvitation } from '../factories/campaigns.js';
import { hashToken } from '../../src/server/auth/tokens.js';
import { todayInBrussels } from '../../src/domain/calendar/brussels.js';
import { DEFAULT_SCALE_KEY } from '../../src/db/reference-data.js';
import { recordAssessments } from '../../src/modules/assessments/record.js';
import { linkState, submitGuarded, type LinkState } from '../../src/modules/survey/queries.js';

const dayOffset = (days: number) => todayInBrussels(new Date(Date.now() + days * 86_400_000));
const midnight = () => `${todayInBrussels(new Date())}T00:00:00.000Z`;

describe.each(databaseKinds)('self-assessment survey on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let choiceOrgId: string;
  let hr: Session;
  let teamId: string;
  let profileId: string;
  let foreignCompetence: string;
  const q: string[] = [];
  const ASKED = 3;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const countOf = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params))[0].n);

  /** A client holding one link, as the survey page does: the token in a header, never in the URL. */
  const link = (token: string, extra: Record<string, string> = {}) => {
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method,
        url: `/api${url}`,
        headers: { 'x-survey-token': token, ...extra },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      get: () => call('GET', '/survey'),
      answer: (competenceId: string, body: unknown) => call('PUT', `/survey/answers/${competenceId}`, body),
      wish: (text: string) => call('PUT', '/survey/learning-wish', { text }),
      visibility: (visibility: string) => call('PUT', '/survey/visibility', { visibility }),
      locale: (locale: string) => call('PUT', '/survey/locale', { locale }),
      submit: () => call('POST', '/survey/submit'),
    };
  };

  const person = (displayName: string, extra: { plannedExitDate?: string; organisationId?: string } = {}) =>
    buildPerson(t.db.database, {
      organisationId: extra.organisationId ?? orgId,
      teamId,
      functionProfileId: profileId,
      displayName,
      plannedExitDate: extra.plannedExitDate ?? null,
    });

  async function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db);
    orgId = org.id;
    const choiceOrg = await buildOrganisation(db);
    choiceOrgId = choiceOrg.id;
    await sql(`update organisations set settings = $2::jsonb where id = $1`, [
      choiceOrgId,
      JSON.stringify({ allowVisibilityChoice: true, defaultVisibility: 'supervisor' }),
    ]);
    const user = await buildUser(db, { organisationId: orgId, role: 'hr' });
    hr = await logIn(t.app, user.email, TEST_PASSWORD);

    const fw = await buildPublicFramework(db);
    const texts = [
      {
        nl: 'Instructies begrijpen',
        fr: 'Comprendre les consignes',
        en: 'Understanding instructions',
        'nl-easy': 'Ik begrijp wat ik moet doen.',
      },
      { nl: 'Veilig werken', fr: 'Travailler en sécurité', en: 'Working safely', 'nl-easy': 'Ik werk veilig.' },
      { nl: 'Samenwerken', fr: 'Collaborer', en: 'Working together' },
    ];
    for (const [i, label] of texts.entries()) {
      q.push(
        (
          await buildCompetence(db, {
            frameworkId: fw.id,
            key: `survey-${i}`,
            label,
            description: { nl: `Uitleg ${i}`, fr: `Explication ${i}` },
          })
        ).id,
      );
    }
    foreignCompetence = (await buildCompetence(db, { frameworkId: fw.id, key: 'not-asked', label: { nl: 'Niet gevraagd' } })).id;
    teamId = (await buildTeam(db, orgId, 'Verpakking')).id;
    profileId = (
      await buildFunctionProfile(db, { organisationId: orgId, name: 'Inpakker', items: [{ competenceId: q[0], requiredLevel: 2 }] })
    ).id;
  });
  afterAll(() => t?.close());

  it('refuses a missing or unknown link without saying whose it could be', async () => {
    await expectProblem(await t.app.inject({ method: 'GET', url: '/api/survey' }), 401, 'survey.link_missing');
    const unknown = await link('not-a-real-token').get();
    await expectProblem(unknown, 404, 'survey.link_unknown');
    expect(unknown.json().detail).toMatch(/link/);
    // The token is never accepted from the URL.
    await expectProblem(await t.app.inject({ method: 'GET', url: '/api/survey?token=abc' }), 401, 'survey.link_missing');
  });

  it('named: answer, resume, submit once; ratings, learning question and status are stored', async () => {
    const db = t.db.database;
    const anna = await person('Anna Peeters', { plannedExitDate: '2031-05-31' });
    const campaign = await buildCampaign(db, {
      organisationId: orgId,
      competenceIds: q,
      locales: ['nl', 'nl-easy'],
      title: 'Behoefteanalyse 2026',
    });
    const { invitation, token } = await buildInvitation(db, { campaign, personId: anna.id });
    const me = link(token);

    const first = await me.get();
    expect(first.statusCode, first.body).toBe(200);
    const survey = first.json();
    expect(survey).toMatchObject({
      campaign: { title: 'Behoefteanalyse 2026', mode: 'named' },
      locales: ['nl', 'nl-easy'],
      locale: 'nl',
      status: 'in_progress',
      resumeAt: 0,
      answers: [],
      learningWish: null,
      visibility: { canChoose: false, value: 'hr' },
      openQuestion: { nl: 'Wat wil je graag leren?', 'nl-easy': 'Wat wil je leren?' },
      submittedAt: null,
    });
    expect(survey.scale.maxLevel).toBe(4);
    expect(survey.scale.levels.map((l: { pictogram: string }) => l.pictogram)).toEqual([
      'seedling',
      'helping-hand',
      'check',
      'star',
      'teacher',
    ]);
    // Only the offered languages travel: no French or English.
    expect(survey.scale.levels[2].descriptor).toEqual({ nl: 'Ik kan dit alleen, zonder hulp.', 'nl-easy': 'Ik kan dit alleen.' });
    expect(survey.questions.map((x: { competenceId: string }) => x.competenceId)).toEqual(q);
    expect(survey.questions[0].label).toEqual({ nl: 'Instructies begrijpen', 'nl-easy': 'Ik begrijp wat ik moet doen.' });
    expect(survey.questions[2].label).toEqual({ nl: 'Samenwerken' });
    expect(survey.questions[0].description).toEqual({ nl: 'Uitleg 0' });
    expect(JSON.stringify(survey)).not.toContain('Anna');

    const [inv] = await sql<{ started_at: Date | null }>('select started_at from campaign_invitations where id = $1', [invitation.id]);
    expect(inv.started_at).not.toBeNull();
    const responses = await sql<Record<string, unknown>>('select * from survey_responses where campaign_id = $1', [campaign.id]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      invitation_id: invitation.id,
      person_id: anna.id,
      team_id: teamId,
      function_profile_id: profileId,
      exit_year: 2031,
      resume_hash: hashToken(`response:${token}`),
      status: 'in_progress',
    });
    expect((await me.get()).statusCode).toBe(200);
    expect(await countOf('survey_responses', 'campaign_id = $1', [campaign.id])).toBe(1);

    // Answer, change an answer, "I don't know".
    const a1 = await me.answer(q[0], { level: 3 });
    expect(a1.statusCode, a1.body).toBe(200);
    expect(a1.json()).toEqual({ answer: { competenceId: q[0], level: 3, dontKnow: false }, answered: 1, total: ASKED });
    expect((await me.answer(q[0], { level: 2 })).json().answered).toBe(1);
    expect((await me.answer(q[1], { dontKnow: true })).json()).toMatchObject({ answer: { level: null, dontKnow: true }, answered: 2 });

    // Resume on the same link: at the first question without an answer.
    const resumed = (await me.get()).json();
    expect(resumed.resumeAt).toBe(2);
    expect(resumed.answers).toEqual([
      { competenceId: q[0], level: 2, dontKnow: false },
      { competenceId: q[1], level: null, dontKnow: true },
    ]);

    // Bad answers: named field, nothing stored.
    for (const body of [{ level: 5 }, { level: -1 }, { level: 101 }, {}, { level: 'drie' }]) {
      const bad = await me.answer(q[2], body);
      await expectProblem(bad, 400, 'validation.failed');
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('/body/level');
    }
    const both = await me.answer(q[2], { level: 1, dontKnow: true });
    expect(both.json().errors[0].path).toBe('/body/dontKnow');
    const outside = await me.answer(foreignCompetence, { level: 1 });
    await expectProblem(outside, 404, 'survey.question_not_found');
    expect(outside.json().errors).toEqual([{ path: '/params/competenceId', message: 'is not a question of this survey' }]);
    expect((await me.answer('not-a-uuid', { level: 1 })).json().errors[0].path).toBe('/params/competenceId');
    expect(await countOf('survey_answers', 'response_id = $1', [responses[0].id])).toBe(2);

    // Submitting with a question left open names it.
    const early = await me.submit();
    await expectProblem(early, 422, 'survey.incomplete');
    expect(early.json().errors).toEqual([{ path: `/answers/${q[2]}`, message: 'has no answer yet' }]);

    expect((await me.answer(q[2], { level: 1 })).json().answered).toBe(3);
    await expectProblem(await me.visibility('private'), 409, 'survey.visibility_fixed');
    expect((await me.wish('x'.repeat(2001))).json().errors[0].path).toBe('/body/text');
    expect((await me.wish('  Ik wil beter leren werken met de tablet.  ')).statusCode).toBe(204);
    expect((await me.get()).json()).toMatchObject({ resumeAt: ASKED, learningWish: 'Ik wil beter leren werken met de tablet.' });

    const sent = await me.submit();
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', resumeAt: ASKED });
    expect(sent.json().submittedAt).not.toBeNull();

    // Ratings: one self rating per level, none for "I don't know".
    const ratings = await sql<Record<string, unknown>>(
      `select competence_id, level, source, person_id, response_id, visibility, author_user_id from assessments where campaign_id = $1 order by level desc`,
      [campaign.id],
    );
    expect(ratings).toEqual([
      { competence_id: q[0], level: 2, source: 'self', person_id: anna.id, response_id: null, visibility: 'hr', author_user_id: null },
      { competence_id: q[2], level: 1, source: 'self', person_id: anna.id, response_id: null, visibility: 'hr', author_user_id: null },
    ]);
    expect(await countOf('competence_status', 'subject_id = $1', [anna.id])).toBe(2);
    const questions = await sql<Record<string, unknown>>(
      'select text, source, person_id, team_id, campaign_id from learning_questions where response_id = $1',
      [responses[0].id],
    );
    expect(questions).toEqual([
      { text: 'Ik wil beter leren werken met de tablet.', source: 'survey', person_id: anna.id, team_id: teamId, campaign_id: campaign.id },
    ]);
    const [after] = await sql<{ submitted_at: Date | null }>('select submitted_at from campaign_invitations where id = $1', [
      invitation.id,
    ]);
    expect(after.submitted_at).not.toBeNull();
    expect(await countOf('audit_log', `event = 'survey_submitted' and subject = $1`, [invitation.id])).toBe(1);

    // Sending again: the same answer, nothing stored twice.
    const footprint = async () => ({
      assessments: await countOf('assessments', 'campaign_id = $1', [campaign.id]),
      status: await countOf('competence_status', 'subject_id = $1', [anna.id]),
      questions: await countOf('learning_questions', 'campaign_id = $1', [campaign.id]),
      responses: await countOf('survey_responses', 'campaign_id = $1', [campaign.id]),
      answers: await countOf('survey_answers', 'response_id = $1', [responses[0].id]),
      audit: await countOf('audit_log', `event = 'survey_submitted' and subject = $1`, [invitation.id]),
    });
    const before = await footprint();
    const again = await me.submit();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(sent.json());
    expect(await footprint()).toEqual(before);

    // After submitting, the answers are read-only.
    await expectProblem(await me.answer(q[0], { level: 4 }), 409, 'survey.submitted');
    await expectProblem(await me.wish('iets anders'), 409, 'survey.submitted');
    expect(
      (
        await sql<{ level: number }>('select level from survey_answers where response_id = $1 and competence_id = $2', [
          responses[0].id,
          q[0],
        ])
      )[0].level,
    ).toBe(2);

    // A link issued again (lost sheet): the old one stops working, the new one finds the same answers.
    const fresh = await reissueInvitation(db, invitation.id);
    await expectProblem(await me.get(), 404, 'survey.link_unknown');
    const reopened = (await link(fresh).get()).json();
    expect(reopened).toMatchObject({ status: 'submitted', resumeAt: ASKED });
    expect(reopened.answers).toHaveLength(3);
    expect(await footprint()).toEqual(before);
  });

  it('an answer racing the submit is either in the stored ratings or refused, never lost', async () => {
    const db = t.db.database;
    for (let round = 0; round < 8; round++) {
      const someone = await person(`Race ${round}`);
      const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
      const { token } = await buildInvitation(db, { campaign, personId: someone.id });
      const me = link(token);
      for (const id of q) expect((await me.answer(id, { level: 1 })).statusCode).toBe(200);
      const [late, submitted] = await Promise.all([me.answer(q[1], { level: 3 }), me.submit()]);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const [rating] = await sql<{ level: number }>(
        `select level from assessments where campaign_id = $1 and person_id = $2 and competence_id = $3 and source = 'self'`,
        [campaign.id, someone.id, q[1]],
      );
      const [answer] = await sql<{ level: number }>(
        `select a.level from survey_answers a join survey_responses r on r.id = a.response_id where r.campaign_id = $1 and a.competence_id = $2`,
        [campaign.id, q[1]],
      );
      if (late.statusCode === 200) {
        expect(late.json().answered).toBe(3);
        expect([rating.level, answer.level]).toEqual([3, 3]);
      } else {
        await expectProblem(late, 409, 'survey.submitted');
        expect([rating.level, answer.level]).toEqual([1, 1]);
      }
    }
  });

  it('a submit whose reading is outdated writes nothing: an answer saved since, or the link revoked since', async () => {
    const db = t.db.database;
    const settings = { now: new Date(), validityMonths: 24 };
    /** What the submit without locks does after its reads, with the state it read. */
    const guardedSubmit = async (state: LinkState, token: string) => {
      const { guard, invitation } = submitGuarded({
        organisationId: orgId,
        responseId: state.response!.id,
        invitationId: state.invitation.id,
        visibility: 'hr',
        stamp: new Date(),
        responseVersion: state.responseVersion!,
        tokenHash: hashToken(token),
        at: new Date(),
        today: todayInBrussels(new Date()),
      });
      const ratings = state.content.answers.map((a) => ({
        organisationId: orgId,
        personId: state.person.id,
        competenceId: a.competenceId,
        source: 'self' as const,
        level: a.level!,
        campaignId: state.campaign.id,
        visibility: 'hr' as const,
        assessedAt: new Date(),
      }));
      return recordAssessments(db.db, ratings, settings, { guard, alongside: [invitation] });
    };
    const read = (token: string) =>
      linkState(db.db, {
        tokenHash: hashToken(token),
        resumeHash: hashToken(`response:${token}`),
        defaultScaleKey: DEFAULT_SCALE_KEY,
        lock: false,
      });
    const stored = async (campaignId: string) => ({
      ratings: await countOf('assessments', 'campaign_id = $1', [campaignId]),
      submitted: await countOf('survey_responses', `campaign_id = $1 and status = 'submitted'`, [campaignId]),
      invitations: await countOf('campaign_invitations', 'campaign_id = $1 and submitted_at is not null', [campaignId]),
    });

    // An answer changed after the reading: nothing is written; the real submit then stores the new answer.
    const someone = await person('Outdated reading');
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
    const { token } = await buildInvitation(db, { campaign, personId: someone.id });
    const me = link(token);
    expect((await me.get()).statusCode).toBe(200);
    for (const id of q) expect((await me.answer(id, { level: 1 })).statusCode).toBe(200);
    const before = (await read(token))!;
    expect((await me.answer(q[2], { level: 4 })).statusCode).toBe(200);
    expect((await read(token))!.responseVersion).not.toBe(before.responseVersion);
    expect(await guardedSubmit(before, token)).toBe(false);
    expect(await stored(campaign.id)).toEqual({ ratings: 0, submitted: 0, invitations: 0 });
    expect((await me.submit()).statusCode).toBe(200);
    const [rating] = await sql<{ level: number }>('select level from assessments where campaign_id = $1 and competence_id = $2', [
      campaign.id,
      q[2],
    ]);
    expect(rating.level).toBe(4);

    // The link revoked after the reading: nothing is written either.
    const other = await person('Revoked after reading');
    const second = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
    const issued = await buildInvitation(db, { campaign: second, personId: other.id });
    const them = link(issued.token);
    expect((await them.get()).statusCode).toBe(200);
    for (const id of q) expect((await them.answer(id, { level: 2 })).statusCode).toBe(200);
    const reading = (await read(issued.token))!;
    await sql('update campaign_invitations set revoked_at = now() where id = $1', [issued.invitation.id]);
    expect(await guardedSubmit(reading, issued.token)).toBe(false);
    expect(await stored(second.id)).toEqual({ ratings: 0, submitted: 0, invitations: 0 });
    // With the reading still true, the same writes go through.
    await sql('update campaign_invitations set revoked_at = null where id = $1', [issued.invitation.id]);
    expect(await guardedSubmit((await read(issued.token))!, issued.token)).toBe(true);
    expect(await stored(second.id)).toEqual({ ratings: ASKED, submitted: 1, invitations: 1 });
  });

  it('opening one link several times at once creates one response, and every opening shows it', async () => {
    const db = t.db.database;
    for (const mode of ['named', 'anonymous'] as const) {
      for (let round = 0; round < 4; round++) {
        const someone = await person(`Twice ${mode} ${round}`);
        const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, mode });
        const { invitation, token } = await buildInvitation(db, { campaign, personId: someone.id });
        const opened = await Promise.all([link(token).get(), link(token).get(), link(token).get(), link(token).answer(q[0], { level: 2 })]);
        for (const res of opened) expect(res.statusCode, res.body).toBe(200);
        expect(await countOf('survey_responses', 'campaign_id = $1', [campaign.id])).toBe(1);
        const [started] = await sql<{ started_at: Date | null }>('select started_at from campaign_invitations where id = $1', [
          invitation.id,
        ]);
        expect(started.started_at).not.toBeNull();
        // The answer saved next to the openings belongs to that one response.
        expect((await link(token).get()).json().answers).toEqual([{ competenceId: q[0], level: 2, dontKnow: false }]);
      }
    }
  });

  it('answers sent at the same time by many people, several per link, are each saved once with each link’s own progress', async () => {
    // They share statements (batched answers): a batch mixes links, never holds one link twice,
    // and a link that is refused fails alone.
    const db = t.db.database;
    for (const mode of ['named', 'anonymous'] as const) {
      const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, mode });
      const links = [];
      for (let i = 0; i < 9; i++) {
        const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person(`Together ${mode} ${i}`)).id });
        expect((await link(token).get()).statusCode).toBe(200);
        links.push({ token, invitationId: invitation.id, level: i % 4 });
      }
      const revoked = links[4];
      await sql('update campaign_invitations set revoked_at = now() where id = $1', [revoked.invitationId]);
      const sent = links.flatMap((l) =>
        q.map((competenceId) => ({ l, competenceId, reply: link(l.token).answer(competenceId, { level: l.level }) })),
      );
      const replies = await Promise.all(sent.map(async (s) => ({ ...s, reply: await s.reply })));

      for (const l of links) {
        const mine = replies.filter((r) => r.l === l);
        if (l === revoked) {
          for (const r of mine) await expectProblem(r.reply, 410, 'survey.link_revoked');
          continue;
        }
        for (const r of mine) expect(r.reply.statusCode, r.reply.body).toBe(200);
        // One after the other on a link: the progress counts 1, 2, 3, each once.
        expect(mine.map((r) => r.reply.json().answered as number).sort()).toEqual([1, 2, 3]);
      }
      const stored = await sql<{ competence_id: string; level: number; n: string }>(
        `select a.competence_id, a.level, count(*) over (partition by r.id) as n
           from survey_answers a join survey_responses r on r.id = a.response_id where r.campaign_id = $1`,
        [campaign.id],
      );
      expect(stored.length).toBe((links.length - 1) * ASKED);
      expect(stored.every((s) => Number(s.n) === ASKED)).toBe(true);
      expect(stored.filter((s) => s.level === 0).length, 'levels stored per link').toBe(2 * ASKED);
    }
  });

  it('named: a link issued again in the middle resumes the same answers', async () => {
    const db = t.db.database;
    const bram = await person('Bram');
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
    const { invitation, token } = await buildInvitation(db, { campaign, personId: bram.id });
    expect((await link(token).answer(q[0], { level: 4 })).statusCode).toBe(200);
    const fresh = await reissueInvitation(db, invitation.id);
    const view = (await link(fresh).get()).json();
    expect(view.resumeAt).toBe(1);
    expect(view.answers).toEqual([{ competenceId: q[0], level: 4, dontKnow: false }]);
    expect(await countOf('survey_responses', 'campaign_id = $1', [campaign.id])).toBe(1);
  });

  it('a submit adds the self ratings to what the person already had: a supervisor’s rating in the campaign, an older self rating', async () => {
    const db = t.db.database;
    const dirk = await person('Dirk');
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
    const { token } = await buildInvitation(db, { campaign, personId: dirk.id });
    const earlier = new Date(Date.now() - 60_000);
    await recordAssessments(
      db.db,
      [
        {
          organisationId: orgId,
          personId: dirk.id,
          competenceId: q[0],
          source: 'supervisor',
          level: 1,
          campaignId: campaign.id,
          visibility: 'hr',
          assessedAt: earlier,
        },
        { organisationId: orgId, personId: dirk.id, competenceId: q[1], source: 'self', level: 1, visibility: 'hr', assessedAt: earlier },
      ],
      { now: earlier, validityMonths: 24 },
    );
    const me = link(token);
    expect((await me.answer(q[0], { level: 4 })).statusCode).toBe(200);
    expect((await me.answer(q[1], { level: 3 })).statusCode).toBe(200);
    expect((await me.answer(q[2], { dontKnow: true })).statusCode).toBe(200);
    expect((await me.submit()).statusCode).toBe(200);

    const status = await sql<Record<string, unknown>>(
      `select competence_id, current_level, source, self_level, supervisor_level, disagreement
         from competence_status where subject_id = $1 order by current_level`,
      [dirk.id],
    );
    expect(status).toEqual([
      // Self 4 against the supervisor's 1: two levels or more apart, so a disagreement and the supervisor's level (domain-rules §2).
      { competence_id: q[0], current_level: 1, source: 'supervisor', self_level: 4, supervisor_level: 1, disagreement: true },
      // The newer self rating replaces the older one as the latest of its source.
      { competence_id: q[1], current_level: 3, source: 'self', self_level: 3, supervisor_level: null, disagreement: false },
    ]);
    expect(await countOf('assessments', 'person_id = $1', [dirk.id])).toBe(4);
  });

  it('anonymous: the response carries no person, no invitation and only the day', async () => {
    const db = t.db.database;
    const chris = await person('Chris Janssens', { plannedExitDate: '2029-12-31' });
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, mode: 'anonymous' });
    const { invitation, token } = await buildInvitation(db, { campaign, personId: chris.id });
    const me = link(token);

    const view = (await me.get()).json();
    expect(view).toMatchObject({ campaign: { mode: 'anonymous' }, status: 'in_progress', visibility: { canChoose: false } });
    const [response] = await sql<Record<string, unknown>>('select * from survey_responses where campaign_id = $1', [campaign.id]);
    expect(response).toMatchObject({
      invitation_id: null,
      person_id: null,
      team_id: teamId,
      function_profile_id: profileId,
      target_group: 'target_group_employee',
      exit_year: 2029,
      locale: 'nl',
      resume_hash: hashToken(`response:${token}`),
    });
    // Nothing in the row leads back: not the token's hash, not a time-ordered id, no exact times.
    expect(response.resume_hash).not.toBe(invitation.tokenHash);
    expect(String(response.id)[14]).toBe('4');
    expect(new Date(response.created_at as string).toISOString()).toBe(midnight());
    expect(new Date(response.updated_at as string).toISOString()).toBe(midnight());
    const [inv] = await sql<{ started_at: Date }>('select started_at from campaign_invitations where id = $1', [invitation.id]);
    expect(new Date(inv.started_at).toISOString()).toBe(midnight());

    await me.answer(q[0], { level: 1 });
    await me.answer(q[1], { level: 4 });
    await me.answer(q[2], { dontKnow: true });
    await expectProblem(await me.visibility('private'), 409, 'survey.visibility_fixed');
    // The language is not kept on an anonymous response (it could single someone out).
    expect((await me.locale('fr')).statusCode).toBe(204);
    expect((await sql<{ locale: string }>('select locale from survey_responses where id = $1', [response.id]))[0].locale).toBe('nl');
    await me.wish('Ik wil Nederlands leren.');
    const sent = await me.submit();
    expect(sent.statusCode, sent.body).toBe(200);

    const ratings = await sql<Record<string, unknown>>(
      'select person_id, response_id, level, assessed_at from assessments where campaign_id = $1 order by level',
      [campaign.id],
    );
    expect(ratings.map((r) => [r.person_id, r.response_id, r.level])).toEqual([
      [null, response.id, 1],
      [null, response.id, 4],
    ]);
    expect(ratings.every((r) => new Date(r.assessed_at as string).toISOString() === midnight())).toBe(true);
    expect(await countOf('competence_status', 'subject_id = $1 and person_id is null', [response.id])).toBe(2);
    expect(await countOf('competence_status', 'subject_id = $1', [chris.id])).toBe(0);
    const [question] = await sql<Record<string, unknown>>(
      'select person_id, team_id, response_id from learning_questions where campaign_id = $1',
      [campaign.id],
    );
    expect(question).toEqual({ person_id: null, team_id: teamId, response_id: response.id });
    const [submitted] = await sql<Record<string, unknown>>(
      'select r.submitted_at as r_at, i.submitted_at as i_at from survey_responses r, campaign_invitations i where r.id = $1 and i.id = $2',
      [response.id, invitation.id],
    );
    expect(new Date(submitted.r_at as string).toISOString()).toBe(midnight());
    expect(new Date(submitted.i_at as string).toISOString()).toBe(midnight());
    // No audit row: its time and address would point at the person.
    expect(await countOf('audit_log', `event = 'survey_submitted' and detail->>'campaignId' = $1`, [campaign.id])).toBe(0);
    // No column anywhere in the survey tables holds the person or the invitation.
    expect(
      await countOf('survey_responses', 'campaign_id = $1 and (person_id is not null or invitation_id is not null)', [campaign.id]),
    ).toBe(0);
    expect(await countOf('assessments', 'campaign_id = $1 and person_id is not null', [campaign.id])).toBe(0);

    // Double submission.
    const again = await me.submit();
    expect(again.json()).toEqual(sent.json());
    expect(await countOf('assessments', 'campaign_id = $1', [campaign.id])).toBe(2);
    expect(await countOf('learning_questions', 'campaign_id = $1', [campaign.id])).toBe(1);

    // Issued again after answering: the new link cannot find the old answers, and does not start over.
    const fresh = await reissueInvitation(db, invitation.id);
    const reopened = await link(fresh).get();
    expect(reopened.json()).toMatchObject({ status: 'submitted', answers: [] });
    await expectProblem(await link(fresh).answer(q[0], { level: 0 }), 409, 'survey.submitted');
    expect((await link(fresh).submit()).json().status).toBe('submitted');
    expect(await countOf('survey_responses', 'campaign_id = $1', [campaign.id])).toBe(1);
    expect(await countOf('assessments', 'campaign_id = $1', [campaign.id])).toBe(2);
  });

  it('lets people choose who sees their answers where the organisation allows it', async () => {
    const db = t.db.database;
    const dana = await buildPerson(db, { organisationId: choiceOrgId, displayName: 'Dana' });
    const campaign = await buildCampaign(db, { organisationId: choiceOrgId, competenceIds: [q[0]] });
    const { token } = await buildInvitation(db, { campaign, personId: dana.id });
    const me = link(token);
    expect((await me.get()).json().visibility).toEqual({ canChoose: true, value: 'supervisor' });
    await expectProblem(await me.visibility('everyone'), 400, 'validation.failed');
    expect((await me.visibility('private')).statusCode).toBe(204);
    expect((await me.get()).json().visibility).toEqual({ canChoose: true, value: 'private' });
    await me.answer(q[0], { level: 2 });
    await me.wish('Ik wil leren plannen.');
    expect((await me.submit()).statusCode).toBe(200);
    const [rating] = await sql<{ visibility: string }>('select visibility from assessments where campaign_id = $1', [campaign.id]);
    expect(rating.visibility).toBe('private');
    const [question] = await sql<{ visibility: string }>('select visibility from learning_questions where campaign_id = $1', [campaign.id]);
    expect(question.visibility).toBe('private');
  });

  it('starts in the person’s own language when offered, and keeps a named person’s choice', async () => {
    const db = t.db.database;
    const eve = await person('Eve');
    await sql(`update people set preferred_locale = 'fr' where id = $1`, [eve.id]);
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, locales: ['nl', 'fr'] });
    const { token } = await buildInvitation(db, { campaign, personId: eve.id });
    const me = link(token);
    const view = (await me.get()).json();
    expect(view.locale).toBe('fr');
    expect(view.questions[0].label).toEqual({ nl: 'Instructies begrijpen', fr: 'Comprendre les consignes' });
    const notOffered = await me.locale('en');
    await expectProblem(notOffered, 400, 'validation.failed');
    expect(notOffered.json().errors[0].path).toBe('/body/locale');
    expect((await me.locale('nl')).statusCode).toBe(204);
    expect((await me.get()).json().locale).toBe('nl');
  });

  it('refuses revoked and expired links, closed and not yet open campaigns, and stores nothing', async () => {
    const db = t.db.database;
    const cases: Array<{
      name: string;
      status: number;
      code: string;
      make: () => Promise<{ token: string; invitationId: string; campaignId: string }>;
    }> = [
      {
        name: 'revoked',
        status: 410,
        code: 'survey.link_revoked',
        make: async () => {
          const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
          const { invitation, token } = await buildInvitation(db, {
            campaign,
            personId: (await person('Revoked Rita')).id,
            revokedAt: new Date(),
          });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
      {
        name: 'expired',
        status: 410,
        code: 'survey.link_expired',
        make: async () => {
          const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
          const { invitation, token } = await buildInvitation(db, {
            campaign,
            personId: (await person('Expired Erik')).id,
            expiresAt: new Date(Date.now() - 60_000),
          });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
      {
        name: 'past closing day',
        status: 410,
        code: 'survey.link_expired',
        make: async () => {
          const campaign = await buildCampaign(db, {
            organisationId: orgId,
            competenceIds: q,
            opensOn: dayOffset(-10),
            closesOn: dayOffset(-2),
          });
          const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person('Late Lotte')).id, expiresAt: null });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
      {
        name: 'closed',
        status: 410,
        code: 'survey.closed',
        make: async () => {
          const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, status: 'closed' });
          const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person('Closed Cas')).id });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
      {
        name: 'draft',
        status: 409,
        code: 'survey.not_open',
        make: async () => {
          const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, status: 'draft' });
          const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person('Draft Dirk')).id });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
      {
        name: 'opens later',
        status: 409,
        code: 'survey.not_open',
        make: async () => {
          const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q, opensOn: dayOffset(3) });
          const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person('Early Els')).id });
          return { token, invitationId: invitation.id, campaignId: campaign.id };
        },
      },
    ];
    for (const c of cases) {
      const { token, invitationId, campaignId } = await c.make();
      const me = link(token);
      for (const res of [await me.get(), await me.answer(q[0], { level: 1 }), await me.wish('x'), await me.submit()]) {
        await expectProblem(res, c.status, c.code);
        // Plain words, and nothing about whose link it is.
        expect(res.json().detail, c.name).not.toMatch(/Rita|Erik|Lotte|Cas|Dirk|Els|person/i);
      }
      expect(await countOf('survey_responses', 'campaign_id = $1', [campaignId]), c.name).toBe(0);
      expect(await countOf('campaign_invitations', 'id = $1 and started_at is not null', [invitationId]), c.name).toBe(0);
    }
  });

  it('refuses answers on a started link once it is revoked, expired or closed, and answers off the scale or the campaign, keeping what was saved', async () => {
    // A started link with a response in progress takes the one-statement save (saveAnswersGuarded),
    // whose SQL conditions mirror the domain rules: each refusal here goes through it first.
    const db = t.db.database;
    const changes: Array<{
      name: string;
      status: number;
      code: string;
      change: (ids: { invitationId: string; campaignId: string }) => Promise<unknown>;
    }> = [
      {
        name: 'revoked',
        status: 410,
        code: 'survey.link_revoked',
        change: (ids) => sql('update campaign_invitations set revoked_at = now() where id = $1', [ids.invitationId]),
      },
      {
        name: 'expired',
        status: 410,
        code: 'survey.link_expired',
        change: (ids) => sql(`update campaign_invitations set expires_at = now() - interval '1 minute' where id = $1`, [ids.invitationId]),
      },
      {
        name: 'closed',
        status: 410,
        code: 'survey.closed',
        change: (ids) => sql(`update campaigns set status = 'closed' where id = $1`, [ids.campaignId]),
      },
      {
        name: 'past closing day',
        status: 410,
        code: 'survey.link_expired',
        change: (ids) =>
          sql('update campaigns set opens_on = $2, closes_on = $3 where id = $1', [ids.campaignId, dayOffset(-10), dayOffset(-1)]),
      },
    ];
    const answersOf = (invitationId: string) =>
      sql<{ competence_id: string; level: number }>(
        'select a.competence_id, a.level from survey_answers a join survey_responses r on r.id = a.response_id where r.invitation_id = $1',
        [invitationId],
      );
    const started = async (name: string) => {
      const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
      const { invitation, token } = await buildInvitation(db, { campaign, personId: (await person(name)).id, expiresAt: null });
      const me = link(token);
      const view = await me.get();
      expect(view.statusCode, view.body).toBe(200);
      expect((await me.answer(q[0], { level: 1 })).statusCode).toBe(200);
      return { me, maxLevel: view.json().scale.maxLevel as number, ids: { invitationId: invitation.id, campaignId: campaign.id } };
    };

    for (const c of changes) {
      const { me, ids } = await started(`Started ${c.name}`);
      await c.change(ids);
      await expectProblem(await me.answer(q[1], { level: 2 }), c.status, c.code);
      await expectProblem(await me.answer(q[0], { dontKnow: true }), c.status, c.code);
      expect(await answersOf(ids.invitationId), c.name).toEqual([{ competence_id: q[0], level: 1 }]);
    }

    const { me, maxLevel, ids } = await started('Started off scale');
    const offScale = await me.answer(q[1], { level: maxLevel + 1 });
    expect(offScale.statusCode, offScale.body).toBe(400);
    expect(offScale.json().errors).toEqual([{ path: '/body/level', message: `must be a whole number from 0 to ${maxLevel}` }]);
    await expectProblem(await me.answer(foreignCompetence, { level: 1 }), 404, 'survey.question_not_found');
    expect(await answersOf(ids.invitationId)).toEqual([{ competence_id: q[0], level: 1 }]);
    expect((await me.answer(q[1], { level: maxLevel })).json()).toMatchObject({ answered: 2, total: ASKED });
  });

  it('works without a session, and a session cookie changes nothing (no CSRF needed, no actor used)', async () => {
    const db = t.db.database;
    const fien = await person('Fien');
    const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: q });
    const { token } = await buildInvitation(db, { campaign, personId: fien.id });
    const anonymousView = (await link(token).get()).json();
    // The HR user's cookie, without the CSRF header that session mutations need.
    const withCookie = link(token, { cookie: hr.cookie });
    expect((await withCookie.get()).json()).toEqual(anonymousView);
    const saved = await withCookie.answer(q[0], { level: 2 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await link(token, { cookie: hr.cookie, 'x-csrf-token': 'wrong' }).answer(q[1], { level: 1 })).statusCode).toBe(200);
    // Session routes still demand CSRF.
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie: hr.cookie }, payload: { locale: 'fr' } }))
        .statusCode,
    ).toBe(403);
  });

  it('documents the survey routes in OpenAPI with the token header and no organisation id', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/survey',
      '/api/survey/answers/{competenceId}',
      '/api/survey/submit',
      '/api/survey/learning-wish',
      '/api/survey/visibility',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/survey'].get.operationId).toBe('getSurvey');
    expect(doc.paths['/api/survey'].get.security).toEqual([{ surveyToken: [] }]);
    expect(doc.components.securitySchemes.surveyToken).toEqual({ type: 'apiKey', in: 'header', name: 'x-survey-token' });
  });
});

describe('survey rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { LEERKOMPAS_SURVEY_LIMIT: '5' });
  });
  afterAll(() => t?.close());

  it('limits survey requests per IP address across all survey routes, with a plain 429', async () => {
    const from = (remoteAddress: string, url: string, method: 'GET' | 'POST' = 'GET') =>
      t.app.inject({ method, url, remoteAddress, headers: { 'x-survey-token': 'guess' } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await from('10.0.0.1', '/api/survey')).statusCode);
    for (let i = 0; i < 2; i++) codes.push((await from('10.0.0.1', '/api/survey/submit', 'POST')).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 404]);
    const limited = await from('10.0.0.1', '/api/survey/submit', 'POST');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('auth.rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address has its own budget; other routes are not affected.
    expect((await from('10.0.0.2', '/api/survey')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
  });
});
