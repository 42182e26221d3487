import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.js';
import { seedDemoData } from '../../src/db/seed/demo.js';
import { prepareTemplates } from '../support/databases.js';

/**
 * The browser tests run on PGlite with the demo data. Seeding it takes seconds, so it is done once
 * here, into a closed data dir that every spec copies (LK_E2E_DEMO_TEMPLATE, see startE2E).
 */
export default async function setup() {
  const removeTemplates = await prepareTemplates({ postgres: false });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-e2e-demo-'));
  const dir = path.join(root, 'db');
  fs.cpSync(process.env.LK_TEST_PGLITE_TEMPLATE!, dir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    await seedDemoData(database);
  } finally {
    await database.close();
  }
  process.env.LK_E2E_DEMO_TEMPLATE = dir;
  return async () => {
    fs.rmSync(root, { recursive: true, force: true });
    await removeTemplates();
  };
}
