import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support.js';

/**
 * The Content-Security-Policy seen from the browser. Every other spec fails on a violation (the
 * harness in support.ts); this one shows that the harness notices them, and that the API
 * documentation works under its own policy.
 */
describe('content security policy in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('blocks inline scripts and style attributes on the app pages, and the harness reports them', async () => {
    const page = await e2e.newPage();
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(e2e.takeCspViolations()).toEqual([]);

    // What an injection would try: an inline script, an inline event handler, a style attribute
    // and a <style> element. None of them takes effect, and each is reported.
    const effects = await page.evaluate(async () => {
      const box = document.createElement('div');
      box.innerHTML = '<p id="styled" style="color: rgb(255, 0, 0)">x</p><img id="handler" src="data:," onerror="window.__handler = true">';
      document.body.append(box);
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = '#styled { background-color: rgb(0, 0, 255) }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const w = window as unknown as Record<string, unknown>;
      const styled = getComputedStyle(document.getElementById('styled')!);
      return { inline: w.__inline ?? false, handler: w.__handler ?? false, color: styled.color, background: styled.backgroundColor };
    });
    expect(effects.inline).toBe(false);
    expect(effects.handler).toBe(false);
    expect(effects.color).not.toBe('rgb(255, 0, 0)');
    expect(effects.background).not.toBe('rgb(0, 0, 255)');
    await expect.poll(() => e2e.pageErrors.filter((e) => e.startsWith('csp:')).length).toBeGreaterThanOrEqual(4);
    const seen = e2e.takeCspViolations().join('\n');
    expect(seen).toMatch(/script-src-elem blocked inline/);
    expect(seen).toMatch(/script-src-attr blocked inline/);
    expect(seen).toMatch(/style-src-attr blocked inline/);
    expect(seen).toMatch(/style-src-elem blocked inline/);
    e2e.pageErrors.length = 0;
  });

  it('shows the API documentation under its own policy, without violations', async () => {
    const page = await e2e.newPage();
    const response = await page.goto('/api/docs/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    // Relaxed for styles only (the Swagger UI bundle adds <style> elements); scripts stay strict.
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: /Leerkompas API/ }).waitFor();
    await page.getByText('/api/health').first().waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
