import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const trustProxyOf = (value: string) => loadConfig({ LEERKOMPAS_TRUST_PROXY: value }, '/srv').http.trustProxy;
/** The problems loadConfig reports for the value, or null when it takes it. */
function problemsOf(value: string): string[] | null {
  try {
    trustProxyOf(value);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('LEERKOMPAS_TRUST_PROXY', () => {
  it('trusts no proxy by default, every proxy with true', () => {
    expect(loadConfig({}, '/srv').http.trustProxy).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
    expect(trustProxyOf('true')).toBe(true);
  });

  it('takes the proxies as addresses, ranges and named ranges, separated by commas', () => {
    expect(trustProxyOf('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(trustProxyOf('127.0.0.1, 10.0.0.0/8,fd00::/8 , loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it.each([
    ['a count of proxies (Fastify cannot check the nearest one)', '1'],
    ['a host name', 'proxy.internal'],
    ['a prefix too long for IPv4', '10.0.0.0/33'],
    ['a prefix that is not a number', '10.0.0.0/x'],
    ['an empty entry', '10.0.0.1,,10.0.0.2'],
    ['two prefixes', '10.0.0.0/8/8'],
  ])('refuses %s, naming the variable and the entry', (_, value) => {
    expect(problemsOf(value)).toEqual([expect.stringMatching(/^LEERKOMPAS_TRUST_PROXY: "[^"]*" is not an address or range/)]);
  });
});

describe('LEERKOMPAS_ESCO', () => {
  it('imports the bundled ESCO unless set to false, and refuses anything else', () => {
    expect(loadConfig({}, '/srv').bundledEsco).toBe(true);
    expect(loadConfig({ LEERKOMPAS_ESCO: 'true' }, '/srv').bundledEsco).toBe(true);
    expect(loadConfig({ LEERKOMPAS_ESCO: 'false' }, '/srv').bundledEsco).toBe(false);
    expect(() => loadConfig({ LEERKOMPAS_ESCO: 'no' }, '/srv')).toThrow(/LEERKOMPAS_ESCO/);
  });
});
