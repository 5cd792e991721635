import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { freePort, repoRoot } from './engines';
import { eventually, startService, type ServiceProcess } from './services';

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

/** Window sizes the specs look at: a laptop (the size most officers use) and a phone. */
export const VIEWPORTS: Readonly<Record<'laptop' | 'phone', { width: number; height: number }>> = { laptop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

export interface WindowOptions {
  /** The demo login to sign in as; without it the window stays anonymous. */
  as?: string;
  password?: string;
  /**
   * Where the window ends up. Signed in with a path, it opens there, is sent to `/masuk`, and waits until
   * the app brings it back; signed in without one, it logs in at `/masuk` and waits to leave it.
   */
  path?: string;
  viewport?: keyof typeof VIEWPORTS | { width: number; height: number };
  /** The browser's own language (default id-ID); the app speaks Bahasa Indonesia whatever it is. */
  locale?: string;
}

/**
 * One Chromium for a test file: windows (each its own context: Bahasa Indonesia, Jakarta time) opened at
 * a viewport and signed in as a demo login, named full-page screenshots in `screenshotDir`, and one
 * `close()` for every window and the browser.
 */
export interface BrowserSession {
  readonly browser: Browser;
  /** A new window of the app at `webUrl` (see `WindowOptions`). */
  open(webUrl: string, options?: WindowOptions): Promise<Page>;
  /** Saves `page` in full as `<name>.png` in `screenshotDir`. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function browserSession(): Promise<BrowserSession> {
  const browser = await launchChromium();
  return {
    browser,
    async open(webUrl, { as, password = DEMO_PASSWORD, path, viewport = 'laptop', locale = 'id-ID' } = {}) {
      const context = await browser.newContext({ viewport: typeof viewport === 'string' ? VIEWPORTS[viewport] : viewport, locale, timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      if (as) await signIn(page, webUrl, as, password, path);
      else await page.goto(`${webUrl}${path ?? '/'}`);
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    },
    close: () => browser.close(),
  };
}

/** Logs in as `email` on the way to `path` (or at `/masuk` without one) and waits until the app lands there. */
async function signIn(page: Page, webUrl: string, email: string, password: string, path?: string): Promise<void> {
  if (!path) {
    await page.goto(`${webUrl}/masuk`);
    await submitLogin(page, email, password);
    await page.waitForURL((url) => !url.pathname.endsWith('/masuk'));
    return;
  }
  await page.goto(`${webUrl}${path}`);
  await page.waitForURL(/\/masuk$/);
  await submitLogin(page, email, password);
  const target = path.split('?')[0];
  await page.waitForURL((url) => url.pathname === target);
}

/**
 * A person signed in, in a window of their own (laptop size, Bahasa Indonesia, Jakarta time), on `path`:
 * the app sends them to `/masuk` first and back to `path` once logged in.
 */
export async function signedInAt(browser: Browser, webUrl: string, email: string, path: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await signIn(page, webUrl, email, password, path);
  return page;
}

/**
 * The inbox row of the task whose title contains `text`, on the inbox page `page` shows: the page is
 * reloaded, as a person would, until the workflow has opened the task (or `timeoutMs` passes).
 */
export async function taskRowInInbox(page: Page, text: string, timeoutMs = 60_000): Promise<Locator> {
  const row = page.getByTestId('task-row').filter({ hasText: text });
  let first = true;
  await eventually(
    async () => {
      if (!first) await page.reload();
      first = false;
      await page.getByTestId('inbox-counts').or(page.getByTestId('api-error')).first().waitFor();
      return (await row.count()) > 0 ? true : undefined;
    },
    timeoutMs,
    `"${text}" in the inbox`,
  );
  return row;
}
