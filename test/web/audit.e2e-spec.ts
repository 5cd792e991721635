import { FORM_LIBRARY } from '@gugus/forms';
import { browserSession, client, login, serviceEnv, startApi, startWeb, type BrowserSession, type RunningApi, type RunningWeb } from '../support';

/** The audit trail screen's "reads only" filter and purpose column, in Debian's Chromium against the real API. */
describe('web app: who read what in the audit trail', () => {
  let browser: BrowserSession;
  let api: RunningApi;
  let web: RunningWeb;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  it('narrows the trail to reads with one control, keeps it in the address, and shows the purpose column', async () => {
    // A read and a change in West Java, through the API.
    const jabar = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    const agencies = (await jabar.get('/agencies?jurisdictionCode=32')).body as { id: string }[];
    const people = (await jabar.get(`/people?agencyId=${agencies[0].id}`)).body as { id: string }[];
    expect((await jabar.get(`/people/${people[0].id}`)).status).toBe(200);
    // A case intake read back by the case worker who filled it in: an audited read with its purpose.
    // (Not the victim screening: other test files publish West Java variants of it with more required fields.)
    const caseWorker = client(api.url, (await login(api.url, 'pekerja.jabar@gugus.test')).accessToken);
    const intake = FORM_LIBRARY.find((f) => f.definition.key === 'case-intake');
    const created = await caseWorker.post('/forms/case-intake/submissions', { jurisdictionCode: '32', data: intake?.valid['indonesian-adult'], status: 'submitted' });
    expect(created.status).toBe(201);
    expect((await caseWorker.get(`/form-submissions/${created.body.id}`)).status).toBe(200);

    const page = await browser.open(web.url, { as: 'admin.jabar@gugus.test', path: '/audit' });
    try {
      const table = page.getByTestId('audit-table');
      await table.getByRole('columnheader', { name: 'Tujuan' }).waitFor();
      // Unfiltered, the trail has changes and logins too.
      await page.getByTestId('audit-row').filter({ hasText: 'auth.login' }).first().waitFor();

      await page.getByLabel('Hanya akses baca (siapa melihat data apa, dan untuk apa)').check();
      await page.getByTestId('audit-filters').getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL(/kind=read/);
      await page.getByTestId('audit-row').filter({ has: page.locator(`[title="${people[0].id}"]`) }).filter({ hasText: 'person.read' }).first().waitFor();
      await page.getByTestId('audit-row').filter({ hasText: 'auth.login' }).first().waitFor({ state: 'detached' });
      const actions = await page.getByTestId('audit-row').locator('td:nth-child(3) code').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => !a.endsWith('.read') && a !== 'person.list')).toEqual([]);
      // The purpose reads in words (the code is its tooltip).
      const read = page.getByTestId('audit-row').filter({ has: page.locator(`code[title="${created.body.id}"]`) });
      await read.getByText('pengisi formulir').waitFor();
      await browser.shot(page, 'audit-reads-only-id-laptop');

      // The filter survives a reload (it lives in the address), and the checkbox shows it.
      await page.reload();
      await expect(page.getByLabel('Hanya akses baca (siapa melihat data apa, dan untuk apa)').isChecked()).resolves.toBe(true);
      await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
      await page.getByLabel('Reads only (who viewed which record, and why)').waitFor();
      await table.getByRole('columnheader', { name: 'Purpose' }).waitFor();
      await read.getByText('form author').waitFor();
      await browser.shot(page, 'audit-reads-only-en-laptop');

      // Clearing the filters brings everything back.
      await page.getByTestId('audit-filters').getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForURL((url) => !url.search.includes('kind=read'));
      await page.getByTestId('audit-row').filter({ hasText: 'auth.login' }).first().waitFor();
    } finally {
      await page.context().close();
    }
  });
});
