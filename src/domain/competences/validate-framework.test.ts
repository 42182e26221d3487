import { describe, expect, it } from 'vitest';
// The shipped data files are what this test is about; they are data, not code.
import lk21 from '../../db/reference/frameworks/lk-21st-century-skills.json' with { type: 'json' };
import coaching from '../../db/reference/frameworks/lk-coaching-guidance.json' with { type: 'json' };
import { easyDutchIssues, plainLanguageIssues, splitSentences, validateFramework } from './validate-framework.js';

const valid = () => ({
  key: 'test-fw',
  title: { nl: 'Test', fr: 'Test', en: 'Test' },
  description: { nl: 'Een test.', fr: 'Un test.', en: 'A test.' },
  version: '1',
  competences: [
    {
      key: 'g',
      kind: 'group',
      label: { nl: 'Groep', fr: 'Groupe', en: 'Group' },
      altLabels: { nl: ['cluster'], fr: [], en: [] },
      description: { nl: 'Een groep.', fr: 'Un groupe.', en: 'A group.' },
      children: [
        {
          key: 'g.a',
          kind: 'skill',
          label: { nl: 'A', fr: 'A', en: 'A' },
          description: { nl: 'Iets doen.', fr: 'Faire quelque chose.', en: 'Doing something.' },
        },
      ],
    },
  ],
});

describe('shipped frameworks', () => {
  it.each([
    ['lk-21st-century-skills', lk21, 30, 40],
    ['lk-coaching-guidance', coaching, 15, 25],
  ] as const)('%s is valid, complete in nl/fr/en and has the expected size', (key, data, minLeaves, maxLeaves) => {
    const result = validateFramework(data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.framework.key).toBe(key);
    const leaves = result.competences.filter((c) => c.kind !== 'group');
    expect(leaves.length).toBeGreaterThanOrEqual(minLeaves);
    expect(leaves.length).toBeLessThanOrEqual(maxLeaves);
    // every top-level node is a group, so the tree reads as themes with competences under them
    expect(result.competences.filter((c) => c.parentKey === null).every((c) => c.kind === 'group')).toBe(true);
    // keys carry their framework's prefix, so keys of the two frameworks can never collide
    const prefix = key === 'lk-coaching-guidance' ? 'lkc.' : 'lk21.';
    expect(result.competences.every((c) => c.key.startsWith(prefix))).toBe(true);
  });

  it('gives no two competences of the two frameworks the same label in a language', () => {
    // The heat map, the pickers and the survey list competences of both frameworks side by side.
    const all = [lk21, coaching].flatMap((data) => {
      const result = validateFramework(data);
      if (!result.ok) throw new Error('invalid');
      return result.competences.filter((c) => c.kind !== 'group');
    });
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const keysByLabel = new Map<string, string[]>();
      for (const c of all) {
        const label = c.label[lang]!.trim().toLowerCase();
        keysByLabel.set(label, [...(keysByLabel.get(label) ?? []), c.key]);
      }
      const shared = [...keysByLabel].filter(([, keys]) => keys.length > 1).map(([label, keys]) => `${label}: ${keys.join(', ')}`);
      expect(shared, lang).toEqual([]);
    }
  });

  it('covers the themes the maatwerkbedrijven asked for', () => {
    const r21 = validateFramework(lk21);
    const rc = validateFramework(coaching);
    if (!r21.ok || !rc.ok) throw new Error('invalid');
    const keys21 = r21.competences.map((c) => c.key);
    expect(keys21).toEqual(
      expect.arrayContaining([
        'lk21.digital.computer',
        'lk21.digital.smartphone',
        'lk21.digital.office',
        'lk21.digital.safety',
        'lk21.digital.worktools',
        'lk21.social.communication',
        'lk21.social.collaboration',
        'lk21.social.customers',
        'lk21.selfreg.change',
        'lk21.selfreg.attitude',
        'lk21.selfreg.responsibility',
        'lk21.selfreg.pressure',
        'lk21.thinking.critical',
        'lk21.thinking.problem',
        'lk21.thinking.creativity',
        'lk21.basics.dutch.instructions',
        'lk21.basics.dutch.reading',
        'lk21.basics.dutch.talking',
        'lk21.basics.numeracy.quantities',
      ]),
    );
    expect(rc.competences.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'lkc.guiding.instructing',
        'lkc.guiding.feedback',
        'lkc.guiding.motivating',
        'lkc.people.diversity',
        'lkc.people.conflict',
        'lkc.people.stress',
        'lkc.communication.lowliteracy',
        'lkc.communication.nonnative',
        'lkc.development.observing',
        'lkc.development.plan',
        'lkc.self.workload',
      ]),
    );
  });

  it.each([lk21, coaching])('descriptions are plain language: at most two short sentences', (data) => {
    const result = validateFramework(data);
    if (!result.ok) throw new Error('invalid');
    expect(plainLanguageIssues(result.competences, 25)).toEqual([]);
  });

  it('the 21st-century skills speak easy Dutch (A2): every competence, one short statement and at most two short sentences', () => {
    const result = validateFramework(lk21);
    if (!result.ok) throw new Error('invalid');
    expect(result.competences).toHaveLength(40);
    const missing = result.competences.filter((c) => !c.label['nl-easy'] || !c.description['nl-easy']).map((c) => c.key);
    expect(missing).toEqual([]);
    expect(easyDutchIssues(result.competences, 12)).toEqual([]);
    // Statements in the first person, as a person answers them ("Ik begrijp …"), and all different.
    const labels = result.competences.map((c) => c.label['nl-easy']!);
    expect(labels.filter((l) => !/^Ik /.test(l))).toEqual([]);
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
    expect(result.competences.find((c) => c.key === 'lk21.basics.dutch.instructions')!.label['nl-easy']).toBe(
      'Ik begrijp wat mijn leiding vraagt in het Nederlands.',
    );
  });

  it('labels are distinct within a framework and language', () => {
    for (const data of [lk21, coaching]) {
      const result = validateFramework(data);
      if (!result.ok) throw new Error('invalid');
      for (const lang of ['nl', 'fr', 'en'] as const) {
        const labels = result.competences.map((c) => c.label[lang].toLowerCase());
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });
});

