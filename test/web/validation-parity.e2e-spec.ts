import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FORM_LIBRARY, agencyReferences, type ExtraErrors, type FormSchema } from '@gugus/forms';
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

/**
 * Fixtures name agencies with made-up ids; the server checks every agency-picker answer names an agency
 * of the jurisdiction (issue 9), so each distinct made-up id becomes one of Batam's real agencies, the
 * same one wherever it appears.
 */
const uiSchemaOf = (form: string) => FORM_LIBRARY.find((f) => f.definition.key === form)?.definition.uiSchema ?? {};

function withAgencies(c: Case, agencies: string[]): Record<string, unknown> {
  const data = structuredClone(c.data);
  const uiSchema = uiSchemaOf(c.form);
  const chosen = new Map<unknown, string>();
  for (const ref of agencyReferences(uiSchema, data)) {
    if (typeof ref.value !== 'string') continue;
    if (!chosen.has(ref.value)) chosen.set(ref.value, agencies[chosen.size % agencies.length]);
    const path = ref.pointer.split('/').slice(1);
    let at = data as Record<string, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path[path.length - 1]] = chosen.get(ref.value);
  }
  return data;
}

describe('form validation: the browser and the server say the same', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let officer: ReturnType<typeof client>;
  const schemas = new Map<string, FormSchema>();
  let agencies: string[] = [];

  beforeAll(async () => {
    if (!existsSync(HARNESS)) throw new Error(`${HARNESS} is missing: run \`npx nx run test-browser-harness:build\` (npm test builds it)`);
    // Every fixture is submitted in both languages by one officer, more writes a minute than a person's
    // throttle allows; the throttles have their own test (security/sessions), so this API lifts them.
    [api, browser] = await Promise.all([
      startApi(serviceEnv({ THROTTLE_WRITES_PER_PERSON: '100000', THROTTLE_WRITES_PER_ADDRESS: '100000' })),
      launchChromium(),
    ]);
    officer = client(api.url, (await login(api.url, 'dinsos.batam@gugus.test')).accessToken);
    // Some fixtures name several different agencies (attendees, action points): Batam gets enough of
    // them, added once by the system administrator and reused by later runs.
    const needed = Math.max(...cases.map((c) => new Set(agencyReferences(uiSchemaOf(c.form), c.data).map((r) => r.value)).size));
    const sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const listAgencies = async () => ((await sys.get(`/agencies?jurisdictionCode=${JURISDICTION}`)).body as { id: string }[]).map((a) => a.id);
    agencies = await listAgencies();
    for (let n = agencies.length; n < needed; n++) {
      const made = await sys.post('/agencies', { jurisdictionCode: JURISDICTION, name: `Instansi Uji Paritas ${n + 1}`, kind: 'government_office' });
      expect(made.status).toBe(201);
    }
    agencies = await listAgencies();
    expect(agencies.length).toBeGreaterThanOrEqual(needed);
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
    const data = withAgencies(c, agencies);
    for (const language of LANGUAGES) {
      const schema = await schemaOf(c.form, language);
      const inBrowser = await page.evaluate(
        ({ schema, data, language }) => (window as unknown as { gugusHarness: { checkFormData(s: unknown, d: unknown, l: string): unknown } }).gugusHarness.checkFormData(schema, data, language),
        { schema, data, language },
      );
      const res = await officer.call('POST', `/forms/${c.form}/submissions`, { jurisdictionCode: JURISDICTION, data, status: 'submitted' }, { 'accept-language': language });
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
