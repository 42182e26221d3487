import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildOccupation, buildPublicFramework, relateCompetences } from '../factories/competences.js';

describe.each(databaseKinds)('frameworks and competences on %s', (kind) => {
  let t: TestApp;
  let orgA: { id: string };
  let orgB: { id: string };
  let hrA: Session;
  let employeeA: Session;
  let hrB: Session;
  let publicFw: { id: string; key: string };
  let group: { id: string };
  let lassen: { id: string };
  let plannen: { id: string };
  let lasser: { id: string };
  let ownFw: { id: string; key: string };
  const own: Record<string, string> = {};

  const anon = (method: string, url: string, body?: unknown) =>
    t.app.inject({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgA = await buildOrganisation(db);
    orgB = await buildOrganisation(db);
    const hrAUser = await buildUser(db, { organisationId: orgA.id, role: 'hr' });
    const empAUser = await buildUser(db, { organisationId: orgA.id, role: 'employee' });
    const hrBUser = await buildUser(db, { organisationId: orgB.id, role: 'hr' });
    [hrA, employeeA, hrB] = await Promise.all([hrAUser, empAUser, hrBUser].map((u) => logIn(t.app, u.email, TEST_PASSWORD)));

    publicFw = await buildPublicFramework(db);
    group = await buildCompetence(db, {
      frameworkId: publicFw.id,
      kind: 'group',
      key: 'g-tech',
      label: { nl: 'Technische vaardigheden' },
      position: 1,
    });
    lassen = await buildCompetence(db, {
      frameworkId: publicFw.id,
      parentId: group.id,
      key: 'lassen',
      label: { nl: 'lassen', fr: 'souder', en: 'welding' },
      description: { nl: 'Metalen onderdelen verbinden door ze plaatselijk te smelten. '.repeat(8) },
      position: 2,
    });
    plannen = await buildCompetence(db, {
      frameworkId: publicFw.id,
      parentId: group.id,
      key: 'werk-plannen',
      label: { nl: 'werk plannen', fr: 'planifier le travail', en: 'plan work' },
      position: 1,
    });
    await buildCompetence(db, { frameworkId: publicFw.id, key: 'root-b', label: { nl: 'Attitudes' }, kind: 'group', position: 0 });
    lasser = await buildOccupation(db, {
      label: { nl: 'lasser', fr: 'soudeur', en: 'welder' },
      essential: [lassen.id],
      optional: [plannen.id],
    });
    await buildOccupation(db, { label: { nl: 'planner productie' }, essential: [plannen.id] });
    await relateCompetences(db, lassen.id, plannen.id, 'optional');

    // Organisation A's own framework, built through the real HTTP use cases.
    const created = await hrA.request('POST', `/api/organisations/${orgA.id}/frameworks`, {
      key: `own-${orgA.id.slice(0, 8)}`,
      title: { nl: 'Eigen kader' },
    });
    expect(created.statusCode).toBe(201);
    ownFw = created.json();
    const add = async (key: string, label: Record<string, string>, parentId?: string) => {
      const res = await hrA.request('POST', `/api/organisations/${orgA.id}/frameworks/${ownFw.id}/competences`, {
        key,
        kind: 'skill',
        label,
        ...(parentId ? { parentId } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      own[key] = res.json().id;
    };
    await add('digitaal', { nl: 'Digitale geletterdheid' });
    await add('computer', { nl: 'computervaardigheden', fr: 'compétences informatiques', en: 'computer skills' }, own.digitaal);
    await add('samen', { nl: 'samenwerken met collega’s', fr: 'travailler en équipe', en: 'working in teams' });
    await add('veilig', { nl: 'veiligheidsregels toepassen' });
  });
  afterAll(() => t?.close());

  it('lists public frameworks to anyone, own frameworks only to members', async () => {
    const anonymous = await anon('GET', '/api/frameworks');
    expect(anonymous.statusCode).toBe(200);
    const anonIds = anonymous.json().map((f: { id: string }) => f.id);
    expect(anonIds).toContain(publicFw.id);
    expect(anonIds).not.toContain(ownFw.id);
    const pub = anonymous.json().find((f: { id: string }) => f.id === publicFw.id);
    expect(pub).toMatchObject({ key: publicFw.key, organisationId: null, competenceCount: 2, attribution: 'ESCO © European Union' });

    const mine = (await employeeA.request('GET', `/api/frameworks?orgId=${orgA.id}`)).json();
    expect(mine.find((f: { id: string }) => f.id === ownFw.id)).toMatchObject({
      organisationId: orgA.id,
      competenceCount: 4,
      source: 'own',
    });
    expect((await hrB.request('GET', '/api/frameworks')).json().map((f: { id: string }) => f.id)).not.toContain(ownFw.id);

    const foreign = await hrB.request('GET', `/api/frameworks?orgId=${orgA.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(ownFw.id);
    expect((await anon('GET', `/api/frameworks?orgId=${orgA.id}`)).statusCode).toBe(401);
  });

  it('shows a framework with its scale, and hides foreign own frameworks', async () => {
    const detail = await anon('GET', `/api/frameworks/${publicFw.id}`);
    expect(detail.statusCode).toBe(200);
    const scale = detail.json().scale;
    expect(scale).toMatchObject({ key: 'lk-default-0-4', proficientFrom: 2, maxLevel: 4 });
    expect(scale.levels).toHaveLength(5);
    expect(scale.levels[1]).toMatchObject({ level: 1, label: { nl: 'met hulp', fr: 'avec aide' }, pictogram: 'helping-hand' });

    expect((await employeeA.request('GET', `/api/frameworks/${ownFw.id}`)).statusCode).toBe(200);
    const foreign = await hrB.request('GET', `/api/frameworks/${ownFw.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Eigen kader');
    expect((await anon('GET', `/api/frameworks/${ownFw.id}`)).statusCode).toBe(404);
    expect((await hrB.request('GET', `/api/frameworks/${ownFw.id}/children`)).statusCode).toBe(404);
  });

  it('walks the tree lazily, ordered by position then label', async () => {
    const roots = (await anon('GET', `/api/frameworks/${publicFw.id}/children`)).json();
    expect(roots.map((n: { key: string }) => n.key)).toEqual(['root-b', 'g-tech']);
    expect(roots[1]).toMatchObject({ kind: 'group', childCount: 2, label: { nl: 'Technische vaardigheden' } });
    const children = (await anon('GET', `/api/frameworks/${publicFw.id}/children?parentId=${group.id}`)).json();
    expect(children.map((n: { key: string; childCount: number }) => [n.key, n.childCount])).toEqual([
      ['werk-plannen', 0],
      ['lassen', 0],
    ]);
    const wrongParent = await anon('GET', `/api/frameworks/${publicFw.id}/children?parentId=${own.digitaal}`);
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().errors[0].path).toBe('/querystring/parentId');
  });

  describe('search', () => {
    const search = (s: Session | null, query: string) =>
      s ? s.request('GET', `/api/competences?${query}`) : anon('GET', `/api/competences?${query}`);
    const keys = (res: { json(): unknown }) => (res.json() as Array<{ key: string }>).map((r) => r.key);

    it('finds a Dutch compound word by its first part (prefix)', async () => {
      const res = await search(hrA, `q=computer&frameworkId=${ownFw.id}`);
      expect(res.statusCode).toBe(200);
      const [first] = res.json();
      expect(first).toMatchObject({
        key: 'computer',
        label: 'computervaardigheden',
        frameworkId: ownFw.id,
        frameworkTitle: 'Eigen kader',
        matchedBy: 'prefix',
      });
      expect(first.score).toBeGreaterThan(0);
      expect(first.score).toBeLessThanOrEqual(1);
    });

    it('stems Dutch words: "werken" finds "werk plannen" by full text', async () => {
      const res = (await search(null, 'q=werken')).json();
      expect(res.find((r: { key: string }) => r.key === 'werk-plannen')).toMatchObject({
        matchedBy: 'fulltext',
        frameworkKey: publicFw.key,
        attribution: 'ESCO © European Union',
      });
    });

    it('tolerates a typo through trigram similarity', async () => {
      const res = (await search(hrA, `q=computr&frameworkId=${ownFw.id}`)).json();
      expect(res[0]).toMatchObject({ key: 'computer', matchedBy: 'trigram' });
      const typo = (await search(null, 'q=wekr+planen')).json();
      expect(typo[0]).toMatchObject({ key: 'werk-plannen', matchedBy: 'trigram' });
    });

    it('searches French and English labels with lang=fr / en and answers in that language', async () => {
      const fr = (await search(hrA, 'q=informatiques&lang=fr')).json();
      expect(fr[0]).toMatchObject({ key: 'computer', label: 'compétences informatiques', matchedBy: 'fulltext' });
      const en = (await search(null, 'q=welding&lang=en')).json();
      expect(en[0]).toMatchObject({ key: 'lassen', label: 'welding', frameworkTitle: 'Test framework' });
      // Stemming in English: "teams" → "team".
      expect(keys(await search(hrA, 'q=team&lang=en'))).toContain('samen');
    });

    it('shortens descriptions in results', async () => {
      const [hit] = (await search(null, 'q=lassen')).json();
      expect(hit).toMatchObject({ key: 'lassen', label: 'lassen' });
      expect(hit.description.length).toBeLessThanOrEqual(200);
      expect(hit.description.endsWith('…')).toBe(true);
    });

    it('only searches frameworks the caller may see, and honours frameworkId / orgId', async () => {
      // Public frameworks shipped at bootstrap may match too; only org A's own hit is private.
      const ownHits = (res: { json(): unknown }) =>
        (res.json() as Array<{ key: string; frameworkId: string }>).filter((r) => r.frameworkId === ownFw.id).map((r) => r.key);
      expect(ownHits(await search(hrA, 'q=veiligheidsregels'))).toEqual(['veilig']);
      expect(ownHits(await search(hrB, 'q=veiligheidsregels'))).toEqual([]);
      expect(ownHits(await search(null, 'q=veiligheidsregels'))).toEqual([]);
      expect((await search(hrB, `q=veilig&frameworkId=${ownFw.id}`)).statusCode).toBe(404);
      expect((await search(hrB, `q=veilig&orgId=${orgA.id}`)).statusCode).toBe(404);
      expect(keys(await search(hrA, `q=werk&frameworkId=${ownFw.id}`))).not.toContain('werk-plannen');
      expect(keys(await search(hrA, `q=veilig&orgId=${orgA.id}`))).toContain('veilig');
    });

    it('validates q and limit', async () => {
      const empty = await search(null, 'q=');
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].path).toBe('/querystring/q');
      expect((await search(null, `q=${'a'.repeat(201)}`)).statusCode).toBe(400);
      expect((await search(null, 'q=lassen&limit=0')).statusCode).toBe(400);
      expect((await search(null, 'q=lassen&lang=de')).statusCode).toBe(400);
      expect((await search(null, 'q=lassen&extra=1')).statusCode).toBe(400);
      // Operators and quotes are plain text, never tsquery syntax.
      expect((await search(null, `q=${encodeURIComponent("lassen & !'):*|")}`)).statusCode).toBe(200);
      expect((await search(null, `q=${encodeURIComponent('!!')}`)).json()).toEqual([]);
    });
  });

  it('shows a competence with path, children, occupations and relations', async () => {
    const res = await anon('GET', `/api/competences/${lassen.id}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      key: 'lassen',
      kind: 'skill',
      label: { nl: 'lassen', fr: 'souder', en: 'welding' },
      framework: { id: publicFw.id, key: publicFw.key },
    });
    expect(c.path).toEqual([{ id: group.id, label: { nl: 'Technische vaardigheden' } }]);
    expect(c.occupations).toEqual([
      { id: lasser.id, key: expect.any(String), label: { nl: 'lasser', fr: 'soudeur', en: 'welder' }, relation: 'essential' },
    ]);
    expect(c.relatedCompetences).toEqual([expect.objectContaining({ id: plannen.id, relation: 'optional', direction: 'outgoing' })]);
    const plan = (await anon('GET', `/api/competences/${plannen.id}`)).json();
    expect(plan.occupations.map((o: { relation: string }) => o.relation)).toEqual(['essential', 'optional']);
    expect(plan.relatedCompetences[0]).toMatchObject({ id: lassen.id, direction: 'incoming' });
    const g = (await anon('GET', `/api/competences/${group.id}`)).json();
    expect(g.children.map((x: { id: string }) => x.id)).toEqual([plannen.id, lassen.id]);
    expect(g.path).toEqual([]);

    const ownChild = (await employeeA.request('GET', `/api/competences/${own.computer}`)).json();
    expect(ownChild.path).toEqual([{ id: own.digitaal, label: { nl: 'Digitale geletterdheid' } }]);
    const foreign = await hrB.request('GET', `/api/competences/${own.computer}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('computervaardigheden');
  });

  it('lists and shows scales', async () => {
    const scales = (await anon('GET', '/api/scales')).json();
    const def = scales.find((s: { key: string }) => s.key === 'lk-default-0-4');
    expect(def.levels.map((l: { level: number }) => l.level)).toEqual([0, 1, 2, 3, 4]);
    expect((await anon('GET', `/api/scales/${def.id}`)).json()).toEqual(def);
    expect((await anon('GET', `/api/scales/${orgA.id}`)).statusCode).toBe(404);
  });

  it('searches occupations and shows their competences', async () => {
    const res = (await anon('GET', '/api/occupations?q=lassers')).json();
    expect(res[0]).toMatchObject({ id: lasser.id, label: 'lasser' });
    const typo = (await anon('GET', '/api/occupations?q=planer')).json();
    expect(typo.map((o: { label: string }) => o.label)).toContain('planner productie');
    const fr = (await anon('GET', '/api/occupations?q=soudeur&lang=fr')).json();
    expect(fr[0]).toMatchObject({ id: lasser.id, label: 'soudeur' });
    const detail = (await anon('GET', `/api/occupations/${lasser.id}`)).json();
    expect(detail.essentialCompetences.map((c: { id: string }) => c.id)).toEqual([lassen.id]);
    expect(detail.optionalCompetences.map((c: { id: string }) => c.id)).toEqual([plannen.id]);
    expect((await anon('GET', `/api/occupations/${orgA.id}`)).statusCode).toBe(404);
  });

  describe('own framework writes', () => {
    const base = () => `/api/organisations/${orgA.id}/frameworks`;

    it('refuses anonymous (401), employees (403) and outsiders (404)', async () => {
      const body = { key: 'x-fw', title: { nl: 'X' } };
      expect((await anon('POST', base(), body)).statusCode).toBe(401);
      expect((await employeeA.request('POST', base(), body)).statusCode).toBe(403);
      const foreign = await hrB.request('POST', base(), body);
      expect(foreign.statusCode).toBe(404);
      const compBody = { key: 'x', kind: 'skill', label: { nl: 'x' } };
      const compUrl = `${base()}/${ownFw.id}/competences`;
      expect((await anon('POST', compUrl, compBody)).statusCode).toBe(401);
      expect((await employeeA.request('POST', compUrl, compBody)).statusCode).toBe(403);
      expect((await hrB.request('POST', compUrl, compBody)).statusCode).toBe(404);
      expect((await hrB.request('POST', `/api/organisations/${orgB.id}/frameworks/${ownFw.id}/competences`, compBody)).statusCode).toBe(
        404,
      );
      expect((await employeeA.request('PATCH', `${compUrl}/${own.veilig}`, { label: { nl: 'y' } })).statusCode).toBe(403);
      expect((await hrB.request('PATCH', `${compUrl}/${own.veilig}`, { label: { nl: 'y' } })).statusCode).toBe(404);
      expect((await hrB.request('DELETE', `${compUrl}/${own.veilig}`)).statusCode).toBe(404);
      expect((await anon('DELETE', `${compUrl}/${own.veilig}`)).statusCode).toBe(401);
      const still = (await hrA.request('GET', `/api/competences/${own.veilig}`)).json();
      expect(still.label).toEqual({ nl: 'veiligheidsregels toepassen' });
    });

    it('keeps public frameworks read-only over HTTP', async () => {
      const res = await hrA.request('POST', `${base()}/${publicFw.id}/competences`, { key: 'x', kind: 'skill', label: { nl: 'x' } });
      expect(res.statusCode).toBe(404);
      expect((await hrA.request('DELETE', `${base()}/${publicFw.id}/competences/${lassen.id}`)).statusCode).toBe(404);
    });

    it('validates input and keys', async () => {
      const dup = await hrA.request('POST', base(), { key: ownFw.key, title: { nl: 'dubbel' } });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().errors[0].path).toBe('/body/key');
      const reserved = await hrA.request('POST', base(), { key: 'lk-21st-century-skills', title: { nl: 'kaping' } });
      expect(reserved.statusCode).toBe(400);
      expect(reserved.json().errors[0].path).toBe('/body/key');
      const bad = await hrA.request('POST', base(), { key: 'bad key!', title: { nl: 'x'.repeat(201) }, extra: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['/body/key', '/body/title/nl', '/body/extra']),
      );
      const badScale = await hrA.request('POST', base(), { key: 'fw-scale', title: { nl: 'x' }, scaleId: orgB.id });
      expect(badScale.statusCode).toBe(400);
      expect(badScale.json().errors[0].path).toBe('/body/scaleId');

      const url = `${base()}/${ownFw.id}/competences`;
      const dupKey = await hrA.request('POST', url, { key: 'veilig', kind: 'skill', label: { nl: 'x' } });
      expect(dupKey.statusCode).toBe(409);
      const parent = await hrA.request('POST', url, { key: 'p', kind: 'skill', label: { nl: 'x' }, parentId: lassen.id });
      expect(parent.statusCode).toBe(400);
      expect(parent.json().errors[0].path).toBe('/body/parentId');
      const noLabel = await hrA.request('POST', url, { key: 'nolabel', kind: 'skill', label: {} });
      expect(noLabel.statusCode).toBe(400);
      expect(noLabel.json().errors[0].path).toBe('/body/label');
    });

    it('updates, moves and deletes competences', async () => {
      const url = `${base()}/${ownFw.id}/competences`;
      const patched = await hrA.request('PATCH', `${url}/${own.veilig}`, {
        label: { nl: 'veilig werken' },
        parentId: own.digitaal,
        code: 'V1',
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ label: { nl: 'veilig werken' }, parentId: own.digitaal, code: 'V1' });
      expect((await hrA.request('GET', '/api/competences?q=veilig+werken')).json()[0]).toMatchObject({
        key: 'veilig',
        matchedBy: 'fulltext',
      });

      const cycle = await hrA.request('PATCH', `${url}/${own.digitaal}`, { parentId: own.computer });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().errors[0].path).toBe('/body/parentId');
      expect((await hrA.request('PATCH', `${url}/${own.digitaal}`, {})).statusCode).toBe(400);

      const withChildren = await hrA.request('DELETE', `${url}/${own.digitaal}`);
      expect(withChildren.statusCode).toBe(409);
      expect((await hrA.request('DELETE', `${url}/${own.veilig}`)).statusCode).toBe(204);
      expect((await hrA.request('GET', `/api/competences/${own.veilig}`)).statusCode).toBe(404);
      expect((await hrA.request('DELETE', `${url}/${own.veilig}`)).statusCode).toBe(404);
    });
  });
});
