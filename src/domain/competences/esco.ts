/**
 * Pure parts of the ESCO import: which file is which, CSV row → record mapping, validation, and
 * merging of labels across files and languages. No I/O here; the importer (src/jobs/) streams the
 * files and writes the records.
 *
 * ESCO concept URIs are identical across languages and versions, so the URI is the key that joins
 * labels of several languages (nl first; fr and en add labels to the same concepts).
 */

export type EscoRow = Record<string, string | undefined>;

export type EscoFileKind =
  | 'skills'
  | 'occupations'
  | 'occupationSkillRelations'
  | 'iscoGroups'
  | 'skillGroups'
  | 'skillsHierarchy'
  | 'broaderRelationsSkillPillar'
  | 'broaderRelationsOccPillar'
  | 'skillSkillRelations'
  | 'skillCollection'
  | 'occupationCollection';

export interface EscoFile {
  kind: EscoFileKind;
  /** ISO 639-1 language of the labels in the file, from the file name. */
  lang: string;
  /** Tag of a collection file: digital, green, language, transversal, digcomp, research. */
  collection?: string;
}

const plainFiles: Record<string, EscoFileKind> = {
  skills: 'skills',
  occupations: 'occupations',
  occupationSkillRelations: 'occupationSkillRelations',
  ISCOGroups: 'iscoGroups',
  skillGroups: 'skillGroups',
  skillsHierarchy: 'skillsHierarchy',
  broaderRelationsSkillPillar: 'broaderRelationsSkillPillar',
  broaderRelationsOccPillar: 'broaderRelationsOccPillar',
  skillSkillRelations: 'skillSkillRelations',
};

/** Collection file stems → tags stored in competences.tags. */
const collectionTags: Record<string, string> = {
  digital: 'digital',
  green: 'green',
  language: 'language',
  transversal: 'transversal',
  digComp: 'digcomp',
  research: 'research',
};

/** Recognises an ESCO export file by name, e.g. "skills_nl.csv" or "greenSkillsCollection_en.csv". */
export function classifyEscoFile(fileName: string): EscoFile | null {
  const match = /^([A-Za-z]+)_([a-z]{2}(?:-[A-Za-z]+)?)\.csv$/.exec(fileName);
  if (!match) return null;
  const [, stem, lang] = match;
  if (plainFiles[stem]) return { kind: plainFiles[stem], lang };
  const collection = /^([A-Za-z]+?)(Skills|Occupations)Collection$/.exec(stem);
  if (collection) {
    const tag = collectionTags[collection[1]] ?? collection[1].toLowerCase();
    return { kind: collection[2] === 'Skills' ? 'skillCollection' : 'occupationCollection', lang, collection: tag };
  }
  return null;
}

/**
 * The order in which files of one folder are imported: concepts before the links between them,
 * groups before skills (so a skill's parent group exists when parents are resolved).
 */
export const escoFileOrder: EscoFileKind[] = [
  'skillGroups',
  'skillsHierarchy',
  'skills',
  'skillCollection',
  'iscoGroups',
  'occupations',
  'occupationCollection',
  'broaderRelationsSkillPillar',
  'broaderRelationsOccPillar',
  'skillSkillRelations',
  'occupationSkillRelations',
];

/** The ESCO version in a folder name such as "v1.2.0-nl" or "esco-1.1.1", or null. */
export function escoVersionFromName(name: string): string | null {
  const match = /(?:^|[^0-9.])v?(\d+\.\d+(?:\.\d+)?)(?![0-9.])/.exec(name);
  return match ? match[1] : null;
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newer of two versions (a framework records the newest ESCO version imported into it). */
export function newerVersion(current: string | null, incoming: string | null): string | null {
  if (!current) return incoming;
  if (!incoming) return current;
  return compareVersions(incoming, current) > 0 ? incoming : current;
}

/** The attribution ESCO's licence asks for wherever its content is shown. */
export function escoAttribution(version: string | null): string {
  return `© European Union, ESCO classification, version ${version ?? 'unknown'}, https://esco.ec.europa.eu`;
}

const URI_PREFIX = 'http://data.europa.eu/esco/';
const uriPattern = /^http:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco|isced-f)\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type UriKind = 'skill' | 'occupation' | 'isco' | 'isced-f';

/** The kind of an ESCO concept URI ("skill", "occupation", "isco", "isced-f"), or null when invalid. */
export function escoUriKind(value: string): UriKind | null {
  const match = uriPattern.exec(value);
  return match ? (match[1] as UriKind) : null;
}

