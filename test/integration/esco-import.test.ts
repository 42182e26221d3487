import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { importEscoFolder, type EscoImportResult } from '../../src/jobs/import-esco.job.js';
import { PLATFORM_ORG_SLUG } from '../../src/db/bootstrap.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/esco');
const nlDir = path.join(fixtures, 'v1.2.0-nl');
const enDir = path.join(fixtures, 'v1.2.0-en');
const HASKELL = 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02';
const KDEVELOP = 'http://data.europa.eu/esco/skill/013441c1-1f13-47e9-80c4-9a53e8e1bc05';
const INITIATIVE = 'http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f';
const STAGE_MANAGER = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';

describe.each(databaseKinds)('ESCO import on %s', (kind) => {
  let t: TestApp;
  let first: EscoImportResult;
  beforeAll(async () => {
    t = await createTestApp(kind);
    first = await importEscoFolder(t.db.database, { dir: nlDir });
  });
  afterAll(() => t?.close());

  const competence = async (key: string) => {
    const [row] = await t.db.database.query<{
      id: string;
      kind: string;
      label: Record<string, string>;
      alt_labels: Record<string, string[]>;
      description: Record<string, string>;
      tags: string[];
      parent_key: string | null;
    }>(
      `select c.id, c.kind, c.label, c.alt_labels, c.description, c.tags, p.key as parent_key
       from competences c left join competences p on p.id = c.parent_id where c.key = $1`,
      [key],
    );
    return row;
  };

  it('imports skills, groups, occupations and links with counts', () => {
    const s = first.summary;
    expect(s.version).toBe('1.2.0');
    // 4 ISCED-F groups + the hierarchy's top group; 3 digital + 2 transversal skills.
    expect(s.competences).toEqual({ inserted: 10, updated: 0, unchanged: 0 });
    expect(s.occupations).toEqual({ inserted: 6, updated: 0, unchanged: 0 });
    expect(s.occupationSkills).toEqual({ inserted: 3, updated: 0, unchanged: 0, skippedUnknownConcept: 1 });
    expect(s.errorCount).toBe(3);
  });

  it('stores the public framework with version, attribution and the default scale', async () => {
    const [fw] = await t.db.database.query<{
      source: string;
      version: string;
      attribution: string;
      organisation_id: string | null;
      scale_key: string;
    }>(
      `select f.source, f.version, f.attribution, f.organisation_id, s.key as scale_key from frameworks f join proficiency_scales s on s.id = f.scale_id where f.key = 'esco-skills'`,
    );
    expect(fw).toEqual({
      source: 'esco',
      version: '1.2.0',
      attribution: '© European Union, ESCO classification, version 1.2.0, https://esco.ec.europa.eu',
      organisation_id: null,
      scale_key: 'lk-default-0-4',
    });
  });

  it('maps kinds, tags, parents, multi-line cells and group codes', async () => {
    const haskell = await competence(HASKELL);
    expect(haskell.kind).toBe('knowledge');
    expect(haskell.tags).toEqual(['digital']);
    // The first broader concept (a skill group not in the fixture) is unknown; the next one is the parent.
    expect(haskell.parent_key).toBe('http://data.europa.eu/esco/isced-f/0613');
    const initiative = await competence(INITIATIVE);
    expect(initiative.kind).toBe('transversal');
    expect(initiative.tags).toEqual(['transversal']);
    expect(initiative.description.nl).toBe('Proactief zijn en de eerste stap zetten zonder te wachten op wat anderen zeggen of doen.');
    const [group] = await t.db.database.query<{ kind: string; code: string; parent_key: string }>(
      `select c.kind, c.code, p.key as parent_key from competences c join competences p on p.id = c.parent_id where c.key = 'http://data.europa.eu/esco/isced-f/0613'`,
    );
    expect(group).toEqual({ kind: 'group', code: '0613', parent_key: 'http://data.europa.eu/esco/isced-f/061' });

    const [occupation] = await t.db.database.query<{
      alt_labels: { nl: string[] };
      code: string;
      parent_key: string;
      parent_is_group: boolean;
    }>(
      `select o.alt_labels, o.code, p.key as parent_key, p.is_group as parent_is_group from occupations o join occupations p on p.id = o.parent_id where o.key = $1`,
      [STAGE_MANAGER],
    );
    expect(occupation.alt_labels.nl.slice(0, 3)).toEqual(['toneelmeester', 'inspiciënte', 'technisch directeur']);
    expect(occupation.code).toBe('2654.1.7');
    expect(occupation).toMatchObject({ parent_key: 'http://data.europa.eu/esco/isco/C2654', parent_is_group: true });
    const [isco] = await t.db.database.query<{ parent_key: string }>(
      `select p.key as parent_key from occupations o join occupations p on p.id = o.parent_id where o.key = 'http://data.europa.eu/esco/isco/C2654'`,
    );
    expect(isco.parent_key).toBe('http://data.europa.eu/esco/isco/C265');
  });

  it('reports per-line errors with file and line without aborting', () => {
    expect(first.errors).toEqual([
      { file: 'digitalSkillsCollection_nl.csv', line: 5, message: expect.stringContaining('not a valid ESCO URI') },
      { file: 'digitalSkillsCollection_nl.csv', line: 6, message: expect.stringContaining('preferredLabel is missing') },
      { file: 'occupationSkillRelations_nl.csv', line: 6, message: expect.stringContaining('relationType "sometimes"') },
    ]);
  });

  it('writes a job row with status, progress, summary and errors', async () => {
    const [job] = await t.db.database.query<{
      kind: string;
      status: string;
      processed: number;
      total: number;
      summary: Record<string, unknown>;
      errors: unknown[];
      finished_at: Date | null;
    }>('select kind, status, processed, total, summary, errors, finished_at from jobs where id = $1', [first.jobId]);
    expect(job).toMatchObject({ kind: 'import.esco', status: 'succeeded', errors: first.errors });
    expect(job.total).toBe(job.processed);
    expect(job.processed).toBeGreaterThan(20);
    expect(job.summary).toMatchObject({ errorCount: 3, competences: { inserted: 10 } });
    expect(job.finished_at).not.toBeNull();
  });

  it('changes nothing on a second import of the same folder', async () => {
    const again = await importEscoFolder(t.db.database, { dir: nlDir });
    expect(again.summary.competences).toEqual({ inserted: 0, updated: 0, unchanged: 10 });
    expect(again.summary.occupations).toEqual({ inserted: 0, updated: 0, unchanged: 6 });
    expect(again.summary.occupationSkills).toEqual({ inserted: 0, updated: 0, unchanged: 3, skippedUnknownConcept: 1 });
    expect(again.summary.parents).toMatchObject({ competencesUpdated: 0, occupationsUpdated: 0 });
    const [{ n }] = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from competences c join frameworks f on f.id = c.framework_id where f.key = 'esco-skills'",
    );
    expect(n).toBe(10);
  });

  it('merges English labels into the same concepts and adds skill relations', async () => {
    const en = await importEscoFolder(t.db.database, { dir: enDir });
    expect(en.summary.competences).toEqual({ inserted: 0, updated: 2, unchanged: 0 });
    expect(en.summary.occupations).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(en.summary.skillRelations).toEqual({ inserted: 1, updated: 0, unchanged: 0, skippedUnknownConcept: 1 });
    const haskell = await competence(HASKELL);
    expect(haskell.label).toEqual({ nl: 'Haskell', en: 'Haskell' });
    expect(haskell.alt_labels.en).toEqual(['Haskell techniques']);
    expect(haskell.description.nl).toMatch(/^De technieken en beginselen/);
    expect(haskell.description.en).toMatch(/^The techniques and principles/);
    expect(haskell.tags).toEqual(['digital']);
    const [relation] = await t.db.database.query<{ kind: string; to_key: string }>(
      'select r.kind, t.key as to_key from competence_relations r join competences t on t.id = r.to_id where r.from_id = $1',
      [haskell.id],
    );
    expect(relation).toEqual({ kind: 'optional', to_key: KDEVELOP });
    const [occupation] = await t.db.database.query<{ label: Record<string, string> }>('select label from occupations where key = $1', [
      STAGE_MANAGER,
    ]);
    expect(occupation.label).toEqual({ nl: 'inspiciënt', en: 'technical director' });

    const enAgain = await importEscoFolder(t.db.database, { dir: enDir });
    expect(enAgain.summary.competences).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(enAgain.summary.skillRelations).toEqual({ inserted: 0, updated: 0, unchanged: 1, skippedUnknownConcept: 1 });
  });

  it('shows a platform-wide import job to platform admins only', async () => {
    const admin = await buildUser(t.db.database, { organisationId: (await platformOrgId()).id, role: 'platform_admin' });
    const adminSession = await logIn(t.app, admin.email, TEST_PASSWORD);
    const list = await adminSession.request('GET', '/api/jobs?kind=import.esco');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((j: { id: string }) => j.id)).toContain(first.jobId);
    const one = await adminSession.request('GET', `/api/jobs/${first.jobId}`);
    expect(one.json()).toMatchObject({
      id: first.jobId,
      status: 'succeeded',
      total: first.summary.files.reduce((n, f) => n + f.records, 0),
    });

    const org = await buildOrganisation(t.db.database);
    const hr = await buildUser(t.db.database, { organisationId: org.id, role: 'hr' });
    const hrSession = await logIn(t.app, hr.email, TEST_PASSWORD);
    expect((await hrSession.request('GET', '/api/jobs')).json()).toEqual([]);
    expect((await hrSession.request('GET', `/api/jobs/${first.jobId}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/jobs' })).statusCode).toBe(401);
    const bad = await adminSession.request('GET', '/api/jobs?limit=0&extra=1');
    expect(bad.statusCode).toBe(400);
  });

  async function platformOrgId() {
    const [row] = await t.db.database.query<{ id: string }>('select id from organisations where slug = $1', [PLATFORM_ORG_SLUG]);
    return row;
  }
});
