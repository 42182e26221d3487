import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { frameworks } from '../schema/index.js';
import { importEscoFolder } from '../../jobs/import-esco.job.js';

/**
 * The real Dutch ESCO files shipped in the repository (reference-data/esco, see its README):
 * occupations, skill groups and hierarchy of ESCO 1.2.0 and the Dutch skill collections.
 * The full ESCO export (all 13,939 skills and the occupation–skill links) is imported with
 * `leerkompas import esco <folder>`.
 */
export const bundledEscoFolders = ['v1.2.0-nl', 'v1.1-nl-collections'].map((name) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data/esco', name),
);

/** Imports the bundled ESCO files on the first start, when no ESCO framework exists yet (≈ 10 s). */
export async function importBundledEscoOnce(database: Database, log: (line: string) => void): Promise<boolean> {
  const [existing] = await database.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, 'esco-skills'));
  if (existing) return false;
  const folders = bundledEscoFolders.filter((dir) => fs.existsSync(dir));
  if (!folders.length) return false;
  log('Importing the bundled Dutch ESCO classification (first start only)…');
  for (const dir of folders) await importEscoFolder(database, { dir });
  return true;
}
