import { describe, expect, it } from 'vitest';
import {
  classifyEscoFile,
  compareVersions,
  escoAttribution,
  escoVersionFromName,
  mapBroaderRow,
  mapHierarchyRow,
  mapIscoGroupRow,
  mapOccupationRow,
  mapOccupationSkillRow,
  mapSkillGroupRow,
  mapSkillRow,
  mapSkillSkillRow,
  mergeConceptRecords,
  newerVersion,
  splitValues,
  type EscoConceptRecord,
} from './esco.js';

// Real lines of the ESCO export (digitalSkillsCollection_nl/en, transversalSkillsCollection_nl,
// occupations_nl, ISCOGroups_nl, skillsHierarchy_nl), already split into cells.
const haskellNl = {
  conceptType: 'KnowledgeSkillCompetence',
  conceptUri: 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02',
  preferredLabel: 'Haskell',
  status: 'released',
  skillType: 'knowledge',
  reuseLevel: 'sector-specific',
  altLabels: '',
  description:
    'De technieken en beginselen van softwareontwikkeling, zoals analyses, algoritmen, coderen, testen en compileren van programmeerparadigma’s in Haskell.',
  broaderConceptUri: 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97 | http://data.europa.eu/esco/isced-f/0613',
  broaderConceptPT: 'computerprogrammering | ontwikkeling en analyse van software en toepassingen',
};
const haskellEn = {
  ...haskellNl,
  preferredLabel: 'Haskell',
  altLabels: 'Haskell techniques',
  description:
    'The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Haskell.',
};
const initiativeNl = {
  conceptType: 'KnowledgeSkillCompetence',
  conceptUri: 'http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f',
  skillType: 'skill/competence',
  reuseLevel: 'transversal',
  preferredLabel: 'initiatief aan de dag leggen',
  status: 'released',
  altLabels: '',
  description: 'Proactief zijn en de eerste stap zetten zonder te wachten op wat anderen zeggen of doen.\n  ',
  broaderConceptUri: 'http://data.europa.eu/esco/skill/91860993-1a8b-4473-91f3-600aa1924bd0',
  broaderConceptPT: 'een proactieve aanpak hanteren',
};
const stageManagerNl = {
  conceptType: 'Occupation',
  conceptUri: 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34',
  iscoGroup: '2654',
  preferredLabel: 'inspiciënt',
  altLabels: 'toneelmeester\ninspiciënte\ntechnisch directeur\nchef-inspiciënt',
  hiddenLabels: '',
  status: 'released',
  modifiedDate: '2024-01-25T11:28:50.295Z',
  description: '',
  code: '2654.1.7',
};

describe('classifyEscoFile', () => {
  it('recognises the export files and collections by name, with their language', () => {
    expect(classifyEscoFile('skills_nl.csv')).toEqual({ kind: 'skills', lang: 'nl' });
    expect(classifyEscoFile('ISCOGroups_fr.csv')).toEqual({ kind: 'iscoGroups', lang: 'fr' });
    expect(classifyEscoFile('occupationSkillRelations_en.csv')).toEqual({ kind: 'occupationSkillRelations', lang: 'en' });
    expect(classifyEscoFile('digCompSkillsCollection_nl.csv')).toEqual({ kind: 'skillCollection', lang: 'nl', collection: 'digcomp' });
    expect(classifyEscoFile('researchOccupationsCollection_en.csv')).toEqual({
      kind: 'occupationCollection',
      lang: 'en',
      collection: 'research',
    });
    expect(classifyEscoFile('conceptSchemes_en.csv')).toBeNull();
    expect(classifyEscoFile('README.md')).toBeNull();
  });
});

