import fc from 'fast-check';

/**
 * Request generators for the API fuzz test (test/integration/api-fuzz.test.ts), built from the
 * app's own OpenAPI document (GET /api/openapi.json, which @fastify/swagger derives from the
 * TypeBox route schemas). Two kinds of request:
 *
 * - `invalidRequest`: every part valid except at least one deliberate schema violation, whose
 *   location is recorded (`/body/title`, `/querystring/limit`, `/params/id`, …) so the test can
 *   check that a 400 names it;
 * - `randomRequest`: valid-ish requests (which may succeed and change data), invalid ones, and
 *   plain junk (wrong methods, broken files, undecodable URLs).
 *
 * The validator the app uses is Ajv with `coerceTypes: 'array'` (query strings *and* bodies), so
 * "wrong type" values are chosen among those Ajv cannot coerce: `"12"` is a fine integer and
 * `[3]` a fine number, but `{}` and `[1, 2]` are neither.
 */

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minProperties?: number;
  nullable?: boolean;
  $ref?: string;
  [key: string]: unknown;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, { type: string; in?: string; name?: string }>;
  };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI path, e.g. /api/organisations/{orgId}/needs/{id}. */
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; contentTypes: Record<string, JsonSchema> };
}

/** Every operation of the document; header security schemes (x-survey-token) become header parameters. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: JsonSchema): JsonSchema => resolveRefs(doc, schema);
  const schemes = doc.components?.securitySchemes ?? {};
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters: Parameter[] = (op.parameters ?? [])
        .filter((p) => p.in !== 'cookie')
        .map((p) => ({ name: p.name, in: p.in as Parameter['in'], required: Boolean(p.required), schema: resolve(p.schema ?? {}) }));
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement)) {
          const scheme = schemes[name];
          if (scheme?.in === 'header' && scheme.name && !parameters.some((p) => p.in === 'header' && p.name === scheme.name)) {
            // The route schemas cap tokens at 200 characters (see src/modules/survey/schemas.ts).
            parameters.push({ name: scheme.name.toLowerCase(), in: 'header', required: false, schema: { type: 'string', maxLength: 200 } });
          }
        }
      }
      const body = op.requestBody
        ? {
            required: Boolean(op.requestBody.required),
            contentTypes: Object.fromEntries(
              Object.entries(op.requestBody.content).map(([type, media]) => [type, resolve(media.schema ?? {})]),
            ),
          }
        : undefined;
      operations.push({ operationId: op.operationId ?? `${method} ${path}`, method: method.toUpperCase(), path, parameters, body });
    }
  }
  return operations;
}

function resolveRefs(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20 || !schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveRefs(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties)
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(doc, v, depth + 1)]));
  if (schema.items) out.items = resolveRefs(doc, schema.items, depth + 1);
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolveRefs(doc, s, depth + 1));
  if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolveRefs(doc, s, depth + 1));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = resolveRefs(doc, schema.additionalProperties, depth + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Strings worth throwing at any text field.

/** Unicode and injection edge cases; each is short enough for most maxLengths. */
export const nastyStrings: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0358\u0359\u035A',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\uFFFF\uFFFE',
  "'; DROP TABLE people; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(0)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "=cmd|' /C calc'!A0",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '{{7*7}}${7*7}',
  '\r\n\r\nX-Injected: 1',
  ' ',
  '\t',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  'true',
  'ÄÖÜßéèçñ',
  'İıŞş',
  'ﷺ',
  'Ⅻ',
];

const sampleEmails = ['fuzz@example.org', 'a.b+c@example.be', 'x_y@sub.example.com'];
const malformedUuids = [
  'not-a-uuid',
  '123',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'gggggggg-gggg-gggg-gggg-gggggggggggg',
  '0195f2a0-0000-7000-8000-00000000000z',
  '{0195f2a0-0000-7000-8000-000000000000}',
  "0195f2a0-0000-7000-8000-000000000000' OR '1'='1",
  '0195f2a0_0000_7000_8000_000000000000',
  '-1',
  'null',
  '\uD800',
  '\u0000',
];
const malformedDates = [
  '2024-13-01',
  '2024-02-30',
  'yesterday',
  '20240101',
  '01/02/2024',
  '2024-1-1',
  '0000-00-00',
  '2024-01-01T25:00',
  '\u0000',
];
const malformedDateTimes = ['2024-13-01T00:00:00Z', 'now', '2024-01-01 25:61', '1700000000', '2024-01-01T00:00:00'];
const malformedEmails = ['not-an-email', 'a@', '@b.be', 'a b@c.be', 'a@@b.be', '<a@b.be>'];

