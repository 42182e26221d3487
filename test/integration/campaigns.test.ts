import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { pdfWords } from '../support/pdf-text.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { hashToken } from '../../src/server/auth/tokens.js';
import { endOfDayInBrussels } from '../../src/domain/campaigns/expiry.js';

const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(today.getTime() + n * 86_400_000));

describe.each(databaseKinds)('campaigns on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let hr: Session;
  let employee: Session;
  let hrOther: Session;
  const c: Record<'safety' | 'tablet' | 'dutch' | 'feedback' | 'firstAid', string> = {
    safety: '',
    tablet: '',
    dutch: '',
    feedback: '',
    firstAid: '',
  };
  let foreignCompetence: string;
  let foreignTeam: string;
  let packer: { id: string };
  let leader: { id: string };
  let emptyProfile: { id: string };
  let teams: Record<'inpak' | 'kleine' | 'groen', { id: string; name: string }>;
  const people: Record<string, string> = {};

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const base = () => `/api/organisations/${orgId}/campaigns`;
  const draft = (overrides: Record<string, unknown> = {}) => ({
    title: 'Behoefteanalyse voorjaar',
    perspectives: ['functioning', 'competence'],
    opensOn: inDays(0),
    closesOn: inDays(30),
    locales: ['nl', 'nl-easy', 'fr'],
    mode: 'named',
    openQuestion: { nl: 'Wat wil je graag leren?' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db);
    const other = await buildOrganisation(db);
    orgId = org.id;
    otherOrgId = other.id;
    const users = [
      await buildUser(db, { organisationId: orgId, role: 'hr' }),
      await buildUser(db, { organisationId: orgId, role: 'employee' }),
      await buildUser(db, { organisationId: otherOrgId, role: 'hr' }),
    ];
    [hr, employee, hrOther] = await Promise.all(users.map((u) => logIn(t.app, u.email, TEST_PASSWORD)));

    const fw = await buildPublicFramework(db);
    for (const key of Object.keys(c) as Array<keyof typeof c>)
      c[key] = (await buildCompetence(db, { frameworkId: fw.id, key, label: { nl: key } })).id;
    const ownB = await hrOther.request('POST', `/api/organisations/${otherOrgId}/frameworks`, {
      key: `b-${otherOrgId.slice(0, 8)}`,
      title: { nl: 'B' },
    });
    foreignCompetence = (
      await hrOther.request('POST', `/api/organisations/${otherOrgId}/frameworks/${ownB.json().id}/competences`, {
        key: 'geheim',
        kind: 'skill',
        label: { nl: 'geheim' },
      })
    ).json().id;
    foreignTeam = (await buildTeam(db, otherOrgId, 'Vreemd')).id;

    packer = await buildFunctionProfile(db, {
      organisationId: orgId,
      name: 'Inpakker',
      items: [
        { competenceId: c.safety, requiredLevel: 2, importance: 'core' },
        { competenceId: c.tablet, requiredLevel: 2, importance: 'core' },
        { competenceId: c.dutch, requiredLevel: 1, importance: 'supporting' },
      ],
    });
    leader = await buildFunctionProfile(db, {
      organisationId: orgId,
      name: 'Ploegleider',
      items: [
        { competenceId: c.feedback, requiredLevel: 3, importance: 'core' },
        { competenceId: c.tablet, requiredLevel: 3, importance: 'core' },
        { competenceId: c.safety, requiredLevel: 3, importance: 'supporting' },
      ],
    });
    emptyProfile = await buildFunctionProfile(db, { organisationId: orgId, name: 'Nog leeg', items: [] });
    teams = {
      inpak: await buildTeam(db, orgId, 'Inpak'),
      kleine: await buildTeam(db, orgId, 'Kleine ploeg'),
      groen: await buildTeam(db, orgId, 'Groen'),
    };
    // Inpak: 5 packers + 1 leader; Kleine ploeg: 2 packers; Groen: 5 leaders.
    for (let i = 1; i <= 5; i++)
      people[`inpak${i}`] = (
        await buildPerson(db, { organisationId: orgId, teamId: teams.inpak.id, functionProfileId: packer.id, displayName: `Inpak ${i}` })
      ).id;
    people.inpakLeader = (
      await buildPerson(db, {
        organisationId: orgId,
        teamId: teams.inpak.id,
        functionProfileId: leader.id,
        targetGroup: 'supervisory_staff',
        displayName: 'Inpak leider',
      })
    ).id;
    for (let i = 1; i <= 2; i++)
      people[`kleine${i}`] = (
        await buildPerson(db, { organisationId: orgId, teamId: teams.kleine.id, functionProfileId: packer.id, displayName: `Kleine ${i}` })
      ).id;
    for (let i = 1; i <= 5; i++)
      people[`groen${i}`] = (
        await buildPerson(db, { organisationId: orgId, teamId: teams.groen.id, functionProfileId: leader.id, displayName: `Groen ${i}` })
      ).id;
  });
  afterAll(() => t?.close());

  it('validates a new campaign and names every bad field', async () => {
    const res = await hr.request(
      'POST',
      base(),
      draft({ locales: ['fr', 'en'], closesOn: inDays(-1), mode: 'anonymous', supervisorAssessment: true }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path)).toEqual(['/body/closesOn', '/body/locales', '/body/supervisorAssessment']);
    expect(errors[2].message).toMatch(/anonymous/);

    const refs = await hr.request(
      'POST',
      base(),
      draft({
        scope: { teamIds: [teams.inpak.id, foreignTeam], functionProfileIds: [orgId], targetGroups: [] },
        addedCompetenceIds: [foreignCompetence],
        removedCompetenceIds: [c.dutch, otherOrgId],
      }),
    );
    expect(refs.statusCode).toBe(400);
    expect(refs.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/scope/teamIds/1',
      '/body/scope/functionProfileIds/0',
      '/body/addedCompetenceIds/0',
      '/body/removedCompetenceIds/1',
    ]);

    const schema = await hr.request('POST', base(), draft({ perspectives: [], locales: ['de'], extra: 1 }));
    expect(schema.statusCode).toBe(400);
    expect(schema.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/perspectives', '/body/extra']),
    );

    const noDutch = await hr.request('POST', base(), draft({ openQuestion: { fr: 'Quoi ?' } }));
    expect(noDutch.json().errors[0].path).toBe('/body/openQuestion/nl');

    expect((await employee.request('POST', base(), draft())).statusCode).toBe(403);
    expect((await employee.request('GET', base())).statusCode).toBe(403);
    expect((await hrOther.request('GET', base())).statusCode).toBe(404);
    expect(Number((await sql<{ n: string }>('select count(*) as n from campaigns where organisation_id = $1', [orgId]))[0].n)).toBe(0);
  });

  it('previews the competences of the profiles in scope, narrowed and extended by HR', async () => {
    const created = await hr.request('POST', base(), draft());
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json();
    expect(campaign).toMatchObject({
      status: 'draft',
      mode: 'named',
      supervisorAssessment: true,
      locales: ['nl', 'nl-easy', 'fr'],
      scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
    });
    expect(campaign.counts).toEqual({ people: 13, competences: 4, issued: 0, revoked: 0, started: 0, submitted: 0 });

    const preview = (await hr.request('GET', `${base()}/${campaign.id}/competences`)).json();
    expect(preview.frozen).toBe(false);
    // Profiles by name: Inpakker, Ploegleider. Core first, then by position.
    expect(preview.items.map((i: { key: string }) => i.key)).toEqual(['safety', 'feedback', 'tablet', 'dutch']);
    expect(preview.items.find((i: { key: string }) => i.key === 'tablet')).toMatchObject({
      importance: 'core',
      profileCount: 2,
      defaultRequiredLevel: 3,
      origin: 'profile',
    });
    expect(preview.items[0].levels).toHaveLength(5);
    expect(preview.items[0].levels[0]).toMatchObject({
      level: 0,
      label: expect.objectContaining({ nl: expect.any(String) }),
      descriptor: expect.any(Object),
    });

    const narrowed = await hr.request('PATCH', `${base()}/${campaign.id}`, {
      removedCompetenceIds: [c.dutch],
      addedCompetenceIds: [c.firstAid],
      scope: { teamIds: [teams.inpak.id], functionProfileIds: [], targetGroups: [] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json().counts).toMatchObject({ people: 6, competences: 4 });
    const after = (await hr.request('GET', `${base()}/${campaign.id}/competences`)).json();
    expect(after.items.map((i: { key: string }) => i.key)).toEqual(['safety', 'feedback', 'tablet', 'firstAid']);
    expect(after.items[3]).toMatchObject({ origin: 'added', importance: null, defaultRequiredLevel: null, profileCount: 0 });
    expect(after.removed).toEqual([{ competenceId: c.dutch, key: 'dutch', label: { nl: 'dutch' } }]);

    const list = (await hr.request('GET', `${base()}?status=draft`)).json();
    expect(list).toEqual([expect.objectContaining({ id: campaign.id, status: 'draft', invited: 0, submitted: 0 })]);
    expect((await hr.request('GET', `${base()}?status=open`)).json()).toEqual([]);
    expect((await hr.request('GET', `${base()}?status=gone`)).statusCode).toBe(400);

    const bad = await hr.request('PATCH', `${base()}/${campaign.id}`, { mode: 'anonymous', supervisorAssessment: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/body/supervisorAssessment');
    // Switching to anonymous without a word about supervisors switches them off; and back.
    expect((await hr.request('PATCH', `${base()}/${campaign.id}`, { mode: 'anonymous' })).json()).toMatchObject({
      mode: 'anonymous',
      supervisorAssessment: false,
    });
    expect((await hr.request('PATCH', `${base()}/${campaign.id}`, { mode: 'named', supervisorAssessment: true })).json()).toMatchObject({
      mode: 'named',
      supervisorAssessment: true,
    });
    expect((await hr.request('PATCH', `${base()}/${campaign.id}`, { closesOn: inDays(-5) })).json().errors[0].path).toBe('/body/closesOn');

    expect((await hr.request('DELETE', `${base()}/${campaign.id}`)).statusCode).toBe(204);
    expect((await hr.request('GET', `${base()}/${campaign.id}`)).statusCode).toBe(404);
  });

  it('refuses to open without people or without competences', async () => {
    const nobody = (
      await hr.request(
        'POST',
        base(),
        draft({ scope: { teamIds: [teams.kleine.id], functionProfileIds: [], targetGroups: ['supervisory_staff'] } }),
      )
    ).json();
    const res = await hr.request('POST', `${base()}/${nobody.id}/open`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('campaign.no_people');

    const empty = (
      await hr.request('POST', base(), draft({ scope: { teamIds: [], functionProfileIds: [emptyProfile.id], targetGroups: [] } }))
    ).json();
    await buildPerson(t.db.database, {
      organisationId: orgId,
      functionProfileId: emptyProfile.id,
      displayName: 'Zonder competenties',
    }).then((p) => (people.loose = p.id));
    const res2 = await hr.request('POST', `${base()}/${empty.id}/open`);
    expect(res2.statusCode).toBe(409);
    expect(res2.json().code).toBe('campaign.no_competences');
    expect(
      Number(
        (await sql<{ n: string }>('select count(*) as n from campaign_invitations where campaign_id in ($1, $2)', [nobody.id, empty.id]))[0]
          .n,
      ),
    ).toBe(0);
    for (const id of [nobody.id, empty.id]) expect((await hr.request('DELETE', `${base()}/${id}`)).statusCode).toBe(204);
    await sql('delete from people where id = $1', [people.loose]);
  });

  describe('a named campaign from open to closed', () => {
    let id: string;
    const inv = () => `${base()}/${id}/invitations`;
    const statuses = async () => {
      const body = (await hr.request('GET', inv())).json();
      return Object.fromEntries(body.items.map((i: { personName: string; status: string }) => [i.personName, i.status]));
    };

    it('opens: freezes the competences and invites everyone in scope, in one go', async () => {
      id = (
        await hr.request(
          'POST',
          base(),
          draft({
            scope: { teamIds: [teams.inpak.id, teams.kleine.id], functionProfileIds: [], targetGroups: [] },
            addedCompetenceIds: [c.firstAid],
          }),
        )
      ).json().id;
      const opened = await hr.request('POST', `${base()}/${id}/open`);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json()).toMatchObject({ status: 'open', counts: { people: 8, competences: 5, issued: 0, started: 0, submitted: 0 } });
      expect(opened.json().openedAt).toEqual(expect.any(String));

      const frozen = await sql<{ competence_id: string; position: number; default_required_level: number | null }>(
        'select competence_id, position, default_required_level from campaign_competences where campaign_id = $1 order by position',
        [id],
      );
      expect(frozen.map((f) => [f.competence_id, f.default_required_level])).toEqual([
        [c.safety, 3],
        [c.feedback, 3],
        [c.tablet, 3],
        [c.dutch, 1],
        [c.firstAid, null],
      ]);
      // safety: packer 2, leader 3 → tie → 3. tablet: 2, 3 → 3.
      const preview = (await hr.request('GET', `${base()}/${id}/competences`)).json();
      expect(preview.frozen).toBe(true);
      expect(preview.items.map((i: { key: string; profileCount: null }) => [i.key, i.profileCount])).toEqual([
        ['safety', null],
        ['feedback', null],
        ['tablet', null],
        ['dutch', null],
        ['firstAid', null],
      ]);

      const audit = await sql<{ event: string; detail: unknown }>(
        `select event, detail from audit_log where organisation_id = $1 and event = 'campaign_opened'`,
        [orgId],
      );
      expect(audit).toEqual([{ event: 'campaign_opened', detail: { people: 8, competences: 5 } }]);
      const again = await hr.request('POST', `${base()}/${id}/open`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('campaign.not_draft');
      expect(Number((await sql<{ n: string }>('select count(*) as n from campaign_invitations where campaign_id = $1', [id]))[0].n)).toBe(
        8,
      );
      // The list no longer follows the profiles.
      expect((await hr.request('PATCH', `${base()}/${id}`, { removedCompetenceIds: [c.tablet] })).statusCode).toBe(409);
    });

    it('lets HR rename and extend an open campaign, nothing else', async () => {
      const locked = await hr.request('PATCH', `${base()}/${id}`, { mode: 'anonymous', title: 'Nieuw' });
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({ code: 'campaign.locked', errors: [{ path: '/body/mode' }] });
      const earlier = await hr.request('PATCH', `${base()}/${id}`, { closesOn: inDays(20) });
      expect(earlier.statusCode).toBe(409);
      expect(earlier.json().errors[0].path).toBe('/body/closesOn');
      const ok = await hr.request('PATCH', `${base()}/${id}`, {
        title: 'Behoefteanalyse – Inpak',
        description: 'Voor de inpak',
        closesOn: inDays(40),
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ title: 'Behoefteanalyse – Inpak', closesOn: inDays(40), status: 'open' });
    });

    it('shows each person’s status, never answers, with pages', async () => {
      const first = await hr.request('GET', `${inv()}?limit=3`);
      expect(first.statusCode, first.body).toBe(200);
      const page1 = first.json();
      expect(page1.mode).toBe('named');
      expect(page1.items).toHaveLength(3);
      expect(Object.keys(page1.items[0]).sort()).toEqual([
        'invitationId',
        'issuedAt',
        'personId',
        'personName',
        'status',
        'teamId',
        'teamName',
      ]);
      const names = page1.items.map((i: { personName: string }) => i.personName);
      let cursor = page1.nextCursor;
      while (cursor) {
        const page = (await hr.request('GET', `${inv()}?limit=3&cursor=${cursor}`)).json();
        names.push(...page.items.map((i: { personName: string }) => i.personName));
        cursor = page.nextCursor;
      }
      expect(names).toEqual(['Inpak 1', 'Inpak 2', 'Inpak 3', 'Inpak 4', 'Inpak 5', 'Inpak leider', 'Kleine 1', 'Kleine 2']);
      expect(Object.values(await statuses()).every((s) => s === 'not_issued')).toBe(true);
      expect((await hr.request('GET', `${inv()}?cursor=bm9wZQ`)).json().errors[0].path).toBe('/querystring/cursor');
      expect((await hr.request('GET', `${inv()}?teamId=${foreignTeam}`)).json().errors[0].path).toBe('/querystring/teamId');
      const kleine = (await hr.request('GET', `${inv()}?teamId=${teams.kleine.id}`)).json();
      expect(kleine.items.map((i: { personName: string }) => i.personName)).toEqual(['Kleine 1', 'Kleine 2']);
    });

    it('issues links once, stores only hashes, and re-issuing kills the old link', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `${inv()}/issue`,
        headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrf, host: 'leerkompas.test' },
        payload: { teamId: teams.kleine.id },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const { links, expiresAt } = res.json();
      expect(expiresAt).toBe(endOfDayInBrussels(inDays(40)).toISOString());
      expect(links.map((l: { personName: string; teamName: string }) => [l.personName, l.teamName])).toEqual([
        ['Kleine 1', 'Kleine ploeg'],
        ['Kleine 2', 'Kleine ploeg'],
      ]);
      const token = links[0].url.split('#')[1];
      expect(links[0].url).toBe(`http://leerkompas.test/s#${token}`);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await sql<{ token_hash: string; expires_at: Date; issued_at: Date }>(
        'select token_hash, expires_at, issued_at from campaign_invitations where id = $1',
        [links[0].invitationId],
      );
      expect(row.token_hash).toBe(hashToken(token));
      expect(new Date(row.expires_at).toISOString()).toBe(expiresAt);
      expect(JSON.stringify(await sql('select * from campaign_invitations where campaign_id = $1', [id]))).not.toContain(token);

      const again = (await hr.request('POST', `${inv()}/issue`, { personIds: [people.kleine1] })).json();
      expect(again.links).toHaveLength(1);
      const [renewed] = await sql<{ token_hash: string }>('select token_hash from campaign_invitations where id = $1', [
        links[0].invitationId,
      ]);
      expect(renewed.token_hash).not.toBe(hashToken(token));
      expect(renewed.token_hash).toBe(hashToken(again.links[0].url.split('#')[1]));

      const stranger = await hr.request('POST', `${inv()}/issue`, { personIds: [people.kleine2, people.groen1] });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().errors).toEqual([{ path: '/body/personIds/1', message: 'is not invited to this campaign' }]);
      expect((await hr.request('POST', `${inv()}/issue`, { teamId: foreignTeam })).json().errors[0].path).toBe('/body/teamId');
      expect((await employee.request('POST', `${inv()}/issue`, {})).statusCode).toBe(403);

      expect(await statuses()).toMatchObject({ 'Kleine 1': 'issued', 'Kleine 2': 'issued', 'Inpak 1': 'not_issued' });
      const audit = await sql<{ detail: { links: number; via: string } }>(
        `select detail from audit_log where organisation_id = $1 and event = 'invitations_issued' order by at`,
        [orgId],
      );
      expect(audit.map((a) => a.detail.links)).toEqual([2, 1]);
      expect(JSON.stringify(audit)).not.toContain(token);
    });

    it('extending the closing date moves the expiry of live links', async () => {
      await hr.request('PATCH', `${base()}/${id}`, { closesOn: inDays(45) });
      const rows = await sql<{ expires_at: Date }>(
        'select expires_at from campaign_invitations where campaign_id = $1 and token_hash is not null',
        [id],
      );
      expect(rows.map((r) => new Date(r.expires_at).toISOString())).toEqual([
        endOfDayInBrussels(inDays(45)).toISOString(),
        endOfDayInBrussels(inDays(45)).toISOString(),
      ]);
    });

    it('gives the links as CSV for a mail merge', async () => {
      const res = await hr.request('POST', `${inv()}/issue.csv`, { teamId: teams.inpak.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('attachment');
      const lines = res.body.trim().split('\r\n');
      expect(lines[0]).toBe('name,team,link,invitation_id');
      expect(lines).toHaveLength(7);
      expect(lines[1]).toMatch(/^Inpak 1,Inpak,http:\/\/localhost(:80)?\/s#[A-Za-z0-9_-]{43},[0-9a-f-]{36}$/);
    });

    it('prints a QR sheet per team as PDF and re-issues that team’s links', async () => {
      const [before] = await sql<{ token_hash: string }>(
        'select token_hash from campaign_invitations where campaign_id = $1 and person_id = $2',
        [id, people.kleine2],
      );
      const res = await hr.request('POST', `${inv()}/sheet`, { teamId: teams.kleine.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // One card per person of the team, and nobody else's.
      const printed = pdfWords(res.rawPayload);
      for (const words of ['Kleine 1', 'Kleine 2', 'Kleine ploeg']) expect(printed).toContain(words);
      expect(printed).not.toMatch(/Inpak (\d|leider)/);
      const [after] = await sql<{ token_hash: string }>(
        'select token_hash from campaign_invitations where campaign_id = $1 and person_id = $2',
        [id, people.kleine2],
      );
      expect(after.token_hash).not.toBe(before.token_hash);

      const french = await hr.request('POST', `${inv()}/sheet`, { teamId: teams.kleine.id, locale: 'fr' });
      expect(french.statusCode).toBe(200);
      const nobody = await hr.request('POST', `${inv()}/sheet`, { teamId: teams.groen.id });
      expect(nobody.statusCode).toBe(409);
      expect(nobody.json().code).toBe('campaign.nothing_to_print');
      expect((await hr.request('POST', `${inv()}/sheet`, { teamId: foreignTeam })).json().errors[0].path).toBe('/body/teamId');
      expect((await hr.request('POST', `${inv()}/sheet`, {})).json().errors[0].path).toBe('/body/teamId');
    });

    it('follows started, submitted and revoked; submitted and revoked people get no new link', async () => {
      // The survey module sets these; here we set them directly.
      await sql(`update campaign_invitations set started_at = now() where campaign_id = $1 and person_id = $2`, [id, people.inpak1]);
      await sql(`update campaign_invitations set started_at = now(), submitted_at = now() where campaign_id = $1 and person_id = $2`, [
        id,
        people.inpak2,
      ]);
      const list = (await hr.request('GET', inv())).json();
      const inpak3 = list.items.find((i: { personName: string }) => i.personName === 'Inpak 3');
      const revoked = await hr.request('POST', `${inv()}/${inpak3.invitationId}/revoke`);
      expect(revoked.statusCode).toBe(204);
      expect((await hr.request('POST', `${inv()}/${inpak3.invitationId}/revoke`)).statusCode).toBe(204);
      expect((await hr.request('POST', `${inv()}/${orgId}/revoke`)).statusCode).toBe(404);
      expect(await statuses()).toMatchObject({ 'Inpak 1': 'started', 'Inpak 2': 'submitted', 'Inpak 3': 'revoked', 'Inpak 4': 'issued' });

      const reissued = (await hr.request('POST', `${inv()}/issue`, { teamId: teams.inpak.id })).json();
      expect(reissued.links.map((l: { personName: string }) => l.personName)).toEqual(['Inpak 1', 'Inpak 4', 'Inpak 5', 'Inpak leider']);
      const detail = (await hr.request('GET', `${base()}/${id}`)).json();
      expect(detail.counts).toMatchObject({ people: 8, issued: 7, revoked: 1, started: 1, submitted: 1 });
      const audit = await sql<{ subject: string }>(
        `select subject from audit_log where organisation_id = $1 and event = 'invitation_revoked'`,
        [orgId],
      );
      expect(audit).toEqual([{ subject: inpak3.invitationId }]);
    });

    it('closes: read-only afterwards, status still visible', async () => {
      const closed = await hr.request('POST', `${base()}/${id}/close`);
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      for (const [method, url, body] of [
        ['PATCH', `${base()}/${id}`, { title: 'Nee' }],
        ['POST', `${base()}/${id}/close`, undefined],
        ['POST', `${inv()}/issue`, {}],
        ['POST', `${inv()}/sheet`, { teamId: teams.kleine.id }],
        ['POST', `${inv()}/${(await hr.request('GET', inv())).json().items[0].invitationId}/revoke`, undefined],
      ] as const) {
        const res = await hr.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(409);
        expect(res.json().code).toBe('campaign.read_only');
      }
      const del = await hr.request('DELETE', `${base()}/${id}`);
      expect(del.statusCode).toBe(409);
      expect(del.json().code).toBe('campaign.not_draft');
      expect((await hr.request('GET', inv())).json().items).toHaveLength(8);
      expect((await hr.request('GET', `${base()}?status=closed`)).json()).toEqual([
        expect.objectContaining({ id, invited: 8, submitted: 1 }),
      ]);
      const events = await sql<{ event: string }>(
        `select event from audit_log where organisation_id = $1 and event like 'campaign_%' order by at`,
        [orgId],
      );
      expect(events.map((e) => e.event)).toEqual(['campaign_opened', 'campaign_closed']);
    });
  });

  describe('an anonymous campaign', () => {
    let id: string;
    it('shows no persons, only team counts, suppressed below k with complementary suppression', async () => {
      const created = await hr.request('POST', base(), draft({ mode: 'anonymous', title: 'Anoniem' }));
      expect(created.json()).toMatchObject({ mode: 'anonymous', supervisorAssessment: false, anonymityThreshold: 5 });
      id = created.json().id;
      expect((await hr.request('POST', `${base()}/${id}/open`)).statusCode).toBe(200);
      // Groen: 5, Inpak: 6, Kleine ploeg: 2 → Kleine hidden; then exactly one hidden with a total → Groen (smallest) hidden too.
      await sql(
        `update campaign_invitations set started_at = now(), submitted_at = now() where campaign_id = $1 and person_id in ($2, $3, $4)`,
        [id, people.inpak1, people.inpak2, people.kleine1],
      );
      const res = await hr.request('GET', `${base()}/${id}/invitations`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toEqual({
        mode: 'anonymous',
        threshold: 5,
        groups: [
          { teamId: teams.groen.id, teamName: 'Groen', suppressed: true, invited: null, started: null, submitted: null },
          { teamId: teams.inpak.id, teamName: 'Inpak', suppressed: false, invited: 6, started: 0, submitted: 2 },
          { teamId: teams.kleine.id, teamName: 'Kleine ploeg', suppressed: true, invited: null, started: null, submitted: null },
        ],
        total: { invited: 13, started: 0, submitted: 3 },
      });
      for (const personId of Object.values(people)) expect(res.body).not.toContain(personId);
      expect(res.body).not.toContain('Kleine 1');
    });

    it('hands out links to everyone not revoked, so the list of links does not tell who answered', async () => {
      const links = (await hr.request('POST', `${base()}/${id}/invitations/issue`, { teamId: teams.kleine.id })).json().links;
      expect(links.map((l: { personName: string }) => l.personName)).toEqual(['Kleine 1', 'Kleine 2']);
    });

    it('hides the overall numbers of a campaign smaller than k', async () => {
      const small = (
        await hr.request(
          'POST',
          base(),
          draft({ mode: 'anonymous', title: 'Klein', scope: { teamIds: [teams.kleine.id], functionProfileIds: [], targetGroups: [] } }),
        )
      ).json();
      const opened = (await hr.request('POST', `${base()}/${small.id}/open`)).json();
      expect(opened.counts).toMatchObject({ people: 2, started: null, submitted: null });
      const list = (await hr.request('GET', `${base()}?status=open`)).json();
      expect(list.find((x: { id: string }) => x.id === small.id)).toMatchObject({ invited: 2, submitted: null });
      const invitations = (await hr.request('GET', `${base()}/${small.id}/invitations`)).json();
      expect(invitations).toEqual({
        mode: 'anonymous',
        threshold: 5,
        groups: [expect.objectContaining({ suppressed: true, invited: null })],
        total: null,
      });
    });
  });
});
