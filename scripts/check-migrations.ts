// Fails when the Drizzle schema and the committed migrations have drifted: drizzle-kit would
// write a new migration. Runs drizzle-kit against a throw-away copy of the migrations folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-drift-'));
fs.cpSync(path.join(root, 'src/db/migrations'), path.join(tmp, 'migrations'), { recursive: true });
const config = path.join(tmp, 'drizzle.config.mjs');
fs.writeFileSync(
  config,
  `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'src/db/schema/index.ts'))}, out: ${JSON.stringify(path.join(tmp, 'migrations'))} };\n`,
);
const before = fs.readdirSync(path.join(tmp, 'migrations')).length;
execFileSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--config', config], {
  cwd: root,
  stdio: 'pipe',
});
const after = fs.readdirSync(path.join(tmp, 'migrations')).length;
fs.rmSync(tmp, { recursive: true, force: true });
if (after !== before) {
  console.error('The schema in src/db/schema has changes without a migration. Run: npm run db:generate');
  process.exit(1);
}
console.log('Migrations match the schema.');
