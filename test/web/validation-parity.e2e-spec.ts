import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FORM_LIBRARY, type ExtraErrors, type FormSchema } from '@gugus/forms';
import { client, launchChromium, login, repoRoot, serviceEnv, startApi, type RunningApi } from '../support';

/**
 * Issue 4, acceptance 1: every fixture of the national library gets the same verdict and the same field
 * messages, in both languages, from the server (the forms API) and from the browser (the web app's own
 * checking, `checkFormData` from `@gugus/web-forms`, run in Chromium from the harness bundle that
 * `nx run test-browser-harness:build` makes). Submissions go to Batam, which has no province variant.
 */
const HARNESS = join(repoRoot, 'dist/test/browser-harness/harness.js');
const JURISDICTION = '21.71';
const LANGUAGES = ['id', 'en'] as const;

type Case = { form: string; fixture: string; data: Record<string, unknown>; valid: boolean };
const cases: Case[] = FORM_LIBRARY.flatMap((f) => [
  ...Object.entries(f.valid).map(([fixture, data]) => ({ form: f.definition.key, fixture, data: data as Record<string, unknown>, valid: true })),
  ...Object.entries(f.invalid)
    .filter(([, fixture]) => fixture.data !== null && typeof fixture.data === 'object' && !Array.isArray(fixture.data))
    .map(([fixture, { data }]) => ({ form: f.definition.key, fixture, data: data as Record<string, unknown>, valid: false })),
]);

/** `{ a: { b: { __errors: [m] } } }` as sorted `a/b: m` lines, so two error trees compare as lists. */
function lines(errors: ExtraErrors | undefined, path: string[] = []): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .flatMap(([key, value]) => (key === '__errors' ? (value as string[]).map((m) => `${path.join('/') || '(form)'}: ${m}`) : lines(value as ExtraErrors, [...path, key])))
    .sort();
}

describe('form validation: the browser and the server say the same', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let officer: ReturnType<typeof client>;
  const schemas = new Map<string, FormSchema>();

  beforeAll(async () => {
    if (!existsSync(HARNESS)) throw new Error(`${HARNESS} is missing: run \`npx nx run test-browser-harness:build\` (npm test builds it)`);
    [api, browser] = await Promise.all([startApi(serviceEnv()), launchChromium()]);
    officer = client(api.url, (await login(api.url, 'dinsos.batam@gugus.test')).accessToken);
    page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="id"><body></body></html>');
    await page.addScriptTag({ content: readFileSync(HARNESS, 'utf8') });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function schemaOf(form: string, language: string): Promise<FormSchema> {
    const key = `${form}|${language}`;
    if (!schemas.has(key)) {
      const res = await officer.call('GET', `/forms/${form}/effective?jurisdictionCode=${JURISDICTION}`, undefined, { 'accept-language': language });
      expect(res.status).toBe(200);
      schemas.set(key, res.body.schema as FormSchema);
    }
    return schemas.get(key) as FormSchema;
  }

  it('has fixtures to compare (valid and invalid, for every form)', () => {
    expect(new Set(cases.filter((c) => c.valid).map((c) => c.form)).size).toBe(FORM_LIBRARY.length);
    expect(new Set(cases.filter((c) => !c.valid).map((c) => c.form)).size).toBe(FORM_LIBRARY.length);
  });

  it.each(cases.map((c) => [`${c.form} / ${c.fixture}`, c] as const))('%s', async (_name, c) => {
    for (const language of LANGUAGES) {
      const schema = await schemaOf(c.form, language);
      const inBrowser = await page.evaluate(
        ({ schema, data, language }) => (window as unknown as { gugusHarness: { checkFormData(s: unknown, d: unknown, l: string): unknown } }).gugusHarness.checkFormData(schema, data, language),
        { schema, data: c.data, language },
      );
      const res = await officer.call('POST', `/forms/${c.form}/submissions`, { jurisdictionCode: JURISDICTION, data: c.data, status: 'submitted' }, { 'accept-language': language });
      if (c.valid) {
        expect({ language, status: res.status, browser: lines(inBrowser as ExtraErrors) }).toEqual({ language, status: 201, browser: [] });
      } else {
        expect({ language, status: res.status }).toEqual({ language, status: 400 });
        const fromServer = lines(res.body.details.extraErrors as ExtraErrors);
        expect(fromServer.length).toBeGreaterThan(0);
        expect({ language, browser: lines(inBrowser as ExtraErrors) }).toEqual({ language, browser: fromServer });
      }
    }
  });
});
