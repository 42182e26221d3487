import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildOccupation, buildPublicFramework } from '../factories/competences.js';

describe.each(databaseKinds)('function profiles on %s', (kind) => {
  let t: TestApp;
  let orgA: { id: string };
  let orgB: { id: string };
  let hrA: Session;
  let employeeA: Session;
  let hrB: Session;
  let fw: { id: string; key: string };
  let lassen: { id: string };
  let plannen: { id: string };
  let veilig: { id: string };
  let lasser: { id: string };
  let foreignCompetenceId: string;
  const year = new Date().getUTCFullYear();

  const anon = (method: string, url: string, body?: unknown) =>
    t.app.inject({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
  const postCsv = (s: Session | null, orgId: string, csv: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/function-profiles/import`,
      headers: { 'content-type': 'text/csv', ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
      payload: csv,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgA = await buildOrganisation(db);
    orgB = await buildOrganisation(db);
    const users = [
      await buildUser(db, { organisationId: orgA.id, role: 'hr' }),
      await buildUser(db, { organisationId: orgA.id, role: 'employee' }),
      await buildUser(db, { organisationId: orgB.id, role: 'hr' }),
    ];
    [hrA, employeeA, hrB] = await Promise.all(users.map((u) => logIn(t.app, u.email, TEST_PASSWORD)));
    fw = await buildPublicFramework(db);
    lassen = await buildCompetence(db, { frameworkId: fw.id, key: 'lassen', label: { nl: 'lassen' } });
    plannen = await buildCompetence(db, { frameworkId: fw.id, key: 'plannen', label: { nl: 'werk plannen' } });
    veilig = await buildCompetence(db, { frameworkId: fw.id, key: 'veilig', label: { nl: 'veilig werken' } });
    lasser = await buildOccupation(db, { label: { nl: 'lasser' }, essential: [lassen.id, plannen.id], optional: [veilig.id] });
    const ownB = await hrB.request('POST', `/api/organisations/${orgB.id}/frameworks`, {
      key: `b-${orgB.id.slice(0, 8)}`,
      title: { nl: 'B' },
    });
    const compB = await hrB.request('POST', `/api/organisations/${orgB.id}/frameworks/${ownB.json().id}/competences`, {
      key: 'geheim',
      kind: 'skill',
      label: { nl: 'geheim' },
    });
    foreignCompetenceId = compB.json().id;
  });
  afterAll(() => t?.close());

  const base = () => `/api/organisations/${orgA.id}/function-profiles`;

  it('creates a profile prefilled with the occupation’s essential competences', async () => {
    const res = await hrA.request('POST', base(), {
      name: 'Lasser',
      description: 'Last onderdelen',
      occupationId: lasser.id,
      prefillFromOccupation: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.scale).toMatchObject({ key: 'lk-default-0-4', proficientFrom: 2 });
    expect(p.occupation).toMatchObject({ id: lasser.id, label: { nl: 'lasser' } });
    expect(p.items).toEqual([
      {
        competenceId: lassen.id,
        key: 'lassen',
        kind: 'skill',
        label: { nl: 'lassen' },
        frameworkKey: fw.key,
        requiredLevel: 2,
        importance: 'core',
        futureLevel: null,
        horizonYear: null,
      },
      expect.objectContaining({ competenceId: plannen.id, requiredLevel: 2, importance: 'core' }),
    ]);
    const list = (await employeeA.request('GET', base())).json();
    expect(list).toEqual([expect.objectContaining({ id: p.id, name: 'Lasser', competenceCount: 2, occupationId: lasser.id })]);

    const plain = await hrA.request('POST', base(), { name: 'Planner', occupationId: lasser.id });
    expect(plain.json().items).toEqual([]);
  });

  it('validates creation', async () => {
    const dup = await hrA.request('POST', base(), { name: 'Lasser' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('/body/name');
    const occ = await hrA.request('POST', base(), { name: 'X', occupationId: orgA.id });
    expect(occ.statusCode).toBe(400);
    expect(occ.json().errors[0].path).toBe('/body/occupationId');
    const prefill = await hrA.request('POST', base(), { name: 'Y', prefillFromOccupation: true });
    expect(prefill.json().errors[0].path).toBe('/body/occupationId');
    const scale = await hrA.request('POST', base(), { name: 'Z', scaleId: orgB.id });
    expect(scale.json().errors[0].path).toBe('/body/scaleId');
    const shape = await hrA.request('POST', base(), { name: '', extra: true, description: 'x'.repeat(4001) });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/name', '/body/extra', '/body/description']),
    );
  });

  it('replaces the competence list, validating every item', async () => {
    const { id } = (await hrA.request('POST', base(), { name: 'Teamleider' })).json();
    const ok = await hrA.request('PUT', `${base()}/${id}/competences`, {
      items: [
        { competenceId: veilig.id, requiredLevel: 3, importance: 'core', futureLevel: 4, horizonYear: year + 5 },
        { competenceId: plannen.id, requiredLevel: 1, importance: 'supporting' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.map((i: { key: string; futureLevel: number | null }) => [i.key, i.futureLevel])).toEqual([
      ['veilig', 4],
      ['plannen', null],
    ]);

    const bad = await hrA.request('PUT', `${base()}/${id}/competences`, {
      items: [
        { competenceId: lassen.id, requiredLevel: 2, importance: 'core' },
        { competenceId: foreignCompetenceId, requiredLevel: 2, importance: 'core' },
        { competenceId: plannen.id, requiredLevel: 2, importance: 'core', futureLevel: 3 },
        { competenceId: veilig.id, requiredLevel: 5, importance: 'core', horizonYear: year + 31, futureLevel: 2 },
        { competenceId: lassen.id, requiredLevel: 0, importance: 'core' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/items/1/competenceId',
      '/body/items/2/horizonYear',
      '/body/items/3/requiredLevel',
      '/body/items/3/horizonYear',
      '/body/items/4/competenceId',
      '/body/items/4/requiredLevel',
    ]);
    expect(bad.body).not.toContain('geheim');
    const unchanged = (await hrA.request('GET', `${base()}/${id}`)).json();
    expect(unchanged.items).toHaveLength(2);

    const schema = await hrA.request('PUT', `${base()}/${id}/competences`, {
      items: [{ competenceId: lassen.id, requiredLevel: 'x', importance: 'vital' }],
    });
    expect(schema.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/items/0/requiredLevel', '/body/items/0/importance']),
    );
    expect((await hrA.request('PUT', `${base()}/${id}/competences`, { items: [] })).json().items).toEqual([]);
  });

  it('updates and deletes a profile', async () => {
    const { id } = (await hrA.request('POST', base(), { name: 'Tijdelijk', occupationId: lasser.id })).json();
    const patched = await hrA.request('PATCH', `${base()}/${id}`, {
      name: 'Magazijnier',
      description: 'Beheert het magazijn',
      occupationId: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Magazijnier',
      description: 'Beheert het magazijn',
      occupationId: null,
      occupation: null,
    });
    expect((await hrA.request('PATCH', `${base()}/${id}`, { name: 'Lasser' })).statusCode).toBe(409);
    expect((await hrA.request('PATCH', `${base()}/${id}`, {})).statusCode).toBe(400);
    expect((await hrA.request('DELETE', `${base()}/${id}`)).statusCode).toBe(204);
    expect((await hrA.request('GET', `${base()}/${id}`)).statusCode).toBe(404);
    expect((await hrA.request('DELETE', `${base()}/${id}`)).statusCode).toBe(404);
  });

  it('keeps profiles inside their organisation: 404 for outsiders, 403 for employees on writes, 401 anonymous', async () => {
    const profile = (await hrA.request('GET', base())).json().find((p: { name: string }) => p.name === 'Lasser');
    const one = `${base()}/${profile.id}`;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', base()],
      ['POST', base(), { name: 'Nieuw' }],
      ['GET', one],
      ['PATCH', one, { name: 'Gekaapt' }],
      ['PUT', `${one}/competences`, { items: [] }],
      ['DELETE', one],
      ['GET', `${base()}/export.csv`],
    ];
    for (const [method, url, body] of routes) {
      const outsider = await hrB.request(method, url, body);
      expect(outsider.statusCode, `${method} ${url}`).toBe(404);
      expect(outsider.body).not.toContain('Lasser');
      expect((await anon(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      const employee = await employeeA.request(method, url, body);
      expect(employee.statusCode, `${method} ${url}`).toBe(method === 'GET' ? 200 : 403);
    }
    // The profile id under the outsider's own organisation is not found either.
    expect((await hrB.request('GET', `/api/organisations/${orgB.id}/function-profiles/${profile.id}`)).statusCode).toBe(404);
    expect((await hrB.request('DELETE', `/api/organisations/${orgB.id}/function-profiles/${profile.id}`)).statusCode).toBe(404);
    const csv = 'profile,description,framework_key,competence_key,required_level,importance,future_level,horizon_year\nX,,,,,,,\n';
    expect((await postCsv(hrB, orgA.id, csv)).statusCode).toBe(404);
    expect((await postCsv(employeeA, orgA.id, csv)).statusCode).toBe(403);
    expect((await postCsv(null, orgA.id, csv)).statusCode).toBe(401);
    const after = (await hrA.request('GET', one)).json();
    expect(after).toMatchObject({ name: 'Lasser' });
    expect(after.items).toHaveLength(2);
  });

  describe('CSV', () => {
    let org: { id: string };
    let hr: Session;
    beforeAll(async () => {
      org = await buildOrganisation(t.db.database);
      hr = await logIn(t.app, (await buildUser(t.db.database, { organisationId: org.id, role: 'hr' })).email, TEST_PASSWORD);
    });
    const header = 'profile,description,framework_key,competence_key,required_level,importance,future_level,horizon_year';

    it('imports valid lines, reports bad ones by line, and is idempotent', async () => {
      const csv = [
        header,
        `Lasser,"Last staal, aluminium en ""inox""",${fw.key},lassen,3,core,4,${year + 2}`,
        `Lasser,,${fw.key},plannen,2,supporting,,`,
        `Lasser,,${fw.key},bestaat-niet,2,core,,`,
        `Planner,Plant het werk,,,,,,`,
        `Planner,,${fw.key},plannen,9,core,,`,
        `,,${fw.key},lassen,2,core,,`,
        `Lasser,,${fw.key},lassen,2,core,,`,
        `Planner,,${fw.key},veilig,2,core,3,`,
      ].join('\r\n');
      const first = await postCsv(hr, org.id, csv);
      expect(first.statusCode, first.body).toBe(200);
      const result = first.json();
      expect(result).toMatchObject({ created: 2, updated: 0, rows: 8 });
      expect(result.errors).toEqual([
        { line: 4, message: expect.stringContaining('bestaat-niet does not exist') },
        { line: 6, message: 'required_level must be a level from 1 to 4' },
        { line: 7, message: 'profile is empty' },
        { line: 8, message: expect.stringContaining('listed twice') },
        { line: 9, message: 'horizon_year is required when future_level is set' },
      ]);
      const list = (await hr.request('GET', `/api/organisations/${org.id}/function-profiles`)).json();
      expect(
        list.map((p: { name: string; competenceCount: number; description: string }) => [p.name, p.competenceCount, p.description]),
      ).toEqual([
        ['Lasser', 2, 'Last staal, aluminium en "inox"'],
        ['Planner', 0, 'Plant het werk'],
      ]);
      const lasserProfile = (await hr.request('GET', `/api/organisations/${org.id}/function-profiles/${list[0].id}`)).json();
      expect(lasserProfile.items[0]).toMatchObject({ key: 'lassen', requiredLevel: 3, futureLevel: 4, horizonYear: year + 2 });

      const again = (await postCsv(hr, org.id, csv)).json();
      expect(again).toMatchObject({ created: 0, updated: 0, rows: 8 });
      expect(again.errors).toEqual(result.errors);

      const changed = (await postCsv(hr, org.id, `${header}\nLasser,,${fw.key},plannen,3,supporting,,\n`)).json();
      expect(changed).toEqual({ created: 0, updated: 1, rows: 1, errors: [] });

      const audit = await t.db.database.query<{ event: string }>(
        `select event from audit_log where organisation_id = $1 and event = 'data_import'`,
        [org.id],
      );
      expect(audit).toHaveLength(3);
    });

    it('exports RFC 4180 CSV that imports back without changes, and audits the export', async () => {
      const res = await hr.request('GET', `/api/organisations/${org.id}/function-profiles/export.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      const lines = res.body.split('\r\n');
      expect(lines[0]).toBe(header);
      expect(lines[1]).toBe(`Lasser,"Last staal, aluminium en ""inox""",${fw.key},lassen,3,core,4,${year + 2}`);
      expect(lines[2]).toBe(`Lasser,"Last staal, aluminium en ""inox""",${fw.key},plannen,3,supporting,,`);
      expect(lines[3]).toBe('Planner,Plant het werk,,,,,,');
      const back = (await postCsv(hr, org.id, res.body)).json();
      expect(back).toEqual({ created: 0, updated: 0, rows: 3, errors: [] });
      const audit = await t.db.database.query<{ subject: string }>(
        `select subject from audit_log where organisation_id = $1 and event = 'data_export'`,
        [org.id],
      );
      expect(audit).toEqual([{ subject: 'function-profiles.csv' }]);
    });

    it('rejects a bad header, broken CSV, JSON and oversize files as a whole', async () => {
      const badHeader = await postCsv(hr, org.id, 'profile,descr\nX,Y\n');
      expect(badHeader.statusCode).toBe(400);
      expect(badHeader.json().errors[0]).toMatchObject({
        path: '/body',
        message: expect.stringContaining('missing column(s): description'),
      });
      const broken = await postCsv(hr, org.id, `${header}\n"Lasser,unterminated\n`);
      expect(broken.statusCode).toBe(400);
      expect(broken.json().errors[0].path).toBe('/body');
      expect((await postCsv(hr, org.id, '')).statusCode).toBe(400);
      const json = await hr.request('POST', `/api/organisations/${org.id}/function-profiles/import`, { rows: [] });
      expect(json.statusCode).toBe(400);
      const huge = await postCsv(hr, org.id, `${header}\n${'x'.repeat(1_100_000)}\n`);
      expect(huge.statusCode).toBe(413);
      const list = (await hr.request('GET', `/api/organisations/${org.id}/function-profiles`)).json();
      expect(list).toHaveLength(2);
    });
  });
});