describe('versions', () => {
  it('reads the version from a folder name and keeps the newest', () => {
    expect(escoVersionFromName('v1.2.0-nl')).toBe('1.2.0');
    expect(escoVersionFromName('v1.1-nl-collections')).toBe('1.1');
    expect(escoVersionFromName('esco-full')).toBeNull();
    expect(compareVersions('1.1', '1.2.0')).toBeLessThan(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(newerVersion('1.2.0', '1.1')).toBe('1.2.0');
    expect(newerVersion(null, '1.1')).toBe('1.1');
    expect(escoAttribution('1.2.0')).toBe('© European Union, ESCO classification, version 1.2.0, https://esco.ec.europa.eu');
  });
});

describe('splitValues', () => {
  it('splits one value per line and " | " lists, trimming and dropping empties and duplicates', () => {
    expect(splitValues(stageManagerNl.altLabels)).toEqual(['toneelmeester', 'inspiciënte', 'technisch directeur', 'chef-inspiciënt']);
    expect(splitValues('a | b\r\nc\n\n a ')).toEqual(['a', 'b', 'c']);
    expect(splitValues('')).toEqual([]);
    expect(splitValues(undefined)).toEqual([]);
  });
});

describe('mapSkillRow', () => {
  it('maps a collection line to a skill record with tag and broader concepts', () => {
    const result = mapSkillRow(haskellNl, { lang: 'nl', collection: 'digital' });
    expect(result).toEqual({
      ok: true,
      value: {
        key: haskellNl.conceptUri,
        kind: 'knowledge',
        label: { nl: 'Haskell' },
        altLabels: {},
        description: { nl: haskellNl.description },
        code: null,
        tags: ['digital'],
        modifiedAt: null,
        broader: ['http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', 'http://data.europa.eu/esco/isced-f/0613'],
      },
    });
  });

  it('makes transversal-reuse skills of the transversal collection kind "transversal" and trims cells', () => {
    const result = mapSkillRow(initiativeNl, { lang: 'nl', collection: 'transversal' });
    expect(result.ok && result.value.kind).toBe('transversal');
    expect(result.ok && result.value.description.nl).toBe(
      'Proactief zijn en de eerste stap zetten zonder te wachten op wat anderen zeggen of doen.',
    );
    // The same line outside the transversal collection stays a skill.
    const other = mapSkillRow(initiativeNl, { lang: 'nl', collection: 'green' });
    expect(other.ok && other.value.kind).toBe('skill');
  });

  it('rejects a bad URI, a missing label, an unknown skill type and a bad date', () => {
    expect(mapSkillRow({ ...haskellNl, conceptUri: 'http://example.org/skill/1' }, { lang: 'nl' })).toEqual({
      ok: false,
      message: expect.stringContaining('not a valid ESCO URI'),
    });
    expect(
      mapSkillRow(
        { ...haskellNl, conceptUri: 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34' },
        { lang: 'nl' },
      ).ok,
    ).toBe(false);
    expect(mapSkillRow({ ...haskellNl, preferredLabel: '  ' }, { lang: 'nl' })).toEqual({
      ok: false,
      message: expect.stringContaining('preferredLabel is missing'),
    });
    expect(mapSkillRow({ ...haskellNl, skillType: 'attitude' }, { lang: 'nl' })).toEqual({
      ok: false,
      message: expect.stringContaining('skillType'),
    });
    expect(mapSkillRow({ ...haskellNl, modifiedDate: 'yesterday' }, { lang: 'nl' })).toEqual({
      ok: false,
      message: expect.stringContaining('modifiedDate'),
    });
  });
});

describe('mapSkillGroupRow and mapHierarchyRow', () => {
  it('keeps the group code', () => {
    const row = {
      conceptType: 'SkillGroup',
      conceptUri: 'http://data.europa.eu/esco/isced-f/0613',
      preferredLabel: 'ontwikkeling en analyse van software en toepassingen',
      altLabels: '',
      status: 'released',
      modifiedDate: '',
      code: '0613',
    };
    const result = mapSkillGroupRow(row, { lang: 'nl' });
    expect(result.ok && { kind: result.value.kind, code: result.value.code }).toEqual({ kind: 'group', code: '0613' });
  });

  it('turns a hierarchy line into its path of groups, each under the level above', () => {
    const row = {
      'Level 0 URI': 'http://data.europa.eu/esco/skill/e35a5936-091d-4e87-bafe-f264e55bd656',
      'Level 0 preferred term': 'taalvaardigheden en taalkennis',
      'Level 1 URI': 'http://data.europa.eu/esco/skill/43f425aa-f45d-4bb4-a200-6f82fa211b66',
      'Level 1 preferred term': 'Talen',
      'Level 2 URI': '',
      Description:
        'Ability to communicate through reading, writing, speaking and listening in the mother tongue and/or in a foreign language.',
      'Level 0 code': 'L',
      'Level 1 code': 'L1',
    };
    const result = mapHierarchyRow(row, { lang: 'nl' });
    expect(result.ok && result.value.map((r) => [r.label.nl, r.code, r.broader, r.description])).toEqual([
      ['taalvaardigheden en taalkennis', 'L', [], {}],
      ['Talen', 'L1', ['http://data.europa.eu/esco/skill/e35a5936-091d-4e87-bafe-f264e55bd656'], {}],
    ]);
  });
});

describe('occupations and ISCO groups', () => {
  it('maps an occupation with multi-line alternative labels under its ISCO group', () => {
    const result = mapOccupationRow(stageManagerNl, { lang: 'nl' });
    expect(result.ok && result.value).toMatchObject({
      key: stageManagerNl.conceptUri,
      isGroup: false,
      code: '2654.1.7',
      iscoCode: '2654',
      label: { nl: 'inspiciënt' },
      altLabels: { nl: ['toneelmeester', 'inspiciënte', 'technisch directeur', 'chef-inspiciënt'] },
      description: {},
      modifiedAt: '2024-01-25T11:28:50.295Z',
      broader: ['http://data.europa.eu/esco/isco/C2654'],
    });
  });

  it('places an ISCO group under the code one digit shorter', () => {
    const row = {
      conceptType: 'ISCOGroup',
      conceptUri: 'http://data.europa.eu/esco/isco/C2654',
      code: '2654',
      preferredLabel: 'Film-, toneel- en verwante regisseurs en producenten',
      status: 'released',
      altLabels: '',
      description: '',
    };
    const result = mapIscoGroupRow(row, { lang: 'nl' });
    expect(result.ok && [result.value.isGroup, result.value.broader]).toEqual([true, ['http://data.europa.eu/esco/isco/C265']]);
    expect(mapIscoGroupRow({ ...row, conceptUri: 'http://data.europa.eu/esco/isco/C2', code: '2' }, { lang: 'nl' })).toMatchObject({
      ok: true,
      value: { broader: [] },
    });
    expect(mapIscoGroupRow({ ...row, code: 'x1' }, { lang: 'nl' }).ok).toBe(false);
  });
});

describe('relations', () => {
  it('maps broader, occupation–skill and skill–skill lines and rejects bad ones', () => {
    expect(
      mapBroaderRow(
        {
          conceptType: 'SkillGroup',
          conceptUri: 'http://data.europa.eu/esco/isced-f/000',
          broaderType: 'SkillGroup',
          broaderUri: 'http://data.europa.eu/esco/isced-f/00',
        },
        'skill',
      ),
    ).toEqual({
      ok: true,
      value: { from: 'http://data.europa.eu/esco/isced-f/000', to: 'http://data.europa.eu/esco/isced-f/00' },
    });
    expect(
      mapBroaderRow({ conceptUri: 'http://data.europa.eu/esco/isco/C01', broaderUri: 'http://data.europa.eu/esco/isco/C0' }, 'skill').ok,
    ).toBe(false);
    expect(
      mapOccupationSkillRow({
        occupationUri: stageManagerNl.conceptUri,
        relationType: 'essential',
        skillType: 'knowledge',
        skillUri: haskellNl.conceptUri,
      }),
    ).toEqual({
      ok: true,
      value: { occupation: stageManagerNl.conceptUri, skill: haskellNl.conceptUri, relation: 'essential' },
    });
    expect(
      mapOccupationSkillRow({ occupationUri: stageManagerNl.conceptUri, relationType: 'sometimes', skillUri: haskellNl.conceptUri }),
    ).toEqual({
      ok: false,
      message: expect.stringContaining('relationType "sometimes"'),
    });
    expect(
      mapSkillSkillRow({
        originalSkillUri: 'http://data.europa.eu/esco/skill/00064735-8fad-454b-90c7-ed858cc993f2',
        originalSkillType: 'knowledge',
        relationType: 'optional',
        relatedSkillType: 'knowledge',
        relatedSkillUri: 'http://data.europa.eu/esco/skill/d4a0744a-508b-4a5e-97a5-ad1fc7f55e6e',
      }),
    ).toMatchObject({ ok: true, value: { relation: 'optional' } });
  });
});

describe('mergeConceptRecords', () => {
  const value = (r: ReturnType<typeof mapSkillRow>): EscoConceptRecord => {
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  it('merges labels of nl and en files for the same URI, keeping both languages', () => {
    const merged = mergeConceptRecords(
      value(mapSkillRow(haskellNl, { lang: 'nl', collection: 'digital' })),
      value(mapSkillRow(haskellEn, { lang: 'en', collection: 'digital' })),
    );
    expect(merged.label).toEqual({ nl: 'Haskell', en: 'Haskell' });
    expect(merged.altLabels).toEqual({ en: ['Haskell techniques'] });
    expect(Object.keys(merged.description)).toEqual(['nl', 'en']);
    expect(merged.tags).toEqual(['digital']);
  });

  it('unites tags and broader links and keeps "transversal" and the newest date', () => {
    const a = { ...value(mapSkillRow(initiativeNl, { lang: 'nl', collection: 'transversal' })), modifiedAt: '2023-01-01T00:00:00.000Z' };
    const b = {
      ...value(
        mapSkillRow({ ...initiativeNl, broaderConceptUri: 'http://data.europa.eu/esco/skill/aaaa' }, { lang: 'nl', collection: 'green' }),
      ),
      modifiedAt: '2024-01-01T00:00:00.000Z',
    };
    const merged = mergeConceptRecords(a, b);
    expect(merged.kind).toBe('transversal');
    expect(merged.tags).toEqual(['transversal', 'green']);
    expect(merged.broader).toEqual([
      'http://data.europa.eu/esco/skill/91860993-1a8b-4473-91f3-600aa1924bd0',
      'http://data.europa.eu/esco/skill/aaaa',
    ]);
    expect(merged.modifiedAt).toBe('2024-01-01T00:00:00.000Z');
  });
});
