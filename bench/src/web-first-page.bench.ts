/*
 * The web app's first page in headless Chromium (issue 13, item 4): the built app (dist/apps/web) served by
 * `vite preview` with the production headers, each load in a fresh browser context (nothing cached: a first
 * visit), /masuk and /status in turn. From Chromium's performance timeline: domInteractive, first
 * contentful paint and the load event; and "ready", the frame after the page's own content is in the DOM
 * (the login form; the status page's "all up" from the health answer). The API is a stub in this process answering the two calls these
 * pages make (GET /health, GET /auth/oidc) at once, so the figures are the web app's alone.
 * Also lists the build's chunks (minified) and what the first page fetched. Aim: ready p95 < 1000 ms,
 * no chunk over 300 kB.
 * Run: npx nx run bench:web-first-page
 */
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { HealthReport } from '@gugus/contracts';
import { startWeb } from './plan-api/pages';
import { Cleanup, ms, progress, repoRoot, stats } from './support/process';

const RUNS_PER_PAGE = 12;
const WARM_UP = 2;
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const MAX_CHUNK_KB = 300;
const READY_AIM_MS = 1000;

/** The pages measured and the element that says each one shows its content. */
const PAGES = [
  { path: '/masuk', ready: '[data-testid="login-form"]' },
  { path: '/status', ready: '[data-testid="overall-status"][data-status="up"]' },
] as const;

interface Sample {
  domInteractive: number;
  fcp: number;
  load: number;
  ready: number;
  scripts: { name: string; bytes: number }[];
}

