import { loadConfig, type Config } from './server/config.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { bootstrap, hasPlatformAdmin, isEmpty, PLATFORM_ORG_SLUG } from './db/bootstrap.js';
import { buildApp, defaultWebDir } from './server/app.js';
import { version } from './version.js';
import { importBundledEscoOnce } from './db/reference/bundled-esco.js';

/**
 * Composition root: config → database → migrations → reference/demo data → app → listen.
 * Returns a function that shuts everything down.
 */
export async function startServer(options: { config?: Config; demo?: boolean; webDir?: string } = {}) {
  const config = options.config ?? loadConfig();
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  await bootstrap(database.db);
  if (config.bundledEsco) await importBundledEscoOnce(database, (line) => console.log(line));
  const seedDemo = options.demo ?? config.demo;
  if (seedDemo && (await isEmpty(database.db))) {
    const { seedDemoData, printDemoLogins } = await import('./db/seed/demo.js');
    printDemoLogins(await seedDemoData(database), `http://localhost:${config.http.port}`);
  }
  const app = await buildApp({ config, database, version, webDir: options.webDir ?? defaultWebDir });
  if (!(await hasPlatformAdmin(database.db))) {
    app.log.warn(
      `No platform administrator yet. Create one with: npx leerkompas user create --email you@example.org --org ${PLATFORM_ORG_SLUG} --role platform_admin`,
    );
  }
  await app.listen({ port: config.http.port, host: config.http.host });
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      await app.close();
      await database.close();
    })());
}
