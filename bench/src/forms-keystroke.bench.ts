/*
 * Keystroke-to-paint latency in headless Chromium: Gugus's <SchemaForm> (typed text painted first and handed to
 * rjsf right after the frame, live validation, touched-field errors, Bahasa Indonesia messages) against plain rjsf (@rjsf/core with @rjsf/validator-ajv8's default
 * validator, liveValidate, default widgets) on the same forms, in the same run and browser. Each keystroke
 * is timed in the page from its keydown to the end of the next frame's rendering (bench/browser).
 * Run: npx nx run bench:forms-keystroke
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generatedForm, largestLibraryForm } from './cases';

const repoRoot = resolve(__dirname, '../../..');
const harnessDir = join(repoRoot, 'dist/bench/browser');

/** Keystrokes typed into the first field before measuring (JIT, first validations), then dropped. */
const WARM_UP = 10;
/** Fields typed into per run, spread over the form, and keystrokes per field. */
const FIELDS = 6;
const KEYS_PER_FIELD = 8;
/** Runs per form and implementation, in the order ABBA so neither always goes first. */
const ORDER = ['gugus', 'plain', 'plain', 'gugus'] as const;
/**
 * Pause between keystrokes: 30 ms plus a varying share of a frame, so keystrokes do not all land at one
 * point of the browser's frame cycle (a fast typist's pace is ~100 ms; shorter keeps the run short).
 */
const GAP_MS = 30;
const FRAME_MS = 1000 / 60;
const FRAME_BUDGET_MS = 16;
const VIEWPORT = { width: 1280, height: 800 };

type Impl = (typeof ORDER)[number];

/** What the harness page records per keystroke (bench/browser/src/main.tsx), in performance.now() ms. */
interface KeystrokeSample {
  keydown: number;
  handled: number;
  frameStart: number;
  frame: number;
  commitsBefore: number;
  commitsAtFrame: number;
  dataAt: number;
}

interface BenchPage {
  ready: boolean;
  error?: string;
  samples: KeystrokeSample[];
  waitForSamples: (count: number) => Promise<void>;
  textInputs: () => string[];
  focusAtEnd: (id: string) => boolean;
  valueAt: (path: readonly string[]) => unknown;
  waitForData: () => Promise<void>;
}

// page.evaluate callbacks are sent to the page as source, so each names the page's API itself; the bench's
// tsconfig has no DOM types.
type BenchWindow = { gugusBench: BenchPage };

interface BenchCase {
  name: string;
  label: string;
  body: { schema: unknown; uiSchema: unknown; formData: unknown };
}

