/**
 * Validation of the competence frameworks we ship as data (src/db/reference/frameworks/*.json),
 * and flattening of their tree into rows. Pure: the loader reads the files and writes the rows.
 *
 * A shipped framework is complete in all three languages: every competence has a label and a
 * description in nl, fr and en, because the people who answer self-assessments read in any of
 * them. A competence may add easy Dutch (`nl-easy`, A2 level: short first-person statements such as
 * "Ik begrijp wat mijn leiding vraagt in het Nederlands.") to its label and description; the survey
 * shows it to people who choose "Makkelijk Nederlands". Keys are stable forever (they are the
 * upsert key), so they must be unique in the file.
 */

export const competenceKinds = ['skill', 'knowledge', 'attitude', 'transversal', 'group'] as const;
export type CompetenceKind = (typeof competenceKinds)[number];

export const frameworkLanguages = ['nl', 'fr', 'en'] as const;
export type FrameworkLanguage = (typeof frameworkLanguages)[number];

export type Trilingual = Record<FrameworkLanguage, string>;
/** A competence's label or description: nl, fr and en, and optionally easy Dutch. */
export type CompetenceText = Trilingual & { 'nl-easy'?: string };
export const EASY_DUTCH = 'nl-easy';
export type TrilingualList = Record<FrameworkLanguage, string[]>;

export interface FrameworkCompetenceDefinition {
  key: string;
  kind: CompetenceKind;
  label: CompetenceText;
  altLabels: TrilingualList;
  description: CompetenceText;
  children?: FrameworkCompetenceDefinition[];
}

export interface FrameworkDefinition {
  key: string;
  title: Trilingual;
  description: Trilingual;
  version: string;
  competences: FrameworkCompetenceDefinition[];
}

/** One competence as a row: the tree edge is the parent's key; position is the pre-order index. */
export interface FlatCompetence {
  key: string;
  parentKey: string | null;
  kind: CompetenceKind;
  label: CompetenceText;
  altLabels: TrilingualList;
  description: CompetenceText;
  /** Pre-order index in the whole tree, so `order by position` lists the tree top to bottom. */
  position: number;
  depth: number;
}

/** A problem, located by a JSON pointer into the file (e.g. "/competences/0/children/2/label/fr"). */
export interface FrameworkIssue {
  path: string;
  message: string;
}

export type FrameworkValidation =
  { ok: true; framework: FrameworkDefinition; competences: FlatCompetence[] } | { ok: false; errors: FrameworkIssue[] };

export const frameworkLimits = {
  keyLength: 120,
  labelLength: 160,
  descriptionLength: 400,
  titleLength: 200,
  frameworkDescriptionLength: 1000,
  versionLength: 40,
  altLabelsPerLanguage: 20,
  maxDepth: 6,
  maxCompetences: 5000,
} as const;

/** Lower-case words joined by dots or hyphens: "lk21.digital.smartphone", "lk-coaching-guidance". */
const keyPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

