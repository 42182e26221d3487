/**
 * The function-profile CSV format (docs/api.md, "Function profiles CSV"): one row per profile
 * competence; a row with empty framework_key and competence_key only creates or describes the
 * profile. This file checks the header and one row at a time; resolving keys and the scale's
 * maximum level is left to the caller, which has the database.
 */
import { checkLevels } from './function-profile-items.js';

export const FUNCTION_PROFILE_CSV_COLUMNS = [
  'profile',
  'description',
  'framework_key',
  'competence_key',
  'required_level',
  'importance',
  'future_level',
  'horizon_year',
] as const;
export type CsvColumn = (typeof FUNCTION_PROFILE_CSV_COLUMNS)[number];

export const MAX_PROFILE_NAME = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_KEY = 300;

/** Column index per name, or a message naming the missing / unknown columns. */
export function readCsvHeader(cells: string[]): { ok: true; index: Record<CsvColumn, number> } | { ok: false; message: string } {
  const names = cells.map((c) => c.trim().toLowerCase());
  const missing = FUNCTION_PROFILE_CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(FUNCTION_PROFILE_CSV_COLUMNS as readonly string[]).includes(n));
  const duplicate = names.filter((n, i) => names.indexOf(n) !== i);
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column(s): ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown column(s): ${unknown.join(', ')}`);
  if (duplicate.length) problems.push(`duplicate column(s): ${[...new Set(duplicate)].join(', ')}`);
  if (problems.length) return { ok: false, message: `Header: ${problems.join('; ')}. Expected: ${FUNCTION_PROFILE_CSV_COLUMNS.join(',')}` };
  const index = Object.fromEntries(FUNCTION_PROFILE_CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<CsvColumn, number>;
  return { ok: true, index };
}

export interface FunctionProfileCsvRow {
  profile: string;
  description: string;
  /** null for a profile-only row. */
  competence: null | {
    frameworkKey: string;
    competenceKey: string;
    requiredLevel: number;
    importance: 'core' | 'supporting';
    futureLevel: number | null;
    horizonYear: number | null;
  };
}

export type RowResult = { ok: true; row: FunctionProfileCsvRow } | { ok: false; message: string };

function parseInteger(value: string): number | null | 'invalid' {
  const v = value.trim();
  if (v === '') return null;
  if (!/^[+-]?\d{1,6}$/.test(v)) return 'invalid';
  return Number(v);
}

/**
 * Validates one data row. `maxLevel` is the highest level any scale may have here; the caller
 * checks the actual profile scale once the profile is known.
 */
export function validateFunctionProfileCsvRow(
  cells: string[],
  index: Record<CsvColumn, number>,
  rules: { currentYear: number; maxLevel: number },
): RowResult {
  const get = (c: CsvColumn) => (cells[index[c]] ?? '').trim();
  const problems: string[] = [];
  const profile = get('profile');
  const description = get('description');
  if (!profile) problems.push('profile is empty');
  if (profile.length > MAX_PROFILE_NAME) problems.push(`profile is longer than ${MAX_PROFILE_NAME} characters`);
  if (description.length > MAX_DESCRIPTION) problems.push(`description is longer than ${MAX_DESCRIPTION} characters`);
  const frameworkKey = get('framework_key');
  const competenceKey = get('competence_key');
  const competenceFields = [get('required_level'), get('importance'), get('future_level'), get('horizon_year')];
  if (!frameworkKey && !competenceKey) {
    if (competenceFields.some((v) => v !== '')) problems.push('framework_key and competence_key are required when levels are given');
    return problems.length ? { ok: false, message: problems.join('; ') } : { ok: true, row: { profile, description, competence: null } };
  }
  if (!frameworkKey) problems.push('framework_key is empty');
  if (!competenceKey) problems.push('competence_key is empty');
  if (frameworkKey.length > MAX_KEY || competenceKey.length > MAX_KEY) problems.push(`keys are at most ${MAX_KEY} characters`);

  const required = parseInteger(get('required_level'));
  const future = parseInteger(get('future_level'));
  const horizon = parseInteger(get('horizon_year'));
  if (required === null) problems.push('required_level is empty');
  if (required === 'invalid') problems.push('required_level is not a whole number');
  if (future === 'invalid') problems.push('future_level is not a whole number');
  if (horizon === 'invalid') problems.push('horizon_year is not a whole number');
  const importanceText = get('importance').toLowerCase();
  if (importanceText !== '' && importanceText !== 'core' && importanceText !== 'supporting') {
    problems.push('importance must be core or supporting');
  }
  if (typeof required === 'number' && future !== 'invalid' && horizon !== 'invalid') {
    const names = { requiredLevel: 'required_level', futureLevel: 'future_level', horizonYear: 'horizon_year' } as const;
    for (const p of checkLevels({ requiredLevel: required, futureLevel: future, horizonYear: horizon }, rules)) {
      problems.push(`${names[p.field]} ${p.message.replace(/futureLevel|horizonYear/g, (m) => names[m as 'futureLevel' | 'horizonYear'])}`);
    }
  }
  if (problems.length) return { ok: false, message: problems.join('; ') };
  return {
    ok: true,
    row: {
      profile,
      description,
      competence: {
        frameworkKey,
        competenceKey,
        requiredLevel: required as number,
        importance: importanceText === 'supporting' ? 'supporting' : 'core',
        futureLevel: future as number | null,
        horizonYear: horizon as number | null,
      },
    },
  };
}
