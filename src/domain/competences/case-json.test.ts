import { describe, expect, it } from 'vitest';
import { caseDateTime, kindFromItemType, parseCasePackage, writeCasePackage } from './case-json.js';
import { UUID_PATTERN, type ExportFramework } from './exchange-model.js';

const DOC = '11111111-1111-4111-8111-111111111111';
const link = (identifier: string) => ({ identifier, uri: `https://x.example/${identifier}`, title: identifier });
const item = (identifier: string, fullStatement: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  uri: `https://x.example/${identifier}`,
  fullStatement,
  lastChangeDateTime: '2024-01-01T00:00:00Z',
  ...extra,
});
const assoc = (associationType: string, origin: string, destination: string, sequenceNumber?: number) => ({
  identifier: `${origin}-${associationType}-${destination}`,
  associationType,
  originNodeURI: link(origin),
  destinationNodeURI: link(destination),
  ...(sequenceNumber !== undefined ? { sequenceNumber } : {}),
});
const pkg = (items: unknown[], associations: unknown[], document: Record<string, unknown> = {}) => ({
  CFDocument: {
    identifier: DOC,
    uri: 'https://x.example/doc',
    title: 'Kader',
    creator: 'X',
    lastChangeDateTime: '2024-01-01T00:00:00Z',
    language: 'nl',
    ...document,
  },
  CFItems: items,
  CFAssociations: associations,
});

