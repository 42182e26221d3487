import { describe, expect, it } from 'vitest';
import { FUNCTION_PROFILE_CSV_COLUMNS, readCsvHeader, validateFunctionProfileCsvRow } from './function-profile-csv.js';

const header = readCsvHeader([...FUNCTION_PROFILE_CSV_COLUMNS]);
if (!header.ok) throw new Error('header');
const index = header.index;
const rules = { currentYear: 2026, maxLevel: 4 };
const row = (values: Partial<Record<(typeof FUNCTION_PROFILE_CSV_COLUMNS)[number], string>>) =>
  FUNCTION_PROFILE_CSV_COLUMNS.map((c) => values[c] ?? '');

describe('readCsvHeader', () => {
  it('accepts the columns in any order and case', () => {
    const h = readCsvHeader(['Importance', ...FUNCTION_PROFILE_CSV_COLUMNS.filter((c) => c !== 'importance')]);
    expect(h.ok && h.index.importance).toBe(0);
  });
  it('names missing and unknown columns', () => {
    const h = readCsvHeader(['profile', 'descr']);
    expect(h.ok).toBe(false);
    if (!h.ok) {
      expect(h.message).toMatch(/missing column\(s\): description, framework_key/);
      expect(h.message).toMatch(/unknown column\(s\): descr/);
    }
  });
});

describe('validateFunctionProfileCsvRow', () => {
  it('reads a competence row, defaulting importance to core', () => {
    expect(
      validateFunctionProfileCsvRow(
        row({ profile: ' Lasser ', framework_key: 'esco', competence_key: 'k1', required_level: '3' }),
        index,
        rules,
      ),
    ).toEqual({
      ok: true,
      row: {
        profile: 'Lasser',
        description: '',
        competence: {
          frameworkKey: 'esco',
          competenceKey: 'k1',
          requiredLevel: 3,
          importance: 'core',
          futureLevel: null,
          horizonYear: null,
        },
      },
    });
  });

  it('reads a profile-only row', () => {
    expect(validateFunctionProfileCsvRow(row({ profile: 'Lasser', description: 'Last staal' }), index, rules)).toEqual({
      ok: true,
      row: { profile: 'Lasser', description: 'Last staal', competence: null },
    });
  });

  it('reports every problem of a row in one message', () => {
    const result = validateFunctionProfileCsvRow(
      row({ profile: '', framework_key: 'esco', competence_key: 'k', required_level: 'drie', importance: 'vital', future_level: '3' }),
      index,
      rules,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('profile is empty');
      expect(result.message).toContain('required_level is not a whole number');
      expect(result.message).toContain('importance must be core or supporting');
    }
  });

  it('checks levels and the horizon with CSV column names', () => {
    const tooHigh = validateFunctionProfileCsvRow(
      row({ profile: 'P', framework_key: 'f', competence_key: 'k', required_level: '5' }),
      index,
      rules,
    );
    expect(tooHigh).toEqual({ ok: false, message: 'required_level must be a level from 1 to 4' });
    const noHorizon = validateFunctionProfileCsvRow(
      row({ profile: 'P', framework_key: 'f', competence_key: 'k', required_level: '2', future_level: '3' }),
      index,
      rules,
    );
    expect(noHorizon).toEqual({ ok: false, message: 'horizon_year is required when future_level is set' });
    const far = validateFunctionProfileCsvRow(
      row({ profile: 'P', framework_key: 'f', competence_key: 'k', required_level: '2', future_level: '3', horizon_year: '2099' }),
      index,
      rules,
    );
    expect(far).toEqual({ ok: false, message: 'horizon_year must be a year from 2026 to 2056' });
  });

  it('rejects levels without a competence and half-given keys', () => {
    expect(validateFunctionProfileCsvRow(row({ profile: 'P', required_level: '2' }), index, rules).ok).toBe(false);
    const half = validateFunctionProfileCsvRow(row({ profile: 'P', framework_key: 'f', required_level: '2' }), index, rules);
    expect(half).toEqual({ ok: false, message: 'competence_key is empty' });
  });
});
