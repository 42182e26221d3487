import { describe, expect, it } from 'vitest';
import type { ExportFramework } from './exchange-model.js';
import {
  htmlToText,
  matchScale,
  MOODLE_HEADER_LABELS,
  MOODLE_COLUMNS,
  parseMoodleCsv,
  readCsv,
  readMoodleScale,
  writeMoodleCsv,
} from './moodle-csv.js';

const header = MOODLE_COLUMNS.map((c) => `"${MOODLE_HEADER_LABELS[c]}"`).join(',');
const frameworkRow =
  ',FW-1,"Zorgkader","<p>Kader voor zorg &amp; welzijn</p>",1,"Nog niet competent,Competent","[{""scaleid"":""2""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,concept"';
const csv = (...rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';

describe('readCsv', () => {
  it('keeps the start line of records whose quoted cells span lines', () => {
    const result = readCsv('a,b\n"x\ny",1\n\nz,"q""uote"\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { cells: ['a', 'b'], line: 1 },
        { cells: ['x\ny', '1'], line: 2 },
        { cells: ['z', 'q"uote'], line: 5 },
      ],
    });
  });

  it('detects a semicolon delimiter and strips a byte-order mark', () => {
    expect(readCsv('\ufeffa;b\r\n1,5;2\r\n')).toEqual({
      ok: true,
      records: [
        { cells: ['a', 'b'], line: 1 },
        { cells: ['1,5', '2'], line: 2 },
      ],
    });
  });

  it('reports an unclosed quote with its line', () => {
    expect(readCsv('a,b\n1,"open\n')).toEqual({ ok: false, message: 'Line 2: a quoted cell is not closed.' });
  });
});

