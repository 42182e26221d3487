/**
 * 1EdTech CASE 1.1 packages (CFPackage JSON: CFDocument, CFItems, CFAssociations, CFDefinitions).
 * Mapping to our model: docs/api.md, "Framework exchange formats".
 */
import { pickLocalized } from './localized.js';
import {
  finishTree,
  keepRelations,
  preOrder,
  stableUuid,
  toExchangeLang,
  UUID_PATTERN,
  type ExchangeCompetence,
  type ExchangeKind,
  type ExchangeLang,
  type ExchangeParseResult,
  type ExchangeRelation,
  type ExchangeRowError,
  type ExportFramework,
} from './exchange-model.js';

export const CASE_LIMITS = { identifier: 200, statement: 2000, code: 200, notes: 20_000, items: 50_000, associations: 200_000 } as const;

export interface CaseLinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CasePackage {
  CFDocument: Record<string, unknown>;
  CFItems: Array<Record<string, unknown>>;
  CFAssociations: Array<Record<string, unknown>>;
  CFDefinitions?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** CFItemType (free text in CASE) → our kind; null when it says nothing we recognise. */
export function kindFromItemType(type: string): ExchangeKind | null {
  const t = type.toLowerCase();
  if (!t) return null;
  if (t.includes('knowledge') || t.includes('concept')) return 'knowledge';
  if (t.includes('attitude') || t.includes('disposition') || t.includes('behavio') || t.includes('value')) return 'attitude';
  if (t.includes('transversal')) return 'transversal';
  if (['domain', 'cluster', 'strand', 'category', 'group', 'area', 'grouping'].some((w) => t.includes(w))) return 'group';
  if (['skill', 'competen', 'standard', 'outcome', 'indicator', 'element'].some((w) => t.includes(w))) return 'skill';
  return null;
}

/** Our kind → the CFItemType we write (read back by `kindFromItemType`). */
export const itemTypeOfKind: Record<ExchangeKind, string> = {
  group: 'Domain',
  skill: 'Skill',
  knowledge: 'Knowledge',
  attitude: 'Attitude',
  transversal: 'Transversal competence',
};

/** Identifier of a LinkGenURI / LinkURI object ({identifier, uri, title}), or "". */
function linkIdentifier(link: unknown): string {
  return isObject(link) ? str(link.identifier) : '';
}

/**
 * Reads a CASE package. Items and associations with problems are reported by their array index
 * and left out; a package without a CFDocument (identifier and title) or a CFItems array, or whose
 * isChildOf links form a cycle, is rejected as a whole.
 *
 * Texts go to the item's language (CFItem.language, else CFDocument.language, else `lang`).
 * isChildOf to the CFDocument makes a top competence; an item with several parents keeps the one
 * with the lowest sequenceNumber and gets the others as 'broader' relations. isRelatedTo becomes a
 * 'related' relation; other association types (exactMatchOf, precedes, …) are not stored.
 */
export function parseCasePackage(input: unknown, options: { lang: ExchangeLang }): ExchangeParseResult {
  if (!isObject(input))
    return { ok: false, fatal: 'The body is not a CASE package (a JSON object with CFDocument and CFItems).', errors: [] };
  const doc = input.CFDocument;
  if (!isObject(doc)) return { ok: false, fatal: 'CFDocument is missing.', errors: [] };
  const docId = str(doc.identifier);
  if (!docId || docId.length > CASE_LIMITS.identifier)
    return { ok: false, fatal: `CFDocument.identifier is missing or longer than ${CASE_LIMITS.identifier} characters.`, errors: [] };
  const title = str(doc.title);
  if (!title) return { ok: false, fatal: 'CFDocument.title is missing.', errors: [] };
  if (!Array.isArray(input.CFItems)) return { ok: false, fatal: 'CFItems must be an array.', errors: [] };
  if (input.CFItems.length > CASE_LIMITS.items)
    return { ok: false, fatal: `The package has ${input.CFItems.length} CFItems; at most ${CASE_LIMITS.items} are accepted.`, errors: [] };
  const associations = input.CFAssociations ?? [];
  if (!Array.isArray(associations)) return { ok: false, fatal: 'CFAssociations must be an array.', errors: [] };
  if (associations.length > CASE_LIMITS.associations)
    return {
      ok: false,
      fatal: `The package has ${associations.length} CFAssociations; at most ${CASE_LIMITS.associations} are accepted.`,
      errors: [],
    };
  const docLang = toExchangeLang(doc.language) ?? options.lang;

  // Item types defined in CFDefinitions, so an item that only names CFItemTypeURI gets its title.
  const typeTitles = new Map<string, string>();
  const definitions = isObject(input.CFDefinitions) ? input.CFDefinitions : {};
  if (Array.isArray(definitions.CFItemTypes)) {
    for (const t of definitions.CFItemTypes) if (isObject(t) && str(t.identifier)) typeTitles.set(str(t.identifier), str(t.title));
  }

  const errors: ExchangeRowError[] = [];
  const items = new Map<string, { competence: ExchangeCompetence; type: string }>();
  input.CFItems.forEach((raw: unknown, index: number) => {
    const fail = (message: string) => errors.push({ index, message: `CFItems[${index}]: ${message}; the item was skipped.` });
    if (!isObject(raw)) return fail('not an object');
    const identifier = str(raw.identifier);
    const statement = str(raw.fullStatement);
    const code = str(raw.humanCodingScheme);
    const notes = str(raw.notes);
    if (!identifier) return fail('identifier is missing');
    if (identifier.length > CASE_LIMITS.identifier) return fail(`identifier is longer than ${CASE_LIMITS.identifier} characters`);
    if (identifier === docId) return fail('identifier is the CFDocument identifier');
    if (items.has(identifier))
      return fail(`identifier "${identifier}" is used already by item ${items.get(identifier)!.competence.origin.index}`);
    if (!statement) return fail('fullStatement is missing');
    if (statement.length > CASE_LIMITS.statement) return fail(`fullStatement is longer than ${CASE_LIMITS.statement} characters`);
    if (code.length > CASE_LIMITS.code) return fail(`humanCodingScheme is longer than ${CASE_LIMITS.code} characters`);
    if (notes.length > CASE_LIMITS.notes) return fail(`notes is longer than ${CASE_LIMITS.notes} characters`);
    const altLabels = [str(raw.abbreviatedStatement), str(raw.alternativeLabel)].filter(
      (v, i, all) => v !== '' && v !== statement && all.indexOf(v) === i,
    );
    const type =
      str(raw.CFItemType) ||
      typeTitles.get(linkIdentifier(raw.CFItemTypeURI)) ||
      (isObject(raw.CFItemTypeURI) ? str(raw.CFItemTypeURI.title) : '');
    items.set(identifier, {
      type,
      competence: {
        key: identifier,
        code: code || null,
        parentKey: null,
        kind: 'skill',
        lang: toExchangeLang(raw.language) ?? docLang,
        label: statement,
        altLabels,
        description: notes,
        position: index,
        origin: { index },
      },
    });
  });

  // Parents and relations from the associations.
  const parents = new Map<string, Array<{ parent: string | null; sequence: number; index: number }>>();
  const relations: ExchangeRelation[] = [];
  associations.forEach((raw: unknown, index: number) => {
    const fail = (message: string) => errors.push({ index, message: `CFAssociations[${index}]: ${message}; the association was skipped.` });
    if (!isObject(raw)) return fail('not an object');
    const type = str(raw.associationType);
    if (type !== 'isChildOf' && type !== 'isRelatedTo') return;
    const origin = linkIdentifier(raw.originNodeURI);
    const destination = linkIdentifier(raw.destinationNodeURI);
    if (!origin || !destination) return fail('originNodeURI or destinationNodeURI has no identifier');
    if (type === 'isChildOf') {
      if (!items.has(origin)) return fail(`origin "${origin}" is not an item of this package`);
      if (destination !== docId && !items.has(destination))
        return fail(`parent "${destination}" is neither the CFDocument nor an item of this package`);
      const sequence =
        typeof raw.sequenceNumber === 'number' && Number.isFinite(raw.sequenceNumber) ? raw.sequenceNumber : Number.MAX_SAFE_INTEGER;
      const list = parents.get(origin) ?? [];
      list.push({ parent: destination === docId ? null : destination, sequence, index });
      parents.set(origin, list);
      return;
    }
    if (!items.has(origin) || !items.has(destination)) return fail('isRelatedTo links a node outside this package');
    relations.push({ fromKey: origin, toKey: destination, kind: 'related' });
  });

  // Siblings are ordered by the sequenceNumber of their isChildOf, then by their place in CFItems.
  const sequenceOf = new Map<string, number>();
  for (const [key, list] of parents) {
    list.sort((a, b) => (a.parent === null ? -1 : 0) - (b.parent === null ? -1 : 0) || a.sequence - b.sequence || a.index - b.index);
    const [first, ...rest] = list;
    items.get(key)!.competence.parentKey = first.parent;
    sequenceOf.set(key, first.sequence);
    for (const extra of rest)
      if (extra.parent !== null && extra.parent !== first.parent) relations.push({ fromKey: key, toKey: extra.parent, kind: 'broader' });
  }
  const ordered = [...items.values()]
    .map((i) => i.competence)
    .sort(
      (a, b) =>
        (sequenceOf.get(a.key) ?? Number.MAX_SAFE_INTEGER) - (sequenceOf.get(b.key) ?? Number.MAX_SAFE_INTEGER) || a.position - b.position,
    );

  const tree = finishTree(ordered);
  if (!tree.ok) return { ok: false, fatal: tree.fatal, errors };
  errors.push(...tree.errors);
  const keys = new Set(tree.competences.map((c) => c.key));
  const withChildren = new Set(tree.competences.map((c) => c.parentKey).filter((k): k is string => k !== null));
  for (const c of tree.competences) c.kind = kindFromItemType(items.get(c.key)!.type) ?? (withChildren.has(c.key) ? 'group' : 'skill');

  return {
    ok: true,
    errors,
    framework: {
      key: docId,
      lang: docLang,
      title,
      description: str(doc.description) || str(doc.notes),
      version: str(doc.version) || null,
      scale: null,
      competences: tree.competences,
      relations: keepRelations(relations, keys),
    },
  };
}

/** The language order of `pickLocalized`, to say which language a written text is in. */
const textOrder: Record<ExchangeLang, ExchangeLang[]> = { nl: ['nl', 'en', 'fr'], fr: ['fr', 'nl', 'en'], en: ['en', 'nl', 'fr'] };

/** CASE date-times: ISO 8601 in UTC without fractions of a second. */
export function caseDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Writes a framework as a CASE 1.1 CFPackage. Identifiers are UUIDs: a competence keeps its key
 * when that is a UUID (so a package read from CASE goes out with its own identifiers) and uses its
 * id otherwise; associations and item types get stable UUIDs derived from what they connect.
 */
export function writeCasePackage(
  framework: ExportFramework,
  options: { lang: ExchangeLang; baseUrl: string; packageUrl: string },
): CasePackage {
  const { lang } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const uriOf = (kind: string, identifier: string) => `${base}/api/case/v1p1/${kind}/${identifier}`;
  const docId = UUID_PATTERN.test(framework.sourceKey) ? framework.sourceKey.toLowerCase() : framework.id;
  const docTitle = pickLocalized(framework.title, lang) || framework.key;
  const docLink: CaseLinkUri = { title: docTitle, identifier: docId, uri: uriOf('CFDocuments', docId) };
  const ordered = preOrder(framework.competences);
  const identifierOf = new Map(ordered.map((c) => [c.id, UUID_PATTERN.test(c.key) ? c.key.toLowerCase() : c.id]));
  const linkOf = new Map<string, CaseLinkUri>(
    ordered.map((c) => {
      const identifier = identifierOf.get(c.id)!;
      return [c.id, { title: pickLocalized(c.label, lang) || c.key, identifier, uri: uriOf('CFItems', identifier) }];
    }),
  );
  const usedKinds = [...new Set(ordered.map((c) => c.kind))];
  const typeLink = new Map<ExchangeKind, CaseLinkUri>(
    usedKinds.map((k) => {
      const identifier = stableUuid(`leerkompas:CFItemType:${k}`);
      return [k, { title: itemTypeOfKind[k], identifier, uri: uriOf('CFItemTypes', identifier) }];
    }),
  );
  const documentChanged = caseDateTime(framework.updatedAt);

  const items = ordered.map((c) => {
    const link = linkOf.get(c.id)!;
    const alt = (c.altLabels[lang] ?? [])[0];
    const notes = pickLocalized(c.description, lang);
    const language = textOrder[lang].find((l) => (c.label[l] ?? '').trim() !== '') ?? lang;
    return {
      identifier: link.identifier,
      uri: link.uri,
      fullStatement: link.title,
      ...(alt ? { abbreviatedStatement: alt } : {}),
      humanCodingScheme: c.code ?? (UUID_PATTERN.test(c.key) ? undefined : c.key),
      ...(notes ? { notes } : {}),
      CFItemType: itemTypeOfKind[c.kind],
      CFItemTypeURI: typeLink.get(c.kind)!,
      language,
      lastChangeDateTime: caseDateTime(c.updatedAt),
      CFDocumentURI: docLink,
    };
  });

  const associations: Array<Record<string, unknown>> = [];
  const associate = (type: string, origin: CaseLinkUri, destination: CaseLinkUri, sequenceNumber?: number) => {
    const identifier = stableUuid(`leerkompas:CFAssociation:${origin.identifier}:${type}:${destination.identifier}`);
    associations.push({
      identifier,
      uri: uriOf('CFAssociations', identifier),
      associationType: type,
      ...(sequenceNumber !== undefined ? { sequenceNumber } : {}),
      originNodeURI: origin,
      destinationNodeURI: destination,
      lastChangeDateTime: documentChanged,
      CFDocumentURI: docLink,
    });
  };
  const siblingIndex = new Map<string | null, number>();
  for (const c of ordered) {
    const parent = c.parentId !== null && linkOf.has(c.parentId) ? c.parentId : null;
    const n = (siblingIndex.get(parent) ?? 0) + 1;
    siblingIndex.set(parent, n);
    associate('isChildOf', linkOf.get(c.id)!, parent === null ? docLink : linkOf.get(parent)!, n);
  }
  const pairs = new Set<string>();
  for (const r of [...framework.relations].sort((a, b) => (a.fromId + a.toId < b.fromId + b.toId ? -1 : 1))) {
    const from = linkOf.get(r.fromId);
    const to = linkOf.get(r.toId);
    if (!from || !to || from === to) continue;
    if (r.kind === 'broader') {
      associate('isChildOf', from, to);
      continue;
    }
    const pair = [from.identifier, to.identifier].sort().join('|');
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    associate('isRelatedTo', from, to);
  }

  const description = pickLocalized(framework.description, lang);
  return {
    CFDocument: {
      identifier: docId,
      uri: docLink.uri,
      creator: framework.publisher,
      title: docTitle,
      lastChangeDateTime: documentChanged,
      publisher: framework.publisher,
      ...(description ? { description } : {}),
      language: lang,
      ...(framework.version ? { version: framework.version } : {}),
      CFPackageURI: { title: docTitle, identifier: docId, uri: options.packageUrl },
    },
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: {
      CFItemTypes: usedKinds.map((k, i) => ({
        identifier: typeLink.get(k)!.identifier,
        uri: typeLink.get(k)!.uri,
        title: itemTypeOfKind[k],
        description: `Leerkompas competence kind "${k}".`,
        hierarchyCode: String(i + 1),
        typeCode: k,
        lastChangeDateTime: documentChanged,
      })),
    },
  };
}