/** A string of exactly `n` code points (Ajv counts code points, not UTF-16 units). */
function codePoints(n: number, unit = 'x'): string {
  return unit.repeat(n);
}

// ---------------------------------------------------------------------------------------------
// Type acceptance under Ajv's coerceTypes: 'array'.

function acceptsType(type: string, value: unknown): boolean {
  if (type === 'array') return Array.isArray(value) || value === null || ['string', 'number', 'boolean'].includes(typeof value);
  let v = value;
  if (Array.isArray(v)) {
    if (v.length !== 1) return false;
    v = v[0];
  }
  switch (type) {
    case 'string':
      return v === null || ['string', 'number', 'boolean'].includes(typeof v);
    case 'number':
    case 'integer': {
      let n: number;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'boolean' || v === null) n = Number(v);
      else if (typeof v === 'string' && v !== '' && v == (+v as unknown as string)) n = +v;
      else return false;
      return Number.isFinite(n) && (type === 'number' || Number.isInteger(n));
    }
    case 'boolean':
      return typeof v === 'boolean' || v === 'true' || v === 'false' || v === 0 || v === 1 || v === null;
    case 'null':
      return v === null || v === '' || v === 0 || v === false;
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(value);
    default:
      return true;
  }
}

/** Could `value` pass the type part of `schema` (after coercion)? Untyped schemas accept anything. */
function mayAcceptByType(schema: JsonSchema, value: unknown): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => mayAcceptByType(s, value));
  if (schema.oneOf) return schema.oneOf.some((s) => mayAcceptByType(s, value));
  if (value === null && schema.nullable) return true;
  if (!schema.type) return true;
  return acceptsType(schema.type, value);
}

const wrongTypeCandidates: unknown[] = [{ fuzz: 1 }, [1, 2], [], 'not-a-value ✗', 'NaN', 12.5, 7, true, null, ''];

// ---------------------------------------------------------------------------------------------
// Value generators.

/** What the generators need to know about the seeded world. */
export interface FuzzContext {
  /** Existing ids worth using for a field or parameter of this name (e.g. personId, id under /needs). */
  idsFor(name: string, path: string): string[];
  /** Extra sample bodies for text/csv routes (e.g. the app's own exports), mutated by the generators. */
  csvSamples: string[];
  /** Survey tokens from real invitation links. */
  surveyTokens: string[];
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  if ('const' in schema) return [schema.const];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.every((b) => b.enum || 'const' in b)) return branches.flatMap((b) => enumOf(b)!);
  return undefined;
}

function textArb(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.max(min, Math.min(max, 60));
  const fitting = nastyStrings.filter((s) => [...s].length >= min && [...s].length <= max);
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'binary' }) },
  ];
  if (fitting.length) arbs.push({ weight: 2, arbitrary: fc.constantFrom(...fitting) });
  if (max >= 100_000 && min <= 100_000) arbs.push({ weight: 1, arbitrary: fc.constant(codePoints(100_000, 'é')) });
  return fc.oneof(...arbs);
}

/** Integers near zero when the range allows, else near its lower end. */
function smallRange(min: number, max: number): { min: number; max: number } {
  const lo = Math.max(Math.ceil(min), -1000);
  const hi = Math.min(Math.floor(max), 1000);
  return lo <= hi ? { min: lo, max: hi } : { min: Math.ceil(min), max: Math.min(Math.floor(max), Math.ceil(min) + 1000) };
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const dateArb = fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });

/** A value that passes `schema` (given valid ids), used for the untouched parts of a request. */
export function validValue(schema: JsonSchema, ctx: FuzzContext, name: string, path: string, depth = 0): fc.Arbitrary<unknown> {
  const values = enumOf(schema);
  if (values) return fc.constantFrom(...values);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const arb = fc.oneof(...branches.map((b) => validValue(b, ctx, name, path, depth + 1)));
    return schema.nullable ? fc.oneof(arb, fc.constant(null)) : arb;
  }
  const arb = validByType(schema, ctx, name, path, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb;
}

