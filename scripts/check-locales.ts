// Locale parity: every message key must exist in nl, fr and en, with a non-empty string; easy Dutch
// (nl-easy) exists only for the survey and must have every key of that namespace.
// `npm test` runs this (npm run check:locales); it exits 1 and lists every problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const requiredLocales = ['nl', 'fr', 'en'] as const;

/**
 * Locales that cover only some namespaces, completely: easy Dutch ("Makkelijk Nederlands") is
 * offered in the self-assessment survey only; elsewhere it falls back to Dutch.
 */
export const partialLocales: Record<string, readonly string[]> = { 'nl-easy': ['survey'] };

/** locale → namespace → nested messages, as read from web/locales/<locale>/<namespace>.json. */
export type LocaleTree = Record<string, Record<string, unknown>>;

/** "a.b.c" → value for every leaf; non-objects count as leaves. */
export function flatten(messages: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (messages !== null && typeof messages === 'object' && !Array.isArray(messages)) {
    for (const [key, value] of Object.entries(messages)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, messages);
  }
  return out;
}

/** Every problem as one readable line, sorted; empty when the locales agree. */
export function findLocaleProblems(tree: LocaleTree, locales: readonly string[] = requiredLocales): string[] {
  const problems: string[] = [];
  const namespaces = new Set<string>();
  for (const locale of locales) for (const ns of Object.keys(tree[locale] ?? {})) namespaces.add(ns);
  for (const ns of [...namespaces].sort()) {
    const flat = new Map(locales.map((l) => [l, tree[l]?.[ns] === undefined ? null : flatten(tree[l][ns])]));
    const keys = new Set<string>();
    for (const map of flat.values()) for (const key of map?.keys() ?? []) keys.add(key);
    for (const locale of locales) {
      const map = flat.get(locale);
      if (!map) {
        problems.push(`${locale}/${ns}.json: file missing`);
        continue;
      }
      for (const key of [...keys].sort()) {
        if (!map.has(key)) problems.push(`${locale}/${ns}.json: missing key "${key}"`);
        else {
          const value = map.get(key);
          if (typeof value !== 'string') problems.push(`${locale}/${ns}.json: "${key}" is not a string`);
          else if (value.trim() === '') problems.push(`${locale}/${ns}.json: "${key}" is empty`);
        }
      }
    }
  }
  return problems;
}

/**
 * Problems of the partial locales: each listed namespace must have exactly the keys of the reference
 * locale (nl), as non-empty strings; a namespace that is not listed must not exist.
 */
export function findPartialLocaleProblems(
  tree: LocaleTree,
  partial: Record<string, readonly string[]> = partialLocales,
  reference = 'nl',
): string[] {
  const problems: string[] = [];
  for (const [locale, namespaces] of Object.entries(partial)) {
    for (const ns of Object.keys(tree[locale] ?? {}).sort()) {
      if (!namespaces.includes(ns)) problems.push(`${locale}/${ns}.json: ${locale} covers only ${namespaces.join(', ')}; remove this file`);
    }
    for (const ns of namespaces) {
      const own = tree[locale]?.[ns];
      if (own === undefined) {
        problems.push(`${locale}/${ns}.json: file missing`);
        continue;
      }
      const wanted = flatten(tree[reference]?.[ns] ?? {});
      const map = flatten(own);
      for (const key of [...wanted.keys()].sort()) {
        if (!map.has(key)) problems.push(`${locale}/${ns}.json: missing key "${key}"`);
        else {
          const value = map.get(key);
          if (typeof value !== 'string') problems.push(`${locale}/${ns}.json: "${key}" is not a string`);
          else if (value.trim() === '') problems.push(`${locale}/${ns}.json: "${key}" is empty`);
        }
      }
      for (const key of [...map.keys()].sort())
        if (!wanted.has(key)) problems.push(`${locale}/${ns}.json: key "${key}" is not in ${reference}/${ns}.json`);
    }
  }
  return problems;
}

export function readLocales(dir: string): LocaleTree {
  const tree: LocaleTree = {};
  if (!fs.existsSync(dir)) return tree;
  for (const locale of fs.readdirSync(dir)) {
    const localeDir = path.join(dir, locale);
    if (!fs.statSync(localeDir).isDirectory()) continue;
    tree[locale] = {};
    for (const file of fs.readdirSync(localeDir).filter((f) => f.endsWith('.json'))) {
      tree[locale][file.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(localeDir, file), 'utf8'));
    }
  }
  return tree;
}

function main() {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/locales');
  const tree = readLocales(dir);
  const problems = [...findLocaleProblems(tree), ...findPartialLocaleProblems(tree)];
  for (const locale of requiredLocales) if (!tree[locale]) problems.unshift(`${locale}: locale folder missing`);
  if (problems.length) {
    console.error(`Locale check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  const keyCount = Object.values(tree.nl).reduce<number>((n, ns) => n + flatten(ns).size, 0);
  const partial = Object.entries(partialLocales).map(([l, ns]) => `${l} (${ns.join(', ')})`);
  console.log(`Locales OK: ${keyCount} keys in each of ${requiredLocales.join(', ')}; complete partial locales: ${partial.join(', ')}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
