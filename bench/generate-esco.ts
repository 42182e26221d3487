/**
 * Writes a full-size ESCO export (official file layout) into a folder, for import benchmarks:
 *   skills_nl.csv                    ≈13,900 skills: the 2,218 real Dutch collection skills with their
 *                                    real rows, the other real skill URIs with generated Dutch text
 *   occupationSkillRelations_nl.csv  ≈130,000 links over the real occupation URIs
 *   + copies of the real small files (nl), and the language-independent relation files
 *     (broader relations, skill–skill relations) renamed to _nl.
 * Deterministic: a seeded PRNG, so every run writes the same bytes.
 *
 * Usage: npx tsx bench/generate-esco.ts [outDir] [--links N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { prng } from '../src/shared/prng.js';

export { prng };

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = '/work/shared/data/esco';
export const defaultOutDir = path.join(here, '.work/esco-full');

const readCsv = (file: string): Record<string, string>[] =>
  parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true });

const verbs = [
  'toepassen',
  'beheren',
  'plannen',
  'controleren',
  'onderhouden',
  'analyseren',
  'opvolgen',
  'organiseren',
  'installeren',
  'begeleiden',
  'evalueren',
  'documenteren',
  'ontwerpen',
  'herstellen',
  'coördineren',
  'adviseren over',
  'rapporteren over',
  'uitvoeren',
  'verbeteren',
  'bewaken',
];
const objects = [
  'veiligheidsvoorschriften',
  'klantgesprekken',
  'voorraadniveaus',
  'elektrische installaties',
  'onderhoudsplanningen',
  'kwaliteitsnormen',
  'productieprocessen',
  'hygiënevoorschriften',
  'budgetten',
  'werkroosters',
  'verpleegkundige zorg',
  'lasverbindingen',
  'leveranciersrelaties',
  'opleidingsplannen',
  'softwaretests',
  'magazijnprocedures',
  'energieverbruik',
  'afvalstromen',
  'bouwtekeningen',
  'patiëntendossiers',
  'verkoopcijfers',
  'machineonderdelen',
  'voedselveiligheid',
  'ventilatiesystemen',
  'boekhoudkundige gegevens',
  'teamvergaderingen',
  'transportroutes',
  'laboratoriumtests',
  'netwerkinfrastructuur',
  'sanitaire leidingen',
  'marketingcampagnes',
  'contracten',
  'brandpreventie',
  'reinigingsmiddelen',
  'zonnepanelen',
  'warmtepompen',
  'houtbewerking',
  'schilderwerken',
  'dakbedekking',
  'kinderopvang',
];
const knowledgeHeads = [
  'beginselen van',
  'technieken voor',
  'wetgeving inzake',
  'normen voor',
  'methoden voor',
  'theorie van',
  'kenmerken van',
  'soorten',
];
const contexts = [
  'in de bouw',
  'in de zorg',
  'in de horeca',
  'in de logistiek',
  'in de industrie',
  'op kantoor',
  'in het onderwijs',
  'in de landbouw',
  'bij de overheid',
  'in de kleinhandel',
];
const synonyms = ['zorgen voor', 'instaan voor', 'omgaan met', 'werken met', 'verantwoordelijk zijn voor'];

function pick<T>(rnd: () => number, items: T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

export interface GenerateOptions {
  outDir?: string;
  /** Occupation–skill links to write (default 130,000). */
  links?: number;
  seed?: number;
}

