import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { DataDirError, openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { bootstrap } from '../db/bootstrap.js';
import { version } from '../version.js';
import { commands } from './commands.js';
import { backupUsage } from './backup.js';
import { isDiskFull } from '../server/errors.js';

const usage = `leerkompas ${version}

Usage:
  leerkompas serve [--no-demo]                 start the web app and API (same as npm start)
  leerkompas migrate                           apply database migrations
  leerkompas seed demo                         add the demo organisations and accounts
  leerkompas user create --email E --org SLUG --role ROLE [--name N] [--password P]
                                               create a user (asks for the password when omitted)
${[...commands.map((c) => c.usage), ...backupUsage].map((line) => `  ${line}`).join('\n')}

Configuration comes from environment variables (see README.md).`;

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return;
  }
  if (command === 'serve') {
    const { values } = parseArgs({ args: argv.slice(1), options: { 'no-demo': { type: 'boolean' } } });
    const { startServer } = await import('../main.js');
    const stop = await startServer({ demo: values['no-demo'] ? false : undefined });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
    return;
  }
  if (command === 'backup' || command === 'restore') {
    // Before the generic open below: a backup holds the database as it is, unmigrated, and a
    // restore needs the target empty.
    const { backupCommand } = await import('./backup.js');
    await backupCommand(command, argv.slice(1), loadConfig());
    return;
  }
  const extra = commands.find((c) => c.matches(command, sub));
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    await bootstrap(database.db);
    if (command === 'migrate') {
      console.log('Migrations applied.');
    } else if (command === 'seed' && sub === 'demo') {
      const { seedDemoData, printDemoLogins } = await import('../db/seed/demo.js');
      printDemoLogins(await seedDemoData(database));
    } else if (command === 'user' && sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          org: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      const { createUserCommand } = await import('./user-create.js');
      await createUserCommand(database.db, values);
    } else if (extra) {
      await extra.run({ database, args: rest, sub });
    } else {
      console.error(`Unknown command: ${argv.join(' ')}\n\n${usage}`);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

/** The message and its causes: a failed query says which query, its cause says why (disk full, …). */
function describe(error: unknown): string {
  const lines: string[] = [];
  for (let e = error; e && lines.length < 4; e = (e as { cause?: unknown }).cause) {
    const message = e instanceof Error ? e.message : String(e);
    if (!lines.includes(message)) lines.push(message);
    if (!(e instanceof Error)) break;
  }
  return lines.join('\n  caused by: ');
}

/** Where the database keeps its files, for the disk-full hint. */
function databaseLocation(): string {
  try {
    const { database } = loadConfig();
    return database.kind === 'pglite' ? `the data directory ${database.dataDir}` : "the PostgreSQL server's data directory";
  } catch {
    return 'the database';
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(describe(error));
  // A DataDirError says it itself; a failed query on a full disk gets the hint here.
  if (isDiskFull(error) && !(error instanceof DataDirError))
    console.error(`The disk holding ${databaseLocation()} is full. Free space there and run the command again.`);
  process.exitCode = 1;
});
