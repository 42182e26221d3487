import net from 'node:net';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Every environment variable Leerkompas reads, in one place. Nothing else touches process.env.
 * The README's configuration table mirrors this schema.
 */
const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  LEERKOMPAS_DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LEERKOMPAS_DEMO: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  LEERKOMPAS_ESCO: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  LEERKOMPAS_TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  LEERKOMPAS_BODY_LIMIT: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}$' })),
  LEERKOMPAS_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$' })),
  LEERKOMPAS_SESSION_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  LEERKOMPAS_LOGIN_LIMIT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  LEERKOMPAS_SURVEY_LIMIT: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  LOG_LEVEL: Type.Optional(Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)))),
});

export type Env = Static<typeof EnvSchema>;

export interface Config {
  readonly http: {
    readonly port: number;
    readonly host: string;
    /** Whose X-Forwarded-* headers to believe: nobody's (false), anybody's (true), or the proxies at these addresses and ranges. */
    readonly trustProxy: TrustProxy;
    /** Largest request body accepted, in bytes. */
    readonly bodyLimit: number;
    /** Address people use to reach the app (invitation links); null = the address of the request. */
    readonly publicUrl: string | null;
  };
  readonly database:
    { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };
  readonly paths: { readonly dataDir: string };
  readonly auth: {
    readonly sessionHours: number;
    /** Failed-or-not login attempts allowed per IP and per minute. */
    readonly loginPerMinute: number;
    /** Survey requests (personal links, no account) allowed per IP and per minute. */
    readonly surveyPerMinute: number;
  };
  /** Seed demo data when the database is empty on start. */
  readonly demo: boolean;
  /** Import the bundled Dutch ESCO files on start when no ESCO framework exists yet. */
  readonly bundledEsco: boolean;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

export type TrustProxy = boolean | string[];

/** Names proxy-addr (Fastify's trustProxy) knows for ranges of addresses. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a range in CIDR notation or one of NAMED_RANGES. */
function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = net.isIP(address ?? '');
  if (version === 0 || rest.length) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * LEERKOMPAS_TRUST_PROXY: `true`/`false`, or a comma-separated list of the proxies' addresses and
 * ranges. With a list, the client is the nearest address in X-Forwarded-For that is not one of
 * them, so what a client writes in the header itself is passed over. (No count of proxies: Fastify
 * refuses hop counts, since a client that connects directly could then claim any address.)
 */
function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined)
    throw new ConfigError([
      `LEERKOMPAS_TRUST_PROXY: "${wrong}" is not an address or range; use true, false, or the proxies' addresses and ranges separated by commas`,
    ]);
  return entries;
}

/** Builds the frozen configuration; fails with the full list of bad variables. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const problems = [...Value.Errors(EnvSchema, picked)].map((e) => `${e.instancePath.replace(/^\//, '') || 'environment'}: ${e.message}`);
  if (problems.length) throw new ConfigError(problems);
  const e = picked as Env;
  const port = Number(e.PORT ?? 3000);
  if (port < 1 || port > 65535) throw new ConfigError([`PORT: must be between 1 and 65535`]);
  const trustProxy = parseTrustProxy(e.LEERKOMPAS_TRUST_PROXY);
  const dataDir = path.resolve(cwd, e.LEERKOMPAS_DATA_DIR ?? 'data');
  const config: Config = {
    http: {
      port,
      host: e.HOST ?? '127.0.0.1',
      trustProxy,
      bodyLimit: Number(e.LEERKOMPAS_BODY_LIMIT ?? 1_048_576),
      publicUrl: e.LEERKOMPAS_PUBLIC_URL ? e.LEERKOMPAS_PUBLIC_URL.replace(/\/+$/, '') : null,
    },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: Number(e.DATABASE_POOL_SIZE ?? 10) }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    paths: { dataDir },
    auth: {
      sessionHours: Number(e.LEERKOMPAS_SESSION_HOURS ?? 12),
      loginPerMinute: Number(e.LEERKOMPAS_LOGIN_LIMIT ?? 10),
      surveyPerMinute: Number(e.LEERKOMPAS_SURVEY_LIMIT ?? 600),
    },
    demo: e.LEERKOMPAS_DEMO !== 'false',
    bundledEsco: e.LEERKOMPAS_ESCO !== 'false',
    logLevel: e.LOG_LEVEL ?? 'info',
  };
  return Object.freeze(config);
}
