import fs from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRecord {
  row: Record<string, string>;
  /** 1-based line on which the record starts (multi-line quoted cells span several lines). */
  line: number;
}

/**
 * Streams an RFC 4180 CSV file with a header line as records keyed by column name. A malformed
 * file (e.g. an unterminated quote) throws an error whose `lines` names where parsing stopped.
 */
export async function* readCsvRecords(file: string): AsyncGenerator<CsvRecord> {
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ bom: true, columns: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  let previousEnd = 1;
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { row: item.record, line: previousEnd + 1 };
    previousEnd = item.info.lines;
  }
}

/**
 * Counts the records of a CSV file without parsing cells: newlines outside quotes, minus the
 * header. Fast enough to give an import its total before it starts.
 */
export async function countCsvRecords(file: string): Promise<number> {
  let inQuotes = false;
  let lines = 0;
  let lastByte = 10;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 34) inQuotes = !inQuotes;
      else if (byte === 10 && !inQuotes) lines++;
    }
    if (chunk.length) lastByte = chunk[chunk.length - 1];
  }
  if (lastByte !== 10) lines++;
  return Math.max(0, lines - 1);
}
