import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, WEB_SECURITY_HEADERS } from '@gugus/contracts';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { eventually, launchChromium, serviceEnv, startApi, startWeb, type RunningApi, type RunningWeb } from '../support';

/**
 * The built web app under its production Content-Security-Policy (`vite preview` sends the headers
 * nginx sends), in Chromium: logging in and the main screens work, and the browser reports no
 * violation — while an injected inline script is refused.
 */
describe('web app under its Content-Security-Policy', () => {
  let api: RunningApi;
  let web: RunningWeb;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), launchChromium()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  /** A page whose CSP violations (the browser's own `securitypolicyviolation` events) and console errors are collected across navigations. */
  async function watchedPage(): Promise<{ page: Page; violations: string[]; consoleErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(context);
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.documentURI}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return { page, violations, consoleErrors };
  }

  it('serves the app with the production security headers', async () => {
    for (const path of ['/', '/masuk', '/formulir/victim-screening']) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) expect({ path, name, value: res.headers.get(name) }).toEqual({ path, name, value });
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'unsafe-eval';/);
  });

  it('logs in and opens the main screens, a form included, with no violation reported', async () => {
    const { page, violations, consoleErrors } = await watchedPage();
    await page.goto(`${web.url}/status`);
    await page.getByTestId('overall-status').waitFor();
    await page.goto(`${web.url}/masuk`);
    const form = page.getByTestId('login-form');
    await form.getByLabel('E-mail').fill('sekretariat.jabar@gugus.test');
    await form.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-name').waitFor();

    const screens: [string, () => Promise<void>][] = [
      ['/wilayah', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/formulir', () => page.locator('[data-testid="form-row"]').first().waitFor()],
      // rjsf with ajv: the schema is compiled in the browser, and typing validates live.
      [
        '/formulir/victim-screening?wilayah=32.04',
        async () => {
          const field = page.getByTestId('schema-form').locator('input[type="text"], textarea').first();
          await field.fill('uji');
          await field.blur();
        },
      ],
      ['/tugas', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/audit', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/notifikasi', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
    ];
    for (const [path, ready] of screens) {
      await page.goto(`${web.url}${path}`);
      await ready();
      await page.waitForLoadState('networkidle');
    }

    expect(violations).toEqual([]);
    expect(consoleErrors.filter((e) => /Content[- ]Security[- ]Policy|Refused to/i.test(e))).toEqual([]);
  });

  it('refuses an injected inline script and reports it (the policy is in force)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${web.url}/status`);
    await page.getByTestId('overall-status').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:,');
      img.setAttribute('onerror', 'window.injected = true');
      document.body.append(img);
    });
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await eventually(async () => (violations.length > 0 ? true : undefined), 10_000, 'the violation to be reported');
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});