function benchCases(): BenchCase[] {
  const largest = largestLibraryForm();
  const generated = generatedForm(300);
  return [
    { name: 'library', label: `${largest.key} (${largest.fieldCount} fields), filled`, body: { schema: largest.schema, uiSchema: largest.uiSchema, formData: largest.valid } },
    { name: 'generated-300', label: 'generated 300 fields, empty', body: { schema: generated.schema, uiSchema: {}, formData: {} } },
  ];
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** The built harness and the cases as JSON, on 127.0.0.1. There is no API: /api answers 404, as final as an empty list. */
async function serve(cases: readonly BenchCase[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (pathname.startsWith('/api/')) return send(404, 'application/json', JSON.stringify({ code: 'NOT_FOUND', message: 'Bench tanpa API / the bench has no API' }));
    const caseName = /^\/cases\/([\w-]+)\.json$/.exec(pathname)?.[1];
    if (caseName) {
      const found = cases.find((c) => c.name === caseName);
      return found ? send(200, 'application/json', JSON.stringify(found.body)) : send(404, 'text/plain', 'no such case');
    }
    const file = resolve(harnessDir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(harnessDir + sep)) return send(403, 'text/plain', 'forbidden');
    readFile(file).then(
      (body) => send(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openForm(browser: Browser, url: string, caseName: string, impl: Impl): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/?case=${caseName}&impl=${impl}`);
  await page.waitForFunction(
    () => {
      const bench = (globalThis as unknown as Partial<BenchWindow>).gugusBench;
      return bench !== undefined && (bench.ready || bench.error !== undefined);
    },
    undefined,
    { timeout: 60_000 },
  );
  const error = await page.evaluate(() => (globalThis as unknown as BenchWindow).gugusBench.error);
  if (error) throw new Error(`${caseName}/${impl}: ${error}`);
  return { page, close: () => context.close(), errors };
}

/** Text fields that are text fields in both implementations, `count` of them spread evenly over the form. */
async function pickFields(browser: Browser, url: string, caseName: string, count: number): Promise<string[]> {
  const lists: string[][] = [];
  for (const impl of ['gugus', 'plain'] as const) {
    const form = await openForm(browser, url, caseName, impl);
    lists.push(await form.page.evaluate(() => (globalThis as unknown as BenchWindow).gugusBench.textInputs()));
    await form.close();
  }
  const both = lists[0].filter((id) => lists[1].includes(id));
  if (both.length < count) throw new Error(`${caseName}: only ${both.length} text fields in both forms, need ${count}`);
  return Array.from({ length: count }, (_, i) => both[Math.round((i * (both.length - 1)) / (count - 1))]);
}

const pathOf = (id: string) => id.split('_').slice(1);

/** A keystroke, and whether it was the first into its field (that one also marks the field touched). */
interface Keystroke extends KeystrokeSample {
  first: boolean;
}

/** Same sequence every run (mulberry32). */
function pseudoRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function run(browser: Browser, url: string, caseName: string, impl: Impl, fields: readonly string[]): Promise<Keystroke[]> {
  const form = await openForm(browser, url, caseName, impl);
  const jitter = pseudoRandom(fields.length);
  try {
    const { page } = form;
    const typed = new Map<string, string>();
    const firsts: boolean[] = [];
    let count = 0;
    const type = async (id: string, keys: string) => {
      if (!(await page.evaluate((target) => (globalThis as unknown as BenchWindow).gugusBench.focusAtEnd(target), id))) throw new Error(`${caseName}/${impl}: no field #${id}`);
      // Let the blur of the previous field (it becomes touched) render before timing keystrokes.
      await sleep(100);
      for (const [i, key] of [...keys].entries()) {
        firsts.push(i === 0 && !typed.has(id));
        await page.keyboard.press(key);
        count += 1;
        await within(10_000, `${caseName}/${impl} keystroke ${count}`, page.evaluate((n) => (globalThis as unknown as BenchWindow).gugusBench.waitForSamples(n), count));
        await sleep(GAP_MS + jitter() * FRAME_MS);
      }
      typed.set(id, (typed.get(id) ?? '') + keys);
    };
    await type(fields[0], 'qwertyuiop'.slice(0, WARM_UP));
    for (const [i, id] of fields.entries()) await type(id, 'abcdefghijklmnopqrstuvwxyz'.slice(i, i + KEYS_PER_FIELD));

    // The keystrokes reached the form's data, not only the DOM: otherwise the bench timed nothing.
    await within(10_000, `${caseName}/${impl}: form data holding every keystroke`, page.evaluate(() => (globalThis as unknown as BenchWindow).gugusBench.waitForData()));
    for (const [id, keys] of typed) {
      const value = await page.evaluate((path) => (globalThis as unknown as BenchWindow).gugusBench.valueAt(path), pathOf(id));
      if (typeof value !== 'string' || !value.endsWith(keys)) throw new Error(`${caseName}/${impl}: #${id} holds ${JSON.stringify(value)} in the form data, expected it to end with "${keys}"`);
    }
    if (form.errors.length) throw new Error(`${caseName}/${impl}: page errors: ${form.errors.join('; ')}`);
    const samples = await page.evaluate(() => (globalThis as unknown as BenchWindow).gugusBench.samples);
    if (samples.length !== count) throw new Error(`${caseName}/${impl}: ${samples.length} samples for ${count} keystrokes`);
    return samples.map((sample, i) => ({ ...sample, first: firsts[i] })).slice(WARM_UP);
  } finally {
    await form.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  overBudget: number;
  n: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1], overBudget: values.filter((v) => v > FRAME_BUDGET_MS).length, n: values.length };
}

const ms = (v: number) => v.toFixed(1).padStart(6);
const ratio = (a: number, b: number) => (a / b).toFixed(2).padStart(5);

/** What each row measures, per keystroke. */
const METRICS: { label: string; of: (k: Keystroke) => number; only?: (k: Keystroke) => boolean }[] = [
  // What a person sees. Headless Chromium has no display to wait for and starts the frame right after the
  // input (well under a millisecond later), so this is close to the work; a screen adds up to one refresh.
  { label: 'keydown → next frame rendered', of: (k) => k.frame - k.keydown },
  // What must fit in a frame for none to be missed: the keystroke's script, then rendering that frame.
  { label: 'main-thread work (script + frame)', of: (k) => k.handled - k.keydown + (k.frame - k.frameStart) },
  { label: '  script: keydown → input handled', of: (k) => k.handled - k.keydown },
  { label: '  work, first key into a field', of: (k) => k.handled - k.keydown + (k.frame - k.frameStart), only: (k) => k.first },
  // When the page's form data (what a submit or the page reads) holds the keystroke: Gugus hands typed text to
  // rjsf after the frame that shows it, and at once before anything reads the data (libs/web/forms typing.tsx).
  { label: 'keydown → form data holds it', of: (k) => k.dataAt - k.keydown },
];

function row(label: string, plain: Stats, gugus: Stats): string {
  const over = (s: Stats) => `${s.overBudget}/${s.n}`.padStart(7);
  return `${label.padEnd(36)} ${ms(plain.p50)} ${ms(plain.p95)} ${ms(plain.max)}   ${ms(gugus.p50)} ${ms(gugus.p95)} ${ms(gugus.max)}   ${ratio(gugus.p50, plain.p50)} ${ratio(gugus.p95, plain.p95)}   ${over(plain)} ${over(gugus)}`;
}

async function main(): Promise<void> {
  if (!existsSync(join(harnessDir, 'index.html'))) throw new Error('dist/bench/browser is not built: run `npx nx run bench:forms-keystroke`');
  // --samples=<file>: also write every keystroke's timings as JSON, for a closer look.
  const samplesFile = process.argv.find((a) => a.startsWith('--samples='))?.slice('--samples='.length);
  const cases = benchCases();
  const { url, server } = await serve(cases);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const rows: string[] = [];
  const notes: string[] = [];
  const raw: Record<string, Record<Impl, Keystroke[]>> = {};
  let verdict = '';
  try {
    for (const c of cases) {
      const fields = await pickFields(browser, url, c.name, FIELDS);
      const pooled: Record<Impl, Keystroke[]> = { gugus: [], plain: [] };
      for (const impl of ORDER) pooled[impl].push(...(await run(browser, url, c.name, impl, fields)));
      raw[c.name] = pooled;
      rows.push(c.label);
      for (const m of METRICS) {
        const of = (impl: Impl) => stats(pooled[impl].filter(m.only ?? (() => true)).map(m.of));
        rows.push(row(m.label, of('plain'), of('gugus')));
      }
      for (const impl of ['plain', 'gugus'] as const) {
        const late = pooled[impl].filter((k) => k.commitsAtFrame <= k.commitsBefore).length;
        if (late) notes.push(`${c.name}/${impl}: ${late} keystrokes had not reached the form data by the frame measured`);
      }
      notes.push(`${c.name}: typed into ${fields.map((id) => `#${id}`).join(' ')}`);
      if (c.name === 'generated-300') {
        const seen = stats(pooled.gugus.map(METRICS[0].of));
        const baseline = stats(pooled.plain.map(METRICS[0].of));
        verdict = `aim (issue 13), under one frame (${FRAME_BUDGET_MS} ms) per keystroke at 300 fields, keydown → next frame: gugus p50 ${seen.p50.toFixed(1)} ms, p95 ${seen.p95.toFixed(1)} ms (plain rjsf p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms): ${seen.p95 <= FRAME_BUDGET_MS ? 'met' : 'not met'}`;
      }
    }
    const out: string[] = [];
    out.push('Latensi ketikan sampai tampil di layar (Chromium headless) / keystroke-to-paint latency, ms');
    out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, Chromium ${browser.version()}, load ${load}`);
    out.push(
      `per form and implementation: ${(ORDER.length / 2) * FIELDS * KEYS_PER_FIELD} keystrokes (${ORDER.length / 2} runs × ${FIELDS} fields × ${KEYS_PER_FIELD}, after ${WARM_UP} warm-up), ${GAP_MS}–${Math.round(GAP_MS + FRAME_MS)} ms apart, viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
    );
    out.push(`${''.padEnd(36)} ${'plain rjsf'.padEnd(20)}   ${'gugus SchemaForm'.padEnd(20)}   ${'gugus/plain'.padEnd(11)}   ${`> ${FRAME_BUDGET_MS} ms`.padStart(15)}`);
    out.push(`${''.padEnd(36)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)}   ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)}   ${'p50'.padStart(5)} ${'p95'.padStart(5)}   ${'plain'.padStart(7)} ${'gugus'.padStart(7)}`);
    out.push(...rows, ...notes, verdict);
    process.stdout.write(`${out.join('\n')}\n`);
    if (samplesFile) await writeFile(samplesFile, JSON.stringify(raw));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
