import { defineConfig } from 'vitest/config';

// Three tiers (see CONTRIBUTING.md): pure unit tests beside the domain code, integration tests
// against real databases, end-to-end tests in Debian's Chromium.
export default defineConfig({
  test: {
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
          // One fork runs file after file without re-importing the app for each (about 5 s per
          // file otherwise). Every file builds its own app and database, so nothing is shared.
          poolOptions: { forks: { isolate: false } },
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
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
