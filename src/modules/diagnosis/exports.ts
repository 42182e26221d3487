import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { pickLocalized, type Lang } from '../../domain/competences/localized.js';
import type { Translate } from './messages.js';
import type { Heatmap, HeatmapGroup, Prognosis, PrognosisPoint, TopNeeds } from './schemas.js';

/*
 * The aggregate tables of the diagnosis as plain tables, then as CSV or XLSX. They are built from
 * the very objects the screens get (suppression already applied): a hidden cell has no numbers to
 * leak. Hidden cells read "< k" with the reason in the note column (domain-rules §3).
 */

export type CellValue = string | number | null;

export interface Column {
  header: string;
  /** Shares (0..1) are formatted as percentages in XLSX. */
  format?: 'text' | 'integer' | 'decimal' | 'percent';
}

export interface Table {
  sheet: string;
  columns: Column[];
  rows: CellValue[][];
}

function groupLabel(group: HeatmapGroup, groupBy: Heatmap['groupBy'], t: Translate): string {
  if (group.id === 'none') return t(groupBy === 'function_profile' ? 'none_function_profile' : 'none_team');
  if (groupBy === 'target_group') return t(group.id as 'target_group_employee');
  return group.label;
}

export function heatmapTable(heatmap: Heatmap, t: Translate, lang: Lang): Table {
  const hidden = t('hidden', { k: heatmap.threshold });
  const groups = new Map(heatmap.groups.map((g) => [g.id, groupLabel(g, heatmap.groupBy, t)]));
  const rows: CellValue[][] = [];
  const line = (
    label: string,
    key: string,
    group: string,
    a: {
      shown: boolean;
      reason?: string;
      assessed: number | null;
      meanGap: number | null;
      shareGap1: number | null;
      shareGap2: number | null;
    },
  ) =>
    a.shown
      ? [label, key, group, a.assessed, a.meanGap, a.shareGap1, a.shareGap2, '']
      : [
          label,
          key,
          group,
          hidden,
          null,
          null,
          null,
          t(`reason_${a.reason ?? 'below_threshold'}` as 'reason_below_threshold', { k: heatmap.threshold }),
        ];
  for (const competence of heatmap.competences) {
    const label = pickLocalized(competence.label, lang);
    for (const cell of heatmap.cells.filter((c) => c.competenceId === competence.id))
      rows.push(line(label, competence.key, groups.get(cell.groupId) ?? cell.groupId, cell));
    const total = heatmap.totals.find((c) => c.competenceId === competence.id);
    if (total) rows.push(line(label, competence.key, t('total'), total));
  }
  return {
    sheet: t('sheet_heatmap'),
    columns: [
      { header: t('competence') },
      { header: t('competenceKey') },
      { header: t(`groupKind_${heatmap.groupBy}`) },
      { header: t('assessed'), format: 'integer' },
      { header: t('meanGap'), format: 'decimal' },
      { header: t('shareGap1'), format: 'percent' },
      { header: t('shareGap2'), format: 'percent' },
      { header: t('note') },
    ],
    rows,
  };
}

export function topNeedsTable(topNeeds: TopNeeds, t: Translate, lang: Lang): Table {
  const rows: CellValue[][] = [];
  for (const group of topNeeds.groups) {
    const name = t(group.targetGroup);
    group.items.forEach((item, index) =>
      rows.push([
        name,
        index + 1,
        pickLocalized(item.label, lang),
        item.key,
        item.assessed,
        item.meanGap,
        item.shareGap1,
        item.shareGap2,
        '',
      ]),
    );
    if (group.suppressed > 0)
      rows.push([name, null, null, null, null, null, null, null, t('topNeedsSuppressed', { count: group.suppressed })]);
  }
  return {
    sheet: t('sheet_topNeeds'),
    columns: [
      { header: t('targetGroup') },
      { header: t('rank'), format: 'integer' },
      { header: t('competence') },
      { header: t('competenceKey') },
      { header: t('assessed'), format: 'integer' },
      { header: t('meanGap'), format: 'decimal' },
      { header: t('shareGap1'), format: 'percent' },
      { header: t('shareGap2'), format: 'percent' },
      { header: t('note') },
    ],
    rows,
  };
}

export function prognosisTable(prognosis: Prognosis, t: Translate, lang: Lang): Table {
  const hidden = t('hidden', { k: prognosis.threshold });
  const point = (p: PrognosisPoint | null): CellValue[] =>
    p ? [p.needed, p.holders, p.coverage, p.atRisk ? t('yes') : t('no')] : [hidden, null, null, null];
  const rows = prognosis.competences.map((row): CellValue[] => [
    pickLocalized(row.competence.label, lang),
    row.competence.key,
    ...point(row.now),
    ...point(row.horizon),
    row.shown ? '' : t(`reason_${row.reason ?? 'below_threshold'}` as 'reason_below_threshold', { k: prognosis.threshold }),
  ]);
  const year = prognosis.horizonYear;
  return {
    sheet: t('sheet_prognosis'),
    columns: [
      { header: t('competence') },
      { header: t('competenceKey') },
      { header: t('neededNow'), format: 'integer' },
      { header: t('holdersNow'), format: 'integer' },
      { header: t('coverageNow'), format: 'percent' },
      { header: t('atRiskNow') },
      { header: t('neededHorizon', { year }), format: 'integer' },
      { header: t('holdersHorizon', { year }), format: 'integer' },
      { header: t('coverageHorizon', { year }), format: 'percent' },
      { header: t('atRiskHorizon', { year }) },
      { header: t('note') },
    ],
    rows,
  };
}

/**
 * Spreadsheet formula injection: a text cell starting with = + - @ (or a tab / carriage return)
 * would be run as a formula when the CSV is opened; a leading apostrophe keeps it text.
 */
export function guardCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark (so Excel reads the accents). */
export function toCsv(table: Table): string {
  const records = [table.columns.map((c) => guardCell(c.header)), ...table.rows.map((row) => row.map(guardCell))];
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}

const numberFormats: Record<NonNullable<Column['format']>, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  percent: '0%',
};

/** One worksheet; numbers stay numbers, texts are stored as text (never as formulas). */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Leerkompas';
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  table.columns.forEach((column, index) => {
    const col = sheet.getColumn(index + 1);
    const format = column.format ? numberFormats[column.format] : undefined;
    if (format) col.numFmt = format;
    col.width = Math.min(60, Math.max(10, column.header.length + 2, ...table.rows.map((r) => String(r[index] ?? '').length + 2)));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
