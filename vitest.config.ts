import { defineConfig } from 'vitest/config';

// Three tiers (see CONTRIBUTING.md): pure unit tests beside the domain code, integration tests
// against real databases, end-to-end tests in Debian's Chromium.
export default defineConfig({
  test: {
    // Two files at a time on CI's 2 cores (Vitest's default there is one): every integration file
    // builds its own app on its own database, and the browser tests keep to one fork of their own.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        // Web components and their pure helpers (web/src/**); a DOM where a test needs one.
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One file at a time, in a worker thread: a pool of its own, which Vitest runs beside the
          // forks of the other projects. (A single fork in the forks pool would only start once
          // every other file is done, and the browser tests, a third of the suite, would run alone.)
          pool: 'threads',
          poolOptions: { threads: { singleThread: true } },
        },
      },
    ],
  },
});
