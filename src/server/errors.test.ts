import Fastify from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { installErrorHandler, isDatabaseUnavailable, isDiskFull } from './errors.js';

/** Driver errors as node-postgres and PGlite raise them: a code, or only a message. */
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
/** What a query through drizzle throws: the driver error as `cause`. */
const wrapped = (cause: Error) => new DrizzleQueryError('select 1', [], cause);

describe('database error classification', () => {
  it.each([
    ['refused connection', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['admin shutdown', driverError('terminating connection due to administrator command', '57P01')],
    ['server starting up', driverError('the database system is starting up', '57P03')],
    ['connection lost mid-query', driverError('Connection terminated unexpectedly')],
    ['pool connect timeout', driverError('timeout exceeded when trying to connect')],
  ])('%s is "unavailable", also wrapped by drizzle', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(isDiskFull(wrapped(error))).toBe(false);
  });

  it('a full disk (SQLSTATE 53100) is "disk full", not "unavailable"', () => {
    const error = wrapped(driverError('could not extend file "base/5/16769": No space left on device', '53100'));
    expect(isDiskFull(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('ordinary query errors are neither', () => {
    const error = wrapped(driverError('duplicate key value violates unique constraint', '23505'));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDiskFull(error)).toBe(false);
  });
});

describe('the error handler for database failures', () => {
  it('answers 503 with Retry-After and 507, as problem+json', async () => {
    const app = Fastify({ logger: false });
    installErrorHandler(app);
    app.get('/down', async () => {
      throw wrapped(driverError('terminating connection due to administrator command', '57P01'));
    });
    app.get('/full', async () => {
      throw wrapped(driverError('could not extend file', '53100'));
    });
    const down = await app.inject({ url: '/down' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json()).toMatchObject({ status: 503, code: 'database.unavailable' });
    const full = await app.inject({ url: '/full' });
    expect(full.statusCode).toBe(507);
    expect(full.json()).toMatchObject({ status: 507, code: 'database.disk_full', title: 'Insufficient Storage' });
    await app.close();
  });
});