describe('parseMoodleCsv', () => {
  it('reads a Moodle export: framework row, tree, HTML descriptions, scale, taxonomy and related idnumbers', () => {
    const result = parseMoodleCsv(
      csv(
        frameworkRow,
        ',D1,"Veiligheid",,1,,,,0,null,,11,,',
        'D1,D1.1,"Handhygiëne toepassen","<p>Past de <strong>5 momenten</strong> toe.</p>",1,,,,0,null,D1.2,12,,',
        'D1,D1.2,"Kennis van infectiepreventie","Kent de regels, ook voor isolatie.",2,,,,0,null,"D1.1",13,,',
      ),
      { lang: 'nl' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fw = result.framework;
    expect(result.errors).toEqual([]);
    expect(fw).toMatchObject({ key: 'FW-1', title: 'Zorgkader', description: 'Kader voor zorg & welzijn', lang: 'nl' });
    expect(fw.scale).toEqual({ labels: ['Nog niet competent', 'Competent'], proficientFrom: 1 });
    expect(fw.competences.map((c) => [c.key, c.parentKey, c.kind, c.position, c.origin.line])).toEqual([
      ['D1', null, 'group', 0, 3],
      ['D1.1', 'D1', 'knowledge', 1, 4],
      ['D1.2', 'D1', 'knowledge', 2, 5],
    ]);
    expect(fw.competences[1].description).toBe('Past de 5 momenten toe.');
    expect(fw.competences[2].description).toBe('Kent de regels, ook voor isolatie.');
    expect(fw.relations).toEqual([{ fromKey: 'D1.1', toKey: 'D1.2', kind: 'related' }]);
  });

  it('accepts the machine column names in any order', () => {
    const text = 'isframework,idnumber,shortname,parentidnumber\n1,F,Kader,\n,A,Eerste,\n,B,Tweede,A\n';
    const result = parseMoodleCsv(text, { lang: 'fr' });
    expect(result.ok && result.framework.competences.map((c) => [c.key, c.parentKey, c.lang])).toEqual([
      ['A', null, 'fr'],
      ['B', 'A', 'fr'],
    ]);
  });

  it('maps a translated 14-column header by position, as Moodle does', () => {
    const translated = 'Ouder,ID,Naam,Beschrijving,Formaat,Schaal,Config,Regel,Uitkomst,RegelConfig,Verwant,Export,Is kader,Taxonomie';
    const result = parseMoodleCsv(`${translated}\n,F,Kader,,,,,,,,,,1,\n,A,Eerste,,,,,,,,,,,\n`, { lang: 'nl' });
    expect(result.ok && result.framework.competences.map((c) => c.label)).toEqual(['Eerste']);
  });

  it('reports broken rows by line and keeps the others', () => {
    const result = parseMoodleCsv(
      csv(
        frameworkRow,
        ',A,"Goed",,,,,,,,,,,',
        ',,"Zonder idnumber",,,,,,,,,,,',
        ',B,,,,,,,,,,,,',
        ',A,"Dubbel",,,,,,,,,,,',
        'GEEN,C,"Ouder ontbreekt",,,,,,,,,,,',
        'C,C1,"Kind van C",,,,,,,,,,,',
        'A,A1,"Kind van A",,,,,,,,"A,ONBEKEND",,,',
      ),
      { lang: 'nl' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.framework.competences.map((c) => c.key)).toEqual(['A', 'A1']);
    expect(result.errors.map((e) => [e.line, e.message.split(';')[0]])).toEqual([
      [4, 'idnumber is empty'],
      [5, 'shortname is empty'],
      [6, 'idnumber "A" is used already on line 3'],
      [7, 'The parent "GEEN" of "C" is not in the file'],
      [8, 'The parent "C" of "C1" was skipped, so this competence was skipped too.'],
      [9, 'The related idnumber "ONBEKEND" is not in the file'],
    ]);
    expect(result.framework.relations).toEqual([{ fromKey: 'A1', toKey: 'A', kind: 'related' }]);
  });

  it('rejects files without exactly one framework row, with a cycle or with a wrong header', () => {
    const none = parseMoodleCsv(csv(',A,"Een",,,,,,,,,,,'), { lang: 'nl' });
    expect(none).toMatchObject({ ok: false, fatal: expect.stringContaining('no framework row') });
    const two = parseMoodleCsv(csv(frameworkRow, frameworkRow.replace('FW-1', 'FW-2')), { lang: 'nl' });
    expect(two).toMatchObject({ ok: false, fatal: expect.stringContaining('lines 2, 3') });
    const cycle = parseMoodleCsv(csv(frameworkRow, 'B,A,"A",,,,,,,,,,,', 'A,B,"B",,,,,,,,,,,'), { lang: 'nl' });
    expect(cycle).toMatchObject({ ok: false, fatal: expect.stringContaining('cycle') });
    const header = parseMoodleCsv('naam,code\nx,y\n', { lang: 'nl' });
    expect(header).toMatchObject({ ok: false, fatal: expect.stringContaining('parentidnumber') });
    expect(parseMoodleCsv('', { lang: 'nl' })).toMatchObject({ ok: false, fatal: 'The file is empty.' });
  });
});

describe('htmlToText and readMoodleScale', () => {
  it('turns editor HTML into plain text', () => {
    expect(htmlToText('<p>Een &amp; twee</p><p>drie<br/>vier &#233;&#x20AC;</p>')).toBe('Een & twee\ndrie\nvier é€');
  });

  it('reads the first proficient level from the scale configuration, and survives a broken one', () => {
    expect(readMoodleScale('a,b,c', '[{"scaleid":"3"},{"id":1,"proficient":0},{"id":2,"proficient":1},{"id":3,"proficient":1}]')).toEqual({
      labels: ['a', 'b', 'c'],
      proficientFrom: 1,
    });
    expect(readMoodleScale('a,b', 'not json')).toEqual({ labels: ['a', 'b'], proficientFrom: null });
    expect(readMoodleScale('', '')).toBeNull();
  });
});

const framework: ExportFramework = {
  id: '0190a000-0000-7000-8000-000000000001',
  key: 'acme:VEIL',
  sourceKey: 'VEIL',
  title: { nl: 'Veiligheid', en: 'Safety' },
  description: { nl: 'Veilig werken, altijd.' },
  version: null,
  updatedAt: '2024-06-01T10:00:00.000Z',
  publisher: 'Acme',
  scale: {
    key: 'lk-default-0-4',
    proficientFrom: 2,
    levels: [
      { level: 0, label: { nl: 'nog niet' } },
      { level: 1, label: { nl: 'met hulp' } },
      { level: 2, label: { nl: 'zelfstandig' } },
      { level: 3, label: { nl: 'vlot, ook in nieuwe situaties' } },
    ],
  },
  competences: [
    {
      id: 'id-2',
      key: 'V.1',
      code: null,
      parentId: 'id-1',
      kind: 'skill',
      label: { nl: 'Brand blussen' },
      altLabels: {},
      description: { nl: 'Met een "blustoestel", snel.' },
      position: 1,
      updatedAt: '2024-06-01T10:00:00.000Z',
    },
    {
      id: 'id-1',
      key: 'V',
      code: null,
      parentId: null,
      kind: 'group',
      label: { nl: 'Veiligheid op de werkvloer' },
      altLabels: {},
      description: {},
      position: 0,
      updatedAt: '2024-06-01T10:00:00.000Z',
    },
    {
      id: 'id-3',
      key: 'V,2',
      code: null,
      parentId: 'id-1',
      kind: 'skill',
      label: { en: 'First aid' },
      altLabels: {},
      description: {},
      position: 2,
      updatedAt: '2024-06-01T10:00:00.000Z',
    },
  ],
  relations: [{ fromId: 'id-2', toId: 'id-3', kind: 'related' }],
};

describe('writeMoodleCsv', () => {
  it("writes Moodle's header, the framework row first and parents before children", () => {
    const text = writeMoodleCsv(framework, { lang: 'nl' });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy',
    );
    expect(lines[1]).toContain(
      ',VEIL,Veiligheid,"Veilig werken, altijd.",2,"nog niet,met hulp,zelfstandig,vlot – ook in nieuwe situaties",',
    );
    expect(lines[1]).toContain('{""id"":3,""scaledefault"":1,""proficient"":1}');
    expect(lines[1].endsWith(',1,"domain,skill"')).toBe(true);
    expect(lines[2]).toBe(',V,Veiligheid op de werkvloer,,2,,,,0,null,,id-1,,');
    expect(lines[3]).toBe('V,V.1,Brand blussen,"Met een ""blustoestel"", snel.",2,,,,0,null,V%2C2,id-2,,');
    // Missing Dutch label falls back to English.
    expect(lines[4]).toBe('V,"V,2",First aid,,2,,,,0,null,V.1,id-3,,');
  });

  it('reads back what it writes: tree, labels, relations and scale', () => {
    const back = parseMoodleCsv(writeMoodleCsv(framework, { lang: 'nl' }), { lang: 'nl' });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.errors).toEqual([]);
    expect(back.framework.key).toBe('VEIL');
    expect(back.framework.competences.map((c) => [c.key, c.parentKey, c.label, c.kind])).toEqual([
      ['V', null, 'Veiligheid op de werkvloer', 'group'],
      ['V.1', 'V', 'Brand blussen', 'skill'],
      ['V,2', 'V', 'First aid', 'skill'],
    ]);
    expect(back.framework.competences[1].description).toBe('Met een "blustoestel", snel.');
    expect(back.framework.relations).toEqual([{ fromKey: 'V.1', toKey: 'V,2', kind: 'related' }]);
    expect(back.framework.scale).toEqual({
      labels: ['nog niet', 'met hulp', 'zelfstandig', 'vlot – ook in nieuwe situaties'],
      proficientFrom: 2,
    });
  });
});

describe('matchScale', () => {
  const candidates = [
    {
      key: 'two',
      levels: [
        { nl: 'Nog niet competent', en: 'Not yet competent' },
        { nl: 'Competent', en: 'Competent' },
      ],
    },
    { key: 'lk', levels: [{ nl: 'nog niet' }, { nl: 'met hulp' }, { nl: 'zelfstandig' }, { nl: 'vlot, ook in nieuwe situaties' }] },
  ];
  it('matches level labels in any language, ignoring case and the comma rewrite', () => {
    expect(matchScale({ labels: ['not yet COMPETENT', 'competent'], proficientFrom: 1 }, candidates)?.key).toBe('two');
    expect(
      matchScale({ labels: ['nog niet', 'met hulp', 'zelfstandig', 'vlot – ook in nieuwe situaties'], proficientFrom: 2 }, candidates)?.key,
    ).toBe('lk');
    expect(matchScale({ labels: ['a', 'b'], proficientFrom: null }, candidates)).toBeNull();
    expect(matchScale(null, candidates)).toBeNull();
  });
});