function validByType(schema: JsonSchema, ctx: FuzzContext, name: string, path: string, depth: number): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') {
        const ids = ctx.idsFor(name, path);
        return ids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
      }
      if (schema.format === 'date') return dateArb.map(isoDate);
      if (schema.format === 'date-time') return dateArb.map((d) => d.toISOString());
      if (schema.format === 'email') return fc.constantFrom(...sampleEmails);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 100_000;
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, 'u');
        return fc
          .stringMatching(re)
          .filter((s) => [...s].length >= min && [...s].length <= max)
          .map((s) => s);
      }
      return textArb(min, max);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -2_000_000_000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 2_000_000_000);
      const ints = fc.oneof(
        { weight: 3, arbitrary: fc.integer(smallRange(min, max)) },
        { weight: 1, arbitrary: fc.constantFrom(min, max) },
        // Without a declared bound a huge integer is "valid": it finds columns that cannot hold it.
        ...(schema.maximum === undefined ? [{ weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 - 1, 1e20) }] : []),
        ...(schema.minimum === undefined ? [{ weight: 1, arbitrary: fc.constantFrom(-(2 ** 31) - 1, -(2 ** 53) + 1) }] : []),
      );
      if (schema.type === 'integer') return ints;
      return fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, depth > 2 ? minLength : 4));
      const item = validValue(items, ctx, name.replace(/Ids$/, 'Id').replace(/s$/, ''), path, depth + 1);
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const keys = Object.keys(props);
      if (!keys.length) {
        if (schema.additionalProperties === false) return fc.constant({});
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxKeys: 3 });
      }
      const model = Object.fromEntries(
        keys.map((k) => [k, depth > 4 && !required.has(k) ? fc.constant(undefined) : validValue(props[k], ctx, k, path, depth + 1)]),
      );
      const minProps = schema.minProperties ?? 0;
      return fc
        .record(model, { requiredKeys: keys.filter((k) => required.has(k)) })
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)))
        .filter((o) => Object.keys(o).length >= minProps);
    }
    default:
      // Untyped ("any"): something JSON.
      return fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 8 }), fc.constant({}), fc.constant([]));
  }
}

/** A value that breaks `schema`, and where (a JSON pointer relative to the value). */
export interface Violation {
  value: unknown;
  at: string;
}