const frameworkFields = new Set(['key', 'title', 'description', 'version', 'competences']);
const competenceFields = new Set(['key', 'kind', 'label', 'altLabels', 'description', 'children']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed framework file; on success returns it typed, with its competences flattened. */
export function validateFramework(input: unknown): FrameworkValidation {
  const errors: FrameworkIssue[] = [];
  const issue = (path: string, message: string) => errors.push({ path, message });

  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  for (const field of Object.keys(input)) if (!frameworkFields.has(field)) issue(`/${field}`, 'is not an allowed field');

  checkKey(input.key, '/key', issue);
  checkTrilingual(input.title, '/title', frameworkLimits.titleLength, issue);
  checkTrilingual(input.description, '/description', frameworkLimits.frameworkDescriptionLength, issue);
  if (typeof input.version !== 'string' || input.version.trim() === '') issue('/version', 'must be a non-empty string');
  else if (input.version.length > frameworkLimits.versionLength)
    issue('/version', `must be at most ${frameworkLimits.versionLength} characters`);

  const flat: FlatCompetence[] = [];
  const seen = new Map<string, string>();

  const walk = (nodes: unknown, path: string, parentKey: string | null, depth: number) => {
    if (!Array.isArray(nodes)) {
      issue(path, 'must be an array');
      return;
    }
    if (depth > frameworkLimits.maxDepth) {
      issue(path, `is nested deeper than ${frameworkLimits.maxDepth} levels`);
      return;
    }
    nodes.forEach((node, i) => {
      const at = `${path}/${i}`;
      if (!isObject(node)) {
        issue(at, 'must be an object');
        return;
      }
      for (const field of Object.keys(node)) if (!competenceFields.has(field)) issue(`${at}/${field}`, 'is not an allowed field');
      const keyOk = checkKey(node.key, `${at}/key`, issue);
      if (keyOk) {
        const first = seen.get(node.key as string);
        if (first) issue(`${at}/key`, `duplicates the key at ${first}`);
        else seen.set(node.key as string, `${at}/key`);
      }
      const kindOk = typeof node.kind === 'string' && (competenceKinds as readonly string[]).includes(node.kind);
      if (!kindOk) issue(`${at}/kind`, `must be one of ${competenceKinds.join(', ')}`);
      checkTrilingual(node.label, `${at}/label`, frameworkLimits.labelLength, issue, true);
      checkTrilingual(node.description, `${at}/description`, frameworkLimits.descriptionLength, issue, true);
      const altLabels = checkAltLabels(node.altLabels, `${at}/altLabels`, issue);
      const children = node.children;
      if (node.kind === 'group' && (!Array.isArray(children) || children.length === 0))
        issue(`${at}/children`, 'a group needs at least one competence');

      flat.push({
        key: node.key as string,
        parentKey,
        kind: node.kind as CompetenceKind,
        label: node.label as CompetenceText,
        altLabels,
        description: node.description as CompetenceText,
        position: flat.length,
        depth,
      });
      if (children !== undefined) walk(children, `${at}/children`, keyOk ? (node.key as string) : null, depth + 1);
    });
  };

  if (!Array.isArray(input.competences) || input.competences.length === 0) issue('/competences', 'must be a non-empty array');
  else walk(input.competences, '/competences', null, 0);
  if (flat.length > frameworkLimits.maxCompetences) issue('/competences', `has more than ${frameworkLimits.maxCompetences} competences`);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, framework: input as unknown as FrameworkDefinition, competences: flat };
}

function checkKey(value: unknown, path: string, issue: (p: string, m: string) => void): boolean {
  if (typeof value !== 'string' || value === '') {
    issue(path, 'must be a non-empty string');
    return false;
  }
  if (value.length > frameworkLimits.keyLength) {
    issue(path, `must be at most ${frameworkLimits.keyLength} characters`);
    return false;
  }
  if (!keyPattern.test(value)) {
    issue(path, 'must be lower-case letters and digits, separated by dots or hyphens');
    return false;
  }
  return true;
}

/** nl, fr and en are required; `withEasyDutch` also allows an optional nl-easy text. */
function checkTrilingual(value: unknown, path: string, max: number, issue: (p: string, m: string) => void, withEasyDutch = false): void {
  if (!isObject(value)) {
    issue(path, 'must be an object with nl, fr and en');
    return;
  }
  const allowed: readonly string[] = withEasyDutch ? [...frameworkLanguages, EASY_DUTCH] : frameworkLanguages;
  for (const field of Object.keys(value)) {
    if (!allowed.includes(field)) issue(`${path}/${field}`, `is not an allowed language (${allowed.join(', ')})`);
  }
  const checkText = (lang: string, required: boolean) => {
    const text = value[lang];
    if (text === undefined && !required) return;
    if (typeof text !== 'string' || text.trim() === '') issue(`${path}/${lang}`, 'is missing');
    else if (text.length > max) issue(`${path}/${lang}`, `must be at most ${max} characters`);
    else if (text !== text.trim()) issue(`${path}/${lang}`, 'has leading or trailing spaces');
  };
  for (const lang of frameworkLanguages) checkText(lang, true);
  if (withEasyDutch) checkText(EASY_DUTCH, false);
}

