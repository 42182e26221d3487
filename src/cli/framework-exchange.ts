import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { findOrganisation } from '../modules/framework-exchange/queries.js';
import { createFrameworkExchangeService, type ExchangeFormat } from '../modules/framework-exchange/service.js';
import { AppError } from '../server/errors.js';
import type { ExchangeLang } from '../domain/competences/exchange-model.js';

const langs = ['nl', 'fr', 'en'];

function readLang(value: string | undefined): ExchangeLang {
  const lang = value ?? 'nl';
  if (!langs.includes(lang)) throw new Error(`--lang must be one of: ${langs.join(', ')}`);
  return lang as ExchangeLang;
}

/** AppErrors carry the reason in their message and field errors; print both. */
function explain(error: unknown): never {
  if (error instanceof AppError) {
    const extra = (error.errors ?? []).filter((e) => e.message !== error.message);
    throw new Error(`${error.message}${extra.length ? ` (${extra.map((e) => `${e.path}: ${e.message}`).join('; ')})` : ''}`);
  }
  throw error;
}

function importCommand(format: ExchangeFormat): CliCommand {
  const what = format === 'moodle' ? 'a Moodle competency-framework CSV' : 'a 1EdTech CASE 1.1 package (JSON)';
  return {
    usage: `leerkompas import ${format} <file> --org SLUG [--lang nl|fr|en]\n                                               import ${what} as a framework of the organisation`,
    matches: (command, sub) => command === 'import' && sub === format,
    async run({ database, args }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { org: { type: 'string' }, lang: { type: 'string' } },
      });
      const [file] = positionals;
      if (!file || !values.org) throw new Error(`Usage: leerkompas import ${format} <file> --org SLUG [--lang nl|fr|en]`);
      const lang = readLang(values.lang);
      const org = await findOrganisation(database.db, values.org);
      if (!org) throw new Error(`No organisation with id or slug "${values.org}".`);
      const text = fs.readFileSync(file, 'utf8');
      let body: unknown = text;
      if (format === 'case') {
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
        }
      }
      const service = createFrameworkExchangeService({ db: database.db });
      const result = await service
        .importFramework({ actor: null, trusted: true, organisationId: org.id, format, body, lang })
        .catch(explain);
      console.log(`Imported ${file} into ${org.name} as framework ${result.frameworkKey} (scale ${result.scaleKey}).`);
      console.log(`  competences: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`);
      console.log(`  errors:      ${result.errors.length}`);
      for (const e of result.errors.slice(0, 50))
        console.log(`  ${e.line !== undefined ? `line ${e.line}` : `index ${e.index}`}: ${e.message}`);
      if (result.errors.length > 50) console.log(`  … and ${result.errors.length - 50} more.`);
    },
  };
}

export const importMoodleCommand = importCommand('moodle');
export const importCaseCommand = importCommand('case');

/** `leerkompas export framework <key> --format moodle|case [--lang nl] [--out file] [--base-url URL]` */
export const exportFrameworkCommand: CliCommand = {
  usage:
    'leerkompas export framework <key> --format moodle|case [--lang nl] [--out FILE] [--base-url URL]\n                                               write a framework as Moodle CSV or CASE JSON (stdout without --out)',
  matches: (command, sub) => command === 'export' && sub === 'framework',
  async run({ database, args }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' } },
    });
    const [key] = positionals;
    if (!key || (values.format !== 'moodle' && values.format !== 'case')) {
      throw new Error('Usage: leerkompas export framework <key> --format moodle|case [--lang nl] [--out FILE] [--base-url URL]');
    }
    const service = createFrameworkExchangeService({ db: database.db });
    const file = await service
      .exportFramework({
        actor: null,
        trusted: true,
        framework: { key },
        format: values.format,
        lang: readLang(values.lang),
        baseUrl: values['base-url'] ?? 'http://localhost:3000',
      })
      .catch(explain);
    if (values.out) {
      fs.writeFileSync(values.out, file.body);
      console.error(`Wrote ${file.frameworkKey} to ${values.out}.`);
    } else {
      process.stdout.write(file.body);
    }
  },
};