const ptr = (key: string | number) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** A value that fails `schema` under the app's Ajv settings; null when the schema accepts anything. */
export function invalidValue(schema: JsonSchema, ctx: FuzzContext, name: string, path: string, depth = 0): fc.Arbitrary<Violation> | null {
  const options: Array<fc.Arbitrary<Violation>> = [];
  const here = (arb: fc.Arbitrary<unknown>) => arb.map((value) => ({ value, at: '' }));

  const wrongTypes = wrongTypeCandidates.filter((v) => !mayAcceptByType(schema, v));
  if (wrongTypes.length && (schema.type || schema.anyOf || schema.oneOf)) options.push(here(fc.constantFrom(...wrongTypes)));

  const values = enumOf(schema);
  if (values && values.every((v) => typeof v === 'string')) {
    const strangers = ['not-a-choice', 'ÉNUM☃', `${String(values[0])} `, String(values[0]).toUpperCase() + 'X', '', '\u0000'].filter(
      (v) => !values.includes(v),
    );
    options.push(here(fc.constantFrom(...strangers)));
  }

  if (!values && !schema.anyOf && !schema.oneOf) {
    switch (schema.type) {
      case 'string': {
        if (schema.maxLength !== undefined && schema.maxLength < 1_000_000) {
          const n = schema.maxLength;
          options.push(here(fc.constantFrom(codePoints(n + 1), codePoints(n + 1, '🙂'), ...(n < 100_000 ? [codePoints(100_000)] : []))));
        }
        if (schema.minLength) options.push(here(fc.constant(codePoints(schema.minLength - 1))));
        if (schema.format === 'uuid') options.push(here(fc.constantFrom(...malformedUuids, '')));
        if (schema.format === 'date') options.push(here(fc.constantFrom(...malformedDates)));
        if (schema.format === 'date-time') options.push(here(fc.constantFrom(...malformedDateTimes)));
        if (schema.format === 'email') options.push(here(fc.constantFrom(...malformedEmails)));
        if (schema.pattern) {
          const re = new RegExp(schema.pattern, 'u');
          const misfits = ['!', '  ', 'ÀÀ', '<x>', 'x'.repeat(3), '\u0000', '-', '9'.repeat(12)].filter(
            (s) => !re.test(s) && [...s].length >= (schema.minLength ?? 0) && [...s].length <= (schema.maxLength ?? Infinity),
          );
          if (misfits.length) options.push(here(fc.constantFrom(...misfits)));
        }
        break;
      }
      case 'integer':
      case 'number': {
        const outside: number[] = [];
        if (schema.minimum !== undefined) outside.push(schema.minimum - 1, schema.minimum - 1_000_000_000);
        if (schema.exclusiveMinimum !== undefined) outside.push(schema.exclusiveMinimum);
        if (schema.maximum !== undefined) outside.push(schema.maximum + 1, 1e15, Number.MAX_SAFE_INTEGER + 2);
        if (schema.exclusiveMaximum !== undefined) outside.push(schema.exclusiveMaximum);
        if (outside.length) options.push(here(fc.constantFrom(...outside)));
        const strings = ['NaN', 'Infinity', '-Infinity', '1e999', '12abc', '0x', '١٢'];
        options.push(here(fc.constantFrom(...strings)));
        if (schema.type === 'integer') options.push(here(fc.constantFrom(1.5, -0.25, '2.5')));
        break;
      }
      case 'boolean':
        options.push(here(fc.constantFrom('maybe', 'yes', 2, -1, 'TRUE ')));
        break;
      case 'array': {
        const item = schema.items ?? {};
        const validItem = validValue(item, ctx, name.replace(/Ids$/, 'Id'), path, depth + 1);
        if (schema.maxItems !== undefined && schema.maxItems <= 600) {
          const n = schema.maxItems + 1;
          // Not uniqueArray: a small enum may have fewer than n values (fast-check would never
          // finish). Duplicates break uniqueItems at the same place, so the array is invalid either way.
          options.push(fc.array(validItem, { minLength: n, maxLength: n }).map((value) => ({ value, at: '' })));
        }
        if (schema.minItems) {
          options.push(
            fc.array(validItem, { minLength: schema.minItems - 1, maxLength: schema.minItems - 1 }).map((value) => ({ value, at: '' })),
          );
        }
        if (schema.uniqueItems && (schema.maxItems ?? 2) >= 2) options.push(validItem.map((v) => ({ value: [v, v], at: '' })));
        const badItem = invalidValue(item, ctx, name, path, depth + 1);
        if (badItem) {
          const maxRest = Math.max(0, Math.min((schema.maxItems ?? 3) - 1, 2));
          const minRest = Math.max(0, (schema.minItems ?? 0) - 1);
          options.push(
            fc
              .tuple(badItem, fc.array(validItem, { minLength: Math.min(minRest, maxRest), maxLength: maxRest }), fc.nat())
              .map(([bad, rest, i]) => {
                const index = rest.length ? i % (rest.length + 1) : 0;
                const value = [...rest.slice(0, index), bad.value, ...rest.slice(index)];
                return { value, at: ptr(index) + bad.at };
              }),
          );
        }
        break;
      }
      case 'object': {
        const props = schema.properties ?? {};
        const required = schema.required ?? [];
        const base = validValue(schema, ctx, name, path, depth + 1) as fc.Arbitrary<Record<string, unknown>>;
        if (required.length) {
          options.push(
            fc.tuple(base, fc.constantFrom(...required)).map(([o, key]) => {
              const copy = { ...o };
              delete copy[key];
              return { value: copy, at: ptr(key) };
            }),
          );
        }
        if (schema.additionalProperties === false) {
          const strangers = ['isAdmin', 'organisationId', 'unknownField', 'constructor', '$where', '💥', ''].filter((k) => !(k in props));
          options.push(
            fc.tuple(base, fc.constantFrom(...strangers), fc.oneof(fc.constant(true), fc.string({ maxLength: 5 }))).map(([o, key, v]) => ({
              value: { ...o, [key]: v },
              at: ptr(key),
            })),
          );
        }
        const breakable = Object.entries(props)
          .map(([key, sub]) => [key, invalidValue(sub, ctx, key, path, depth + 1)] as const)
          .filter((entry): entry is readonly [string, fc.Arbitrary<Violation>] => entry[1] !== null);
        if (breakable.length) {
          options.push(
            fc
              .tuple(base, fc.constantFrom(...breakable))
              .chain(([o, [key, bad]]) => bad.map((b) => ({ value: { ...o, [key]: b.value }, at: ptr(key) + b.at }))),
          );
        }
        if (schema.minProperties) options.push(fc.constant({ value: {}, at: '' }));
        break;
      }
    }
  }
  return options.length ? fc.oneof(...options) : null;
}