/** altLabels may be left out (then empty lists); when given, only nl/fr/en lists of distinct strings. */
function checkAltLabels(value: unknown, path: string, issue: (p: string, m: string) => void): TrilingualList {
  const result: TrilingualList = { nl: [], fr: [], en: [] };
  if (value === undefined) return result;
  if (!isObject(value)) {
    issue(path, 'must be an object with lists per language');
    return result;
  }
  for (const field of Object.keys(value)) {
    if (!(frameworkLanguages as readonly string[]).includes(field)) issue(`${path}/${field}`, 'is not an allowed language (nl, fr, en)');
  }
  for (const lang of frameworkLanguages) {
    const list = value[lang];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issue(`${path}/${lang}`, 'must be a list of strings');
      continue;
    }
    if (list.length > frameworkLimits.altLabelsPerLanguage)
      issue(`${path}/${lang}`, `has more than ${frameworkLimits.altLabelsPerLanguage} labels`);
    const distinct = new Set<string>();
    list.forEach((label, i) => {
      if (typeof label !== 'string' || label.trim() === '') issue(`${path}/${lang}/${i}`, 'must be a non-empty string');
      else if (label.length > frameworkLimits.labelLength)
        issue(`${path}/${lang}/${i}`, `must be at most ${frameworkLimits.labelLength} characters`);
      else if (distinct.has(label.toLowerCase())) issue(`${path}/${lang}/${i}`, 'is listed twice');
      else distinct.add(label.toLowerCase());
    });
    result[lang] = list.filter((l): l is string => typeof l === 'string');
  }
  return result;
}

/**
 * Plain-language check for descriptions written for people who read little: at most two
 * sentences, and no sentence longer than `maxWords` words. Returns the descriptions that break it.
 */
export function plainLanguageIssues(competences: FlatCompetence[], maxWords = 25): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  for (const c of competences) {
    for (const lang of frameworkLanguages) {
      const sentences = splitSentences(c.description[lang]);
      if (sentences.length > 2)
        issues.push({ path: `${c.key}/description/${lang}`, message: `has ${sentences.length} sentences (at most 2)` });
      for (const s of sentences) {
        const words = s.split(/\s+/).filter(Boolean).length;
        if (words > maxWords)
          issues.push({ path: `${c.key}/description/${lang}`, message: `has a sentence of ${words} words (at most ${maxWords})` });
      }
    }
  }
  return issues;
}

/**
 * Easy Dutch (A2) check: the label is one sentence, the description at most two, and no sentence
 * is longer than `maxWords` words. Returns the texts that break it.
 */
export function easyDutchIssues(competences: FlatCompetence[], maxWords = 12): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  for (const c of competences) {
    for (const [field, most] of [
      ['label', 1],
      ['description', 2],
    ] as const) {
      const text = c[field][EASY_DUTCH];
      if (text === undefined) continue;
      const sentences = splitSentences(text);
      if (sentences.length > most)
        issues.push({ path: `${c.key}/${field}/${EASY_DUTCH}`, message: `has ${sentences.length} sentences (at most ${most})` });
      for (const s of sentences) {
        const words = s.split(/\s+/).filter(Boolean).length;
        if (words > maxWords)
          issues.push({ path: `${c.key}/${field}/${EASY_DUTCH}`, message: `has a sentence of ${words} words (at most ${maxWords})` });
      }
    }
  }
  return issues;
}

/** Sentences end in . ! or ? followed by a space or the end of the text. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