describe('validateFramework', () => {
  it('flattens the tree in pre-order with parent keys and depth', () => {
    const result = validateFramework(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.competences.map((c) => [c.key, c.parentKey, c.position, c.depth])).toEqual([
      ['g', null, 0, 0],
      ['g.a', 'g', 1, 1],
    ]);
    // left-out alternative labels become empty lists
    expect(result.competences[1].altLabels).toEqual({ nl: [], fr: [], en: [] });
  });

  it('names every problem by its JSON pointer', () => {
    const bad = valid() as Record<string, any>;
    bad.extra = true;
    bad.title = { nl: 'Test', fr: '' };
    bad.competences[0].kind = 'hobby';
    bad.competences[0].children[0].key = 'g';
    bad.competences[0].children[0].label = { nl: 'A', fr: 'A', en: 'A', de: 'A' };
    delete bad.competences[0].children[0].description.en;
    bad.competences[0].altLabels.nl = ['x', 'X'];
    const result = validateFramework(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/extra', message: 'is not an allowed field' },
        { path: '/title/fr', message: 'is missing' },
        { path: '/title/en', message: 'is missing' },
        { path: '/competences/0/kind', message: 'must be one of skill, knowledge, attitude, transversal, group' },
        { path: '/competences/0/children/0/key', message: 'duplicates the key at /competences/0/key' },
        { path: '/competences/0/children/0/label/de', message: 'is not an allowed language (nl, fr, en, nl-easy)' },
        { path: '/competences/0/children/0/description/en', message: 'is missing' },
        { path: '/competences/0/altLabels/nl/1', message: 'is listed twice' },
      ]),
    );
  });

  it('rejects bad keys, empty groups, missing competences and non-objects', () => {
    const bad = valid() as Record<string, any>;
    bad.key = 'Has Spaces';
    bad.competences[0].children = [];
    const result = validateFramework(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/key', message: 'must be lower-case letters and digits, separated by dots or hyphens' },
        { path: '/competences/0/children', message: 'a group needs at least one competence' },
      ]),
    );
    expect(validateFramework({ ...valid(), competences: [] })).toEqual({
      ok: false,
      errors: [{ path: '/competences', message: 'must be a non-empty array' }],
    });
    expect(validateFramework('nope')).toEqual({ ok: false, errors: [{ path: '', message: 'must be an object' }] });
  });
});

describe('easy Dutch', () => {
  it('is optional on competence labels and descriptions, checked like the other languages', () => {
    const data = valid() as Record<string, any>;
    data.competences[0].children[0].label['nl-easy'] = 'Ik doe iets.';
    const ok = validateFramework(data);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.competences[1].label).toEqual({ nl: 'A', fr: 'A', en: 'A', 'nl-easy': 'Ik doe iets.' });

    data.competences[0].children[0].description['nl-easy'] = ' spaties ';
    data.title['nl-easy'] = 'Test';
    const bad = validateFramework(data);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual([
        { path: '/title/nl-easy', message: 'is not an allowed language (nl, fr, en)' },
        { path: '/competences/0/children/0/description/nl-easy', message: 'has leading or trailing spaces' },
      ]);
    }
  });

  it('flags a label of two sentences and a long sentence', () => {
    const result = validateFramework(valid());
    if (!result.ok) throw new Error('invalid');
    const [, leaf] = result.competences;
    const long = Array.from({ length: 14 }, () => 'woord').join(' ') + '.';
    const issues = easyDutchIssues([
      { ...leaf, label: { ...leaf.label, 'nl-easy': 'Ik doe iets. Echt.' }, description: { ...leaf.description, 'nl-easy': long } },
    ]);
    expect(issues).toEqual([
      { path: 'g.a/label/nl-easy', message: 'has 2 sentences (at most 1)' },
      { path: 'g.a/description/nl-easy', message: 'has a sentence of 14 words (at most 12)' },
    ]);
  });
});

describe('plainLanguageIssues', () => {
  it('flags a third sentence and an over-long sentence', () => {
    const result = validateFramework(valid());
    if (!result.ok) throw new Error('invalid');
    const [, leaf] = result.competences;
    const long = Array.from({ length: 30 }, () => 'woord').join(' ') + '.';
    const issues = plainLanguageIssues([{ ...leaf, description: { nl: 'Een. Twee. Drie.', fr: long, en: 'Fine.' } }], 25);
    expect(issues).toEqual([
      { path: 'g.a/description/nl', message: 'has 3 sentences (at most 2)' },
      { path: 'g.a/description/fr', message: 'has a sentence of 30 words (at most 25)' },
    ]);
  });

  it('splits sentences on . ! ? followed by a space', () => {
    expect(splitSentences('Je doet het. Lukt het? Goed zo!')).toEqual(['Je doet het.', 'Lukt het?', 'Goed zo!']);
    expect(splitSentences('Versie 2.0 werkt.')).toEqual(['Versie 2.0 werkt.']);
  });
});
