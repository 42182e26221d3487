import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp, defaultWebDir } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { seedDemoData, DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

export const HR_EMAIL = 'hr@demo.leerkompas.be';
export { DEMO_PASSWORD };

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Content-Security-Policy violations reported by any page since the last test ended. The server
 * sends a strict policy (src/server/app.ts: no inline scripts, no inline styles); a violation means
 * the app relies on something the policy blocks (a style attribute, an inline script, a foreign
 * host), so the test that caused it fails, whether or not it checks `pageErrors` itself.
 */
const cspViolations: string[] = [];

function failOnCspViolations(when: string): void {
  if (!cspViolations.length) return;
  const found = cspViolations.splice(0);
  throw new Error(`Content Security Policy violations ${when}:\n  ${found.join('\n  ')}`);
}

// Registered on the suite of every spec file that imports this harness.
afterEach(() => failOnCspViolations('during this test'));

/** Name of the function the init script below calls in the page. */
const CSP_BINDING = '__leerkompasCspViolation';

export interface E2E {
  baseUrl: string;
  app: FastifyInstance;
  db: TestDatabase;
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) with one page. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Errors the pages threw or logged (uncaught exceptions, CSP violations, failed loads). */
  pageErrors: string[];
  /**
   * Returns and forgets the Content-Security-Policy violations seen so far. Any violation left at
   * the end of a test fails that test (see `cspViolations` below); a test that provokes one on
   * purpose takes it with this.
   */
  takeCspViolations(): string[];
  close(): Promise<void>;
}

/**
 * Boots the real server (buildApp + built web app) on a fresh PGlite copied from the run's demo
 * template (migrated, bootstrapped and seeded with the demo once per run), and Chromium.
 */
export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(path.join(defaultWebDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${defaultWebDir}/index.html missing). Run \`npm run build\` first (npm test and npm run test:e2e do).`,
    );
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  // The demo seeded once per run by the global setup; seeded here when a spec runs without it.
  const demoTemplate = process.env.LK_E2E_DEMO_TEMPLATE;
  const db = await createTestDatabase('pglite', { pgliteTemplate: demoTemplate });
  if (!demoTemplate) await seedDemoData(db.database);
  const config = loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '1000' });
  const app = await buildApp({ config, database: db.database, version: 'e2e', webDir: defaultWebDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  // launch() gives every browser a fresh temporary user-data dir of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    baseUrl,
    app,
    db,
    browser,
    pageErrors,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: 'nl-BE',
      });
      contexts.push(context);
      // Every violation the browser reports (the securitypolicyviolation event, caught from the first
      // script on) and every console message about the policy.
      await context.exposeBinding(CSP_BINDING, (_source, text: string) => {
        cspViolations.push(text);
        pageErrors.push(`csp: ${text}`);
      });
      await context.addInitScript((binding: string) => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
            const report = (window as unknown as Record<string, (text: string) => void>)[binding];
            report(
              `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${where} on ${document.location.pathname}${e.sample ? ` (${e.sample})` : ''}`,
            );
          },
          true,
        );
      }, CSP_BINDING);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // 4xx answers are expected (401 before login, a wrong password); the screens handle them.
        if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) pageErrors.push(`console: ${message.text()}`);
      });
      return page;
    },
    takeCspViolations() {
      return cspViolations.splice(0);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await db.dispose();
      // Violations reported after the last test (or in beforeAll) fail the file in afterAll.
      failOnCspViolations('after the last test');
    },
  };
}

/** Logs in through the form, like a person would, and waits for the organisations page. */
export async function logIn(page: Page, email = HR_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn organisaties' }).waitFor();
}

/** Runs axe (WCAG 2.1 A/AA) on the page; fails on serious or critical violations, naming them. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const lines = bad.map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `      ${n.target.join(' ')} – ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n')}`,
    );
    throw new Error(`Accessibility problems on ${where} (${page.url()}):\n${lines.join('\n')}`);
  }
}

/** True when the page is wider than the viewport (something would scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}