// ---------------------------------------------------------------------------------------------
// Requests.

export interface FuzzRequest {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Where the request breaks its schema (`/body/title`, `/params/id`, …); empty for valid-ish ones. */
  violations: string[];
}

/** Percent-encodes like encodeURIComponent, also for lone surrogates (as WTF-8, which no decoder accepts). */
export function encodeComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    let out = '';
    for (const ch of value) {
      const code = ch.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      } else out += encodeURIComponent(ch);
    }
    return out;
  }
}

const asQueryValues = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : [typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)];

interface Parts {
  params: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: { contentType: string; payload: string } | null;
}

function buildRequest(op: Operation, parts: Parts, violations: string[]): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeComponent(parts.params[name] ?? ''));
  const query = parts.query.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
  const headers = { ...parts.headers };
  if (parts.body) headers['content-type'] = parts.body.contentType;
  return {
    operationId: op.operationId,
    method: op.method,
    url: query ? `${path}?${query}` : path,
    headers,
    ...(parts.body ? { payload: parts.body.payload } : {}),
    violations,
  };
}

/** The first content type a route reads, and its schema. */
function mainBody(op: Operation): { contentType: string; schema: JsonSchema } | undefined {
  if (!op.body) return undefined;
  const entries = Object.entries(op.body.contentTypes);
  const json = entries.find(([t]) => t === 'application/json') ?? entries[0];
  return json ? { contentType: json[0], schema: json[1] } : undefined;
}

const validParams = (op: Operation, ctx: FuzzContext) =>
  fc.record(
    Object.fromEntries(
      op.parameters
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, validValue(p.schema, ctx, p.name, op.path).map((v) => asQueryValues(v)[0])]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;

function validQuery(op: Operation, ctx: FuzzContext): fc.Arbitrary<Array<[string, string]>> {
  const query = op.parameters.filter((p) => p.in === 'query');
  if (!query.length) return fc.constant([]);
  return fc
    .tuple(
      ...query.map((p) =>
        p.required
          ? validValue(p.schema, ctx, p.name, op.path)
          : fc.option(validValue(p.schema, ctx, p.name, op.path), { nil: undefined, freq: 2 }),
      ),
    )
    .map((values) =>
      values.flatMap((v, i) => (v === undefined ? [] : asQueryValues(v).map((s) => [query[i].name, s] as [string, string]))),
    );
}

function validHeaders(op: Operation, ctx: FuzzContext): fc.Arbitrary<Record<string, string>> {
  const headers = op.parameters.filter((p) => p.in === 'header');
  if (!headers.length) return fc.constant({});
  return fc
    .tuple(
      ...headers.map((h) =>
        ctx.surveyTokens.length && h.name === 'x-survey-token'
          ? fc.constantFrom(...ctx.surveyTokens)
          : fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }),
      ),
    )
    .map((values) => Object.fromEntries(values.map((v, i) => [headers[i].name, v])));
}

function validBody(op: Operation, ctx: FuzzContext): fc.Arbitrary<Parts['body']> {
  const main = mainBody(op);
  if (!main) return fc.constant(null);
  if (main.contentType === 'text/csv') {
    return csvArb(ctx).map((payload) => ({ contentType: 'text/csv', payload }));
  }
  const value = validValue(main.schema, ctx, 'body', op.path);
  const body = value.map((v) => ({ contentType: main.contentType, payload: JSON.stringify(v) }));
  return op.body!.required ? body : fc.option(body, { nil: null, freq: 4 });
}

/** Files for CSV imports: the app's own exports (some mangled), broken CSV, and binary junk. */
function csvArb(ctx: FuzzContext): fc.Arbitrary<string> {
  const broken = [
    '',
    '\uFEFF',
    'a,b,c\n1,2',
    '"unclosed,quote\n1,2,3',
    'name;functie;niveau\r\nx;y;z',
    '\u0000\u0001\u0002\u00ff',
    '=HYPERLINK("http://x"),@SUM(1),+1,-1\n',
    'col\n' + 'x'.repeat(200_000),
    Array.from({ length: 300 }, (_, i) => `${i},"${'é'.repeat(i % 7)}",\u202E${i}`).join('\n'),
  ];
  const samples = ctx.csvSamples.length ? ctx.csvSamples : ['a,b\n1,2'];
  const mangled = fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.constantFrom(...nastyStrings, '"', ',', '\n', '\r\n', ';'))
    .map(([s, at, junk]) => {
      const i = s.length ? at % s.length : 0;
      return s.slice(0, i) + junk + s.slice(i);
    });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...samples) },
    { weight: 3, arbitrary: mangled },
    { weight: 2, arbitrary: fc.constantFrom(...broken) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
  );
}

