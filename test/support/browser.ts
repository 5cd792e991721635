import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { freePort, repoRoot } from './engines';
import { startService, type ServiceProcess } from './services';

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export const screenshotDir = join(repoRoot, 'tmp', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export interface RunningWeb extends ServiceProcess {
  url: string;
}

/** The built web app (dist/apps/web) served by `vite preview`, proxying /api to `apiUrl` like nginx. */
export async function startWeb(apiUrl: string): Promise<RunningWeb> {
  const port = await freePort();
  const service = startService('node_modules/vite/bin/vite.js', { WEB_PORT: String(port), API_URL: apiUrl }, ['preview', '--config', join(repoRoot, 'apps/web/vite.config.ts')]);
  await service.waitForOutput(new RegExp(`127\\.0\\.0\\.1:${port}`));
  return { ...service, url: `http://127.0.0.1:${port}` };
}

/** Fills in the login form on the page shown (`/masuk`) and submits it; the caller waits for where it lands. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Kata sandi').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * A person signed in, in a window of their own (laptop size, Bahasa Indonesia, Jakarta time), on `path`:
 * the app sends them to `/masuk` first and back to `path` once logged in.
 */
export async function signedInAt(browser: Browser, webUrl: string, email: string, path: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(`${webUrl}${path}`);
  await page.waitForURL(/\/masuk$/);
  await submitLogin(page, email, password);
  const target = path.split('?')[0];
  await page.waitForURL((url) => url.pathname === target);
  return page;
}
