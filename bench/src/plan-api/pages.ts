import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { Cleanup, freePort, progress, repoRoot, startService, until } from '../support/process';

/** What one navigation took, in ms after its navigation started (the page's performance.now()). */
export interface PageSample {
  /** The document's DOMContentLoaded handlers done (the app's script has run). */
  domContentLoaded: number;
  /** The API call the page is about (GET /api/plans/:id, or the diff on the review page): request sent → last byte. */
  apiStart: number | null;
  apiEnd: number | null;
  /** The awaited elements are all in the DOM (a MutationObserver's first sighting). */
  rendered: number;
  /** The frame after that: rendered, laid out, painted (requestAnimationFrame, then a task). */
  frame: number;
}

export interface PageCase {
  label: string;
  url: string;
  /** The page's API call whose timing is reported (a URL path suffix), if any. */
  api?: string;
}

const VIEWPORT = { width: 1366, height: 768 };
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Recorded in every page before its scripts run: the first moment the plan document holds all its
 * sections and activities (and on the review page, the diff's counts), or the blank page its marker;
 * then the end of the next frame. Sent to the page as source: it names only the page's own globals.
 */
function watchForRendered(expected: { sections: number; activities: number }): void {
  const w = globalThis as unknown as Record<string, unknown> & { document: any; performance: { now(): number }; requestAnimationFrame(cb: () => void): void; MutationObserver: any; location: { pathname: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const done = () => {
    const d = w.document;
    if (d.getElementById('blank-ready')) return true;
    const doc = d.querySelector('[data-testid="plan-document"]');
    if (!doc) return false;
    if (w.location.pathname.endsWith('/telaah') && !d.querySelector('[data-testid="diff-counts"]')) return false;
    return doc.querySelectorAll('[data-testid="plan-section"]').length >= expected.sections && doc.querySelectorAll('[data-testid="plan-activity"]').length >= expected.activities;
  };
  const observer = new w.MutationObserver(() => {
    if (w['benchRendered'] !== undefined || !done()) return;
    w['benchRendered'] = w.performance.now();
    observer.disconnect();
    w.requestAnimationFrame(() => setTimeout(() => (w['benchFrame'] = w.performance.now()), 0));
  });
  observer.observe(w.document, { childList: true, subtree: true });
}

/** The built web app (dist/apps/web) served by `vite preview`, proxying /api to `apiUrl` like nginx. */
export async function startWeb(apiUrl: string, cleanup: Cleanup): Promise<string> {
  const port = await freePort();
  const service = startService('node_modules/vite/bin/vite.js', { PATH: process.env['PATH'] ?? '/usr/bin:/bin', WEB_PORT: String(port), API_URL: apiUrl }, ['preview', '--config', join(repoRoot, 'apps/web/vite.config.ts')]);
  cleanup.add('web (vite preview)', () => service.stop());
  await until(
    'vite preview to listen',
    async () => {
      if (service.child.exitCode !== null) throw new Error(`vite preview exited (${service.child.exitCode}):\n${service.output()}`);
      return service.output().includes(`127.0.0.1:${port}`) ? true : undefined;
    },
    60_000,
    100,
  );
  return `http://127.0.0.1:${port}`;
}

/** A static blank page from this process: the baseline for a navigation. */
async function startBlank(cleanup: Cleanup): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kosong</title></head><body><p id="blank-ready">Kosong / blank</p></body></html>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanup.add('blank page server', () => new Promise<void>((ok) => server.close(() => ok())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

export interface PageBench {
  webUrl: string;
  blankUrl: string;
  chromiumVersion: string;
  /** Navigations, `runs` measured after `warmUp`, the cases interleaved in each iteration. */
  measure(cases: PageCase[], runs: number, warmUp: number): Promise<Map<string, PageSample[]>>;
  /** The viewport after a visit, scrolled to the first element matching `scrollTo` if given. */
  screenshot(url: string, name: string, scrollTo?: string): Promise<string>;
}

/** Serves the web app and a blank page, opens Chromium logged in as `email`. */
export async function startPages(apiUrl: string, email: string, expected: { sections: number; activities: number }, cleanup: Cleanup): Promise<PageBench> {
  const [webUrl, blankUrl] = await Promise.all([startWeb(apiUrl, cleanup), startBlank(cleanup)]);
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  cleanup.add('Chromium', () => browser.close());
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.addInitScript(watchForRendered, expected);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${webUrl}/tugas`);
  await page.waitForURL(/\/masuk$/);
  const form = page.getByTestId('login-form');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/tugas');
  progress(`Chromium ${browser.version()} logged in as ${email} on ${webUrl}`);

  async function visit(c: PageCase): Promise<PageSample> {
    await page.goto(c.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (globalThis as unknown as Record<string, unknown>)['benchFrame'] !== undefined, undefined, { timeout: 180_000, polling: 50 });
    if (errors.length) throw new Error(`${c.label}: page errors: ${errors.join('; ')}`);
    return page.evaluate((api) => {
      const w = globalThis as unknown as Record<string, number> & { performance: { getEntriesByType(t: string): any[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
      const nav = w.performance.getEntriesByType('navigation')[0];
      const call = api ? w.performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname + new URL(r.name).search === api || new URL(r.name).pathname === api) : undefined;
      return { domContentLoaded: nav?.domContentLoadedEventEnd ?? 0, apiStart: call ? call.startTime : null, apiEnd: call ? call.responseEnd : null, rendered: w['benchRendered'] as number, frame: w['benchFrame'] as number };
    }, c.api ?? null);
  }

  return {
    webUrl,
    blankUrl,
    chromiumVersion: browser.version(),
    async measure(cases, runs, warmUp) {
      const out = new Map<string, PageSample[]>(cases.map((c) => [c.label, []]));
      for (let i = 0; i < warmUp + runs; i++) {
        for (const c of cases) {
          const sample = await visit(c);
          if (i >= warmUp) out.get(c.label)?.push(sample);
        }
        progress(`pages: ${i + 1}/${warmUp + runs} (${warmUp} warm-up)`);
      }
      return out;
    },
    async screenshot(url, name, scrollTo) {
      const dir = join(repoRoot, 'tmp/screenshots');
      mkdirSync(dir, { recursive: true });
      await visit({ label: name, url });
      if (scrollTo) await page.locator(scrollTo).first().evaluate((e: { scrollIntoView(): void }) => e.scrollIntoView());
      const path = join(dir, `bench-plan-api-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}