/** The two answers the first pages ask the API for, at once. */
async function startApiStub(cleanup: Cleanup): Promise<string> {
  const health: HealthReport = { status: 'up', checkedAt: new Date().toISOString(), version: 'bench', components: { database: { status: 'up', latencyMs: 1 }, temporal: { status: 'up', latencyMs: 1 } } };
  const server = createServer((req, res) => {
    const body = req.url === '/health' ? health : req.url === '/auth/oidc' ? { enabled: false } : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { code: 'NOT_FOUND' }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanup.add('API stub', () => new Promise<void>((ok) => server.close(() => ok())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Recorded in the page before its scripts run: the first moment `selector` matches, then the end of the
 * next frame. Sent to the page as source: it names only the page's own globals.
 */
function watchForReady(selector: string): void {
  const w = globalThis as unknown as Record<string, unknown> & { document: any; performance: { now(): number }; requestAnimationFrame(cb: () => void): void; MutationObserver: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const observer = new w.MutationObserver(() => {
    if (w['benchReady'] !== undefined || !w.document.querySelector(selector)) return;
    w['benchReady'] = -1;
    observer.disconnect();
    w.requestAnimationFrame(() => setTimeout(() => (w['benchReady'] = w.performance.now()), 0));
  });
  observer.observe(w.document, { childList: true, subtree: true });
}

async function loadOnce(browser: Browser, url: string, selector: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForReady, selector);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof (globalThis as unknown as { benchReady?: number }).benchReady === 'number' && (globalThis as unknown as { benchReady: number }).benchReady > 0);
    // FCP is reported after the paint; the load event's end after its handlers.
    await page.waitForFunction(() => {
      const p = (globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[]; getEntriesByType(t: string): { loadEventEnd: number }[] } }).performance;
      return p.getEntriesByName('first-contentful-paint').length > 0 && (p.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0) > 0;
    });
    return await page.evaluate(() => {
      const g = globalThis as unknown as {
        benchReady: number;
        performance: { getEntriesByName(n: string): { startTime: number }[]; getEntriesByType(t: string): Record<string, unknown>[] };
      };
      const nav = g.performance.getEntriesByType('navigation')[0] as { domInteractive: number; loadEventEnd: number };
      const scripts = (g.performance.getEntriesByType('resource') as { name: string; initiatorType: string; encodedBodySize: number; decodedBodySize: number }[])
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ name: r.name.replace(/^.*\/assets\//, ''), bytes: r.decodedBodySize }));
      return { domInteractive: nav.domInteractive, fcp: g.performance.getEntriesByName('first-contentful-paint')[0].startTime, load: nav.loadEventEnd, ready: g.benchReady, scripts };
    });
  } finally {
    await context.close();
  }
}

function chunkList(): { name: string; bytes: number }[] {
  const dir = join(repoRoot, 'dist/apps/web/assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  process.once('SIGINT', () => void cleanup.runAll().then(() => process.exit(130)));
  try {
    const chunks = chunkList();
    const apiUrl = await startApiStub(cleanup);
    const webUrl = await startWeb(apiUrl, cleanup);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    cleanup.add('Chromium', () => browser.close());
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    const samples = new Map<string, Sample[]>(PAGES.map((p) => [p.path, []]));
    for (let run = 0; run < WARM_UP + RUNS_PER_PAGE; run++) {
      // Alternate which page goes first, so neither always follows the other.
      for (const p of run % 2 ? [...PAGES].reverse() : PAGES) {
        const sample = await loadOnce(browser, `${webUrl}${p.path}`, p.ready);
        if (run >= WARM_UP) samples.get(p.path)?.push(sample);
      }
      progress(`run ${run + 1}/${WARM_UP + RUNS_PER_PAGE}${run < WARM_UP ? ' (warm-up)' : ''}`);
    }

    const out: string[] = [];
    out.push('# The web app\'s first page (bench:web-first-page)');
    out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, Chromium ${browser.version()}, load ${load}`);
    out.push(`per page: ${RUNS_PER_PAGE} cold loads (a fresh context each, after ${WARM_UP} warm-up), viewport ${VIEWPORT.width}×${VIEWPORT.height}, vite preview on 127.0.0.1, API stubbed`);
    out.push('');
    out.push('| page | domInteractive p50 / p95 | first contentful paint p50 / p95 | load p50 / p95 | ready p50 / p95 | aim (ready p95 < 1000 ms) |');
    out.push('|---|---|---|---|---|---|');
    let allMet = true;
    for (const p of PAGES) {
      const s = samples.get(p.path) ?? [];
      const cell = (k: 'domInteractive' | 'fcp' | 'load' | 'ready') => {
        const st = stats(s.map((x) => x[k]));
        return `${ms(st.p50)} / ${ms(st.p95)} ms`;
      };
      const met = stats(s.map((x) => x.ready)).p95 < READY_AIM_MS;
      allMet &&= met;
      out.push(`| ${p.path} | ${cell('domInteractive')} | ${cell('fcp')} | ${cell('load')} | ${cell('ready')} | ${met ? 'met' : 'NOT met'} |`);
    }
    const first = samples.get(PAGES[0].path)?.[0]?.scripts ?? [];
    out.push('');
    out.push(`first page (${PAGES[0].path}) fetched ${first.length} scripts, ${(first.reduce((t, s) => t + s.bytes, 0) / 1000).toFixed(0)} kB: ${first.map((s) => `${s.name} ${(s.bytes / 1000).toFixed(0)} kB`).join(', ')}`);
    out.push('');
    const over = chunks.filter((c) => c.bytes > MAX_CHUNK_KB * 1000);
    out.push(`chunks (dist/apps/web/assets, minified): ${chunks.length}, ${(chunks.reduce((t, c) => t + c.bytes, 0) / 1000).toFixed(0)} kB in all, largest ${((chunks[0]?.bytes ?? 0) / 1000).toFixed(1)} kB; over ${MAX_CHUNK_KB} kB: ${over.length ? over.map((c) => c.name).join(', ') : 'none'}`);
    for (const c of chunks) out.push(`  ${(c.bytes / 1000).toFixed(1).padStart(7)} kB  ${c.name}`);
    out.push('');
    out.push(allMet && !over.length ? 'aims met' : 'AIMS NOT MET');
    process.stdout.write(`${out.join('\n')}\n`);
    if (!allMet || over.length) process.exitCode = 1;
  } finally {
    await cleanup.runAll();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
