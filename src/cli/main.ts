import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { bootstrap } from '../db/bootstrap.js';
import { version } from '../version.js';
import { commands } from './commands.js';

const usage = `leerkompas ${version}

Usage:
  leerkompas serve [--no-demo]                 start the web app and API (same as npm start)
  leerkompas migrate                           apply database migrations
  leerkompas seed demo                         add the demo organisations and accounts
  leerkompas user create --email E --org SLUG --role ROLE [--name N] [--password P]
                                               create a user (asks for the password when omitted)
${commands.map((c) => `  ${c.usage}`).join('\n')}

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
        options: { email: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
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

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