/** A request every part of which passes the schema (it may still fail in the service: unknown ids, rules). */
export function validRequest(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ params: validParams(op, ctx), query: validQuery(op, ctx), headers: validHeaders(op, ctx), body: validBody(op, ctx) })
    .map((parts) => buildRequest(op, parts, []));
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request with one deliberate schema violation (sometimes two, in different parts), or null when
 * the operation accepts anything (no parameters, no body). The recorded violation paths use the
 * names the error mapper uses: /params, /querystring, /body, /headers.
 */
export function invalidRequest(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> | null {
  type Mutation = (parts: Parts) => fc.Arbitrary<{ parts: Parts; at: string }>;
  const mutations: Mutation[] = [];

  for (const p of op.parameters) {
    const bad = invalidValue(p.schema, ctx, p.name, op.path);
    if (p.in === 'path' && bad) {
      // The empty string would change the route (a 404 from the router, not a validation error).
      const nonEmpty = bad.filter((b) => asQueryValues(b.value)[0] !== '' && !Array.isArray(b.value));
      mutations.push((parts) =>
        nonEmpty.map((b) => ({
          parts: { ...parts, params: { ...parts.params, [p.name]: asQueryValues(b.value)[0] } },
          at: `/params/${p.name}`,
        })),
      );
    }
    if (p.in === 'query') {
      if (bad) {
        // In a query string everything is a string; objects and empty arrays do not survive the trip.
        const sendable = bad.filter(
          (b) =>
            typeof b.value !== 'object' || (Array.isArray(b.value) && b.value.length > 0 && b.value.every((x) => typeof x !== 'object')),
        );
        mutations.push((parts) =>
          sendable.map((b) => ({
            parts: {
              ...parts,
              query: [...parts.query.filter(([k]) => k !== p.name), ...asQueryValues(b.value).map((v) => [p.name, v] as [string, string])],
            },
            at: `/querystring/${p.name}`,
          })),
        );
      }
      if (p.required) {
        mutations.push((parts) =>
          fc.constant({ parts: { ...parts, query: parts.query.filter(([k]) => k !== p.name) }, at: `/querystring/${p.name}` }),
        );
      }
    }
    if (p.in === 'header' && p.schema.maxLength !== undefined) {
      const name = p.name;
      mutations.push((parts) =>
        fc
          .constantFrom(codePoints(p.schema.maxLength! + 1), codePoints(5000))
          .map((v) => ({ parts: { ...parts, headers: { ...parts.headers, [name]: v } }, at: `/headers/${name}` })),
      );
    }
  }

  const main = mainBody(op);
  if (main) {
    const bad =
      main.contentType === 'application/json' || !acceptsStrings(main.schema) ? invalidValue(main.schema, ctx, 'body', op.path) : null;
    if (bad) {
      mutations.push((parts) =>
        bad.map((b) => ({
          parts: { ...parts, body: { contentType: 'application/json', payload: JSON.stringify(b.value) } },
          at: `/body${b.at}`,
        })),
      );
    }
    if (op.body!.required) mutations.push((parts) => fc.constant({ parts: { ...parts, body: null }, at: '/body' }));
    if (!acceptsStrings(main.schema)) {
      // text/plain has a parser (strings); a string body fails an object schema.
      mutations.push((parts) =>
        fc
          .constantFrom('{"a":1}', 'plain text', '')
          .map((payload) => ({ parts: { ...parts, body: { contentType: 'text/plain', payload } }, at: '/body' })),
      );
    } else {
      // A CSV/file route fed a JSON object: the parser yields an object where a string is expected.
      mutations.push((parts) =>
        fc.constant({ parts: { ...parts, body: { contentType: 'application/json', payload: '{"file":"x"}' } }, at: '/body' }),
      );
    }
    const unsupported = [
      'application/xml',
      'multipart/form-data; boundary=----fuzz',
      'application/x-www-form-urlencoded',
      'image/png',
      'application/json-patch+jsonx',
    ];
    mutations.push((parts) =>
      fc
        .tuple(fc.constantFrom(...unsupported), fc.constantFrom('<a/>', 'a=1&b=2', '\u0089PNG\r\n'))
        .map(([contentType, payload]) => ({ parts: { ...parts, body: { contentType, payload } }, at: '/headers/content-type' })),
    );
  }
  if (bodyMethods.has(op.method)) {
    const broken = [
      '{',
      '{"a":',
      '{"a":1,}',
      "{'a':1}",
      '[1,2',
      'nul',
      '{"a":"\\x"}',
      '\uFEFF{}x',
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
    ];
    mutations.push((parts) =>
      fc
        .constantFrom(...broken)
        .map((payload) => ({ parts: { ...parts, body: { contentType: 'application/json', payload } }, at: '/body' })),
    );
  }
  if (!mutations.length) return null;

  const base = fc.record({
    params: validParams(op, ctx),
    query: validQuery(op, ctx),
    headers: validHeaders(op, ctx),
    body: validBody(op, ctx),
  }) as fc.Arbitrary<Parts>;
  const one = fc
    .tuple(base, fc.constantFrom(...mutations))
    .chain(([parts, mutate]) => mutate(parts).map((m) => buildRequest(op, m.parts, [m.at])));
  if (mutations.length < 2) return one;
  const two = fc
    .tuple(base, fc.uniqueArray(fc.nat({ max: mutations.length - 1 }), { minLength: 2, maxLength: 2 }))
    .chain(([parts, [i, j]]) =>
      mutations[i](parts).chain((a) => mutations[j](a.parts).map((b) => buildRequest(op, b.parts, [a.at, b.at]))),
    );
  return fc.oneof({ weight: 4, arbitrary: one }, { weight: 1, arbitrary: two });
}

function acceptsStrings(schema: JsonSchema): boolean {
  return mayAcceptByType(schema, 'some text') && !enumOf(schema);
}

/** Junk no schema describes: wrong methods, undecodable or odd URLs, random bodies with random types. */
export function junkRequest(ops: Operation[]): fc.Arbitrary<FuzzRequest> {
  const paths = [...new Set(ops.map((o) => o.path))];
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
  const oddSegments = ['%', '%zz', '%ED%A0%80', '%00', '..', '%2e%2e%2f', '%2F', 'x'.repeat(3000), '%F0%9F%98', ';', '~', "'", '%20'];
  return fc
    .record({
      path: fc.constantFrom(...paths),
      method: fc.constantFrom(...methods),
      segment: fc.constantFrom(...oddSegments),
      suffix: fc.constantFrom('', '/', '/extra', '?a=%', '?a[b]=1&a[b]=2', '?limit=1&limit=2', '?__proto__[x]=1', '?' + 'q='.repeat(500)),
      contentType: fc.constantFrom(
        undefined,
        'application/json',
        'text/plain',
        'text/csv',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
      ),
      payload: fc.option(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200, unit: 'binary' })), { nil: undefined }),
    })
    .map(({ path, method, segment, suffix, contentType, payload }) => {
      const url = path.replace(/\{\w+\}/g, segment) + suffix;
      const headers: Record<string, string> = {};
      if (contentType && payload !== undefined) headers['content-type'] = contentType;
      return {
        operationId: 'junk',
        method,
        url,
        headers,
        ...(payload !== undefined && method !== 'GET' && method !== 'HEAD' ? { payload } : {}),
        violations: [],
      };
    });
}

/** A mix for the random phase: valid-ish requests (which may succeed), invalid ones, junk. */
export function randomRequest(ops: Operation[], ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const valid = fc.oneof(...ops.map((op) => validRequest(op, ctx)));
  const invalids = ops.map((op) => invalidRequest(op, ctx)).filter((a): a is fc.Arbitrary<FuzzRequest> => a !== null);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 3, arbitrary: fc.oneof(...invalids) },
    { weight: 1, arbitrary: junkRequest(ops) },
  );
}

/** For failure messages: the request as a replayable app.inject() argument, long payloads cut. */
export function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined
      ? undefined
      : request.payload.length > 2000
        ? `${request.payload.slice(0, 2000)}… (${request.payload.length} chars)`
        : request.payload;
  const url = request.url.length > 2000 ? `${request.url.slice(0, 2000)}… (${request.url.length} chars)` : request.url;
  return JSON.stringify({
    operationId: request.operationId,
    method: request.method,
    url,
    headers: request.headers,
    payload,
    violations: request.violations,
  });
}
