// The import rules of the layout (docs/architecture.md, "Import rules"), as one ESLint rule.
// Paths are resolved from the importing file, so the rule sees folders, not spellings of them.
import path from 'node:path';

/** Packages the pure domain may use: only the test tools, in its tests. */
const DOMAIN_TEST_PACKAGES = new Set(['vitest', 'fast-check']);
/** What web features may take from web/src/app: links and the translation set-up, not the shell. */
const APP_FILES_FOR_FEATURES = new Set(['web/src/app/paths', 'web/src/app/i18n']);
/** The files of a module that other modules must not import as values: they build or expose its service. */
const MODULE_ENTRY_FILES = new Set(['service', 'routes', 'index']);

const isTest = (file) => /\.(test|spec)\.tsx?$/.test(file);
const under = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const packageName = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};
/** `src/modules/<name>/<file>` → { name, file } (file without extension), else null. */
const moduleFile = (target) => {
  const match = /^src\/modules\/([^/]+)\/(.+)$/.exec(target);
  return match ? { name: match[1], file: match[2] } : null;
};
const isSchemas = (target) => /^src\/modules\/[^/]+\/schemas$/.test(target);

/**
 * Why `from` (a file path relative to the repository root) may not import `specifier`, or null.
 * `typeOnly`: the import brings in types only (erased at build time).
 */
export function fenceViolation(from, specifier, typeOnly) {
  const relative = specifier.startsWith('.');
  const target = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.(js|jsx|ts|tsx)$/, '') : null;
  const pkg = relative ? null : packageName(specifier);

  if (under(from, 'src/domain')) {
    // A test may read the shipped data files it checks: data, not code.
    if (isTest(from) && specifier.endsWith('.json')) return null;
    if (target && !under(target, 'src/domain') && !under(target, 'src/shared'))
      return 'src/domain is pure: it imports only src/domain and src/shared (no modules, db, server).';
    if (pkg && !(isTest(from) && DOMAIN_TEST_PACKAGES.has(pkg)))
      return `src/domain is pure: no packages or node:* (time and ids come in as arguments), not "${specifier}".`;
    return null;
  }
  if (under(from, 'src/shared')) {
    if (target && !under(target, 'src/shared')) return 'src/shared is used by server and web alike: it imports only src/shared.';
    if (pkg && pkg !== 'typebox' && !(isTest(from) && pkg === 'vitest')) return `src/shared imports no packages but typebox, not "${specifier}".`;
    return null;
  }
  if (isSchemas(from.replace(/\.ts$/, ''))) {
    if (target && !under(target, 'src/shared') && !isSchemas(target))
      return 'A module\'s schemas.ts reaches the web bundle: it imports only typebox, src/shared and other schemas.ts.';
    if (pkg && pkg !== 'typebox') return `A module's schemas.ts imports no packages but typebox, not "${specifier}".`;
    return null;
  }
  if (under(from, 'src/modules')) {
    const own = moduleFile(from);
    const other = target && moduleFile(target);
    if (other && own && other.name !== own.name && MODULE_ENTRY_FILES.has(other.file) && !typeOnly)
      return `Modules do not build or call each other's services: take "${other.name}" as a dependency (types only here), wired in src/server/app.ts.`;
    if (target && (under(target, 'web') || under(target, 'src/cli') || target === 'src/main'))
      return 'Modules do not import the web app, the CLI or the process entry point.';
    return null;
  }
  if (under(from, 'web')) {
    if (target && under(target, 'src')) {
      if (under(target, 'src/shared') || under(target, 'src/domain')) return null;
      if (isSchemas(target)) return typeOnly ? null : 'The web app takes only types from a module\'s schemas.ts ("import type").';
      return 'The web app imports from the server code only src/shared, src/domain and types from src/modules/*/schemas.ts.';
    }
    const feature = /^web\/src\/features\/([^/]+)\//.exec(from)?.[1];
    const targetFeature = target && /^web\/src\/features\/([^/]+)(\/|$)/.exec(target)?.[1];
    if (feature && targetFeature && targetFeature !== feature)
      return `Features do not import each other ("${targetFeature}"): move what both need to web/src/components or web/src/api.`;
    if (feature && target && under(target, 'web/src/app') && !APP_FILES_FOR_FEATURES.has(target))
      return 'Features take from web/src/app only paths.ts and i18n.ts.';
    if (!feature && targetFeature && (under(from, 'web/src/components') || under(from, 'web/src/api')))
      return 'Shared web code (components, api) does not depend on a feature.';
    return null;
  }
  return null;
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside the layout’s import rules (docs/architecture.md).' },
    schema: [],
  },
  create(context) {
    const from = path.relative(context.cwd, context.physicalFilename).split(path.sep).join('/');
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const message = fenceViolation(from, source.value, typeOnly);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null, false),
    };
  },
};

export default { meta: { name: 'leerkompas' }, rules: { 'import-fences': rule } };