/** ESCO skill-pillar concepts: skills, skill groups and ISCED-F fields (used as skill groups). */
export const isSkillPillarUri = (uri: string) => {
  const kind = escoUriKind(uri);
  return kind === 'skill' || kind === 'isced-f';
};
export const isOccupationPillarUri = (uri: string) => {
  const kind = escoUriKind(uri);
  return kind === 'occupation' || kind === 'isco';
};

/**
 * Splits a multi-value cell. The official export puts one value per line (altLabels, inScheme);
 * the collection files join values with " | ". Both are accepted; empty values are dropped and
 * duplicates removed, keeping the first occurrence.
 */
export function splitValues(cell: string | undefined): string[] {
  if (!cell) return [];
  const seen = new Set<string>();
  for (const part of cell.split(/\r?\n| \| /)) {
    const value = part.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

const clean = (value: string | undefined) => (value ?? '').trim();

/** A localised map with only non-empty values, so merging never erases a label with "". */
function localized(lang: string, value: string | undefined): Record<string, string> {
  const v = clean(value);
  return v ? { [lang]: v } : {};
}

function localizedList(lang: string, values: string[]): Record<string, string[]> {
  return values.length ? { [lang]: values } : {};
}

/** ISO timestamp of an ESCO modifiedDate (e.g. "2023-11-30T11:26:22.12Z"), or null; undefined when invalid. */
export function parseModifiedDate(value: string | undefined): string | null | undefined {
  const v = clean(value);
  if (!v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export type CompetenceKindValue = 'skill' | 'knowledge' | 'transversal' | 'group';

/** A skill or skill group, ready to be written to `competences`. */
export interface EscoConceptRecord {
  key: string;
  kind: CompetenceKindValue;
  label: Record<string, string>;
  altLabels: Record<string, string[]>;
  description: Record<string, string>;
  code: string | null;
  tags: string[];
  modifiedAt: string | null;
  /** Broader concepts in source order; the first becomes parent_id. */
  broader: string[];
}

/** An occupation or ISCO group, ready to be written to `occupations`. */
export interface EscoOccupationRecord {
  key: string;
  isGroup: boolean;
  code: string | null;
  iscoCode: string | null;
  label: Record<string, string>;
  altLabels: Record<string, string[]>;
  description: Record<string, string>;
  modifiedAt: string | null;
  broader: string[];
}

export type MapResult<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function requireUri(row: EscoRow, column: string, accept: (uri: string) => boolean): MapResult<string> {
  const uri = clean(row[column]);
  if (!uri) return fail(`${column} is missing`);
  if (!uri.startsWith(URI_PREFIX) || !accept(uri))
    return fail(`${column} "${uri.slice(0, 120)}" is not a valid ESCO URI of the expected kind`);
  return { ok: true, value: uri };
}

function requireLabel(row: EscoRow, key: string): MapResult<string> {
  const label = clean(row.preferredLabel);
  if (!label) return fail(`preferredLabel is missing for ${key}`);
  if (label.length > 500) return fail(`preferredLabel is longer than 500 characters for ${key}`);
  return { ok: true, value: label };
}

/** Broader URIs of a row (collections: " | "-separated), keeping only valid skill-pillar URIs. */
function broaderOf(row: EscoRow, accept: (uri: string) => boolean): string[] {
  return splitValues(row.broaderConceptUri).filter(accept);
}

/**
 * A row of skills_<lang>.csv or of a *SkillsCollection_<lang>.csv → a skill record.
 * skillType "skill/competence" → skill, "knowledge" → knowledge; in the transversal collection,
 * skills whose reuseLevel is "transversal" become kind "transversal".
 */
export function mapSkillRow(row: EscoRow, file: { lang: string; collection?: string }): MapResult<EscoConceptRecord> {
  const uri = requireUri(row, 'conceptUri', (u) => escoUriKind(u) === 'skill');
  if (!uri.ok) return uri;
  const label = requireLabel(row, uri.value);
  if (!label.ok) return label;
  const skillType = clean(row.skillType);
  let kind: CompetenceKindValue;
  if (skillType === 'knowledge') kind = 'knowledge';
  else if (skillType === 'skill/competence' || skillType === '') kind = 'skill';
  else return fail(`skillType "${skillType.slice(0, 60)}" is not "skill/competence" or "knowledge"`);
  if (file.collection === 'transversal' && clean(row.reuseLevel) === 'transversal') kind = 'transversal';
  const modifiedAt = parseModifiedDate(row.modifiedDate);
  if (modifiedAt === undefined) return fail(`modifiedDate "${clean(row.modifiedDate)}" is not a date`);
  return {
    ok: true,
    value: {
      key: uri.value,
      kind,
      label: { [file.lang]: label.value },
      altLabels: localizedList(file.lang, splitValues(row.altLabels)),
      description: localized(file.lang, row.description),
      code: null,
      tags: file.collection ? [file.collection] : [],
      modifiedAt,
      broader: broaderOf(row, isSkillPillarUri),
    },
  };
}

/** A row of skillGroups_<lang>.csv → a group record (code = the group's code, e.g. "S1.2"). */
export function mapSkillGroupRow(row: EscoRow, file: { lang: string }): MapResult<EscoConceptRecord> {
  const uri = requireUri(row, 'conceptUri', isSkillPillarUri);
  if (!uri.ok) return uri;
  const label = requireLabel(row, uri.value);
  if (!label.ok) return label;
  const modifiedAt = parseModifiedDate(row.modifiedDate);
  if (modifiedAt === undefined) return fail(`modifiedDate "${clean(row.modifiedDate)}" is not a date`);
  return {
    ok: true,
    value: {
      key: uri.value,
      kind: 'group',
      label: { [file.lang]: label.value },
      altLabels: localizedList(file.lang, splitValues(row.altLabels)),
      description: localized(file.lang, row.description),
      code: clean(row.code) || null,
      tags: [],
      modifiedAt,
      broader: [],
    },
  };
}

/**
 * A row of skillsHierarchy_<lang>.csv → the groups on its path (level 0 → 3), each with its
 * parent (the level above). Descriptions are not taken: the Dutch file carries English ones.
 */
export function mapHierarchyRow(row: EscoRow, file: { lang: string }): MapResult<EscoConceptRecord[]> {
  const records: EscoConceptRecord[] = [];
  let parent: string | null = null;
  for (let level = 0; level <= 3; level++) {
    const uri = clean(row[`Level ${level} URI`]);
    if (!uri) break;
    if (!isSkillPillarUri(uri)) return fail(`Level ${level} URI "${uri.slice(0, 120)}" is not a valid ESCO URI of the expected kind`);
    const label = clean(row[`Level ${level} preferred term`]);
    records.push({
      key: uri,
      kind: 'group',
      label: label ? { [file.lang]: label } : {},
      altLabels: {},
      description: {},
      code: clean(row[`Level ${level} code`]) || null,
      tags: [],
      modifiedAt: null,
      broader: parent ? [parent] : [],
    });
    parent = uri;
  }
  if (!records.length) return fail('Level 0 URI is missing');
  return { ok: true, value: records };
}

const iscoUri = (code: string) => `${URI_PREFIX}isco/C${code}`;

/** A row of occupations_<lang>.csv or researchOccupationsCollection → an occupation record. */
export function mapOccupationRow(row: EscoRow, file: { lang: string }): MapResult<EscoOccupationRecord> {
  const uri = requireUri(row, 'conceptUri', (u) => escoUriKind(u) === 'occupation');
  if (!uri.ok) return uri;
  const label = requireLabel(row, uri.value);
  if (!label.ok) return label;
  const modifiedAt = parseModifiedDate(row.modifiedDate);
  if (modifiedAt === undefined) return fail(`modifiedDate "${clean(row.modifiedDate)}" is not a date`);
  const isco = clean(row.iscoGroup);
  if (isco && !/^\d{1,4}$/.test(isco)) return fail(`iscoGroup "${isco.slice(0, 20)}" is not an ISCO code`);
  const broader = broaderOf(row, isOccupationPillarUri);
  if (isco && !broader.length) broader.push(iscoUri(isco));
  return {
    ok: true,
    value: {
      key: uri.value,
      isGroup: false,
      code: clean(row.code) || null,
      iscoCode: isco || null,
      label: { [file.lang]: label.value },
      altLabels: localizedList(file.lang, splitValues(row.altLabels)),
      description: localized(file.lang, row.description || row.definition),
      modifiedAt,
      broader,
    },
  };
}

/** A row of ISCOGroups_<lang>.csv → an ISCO group; its parent is the code one digit shorter. */
export function mapIscoGroupRow(row: EscoRow, file: { lang: string }): MapResult<EscoOccupationRecord> {
  const uri = requireUri(row, 'conceptUri', (u) => escoUriKind(u) === 'isco');
  if (!uri.ok) return uri;
  const label = requireLabel(row, uri.value);
  if (!label.ok) return label;
  const code = clean(row.code);
  if (!/^\d{1,4}$/.test(code)) return fail(`code "${code.slice(0, 20)}" is not an ISCO code`);
  return {
    ok: true,
    value: {
      key: uri.value,
      isGroup: true,
      code,
      iscoCode: code,
      label: { [file.lang]: label.value },
      altLabels: localizedList(file.lang, splitValues(row.altLabels)),
      description: localized(file.lang, row.description),
      modifiedAt: null,
      broader: code.length > 1 ? [iscoUri(code.slice(0, -1))] : [],
    },
  };
}

export interface BroaderLink {
  from: string;
  to: string;
}

/** A row of broaderRelationsSkillPillar / broaderRelationsOccPillar → a narrower → broader link. */
export function mapBroaderRow(row: EscoRow, pillar: 'skill' | 'occupation'): MapResult<BroaderLink> {
  const accept = pillar === 'skill' ? isSkillPillarUri : isOccupationPillarUri;
  const from = requireUri(row, 'conceptUri', accept);
  if (!from.ok) return from;
  const to = requireUri(row, 'broaderUri', accept);
  if (!to.ok) return to;
  if (from.value === to.value) return fail(`${from.value} cannot be broader than itself`);
  return { ok: true, value: { from: from.value, to: to.value } };
}

export type EscoRelationType = 'essential' | 'optional';

function relationType(row: EscoRow): MapResult<EscoRelationType> {
  const value = clean(row.relationType);
  if (value === 'essential' || value === 'optional') return { ok: true, value };
  return fail(`relationType "${value.slice(0, 40)}" is not "essential" or "optional"`);
}

export interface OccupationSkillLink {
  occupation: string;
  skill: string;
  relation: EscoRelationType;
}

/** A row of occupationSkillRelations_<lang>.csv. */
export function mapOccupationSkillRow(row: EscoRow): MapResult<OccupationSkillLink> {
  const occupation = requireUri(row, 'occupationUri', (u) => escoUriKind(u) === 'occupation');
  if (!occupation.ok) return occupation;
  const skill = requireUri(row, 'skillUri', (u) => escoUriKind(u) === 'skill');
  if (!skill.ok) return skill;
  const relation = relationType(row);
  if (!relation.ok) return relation;
  return { ok: true, value: { occupation: occupation.value, skill: skill.value, relation: relation.value } };
}

export interface SkillSkillLink {
  from: string;
  to: string;
  relation: EscoRelationType;
}

/** A row of skillSkillRelations_<lang>.csv. */
export function mapSkillSkillRow(row: EscoRow): MapResult<SkillSkillLink> {
  const from = requireUri(row, 'originalSkillUri', (u) => escoUriKind(u) === 'skill');
  if (!from.ok) return from;
  const to = requireUri(row, 'relatedSkillUri', (u) => escoUriKind(u) === 'skill');
  if (!to.ok) return to;
  const relation = relationType(row);
  if (!relation.ok) return relation;
  return { ok: true, value: { from: from.value, to: to.value, relation: relation.value } };
}

/** Later values win per language; languages only in `a` are kept. */
export function mergeLocalized<T>(a: Record<string, T>, b: Record<string, T>): Record<string, T> {
  return { ...a, ...b };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

const laterDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * Merges two records of the same concept (the same skill in several collection files, or nl and
 * en files): labels per language (later wins), tags and broader links united in order, the
 * newest modification date, "transversal" sticky over skill/knowledge.
 */
export function mergeConceptRecords(a: EscoConceptRecord, b: EscoConceptRecord): EscoConceptRecord {
  let kind = b.kind;
  if (a.kind === 'group' || b.kind === 'group') kind = 'group';
  else if (a.kind === 'transversal' || b.kind === 'transversal') kind = 'transversal';
  return {
    key: a.key,
    kind,
    label: mergeLocalized(a.label, b.label),
    altLabels: mergeLocalized(a.altLabels, b.altLabels),
    description: mergeLocalized(a.description, b.description),
    code: a.code ?? b.code,
    tags: union(a.tags, b.tags),
    modifiedAt: laterDate(a.modifiedAt, b.modifiedAt),
    broader: union(a.broader, b.broader),
  };
}

export function mergeOccupationRecords(a: EscoOccupationRecord, b: EscoOccupationRecord): EscoOccupationRecord {
  return {
    key: a.key,
    isGroup: a.isGroup || b.isGroup,
    code: a.code ?? b.code,
    iscoCode: a.iscoCode ?? b.iscoCode,
    label: mergeLocalized(a.label, b.label),
    altLabels: mergeLocalized(a.altLabels, b.altLabels),
    description: mergeLocalized(a.description, b.description),
    modifiedAt: laterDate(a.modifiedAt, b.modifiedAt),
    broader: union(a.broader, b.broader),
  };
}
