/**
 * Moodle competency-framework CSV, as written and read by Moodle's admin/tool/lpimportcsv: one
 * header line, one row for the framework (isframework = 1) and one row per competency, linked by
 * parentidnumber. Mapping to our model: docs/api.md, "Framework exchange formats".
 */
import { pickLocalized } from './localized.js';
import {
  finishTree,
  keepRelations,
  preOrder,
  type ExchangeCompetence,
  type ExchangeKind,
  type ExchangeLang,
  type ExchangeParseResult,
  type ExchangeRelation,
  type ExchangeRowError,
  type ExchangeScale,
  type ExportFramework,
} from './exchange-model.js';

export const MOODLE_COLUMNS = [
  'parentidnumber',
  'idnumber',
  'shortname',
  'description',
  'descriptionformat',
  'scalevalues',
  'scaleconfiguration',
  'ruletype',
  'ruleoutcome',
  'ruleconfig',
  'relatedidnumbers',
  'exportid',
  'isframework',
  'taxonomy',
] as const;
export type MoodleColumn = (typeof MOODLE_COLUMNS)[number];

/** The header Moodle writes (its English language strings), in Moodle's column order. */
export const MOODLE_HEADER_LABELS: Record<MoodleColumn, string> = {
  parentidnumber: 'Parent ID number',
  idnumber: 'ID number',
  shortname: 'Short name',
  description: 'Description',
  descriptionformat: 'Description format',
  scalevalues: 'Scale values',
  scaleconfiguration: 'Scale configuration',
  ruletype: 'Rule type (optional)',
  ruleoutcome: 'Rule outcome (optional)',
  ruleconfig: 'Rule config (optional)',
  relatedidnumbers: 'Cross-referenced competency ID numbers',
  exportid: 'Exported ID (optional)',
  isframework: 'Is framework',
  taxonomy: 'Taxonomy',
};

export const MOODLE_LIMITS = { idnumber: 100, shortname: 1000, description: 20_000, rows: 50_000 } as const;

/** Moodle's text formats (lib/weblib.php): FORMAT_MOODLE 0, FORMAT_HTML 1, FORMAT_PLAIN 2, FORMAT_MARKDOWN 4. */
const FORMAT_HTML = '1';
const FORMAT_PLAIN = '2';

// ---------------------------------------------------------------------------------------------
// RFC 4180 reading and writing

export interface CsvLine {
  cells: string[];
  /** 1-based line of the file on which the record starts. */
  line: number;
}

/**
 * Splits CSV text into records, keeping the line each record starts on (quoted cells may span
 * lines). The delimiter is detected from the header: comma (Moodle's default), semicolon (Excel
 * with a Belgian locale) or tab. Empty lines are skipped.
 */
