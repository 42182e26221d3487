import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceRelations, competences, frameworks, proficiencyScales } from '../../src/db/schema/index.js';
import { DEFAULT_SCALE_KEY } from '../../src/db/reference-data.js';
import { parseCasePackage } from '../../src/domain/competences/case-json.js';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework, relateCompetences } from '../factories/competences.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const moodleFixture = fs.readFileSync(path.join(fixtures, 'moodle-framework.csv'), 'utf8');
const caseFixture = JSON.parse(fs.readFileSync(path.join(fixtures, 'case-framework.json'), 'utf8'));

describe.each(databaseKinds)('framework exchange on %s', (kind) => {
  let t: TestApp;
  let orgA: Awaited<ReturnType<typeof buildOrganisation>>;
  let orgB: Awaited<ReturnType<typeof buildOrganisation>>;
  let hrA: Session;
  let hrB: Session;
  let employeeA: Session;
  let outsider: Session;

  /** POST a file to the import route the way a browser would (session cookie + CSRF header). */
  const importFile = (session: Session, orgId: string, format: string, body: string | object, contentType?: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/framework-imports?format=${format}${query}`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': contentType ?? (typeof body === 'string' ? 'text/csv' : 'application/json'),
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const treeOf = async (frameworkId: string) => {
    const rows = await t.db.database.db
      .select()
      .from(competences)
      .where(eq(competences.frameworkId, frameworkId))
      .orderBy(competences.position);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rows.map((r) => ({
      label: r.label,
      parent: r.parentId ? (byId.get(r.parentId)!.label.nl ?? byId.get(r.parentId)!.label.en) : null,
      kind: r.kind,
      key: r.key,
      code: r.code,
      description: r.description,
    }));
  };
  const relationCount = async (frameworkId: string) =>
    (
      await t.db.database.query<{ n: string }>(
        `select count(*) as n from competence_relations r join competences c on c.id = r.from_id where c.framework_id = $1 and r.kind = 'related'`,
        [frameworkId],
      )
    ).map((r) => Number(r.n))[0];

  beforeAll(async () => {
    t = await createTestApp(kind);
    orgA = await buildOrganisation(t.db.database, { name: 'Woonzorg A' });
    orgB = await buildOrganisation(t.db.database, { name: 'Thuiszorg B' });
    const orgC = await buildOrganisation(t.db.database);
    const users = await Promise.all([
      buildUser(t.db.database, { organisationId: orgA.id, role: 'hr' }),
      buildUser(t.db.database, { organisationId: orgB.id, role: 'hr' }),
      buildUser(t.db.database, { organisationId: orgA.id, role: 'employee' }),
      buildUser(t.db.database, { organisationId: orgC.id, role: 'hr' }),
    ]);
    [hrA, hrB, employeeA, outsider] = await Promise.all(users.map((u) => logIn(t.app, u.email, TEST_PASSWORD)));
  });
  afterAll(() => t?.close());

  it('imports a Moodle export: tree, Dutch labels, plain-text descriptions, related links; audited', async () => {
    const res = await importFile(hrA, orgA.id, 'moodle', moodleFixture);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      frameworkKey: `${orgA.slug}:DIGI-BASIS`,
      scaleKey: DEFAULT_SCALE_KEY,
      inserted: 9,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    const [fw] = await t.db.database.db.select().from(frameworks).where(eq(frameworks.id, body.frameworkId));
    expect(fw).toMatchObject({ organisationId: orgA.id, source: 'moodle', title: { nl: 'Digitale basisvaardigheden' } });
    expect(fw.description.nl).toBe('Kader voor digitale basisvaardigheden van medewerkers in de zorg & welzijn.');
    const tree = await treeOf(body.frameworkId);
    expect(tree.map((c) => [c.key, c.label.nl, c.parent, c.kind])).toEqual([
      ['DB-1', 'Informatie en data', null, 'group'],
      ['DB-1.1', 'Informatie zoeken en filteren', 'Informatie en data', 'skill'],
      ['DB-1.2', 'Gegevens bewaren en ordenen', 'Informatie en data', 'skill'],
      ['DB-2', 'Communicatie en samenwerking', null, 'group'],
      ['DB-2.1', 'Mailen, chatten en videobellen', 'Communicatie en samenwerking', 'skill'],
      ['DB-2.2', 'Samen werken in gedeelde documenten', 'Communicatie en samenwerking', 'skill'],
      ['DB-3', 'Veiligheid', null, 'group'],
      ['DB-3.1', 'Sterke wachtwoorden gebruiken', 'Veiligheid', 'skill'],
      ['DB-3.2', 'Phishing herkennen', 'Veiligheid', 'skill'],
    ]);
    expect(tree[1].description).toEqual({ nl: 'Zoekt gericht informatie op het intranet en beoordeelt of ze betrouwbaar is.' });
    // DB-1.1 ↔ DB-3.2 is listed on both rows and stored once; DB-3.2 ↔ DB-3.1 once.
    expect(await relationCount(body.frameworkId)).toBe(2);
    const audit = await t.db.database.query<{ event: string; subject: string }>(
      `select event, subject from audit_log where organisation_id = $1 and event = 'data_import'`,
      [orgA.id],
    );
    expect(audit).toEqual([{ event: 'data_import', subject: `${orgA.slug}:DIGI-BASIS` }]);
  });

  it('re-imports the same file without changes, and counts a changed label as updated', async () => {
    const again = await importFile(hrA, orgA.id, 'moodle', moodleFixture);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 9, errors: [] });
    const changed = moodleFixture.replace('"Phishing herkennen"', '"Phishing en oplichting herkennen"');
    const res = await importFile(hrA, orgA.id, 'moodle', changed);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 8 });
    // A French file of the same framework adds French labels next to the Dutch ones.
    const french = await importFile(hrA, orgA.id, 'moodle', changed.replace('"Veiligheid"', '"Sécurité"'), undefined, '&lang=fr');
    expect(french.json()).toMatchObject({ updated: 9 });
    const [row] = await t.db.database.db.select().from(competences).where(eq(competences.key, 'DB-3'));
    expect(row.label).toEqual({ nl: 'Veiligheid', fr: 'Sécurité' });
  });

  it('imports a CASE package: identifiers, codes, kinds, parents and isRelatedTo; idempotent', async () => {
    const res = await importFile(hrA, orgA.id, 'case', caseFixture);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      frameworkKey: `${orgA.slug}:3f0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9012`,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    const [fw] = await t.db.database.db.select().from(frameworks).where(eq(frameworks.id, body.frameworkId));
    expect(fw).toMatchObject({ source: 'case', version: '1.2', title: { en: 'Teamwork and communication' } });
    const tree = await treeOf(body.frameworkId);
    const team = 'Working in a team';
    const families = 'Communicating with residents and families';
    expect(tree.map((c) => [c.code, c.label.en, c.parent, c.kind])).toEqual([
      ['TW.1', team, null, 'group'],
      ['TW.1.2', 'Knows the roles of the members of a multidisciplinary team', team, 'knowledge'],
      ['TW.1.1', 'Shares information with colleagues at the hand-over of a shift', team, 'skill'],
      ['TW.2', families, null, 'group'],
      ['TW.2.1', 'Listens actively and checks that the message was understood', families, 'skill'],
    ]);
    expect(tree[0].key).toBe('a1000000-0000-4000-8000-000000000001');
    const rows = await t.db.database.db.select().from(competences).where(eq(competences.key, 'a1000000-0000-4000-8000-000000000002'));
    expect(rows[0]).toMatchObject({
      altLabels: { en: ['Shift hand-over'] },
      description: { en: 'Uses the hand-over checklist of the ward.' },
    });
    expect(await relationCount(body.frameworkId)).toBe(1);
    const again = await importFile(hrA, orgA.id, 'case', caseFixture);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, errors: [] });
  });

  it('reports broken rows by line (Moodle) and by index (CASE) and imports the rest', async () => {
    const csv = [
      'parentidnumber,idnumber,shortname,description,isframework',
      ',BROKEN,Kader met fouten,,1',
      ',OK-1,Goede rij,,',
      ',,Zonder idnumber,,',
      'OK-1,OK-1,Dubbel idnumber,,',
      'NIEMAND,WEES,Ouder bestaat niet,,',
      'OK-1,OK-2,"Goede rij, met komma",,',
    ].join('\n');
    const res = await importFile(hrA, orgA.id, 'moodle', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 2, errors: [{ line: 4 }, { line: 5 }, { line: 6 }] });
    expect(res.json().errors[0].message).toMatch(/idnumber is empty/);

    const broken = JSON.parse(
      JSON.stringify(caseFixture).replaceAll('3f0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9012', '9e0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9099'),
    );
    broken.CFItems[2].fullStatement = '';
    broken.CFAssociations[0].destinationNodeURI.identifier = 'nowhere';
    const caseRes = await importFile(hrA, orgA.id, 'case', broken);
    expect(caseRes.statusCode).toBe(200);
    expect(caseRes.json().inserted).toBe(4);
    expect(caseRes.json().errors).toEqual([
      { index: 2, message: expect.stringMatching(/^CFItems\[2\]: fullStatement is missing/) },
      { index: 0, message: expect.stringMatching(/^CFAssociations\[0\]: parent "nowhere"/) },
      { index: 3, message: expect.stringMatching(/^CFAssociations\[3\]: origin "a1000000-0000-4000-8000-000000000003" is not an item/) },
    ]);
  });

  it('rejects a file with a cycle or without a framework row as a whole, writing nothing', async () => {
    const count = async () => (await t.db.database.query<{ n: string }>('select count(*) as n from competences'))[0].n;
    const before = await count();
    const cycle = ['parentidnumber,idnumber,shortname,isframework', ',CYC,Kader,1', ',TOP,Top,', 'C,A,A,', 'A,B,B,', 'B,C,C,'].join('\n');
    const res = await importFile(hrA, orgA.id, 'moodle', cycle);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'import.invalid_file', detail: expect.stringContaining('cycle') });
    const noFramework = await importFile(hrA, orgA.id, 'moodle', 'parentidnumber,idnumber,shortname,isframework\n,A,A,\n');
    expect(noFramework.statusCode).toBe(400);
    expect(noFramework.json().detail).toMatch(/no framework row/);
    const caseCycle = JSON.parse(
      JSON.stringify(caseFixture).replaceAll('3f0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9012', '7e0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9077'),
    );
    caseCycle.CFAssociations[0].destinationNodeURI.identifier = 'a1000000-0000-4000-8000-000000000002';
    expect((await importFile(hrA, orgA.id, 'case', caseCycle)).statusCode).toBe(400);
    expect(await count()).toBe(before);
    const frameworksNamed = await t.db.database.query(`select 1 from frameworks where key in ($1, $2)`, [
      `${orgA.slug}:CYC`,
      `${orgA.slug}:7e0b6a1e-2c4d-4e8f-9a1b-5c6d7e8f9077`,
    ]);
    expect(frameworksNamed).toEqual([]);
  });

  it('checks format against content type, unknown fields, and the 10 MB limit', async () => {
    expect((await importFile(hrA, orgA.id, 'moodle', { CFDocument: {}, CFItems: [] })).statusCode).toBe(415);
    expect((await importFile(hrA, orgA.id, 'case', moodleFixture)).statusCode).toBe(415);
    const unknown = await importFile(hrA, orgA.id, 'case', { ...caseFixture, CFSomething: [] });
    expect(unknown.statusCode).toBe(400);
    const badFormat = await importFile(hrA, orgA.id, 'excel', moodleFixture);
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().errors.map((e: { path: string }) => e.path)).toContain('/querystring/format');
    const malformed = await importFile(hrA, orgA.id, 'case', '{"CFDocument":', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');
    const big = `parentidnumber,idnumber,shortname,isframework\n,BIG,Groot,1\n${',x,y,\n'.repeat(1_900_000)}`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const tooLarge = await importFile(hrA, orgA.id, 'moodle', big);
    expect(tooLarge.statusCode).toBe(413);
  });

  it('round-trips an own framework through Moodle CSV and CASE JSON into another organisation', async () => {
    const [scale] = await t.db.database.db.select().from(proficiencyScales).where(eq(proficiencyScales.key, DEFAULT_SCALE_KEY));
    const [fw] = await t.db.database.db
      .insert(frameworks)
      .values({
        key: `${orgA.slug}-own`,
        organisationId: orgA.id,
        title: { nl: 'Eigen kader', fr: 'Cadre propre' },
        description: { nl: 'Ons kader, met komma' },
        source: 'own',
        scaleId: scale.id,
      })
      .returning();
    const root = await buildCompetence(t.db.database, {
      frameworkId: fw.id,
      key: 'zorg',
      kind: 'group',
      label: { nl: 'Zorg', fr: 'Soins' },
      position: 0,
    });
    const mid = await buildCompetence(t.db.database, {
      frameworkId: fw.id,
      key: 'zorg.hygiene',
      parentId: root.id,
      label: { nl: 'Hygiëne, "basis"' },
      description: { nl: 'Handen wassen.\nOok na pauze.' },
      position: 1,
    });
    const leaf = await buildCompetence(t.db.database, {
      frameworkId: fw.id,
      key: 'zorg.hygiene.handschoenen',
      parentId: mid.id,
      kind: 'knowledge',
      label: { nl: 'Handschoenen gebruiken' },
      position: 2,
    });
    const other = await buildCompetence(t.db.database, {
      frameworkId: fw.id,
      key: 'communicatie',
      kind: 'attitude',
      label: { nl: 'Communicatie' },
      position: 3,
    });
    await relateCompetences(t.db.database, leaf.id, other.id, 'related');

    const expected = [
      ['Zorg', null],
      ['Hygiëne, "basis"', 'Zorg'],
      ['Handschoenen gebruiken', 'Hygiëne, "basis"'],
      ['Communicatie', null],
    ];

    const csv = await hrA.request('GET', `/api/frameworks/${fw.id}/export?format=moodle&lang=nl`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${orgA.slug}-own.csv"`);
    expect(csv.body.split('\r\n')[0]).toMatch(/^Parent ID number,ID number,Short name,/);
    const moodleImport = await importFile(hrB, orgB.id, 'moodle', csv.body);
    expect(moodleImport.json()).toMatchObject({
      inserted: 4,
      errors: [],
      scaleKey: DEFAULT_SCALE_KEY,
      frameworkKey: `${orgB.slug}:${orgA.slug}-own`,
    });
    const viaMoodle = await treeOf(moodleImport.json().frameworkId);
    expect(viaMoodle.map((c) => [c.label.nl, c.parent])).toEqual(expected);
    expect(viaMoodle[1].description).toEqual({ nl: 'Handen wassen.\nOok na pauze.' });
    expect(await relationCount(moodleImport.json().frameworkId)).toBe(1);

    const json = await hrA.request('GET', `/api/frameworks/${fw.id}/export?format=case&lang=nl`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe(`attachment; filename="${orgA.slug}-own.case.json"`);
    const pkg = json.json();
    expect(pkg.CFDocument).toMatchObject({
      identifier: fw.id,
      title: 'Eigen kader',
      creator: 'Woonzorg A',
      CFPackageURI: { uri: `http://localhost:80/api/frameworks/${fw.id}/export?format=case&lang=nl` },
    });
    expect(pkg.CFItems.map((i: { identifier: string }) => i.identifier).sort()).toEqual([root.id, mid.id, leaf.id, other.id].sort());
    expect(pkg.CFItems[0].uri).toBe(`http://localhost:80/api/case/v1p1/CFItems/${root.id}`);
    const caseImport = await importFile(hrB, orgB.id, 'case', pkg);
    expect(caseImport.json()).toMatchObject({ inserted: 4, errors: [] });
    const viaCase = await treeOf(caseImport.json().frameworkId);
    expect(viaCase.map((c) => [c.label.nl, c.parent])).toEqual(expected);
    expect(viaCase.map((c) => c.kind)).toEqual(['group', 'skill', 'knowledge', 'attitude']);
    // The copy keeps the CASE identifiers: exporting it again gives the same items.
    const reExport = await hrB.request('GET', `/api/frameworks/${caseImport.json().frameworkId}/export?format=case`);
    const again = parseCasePackage(reExport.json(), { lang: 'nl' });
    expect(again.ok && again.framework.competences.map((c) => c.key).sort()).toEqual([root.id, mid.id, leaf.id, other.id].sort());

    const exports = await t.db.database.query<{ subject: string; detail: { format: string } }>(
      `select subject, detail from audit_log where organisation_id = $1 and event = 'data_export' order by at`,
      [orgA.id],
    );
    expect(exports.map((e) => [e.subject, e.detail.format])).toEqual([
      [`${orgA.slug}-own`, 'moodle'],
      [`${orgA.slug}-own`, 'case'],
    ]);
  });

  it('enforces tenancy: outsiders 404, employees may not import (403) but may export, public frameworks for anyone', async () => {
    const foreign = await importFile(outsider, orgA.id, 'moodle', moodleFixture);
    expect(foreign.statusCode).toBe(404);
    const employee = await importFile(employeeA, orgA.id, 'moodle', moodleFixture);
    expect(employee.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgA.id}/framework-imports?format=moodle`,
      headers: { 'content-type': 'text/csv' },
      payload: moodleFixture,
    });
    expect(anonymous.statusCode).toBe(401);

    const [own] = await t.db.database.db
      .select()
      .from(frameworks)
      .where(eq(frameworks.key, `${orgA.slug}:DIGI-BASIS`));
    expect((await outsider.request('GET', `/api/frameworks/${own.id}/export?format=moodle`)).statusCode).toBe(404);
    expect((await hrB.request('GET', `/api/frameworks/${own.id}/export?format=case`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/frameworks/${own.id}/export?format=moodle` })).statusCode).toBe(404);
    expect((await employeeA.request('GET', `/api/frameworks/${own.id}/export?format=moodle`)).statusCode).toBe(200);

    const pub = await buildPublicFramework(t.db.database);
    const group = await buildCompetence(t.db.database, { frameworkId: pub.id, kind: 'group', label: { nl: 'Groep', en: 'Group' } });
    await buildCompetence(t.db.database, {
      frameworkId: pub.id,
      parentId: group.id,
      label: { nl: 'Vaardigheid', en: 'Skill' },
      position: 1,
    });
    const auditBefore = await t.db.database.query(`select 1 from audit_log where event = 'data_export'`);
    const publicCsv = await t.app.inject({ url: `/api/frameworks/${pub.id}/export?format=moodle&lang=en` });
    expect(publicCsv.statusCode).toBe(200);
    expect(publicCsv.body).toContain(',Group,');
    expect(publicCsv.body).toContain(',Skill,');
    expect(await t.db.database.query(`select 1 from audit_log where event = 'data_export'`)).toHaveLength(auditBefore.length);
    expect((await t.app.inject({ url: `/api/frameworks/00000000-0000-4000-8000-000000000000/export?format=moodle` })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: `/api/frameworks/${pub.id}/export?format=moodle&lang=de` });
    expect(bad.statusCode).toBe(400);
  });

  it('documents both routes in the OpenAPI document with both media types', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/organisations/{orgId}/framework-imports'].post;
    expect(post.operationId).toBe('importFramework');
    expect(Object.keys(post.requestBody.content)).toEqual(['text/csv', 'application/json']);
    const get = doc.paths['/api/frameworks/{id}/export'].get;
    expect(get.operationId).toBe('exportFramework');
    expect(Object.keys(get.responses['200'].content)).toEqual(['text/csv', 'application/json']);
  });

  it('does not let an import write into a relation it does not own', async () => {
    // Relations to competences outside the file are left alone on re-import.
    const [fw] = await t.db.database.db
      .select()
      .from(frameworks)
      .where(eq(frameworks.key, `${orgA.slug}:DIGI-BASIS`));
    const [a] = await t.db.database.db.select().from(competences).where(eq(competences.key, 'DB-2.1'));
    const extra = await buildCompetence(t.db.database, {
      frameworkId: fw.id,
      key: 'HANDMATIG',
      label: { nl: 'Handmatig toegevoegd' },
      position: 99,
    });
    await relateCompetences(t.db.database, a.id, extra.id, 'related');
    const res = await importFile(hrA, orgA.id, 'moodle', moodleFixture);
    expect(res.statusCode).toBe(200);
    const kept = await t.db.database.db.select().from(competenceRelations).where(eq(competenceRelations.toId, extra.id));
    expect(kept).toHaveLength(1);
  });
});