describe('parseCasePackage', () => {
  it('builds the tree from isChildOf, ordered by sequenceNumber, with codes, notes and kinds', () => {
    const result = parseCasePackage(
      pkg(
        [
          item('g', 'Groep'),
          item('b', 'Tweede', { humanCodingScheme: 'G.2', CFItemType: 'Competency' }),
          item('a', 'Eerste', {
            humanCodingScheme: 'G.1',
            notes: 'Uitleg',
            abbreviatedStatement: 'Kort',
            CFItemType: 'Knowledge',
            language: 'en-GB',
          }),
        ],
        [
          assoc('isChildOf', 'g', DOC, 1),
          assoc('isChildOf', 'b', 'g', 2),
          assoc('isChildOf', 'a', 'g', 1),
          assoc('isRelatedTo', 'a', 'b'),
          assoc('precedes', 'a', 'b'),
        ],
      ),
      { lang: 'fr' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.errors).toEqual([]);
    expect(result.framework).toMatchObject({ key: DOC, title: 'Kader', lang: 'nl' });
    expect(result.framework.competences.map((c) => [c.key, c.parentKey, c.position, c.kind, c.code, c.lang])).toEqual([
      ['g', null, 0, 'group', null, 'nl'],
      ['a', 'g', 1, 'knowledge', 'G.1', 'en'],
      ['b', 'g', 2, 'skill', 'G.2', 'nl'],
    ]);
    expect(result.framework.competences[1]).toMatchObject({ label: 'Eerste', description: 'Uitleg', altLabels: ['Kort'] });
    expect(result.framework.relations).toEqual([{ fromKey: 'a', toKey: 'b', kind: 'related' }]);
  });

  it('keeps the first of several parents and stores the others as broader relations', () => {
    const result = parseCasePackage(
      pkg([item('p', 'P'), item('q', 'Q'), item('c', 'C')], [assoc('isChildOf', 'c', 'q', 2), assoc('isChildOf', 'c', 'p', 1)]),
      { lang: 'nl' },
    );
    expect(result.ok && result.framework.competences.find((c) => c.key === 'c')!.parentKey).toBe('p');
    expect(result.ok && result.framework.relations).toEqual([{ fromKey: 'c', toKey: 'q', kind: 'broader' }]);
  });

  it('reports bad items and associations by index and imports the rest', () => {
    const result = parseCasePackage(
      pkg(
        [item('ok', 'Goed'), { identifier: 'no-statement' }, 'text', item('ok', 'Dubbel'), item('child', 'Kind')],
        [
          assoc('isChildOf', 'child', 'elsewhere'),
          assoc('isChildOf', 'ghost', DOC),
          { associationType: 'isChildOf' },
          assoc('isRelatedTo', 'ok', 'external'),
        ],
      ),
      { lang: 'nl' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.competences.map((c) => [c.key, c.parentKey])).toEqual([
      ['ok', null],
      ['child', null],
    ]);
    expect(result.errors.map((e) => e.message.split(';')[0])).toEqual([
      'CFItems[1]: fullStatement is missing',
      'CFItems[2]: not an object',
      'CFItems[3]: identifier "ok" is used already by item 0',
      'CFAssociations[0]: parent "elsewhere" is neither the CFDocument nor an item of this package',
      'CFAssociations[1]: origin "ghost" is not an item of this package',
      'CFAssociations[2]: originNodeURI or destinationNodeURI has no identifier',
      'CFAssociations[3]: isRelatedTo links a node outside this package',
    ]);
    expect(result.errors.map((e) => e.index)).toEqual([1, 2, 3, 0, 1, 2, 3]);
  });

  it('rejects a package without document or items, or with a cycle', () => {
    expect(parseCasePackage([], { lang: 'nl' })).toMatchObject({ ok: false });
    expect(parseCasePackage({ CFItems: [] }, { lang: 'nl' })).toMatchObject({ ok: false, fatal: 'CFDocument is missing.' });
    expect(parseCasePackage({ CFDocument: { identifier: DOC, title: 'T' } }, { lang: 'nl' })).toMatchObject({
      ok: false,
      fatal: 'CFItems must be an array.',
    });
    const cycle = parseCasePackage(pkg([item('a', 'A'), item('b', 'B')], [assoc('isChildOf', 'a', 'b'), assoc('isChildOf', 'b', 'a')]), {
      lang: 'nl',
    });
    expect(cycle).toMatchObject({ ok: false, fatal: expect.stringContaining('cycle') });
  });
});

describe('kindFromItemType', () => {
  it('maps common CFItemType values', () => {
    expect(kindFromItemType('Domain')).toBe('group');
    expect(kindFromItemType('Cluster')).toBe('group');
    expect(kindFromItemType('Competency')).toBe('skill');
    expect(kindFromItemType('Knowledge')).toBe('knowledge');
    expect(kindFromItemType('Transversal competence')).toBe('transversal');
    expect(kindFromItemType('Attitude')).toBe('attitude');
    expect(kindFromItemType('Widget')).toBeNull();
  });
});

const framework: ExportFramework = {
  id: '0190a000-0000-7000-8000-0000000000f0',
  key: 'lk-teamwork',
  sourceKey: 'lk-teamwork',
  title: { nl: 'Samenwerken', en: 'Teamwork' },
  description: { nl: 'Samen werken in teams.' },
  version: '2024.1',
  updatedAt: '2024-06-01T10:00:00.123Z',
  publisher: 'Leerkompas',
  scale: null,
  competences: [
    {
      id: '0190a000-0000-7000-8000-000000000002',
      key: 'tw-listen',
      code: null,
      parentId: '0190a000-0000-7000-8000-000000000001',
      kind: 'skill',
      label: { nl: 'Actief luisteren', en: 'Active listening' },
      altLabels: { nl: ['Luisteren'] },
      description: { nl: 'Vat samen wat de ander zei.' },
      position: 1,
      updatedAt: '2024-05-01T08:00:00Z',
    },
    {
      id: '0190a000-0000-7000-8000-000000000001',
      key: 'tw',
      code: 'TW',
      parentId: null,
      kind: 'group',
      label: { nl: 'Samenwerken' },
      altLabels: {},
      description: {},
      position: 0,
      updatedAt: '2024-05-01T08:00:00Z',
    },
    {
      id: '0190a000-0000-7000-8000-000000000003',
      key: 'a1000000-0000-4000-8000-00000000000a',
      code: 'TW.2',
      parentId: '0190a000-0000-7000-8000-000000000001',
      kind: 'knowledge',
      label: { en: 'Team roles' },
      altLabels: {},
      description: {},
      position: 2,
      updatedAt: '2024-05-01T08:00:00Z',
    },
  ],
  relations: [
    { fromId: '0190a000-0000-7000-8000-000000000002', toId: '0190a000-0000-7000-8000-000000000003', kind: 'related' },
    { fromId: '0190a000-0000-7000-8000-000000000003', toId: '0190a000-0000-7000-8000-000000000002', kind: 'related' },
  ],
};

describe('writeCasePackage', () => {
  const out = writeCasePackage(framework, {
    lang: 'nl',
    baseUrl: 'https://lk.example/',
    packageUrl: 'https://lk.example/api/frameworks/x/export?format=case',
  });

  it('writes a CFPackage with UUID identifiers, URIs under the base URL and ISO date-times', () => {
    expect(out.CFDocument).toMatchObject({
      identifier: framework.id,
      uri: `https://lk.example/api/case/v1p1/CFDocuments/${framework.id}`,
      title: 'Samenwerken',
      creator: 'Leerkompas',
      lastChangeDateTime: '2024-06-01T10:00:00Z',
      language: 'nl',
      version: '2024.1',
      CFPackageURI: { identifier: framework.id, uri: 'https://lk.example/api/frameworks/x/export?format=case' },
    });
    for (const x of [...out.CFItems, ...out.CFAssociations]) {
      expect(x.identifier).toMatch(UUID_PATTERN);
      expect(x.lastChangeDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(out.CFItems.map((i) => [i.fullStatement, i.humanCodingScheme, i.CFItemType, i.language])).toEqual([
      ['Samenwerken', 'TW', 'Domain', 'nl'],
      ['Actief luisteren', 'tw-listen', 'Skill', 'nl'],
      ['Team roles', 'TW.2', 'Knowledge', 'en'],
    ]);
    // A UUID key (read from CASE earlier) is kept as the identifier.
    expect(out.CFItems[2].identifier).toBe('a1000000-0000-4000-8000-00000000000a');
    expect(out.CFItems[1]).toMatchObject({ abbreviatedStatement: 'Luisteren', notes: 'Vat samen wat de ander zei.' });
    expect(out.CFAssociations.filter((a) => a.associationType === 'isRelatedTo')).toHaveLength(1);
    expect(out.CFDefinitions?.CFItemTypes).toHaveLength(3);
  });

  it('is stable: the same data gives the same package', () => {
    const again = writeCasePackage(framework, {
      lang: 'nl',
      baseUrl: 'https://lk.example',
      packageUrl: 'https://lk.example/api/frameworks/x/export?format=case',
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });

  it('reads back what it writes', () => {
    const back = parseCasePackage(JSON.parse(JSON.stringify(out)), { lang: 'nl' });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.errors).toEqual([]);
    expect(
      back.framework.competences.map((c) => [
        c.label,
        c.parentKey === null ? null : back.framework.competences.find((p) => p.key === c.parentKey)!.label,
        c.kind,
      ]),
    ).toEqual([
      ['Samenwerken', null, 'group'],
      ['Actief luisteren', 'Samenwerken', 'skill'],
      ['Team roles', 'Samenwerken', 'knowledge'],
    ]);
    expect(back.framework.relations).toHaveLength(1);
    expect(caseDateTime('2024-06-01T10:00:00.999+02:00')).toBe('2024-06-01T08:00:00Z');
  });
});