export function readCsv(text: string): { ok: true; records: CsvLine[] } | { ok: false; message: string } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<string, number>;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const delimiter = counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';

  const records: CsvLine[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (src[i] === '"') {
        // Quoted cell: up to the closing quote; doubled quotes are one quote.
        i++;
        for (;;) {
          if (i >= src.length) return { ok: false, message: `Line ${start}: a quoted cell is not closed.` };
          const ch = src[i];
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        // Anything after the closing quote up to the delimiter is kept as written (lenient).
        while (i < src.length && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') cell += src[i++];
      } else {
        while (i < src.length && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') cell += src[i++];
      }
      cells.push(cell);
      cell = '';
      if (i >= src.length) endOfRecord = true;
      else if (src[i] === delimiter) i++;
      else {
        if (src[i] === '\r') i++;
        if (src[i] === '\n') i++;
        line++;
        endOfRecord = true;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) records.push({ cells, line: start });
  }
  return { ok: true, records };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text: comma-separated, CRLF line ends, quotes where needed. */
export function writeCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Helpers

const normaliseHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/\(optional\)/g, '')
    .replace(/[^a-z]/g, '');
const headerAliases: Record<string, MoodleColumn> = Object.fromEntries([
  ...MOODLE_COLUMNS.map((c) => [c, c]),
  ...MOODLE_COLUMNS.map((c) => [normaliseHeader(MOODLE_HEADER_LABELS[c]), c]),
  ['taxonomies', 'taxonomy'],
  ['relatedidnumber', 'relatedidnumbers'],
]);

/** Column index per name. Moodle itself maps by position, so an unrecognised (e.g. translated) 14-column header falls back to Moodle's order. */
export function readMoodleHeader(
  cells: string[],
): { ok: true; index: Partial<Record<MoodleColumn, number>> } | { ok: false; message: string } {
  const index: Partial<Record<MoodleColumn, number>> = {};
  cells.forEach((cell, i) => {
    const column = headerAliases[normaliseHeader(cell)];
    if (column && index[column] === undefined) index[column] = i;
  });
  const required: MoodleColumn[] = ['parentidnumber', 'idnumber', 'shortname', 'isframework'];
  const missing = required.filter((c) => index[c] === undefined);
  if (!missing.length) return { ok: true, index };
  if (cells.length === MOODLE_COLUMNS.length && Object.keys(index).length === 0) {
    return { ok: true, index: Object.fromEntries(MOODLE_COLUMNS.map((c, i) => [c, i])) };
  }
  return {
    ok: false,
    message: `The header misses the column(s) ${missing.join(', ')}. Expected Moodle's columns: ${MOODLE_COLUMNS.join(', ')}.`,
  };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** HTML (Moodle's editor output) to plain text: line breaks for blocks, no tags, basic entities. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      const key = e.toLowerCase();
      if (entities[key] !== undefined) return entities[key];
      if (key.startsWith('#x')) return String.fromCodePoint(parseInt(key.slice(2), 16));
      if (key.startsWith('#')) return String.fromCodePoint(Number(key.slice(1)));
      return m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A scale label as one Moodle scale item: Moodle separates items with commas, so commas go. */
export function moodleScaleItem(label: string): string {
  return label.replace(/\s*,\s*/g, ' – ').trim();
}

/** A scale the file's scale can be matched with: level labels per language, lowest level first. */
export interface ScaleCandidate {
  key: string;
  levels: Array<Partial<Record<string, string>>>;
}

const scaleText = (label: string) => moodleScaleItem(label).toLowerCase().replace(/\s+/g, ' ');

/**
 * The candidate whose level labels, in one of its languages, are the file's scale values (compared
 * without case, and with commas written the way `moodleScaleItem` writes them), or null.
 */
export function matchScale(scale: ExchangeScale | null, candidates: ScaleCandidate[]): ScaleCandidate | null {
  if (!scale) return null;
  const wanted = scale.labels.map(scaleText).join('|');
  for (const candidate of candidates) {
    if (candidate.levels.length !== scale.labels.length) continue;
    const languages = new Set(candidate.levels.flatMap((l) => Object.keys(l)));
    for (const lang of languages) {
      if (candidate.levels.map((l) => scaleText(l[lang] ?? '')).join('|') === wanted) return candidate;
    }
  }
  return null;
}

/** Reads "a,b,c" scale values and Moodle's scale configuration JSON (first proficient item). */
export function readMoodleScale(values: string, configuration: string): ExchangeScale | null {
  const labels = values
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!labels.length) return null;
  let proficientFrom: number | null = null;
  try {
    const config = JSON.parse(configuration) as unknown;
    if (Array.isArray(config)) {
      const proficient = config
        .filter((c): c is { id: unknown; proficient: unknown } => typeof c === 'object' && c !== null && 'id' in c)
        .filter((c) => Number(c.proficient) === 1)
        .map((c) => Number(c.id) - 1)
        .filter((n) => Number.isInteger(n) && n >= 0 && n < labels.length);
      if (proficient.length) proficientFrom = Math.min(...proficient);
    }
  } catch {
    /* no or broken configuration: proficiency unknown */
  }
  return { labels, proficientFrom };
}

/** Moodle taxonomy term of a level → our kind; nodes with children and no telling term are groups. */
function kindFromTaxonomy(term: string | undefined, hasChildren: boolean): ExchangeKind {
  switch ((term ?? '').trim().toLowerCase()) {
    case 'domain':
      return 'group';
    case 'skill':
      return 'skill';
    case 'concept':
      return 'knowledge';
    case 'behaviour':
    case 'value':
      return 'attitude';
    default:
      return hasChildren ? 'group' : 'skill';
  }
}

/** Our kinds at one depth → the Moodle taxonomy term for that level. */
function taxonomyForKinds(kinds: Set<ExchangeKind>): string {
  if (kinds.size === 1) {
    const [only] = kinds;
    return { group: 'domain', skill: 'skill', knowledge: 'concept', attitude: 'behaviour', transversal: 'competency' }[only];
  }
  return 'competency';
}

const truthy = (v: string) => ['1', 'true', 'yes', 'y', 'x'].includes(v.trim().toLowerCase());

// ---------------------------------------------------------------------------------------------
// Import

/**
 * Parses a Moodle framework CSV. Rows with problems are reported by line and left out; a file
 * without a framework row, with two of them, with a broken header or with a cycle in the parent
 * links is rejected as a whole (`ok: false`).
 */
export function parseMoodleCsv(text: string, options: { lang: ExchangeLang }): ExchangeParseResult {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, fatal: csv.message, errors: [] };
  const [header, ...rows] = csv.records;
  if (!header) return { ok: false, fatal: 'The file is empty.', errors: [] };
  if (rows.length > MOODLE_LIMITS.rows)
    return { ok: false, fatal: `The file has ${rows.length} rows; at most ${MOODLE_LIMITS.rows} are accepted.`, errors: [] };
  const head = readMoodleHeader(header.cells);
  if (!head.ok) return { ok: false, fatal: head.message, errors: [] };
  const get = (cells: string[], column: MoodleColumn) => {
    const i = head.index[column];
    return i === undefined ? '' : (cells[i] ?? '');
  };

  const errors: ExchangeRowError[] = [];
  const frameworkRows = rows.filter((r) => truthy(get(r.cells, 'isframework')));
  if (frameworkRows.length === 0) return { ok: false, fatal: 'The file has no framework row (a row with isframework = 1).', errors: [] };
  if (frameworkRows.length > 1) {
    return {
      ok: false,
      fatal: `The file has ${frameworkRows.length} framework rows (lines ${frameworkRows.map((r) => r.line).join(', ')}); a file holds one framework.`,
      errors: [],
    };
  }
  const fw = frameworkRows[0].cells;
  const frameworkKey = get(fw, 'idnumber').trim();
  if (!frameworkKey) return { ok: false, fatal: `Line ${frameworkRows[0].line}: the framework row has no idnumber.`, errors: [] };
  if (frameworkKey.length > MOODLE_LIMITS.idnumber)
    return {
      ok: false,
      fatal: `Line ${frameworkRows[0].line}: the framework idnumber is longer than ${MOODLE_LIMITS.idnumber} characters.`,
      errors: [],
    };
  const plain = (cells: string[], column: 'description') => {
    const raw = get(cells, column);
    return get(cells, 'descriptionformat').trim() === FORMAT_HTML ? htmlToText(raw) : raw.trim();
  };
  const taxonomy = get(fw, 'taxonomy').split(',');

  const competences: ExchangeCompetence[] = [];
  const relatedByKey = new Map<string, { line: number; ids: string[] }>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row === frameworkRows[0]) continue;
    const idnumber = get(row.cells, 'idnumber').trim();
    const shortname = get(row.cells, 'shortname').trim();
    const description = plain(row.cells, 'description');
    const problem = !idnumber
      ? 'idnumber is empty'
      : idnumber.length > MOODLE_LIMITS.idnumber
        ? `idnumber is longer than ${MOODLE_LIMITS.idnumber} characters`
        : !shortname
          ? 'shortname is empty'
          : shortname.length > MOODLE_LIMITS.shortname
            ? `shortname is longer than ${MOODLE_LIMITS.shortname} characters`
            : description.length > MOODLE_LIMITS.description
              ? `description is longer than ${MOODLE_LIMITS.description} characters`
              : firstLine.has(idnumber)
                ? `idnumber "${idnumber}" is used already on line ${firstLine.get(idnumber)}`
                : null;
    if (problem) {
      errors.push({ line: row.line, message: `${problem}; the row was skipped.` });
      continue;
    }
    firstLine.set(idnumber, row.line);
    const parent = get(row.cells, 'parentidnumber').trim();
    competences.push({
      key: idnumber,
      code: idnumber,
      parentKey: parent === '' || parent === frameworkKey ? null : parent,
      kind: 'skill',
      lang: options.lang,
      label: shortname,
      altLabels: [],
      description,
      position: 0,
      origin: { line: row.line },
    });
    const related = get(row.cells, 'relatedidnumbers')
      .split(',')
      .map((r) => r.replace(/%2C/gi, ',').trim())
      .filter((r) => r !== '');
    if (related.length) relatedByKey.set(idnumber, { line: row.line, ids: related });
  }

  const tree = finishTree(competences);
  if (!tree.ok) return { ok: false, fatal: tree.fatal, errors };
  errors.push(...tree.errors);
  const kept = tree.competences;
  const keys = new Set(kept.map((c) => c.key));
  const withChildren = new Set(kept.map((c) => c.parentKey).filter((k): k is string => k !== null));
  const depth = new Map<string, number>();
  for (const c of kept) depth.set(c.key, c.parentKey === null ? 0 : (depth.get(c.parentKey) ?? 0) + 1);
  for (const c of kept) c.kind = kindFromTaxonomy(taxonomy[depth.get(c.key)!], withChildren.has(c.key));

  const relations: ExchangeRelation[] = [];
  for (const [key, { line, ids }] of relatedByKey) {
    if (!keys.has(key)) continue;
    for (const other of ids) {
      if (keys.has(other)) relations.push({ fromKey: key, toKey: other, kind: 'related' });
      else errors.push({ line, message: `The related idnumber "${other}" is not in the file; that link was skipped.` });
    }
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  return {
    ok: true,
    errors,
    framework: {
      key: frameworkKey,
      lang: options.lang,
      title: get(fw, 'shortname').trim() || frameworkKey,
      description: plain(fw, 'description'),
      version: null,
      scale: readMoodleScale(get(fw, 'scalevalues'), get(fw, 'scaleconfiguration')),
      competences: kept,
      relations: keepRelations(relations, keys),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * Writes a framework as Moodle CSV with Moodle's own header, so Moodle's "Import competency
 * framework" reads it unchanged. Texts in `lang` (falling back to another language when missing).
 */
export function writeMoodleCsv(framework: ExportFramework, options: { lang: ExchangeLang }): string {
  const { lang } = options;
  const ordered = preOrder(framework.competences);
  const keyById = new Map(ordered.map((c) => [c.id, c.key]));
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = related.get(a) ?? new Set<string>();
    set.add(b);
    related.set(a, set);
  };
  for (const r of framework.relations) {
    if (r.kind === 'broader') continue;
    const from = keyById.get(r.fromId);
    const to = keyById.get(r.toId);
    if (!from || !to || from === to) continue;
    link(from, to);
    link(to, from);
  }
  const depths = new Map<number, Set<ExchangeKind>>();
  for (const c of ordered) depths.set(c.depth, (depths.get(c.depth) ?? new Set()).add(c.kind));
  const taxonomy = [...depths.keys()].sort((a, b) => a - b).map((d) => taxonomyForKinds(depths.get(d)!));

  let scaleValues = '';
  let scaleConfiguration = '';
  if (framework.scale && framework.scale.levels.length) {
    const levels = [...framework.scale.levels].sort((a, b) => a.level - b.level);
    scaleValues = levels.map((l) => moodleScaleItem(pickLocalized(l.label, lang) || String(l.level))).join(',');
    const proficientIndex = Math.max(
      0,
      levels.findIndex((l) => l.level >= framework.scale!.proficientFrom),
    );
    scaleConfiguration = JSON.stringify([
      { scaleid: framework.scale.key },
      ...levels.map((l, i) => ({ id: i + 1, scaledefault: i === proficientIndex ? 1 : 0, proficient: i >= proficientIndex ? 1 : 0 })),
    ]);
  }

  const rows: string[][] = [MOODLE_COLUMNS.map((c) => MOODLE_HEADER_LABELS[c])];
  rows.push([
    '',
    framework.sourceKey,
    pickLocalized(framework.title, lang) || framework.sourceKey,
    pickLocalized(framework.description, lang),
    FORMAT_PLAIN,
    scaleValues,
    scaleConfiguration,
    '',
    '',
    '',
    '',
    '',
    '1',
    taxonomy.join(','),
  ]);
  for (const c of ordered) {
    rows.push([
      c.parentId ? (keyById.get(c.parentId) ?? '') : '',
      c.key,
      pickLocalized(c.label, lang) || c.key,
      pickLocalized(c.description, lang),
      FORMAT_PLAIN,
      '',
      '',
      '',
      '0',
      'null',
      [...(related.get(c.key) ?? [])]
        .sort()
        .map((k) => k.replace(/,/g, '%2C'))
        .join(','),
      c.id,
      '',
      '',
    ]);
  }
  return writeCsv(rows);
}
