import ExcelJS from 'exceljs';

/**
 * Shared pieces for spreadsheet exports: plain tables (a header and rows of text, numbers or
 * nothing) written as one workbook with one sheet per table. Numbers stay numbers; texts are
 * stored as text, never as formulas. Money is given in euro cents and shown as euros.
 */

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  /** 'euro' takes integer cents and shows euros with two decimals. */
  format?: 'text' | 'integer' | 'decimal' | 'percent' | 'euro';
}

export interface SheetTable {
  /** Sheet name (cut to Excel's 31 characters). */
  sheet: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

const numberFormats: Record<NonNullable<SheetColumn['format']>, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  percent: '0%',
  euro: '#,##0.00 [$€-813]',
};

/** Characters Excel may not use in a sheet name. */
const sheetName = (name: string) => name.replace(/[[\]*?:/\\]/g, ' ').slice(0, 31) || 'Sheet';

export async function workbookBuffer(tables: readonly SheetTable[], creator = 'Leerkompas'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet));
    sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(
        row.map((value, index) =>
          value !== null && table.columns[index]?.format === 'euro' && typeof value === 'number' ? value / 100 : value,
        ),
      );
    }
    table.columns.forEach((column, index) => {
      const col = sheet.getColumn(index + 1);
      const format = column.format ? numberFormats[column.format] : undefined;
      if (format) col.numFmt = format;
      col.width = Math.min(60, Math.max(10, column.header.length + 2, ...table.rows.map((r) => String(r[index] ?? '').length + 2)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