/** Generates the folder; returns the counts written. */
export function generateEscoFull(options: GenerateOptions = {}) {
  const outDir = options.outDir ?? defaultOutDir;
  const targetLinks = options.links ?? 130_000;
  const rnd = prng(options.seed ?? 20240501);
  fs.mkdirSync(outDir, { recursive: true });

  // Real Dutch rows of the collections, merged by URI.
  const collectionDir = path.join(DATA, 'v1.1-nl-collections');
  const real = new Map<string, Record<string, string>>();
  for (const name of fs
    .readdirSync(collectionDir)
    .filter((n) => /SkillsCollection_nl\.csv$/.test(n))
    .sort()) {
    for (const row of readCsv(path.join(collectionDir, name))) if (!real.has(row.conceptUri)) real.set(row.conceptUri, row);
  }
  // Every real skill URI (the broader relations of the skill pillar cover all skills).
  const skillUris: string[] = [];
  const seen = new Set<string>();
  for (const row of readCsv(path.join(DATA, 'v1.2.0-en/broaderRelationsSkillPillar_en.csv'))) {
    if (row.conceptType === 'KnowledgeSkillCompetence' && !seen.has(row.conceptUri)) {
      seen.add(row.conceptUri);
      skillUris.push(row.conceptUri);
    }
  }
  for (const uri of real.keys()) if (!seen.has(uri)) skillUris.push(uri);

  const header = [
    'conceptType',
    'conceptUri',
    'skillType',
    'reuseLevel',
    'preferredLabel',
    'altLabels',
    'hiddenLabels',
    'status',
    'modifiedDate',
    'scopeNote',
    'definition',
    'inScheme',
    'description',
  ];
  const rows: string[][] = [];
  const skillTypes = new Map<string, string>();
  const usedLabels = new Set<string>();
  for (const uri of skillUris) {
    const r = real.get(uri);
    let skillType: string;
    let label: string;
    let alt: string[];
    let description: string;
    let reuse: string;
    if (r) {
      skillType = r.skillType || 'skill/competence';
      reuse = r.reuseLevel || 'cross-sector';
      label = r.preferredLabel;
      alt = r.altLabels ? r.altLabels.split(/\r?\n| \| /).filter(Boolean) : [];
      description = r.description;
    } else {
      const knowledge = rnd() < 0.3;
      skillType = knowledge ? 'knowledge' : 'skill/competence';
      reuse = pick(rnd, ['sector-specific', 'sector-specific', 'occupation-specific', 'cross-sector']);
      const object = pick(rnd, objects);
      const context = pick(rnd, contexts);
      const base = knowledge ? `${pick(rnd, knowledgeHeads)} ${object}` : `${object} ${pick(rnd, verbs)}`;
      label = usedLabels.has(base) ? `${base} ${context}` : base;
      for (let k = 2; usedLabels.has(label); k++) label = `${base} ${context} ${k}`;
      const altCount = Math.floor(rnd() * 4);
      alt = Array.from({ length: altCount }, () => (knowledge ? `kennis van ${object}` : `${pick(rnd, synonyms)} ${object}`));
      alt = [...new Set(alt)];
      description = knowledge
        ? `De ${label} en hoe ze gebruikt worden ${context}. Kennis van de regels, materialen en risico's die erbij horen.`
        : `${object[0].toUpperCase()}${object.slice(1)} ${pick(rnd, verbs)} ${context}, volgens de geldende procedures. Afwijkingen tijdig melden en de resultaten bijhouden.`;
    }
    usedLabels.add(label);
    skillTypes.set(uri, skillType);
    rows.push([
      'KnowledgeSkillCompetence',
      uri,
      skillType,
      reuse,
      label,
      alt.join('\n'),
      '',
      'released',
      '2023-12-19T10:00:00Z',
      '',
      '',
      'http://data.europa.eu/esco/concept-scheme/skills\nhttp://data.europa.eu/esco/concept-scheme/member-skills',
      description,
    ]);
  }
  fs.writeFileSync(path.join(outDir, 'skills_nl.csv'), stringify([header, ...rows], { quoted_match: /\n/ }));

  // Occupation–skill links: ~43 per occupation, spread over all skills, no pair twice.
  const occupationUris = readCsv(path.join(DATA, 'v1.2.0-nl/occupations_nl.csv')).map((r) => r.conceptUri);
  const perOccupation = Math.ceil(targetLinks / occupationUris.length);
  const links: string[][] = [['occupationUri', 'relationType', 'skillType', 'skillUri']];
  let written = 0;
  for (const occupation of occupationUris) {
    const chosen = new Set<string>();
    const n = Math.min(perOccupation, targetLinks - written);
    while (chosen.size < n) chosen.add(skillUris[Math.floor(rnd() * skillUris.length)]);
    for (const skill of chosen) links.push([occupation, rnd() < 0.55 ? 'essential' : 'optional', skillTypes.get(skill)!, skill]);
    written += chosen.size;
    if (written >= targetLinks) break;
  }
  fs.writeFileSync(path.join(outDir, 'occupationSkillRelations_nl.csv'), stringify(links));

  // The real small files, and the language-independent relation files renamed to _nl. The
  // sources are read-only; the copies must stay writable so the next run can replace them.
  const copy = (from: string, to: string) => {
    fs.rmSync(to, { force: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, 0o644);
  };
  for (const name of fs.readdirSync(path.join(DATA, 'v1.2.0-nl'))) copy(path.join(DATA, 'v1.2.0-nl', name), path.join(outDir, name));
  for (const name of fs.readdirSync(collectionDir)) copy(path.join(collectionDir, name), path.join(outDir, name));
  for (const stem of ['broaderRelationsSkillPillar', 'broaderRelationsOccPillar', 'skillSkillRelations']) {
    copy(path.join(DATA, `v1.2.0-en/${stem}_en.csv`), path.join(outDir, `${stem}_nl.csv`));
  }
  return { outDir, skills: rows.length, realSkills: [...real.keys()].length, links: written, occupations: occupationUris.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const linksAt = args.indexOf('--links');
  const links = linksAt >= 0 ? Number(args.splice(linksAt, 2)[1]) : undefined;
  const started = Date.now();
  const result = generateEscoFull({ outDir: args[0], links });
  console.log(
    `Wrote ${result.skills} skills (${result.realSkills} real) and ${result.links} links over ${result.occupations} occupations to ${result.outDir} in ${Date.now() - started} ms.`,
  );
}
