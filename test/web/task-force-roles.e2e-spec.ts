import { randomBytes } from 'node:crypto';
import type { TaskForceView } from '@gugus/contracts';
import { browserSession, client, login, serviceEnv, startApi, startWeb, type BrowserSession, type RunningApi, type RunningWeb } from '../support';

/**
 * In Chromium: the Kabupaten Bandung secretariat names who leads a Sub-TF and which position chairs the
 * task force, on the jurisdiction page (issue 10, "shape"); an agency officer sees both, without controls.
 * Kabupaten Bandung's settings are put back afterwards.
 */
describe('web app: task force chair and Sub-TF leads', () => {
  let api: RunningApi;
  let web: RunningWeb;
  let browser: BrowserSession;
  let sys: ReturnType<typeof client>;
  let before: TaskForceView;
  const chairTitle = `Bupati (uji ${randomBytes(3).toString('hex')})`;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
    sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    before = (await sys.get('/task-forces/32.04')).body as TaskForceView;
    // A chair position in Kabupaten Bandung to choose (the demo data has none there).
    const [agency] = (await sys.get('/agencies?jurisdictionCode=32.04')).body as { id: string }[];
    expect((await sys.post(`/agencies/${agency.id}/positions`, { title: chairTitle, roles: ['chair'] })).status).toBe(201);
  });
  afterAll(async () => {
    if (before) {
      await sys.call('PUT', '/task-forces/32.04/chair', { positionId: before.chairPositionId });
      for (const sub of before.subTaskForces) await sys.call('PUT', `/task-forces/32.04/sub-task-forces/${sub.kind}/lead`, { agencyId: sub.leadAgencyId });
    }
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  async function openAs(email: string, viewport: 'laptop' | 'phone' = 'laptop') {
    const page = await browser.open(web.url, { as: email, path: '/wilayah/32.04', viewport });
    await page.getByTestId('task-force').filter({ hasText: 'Gugus Tugas PP-TPPO Kabupaten Bandung' }).waitFor();
    return { context: page.context(), page };
  }

  it('lets the secretariat pick a Sub-TF lead among its members and the chair position, and keeps them on reload', async () => {
    const { context, page } = await openAs('sekretariat.bandung@gugus.test');
    try {
      const sub = page.getByTestId('sub-task-force').filter({ has: page.getByTestId('sub-task-force-lead') }).first();
      const kind = (await sub.getAttribute('data-kind')) as string;
      const select = sub.getByLabel('Instansi pemimpin');
      const options = (await select.locator('option').allTextContents()).slice(1);
      expect(options.length).toBeGreaterThan(0);
      await select.selectOption({ label: options[0] });
      await sub.getByTestId('save-lead').click();
      // Saved: once the task force reloads, the choice is the one in force and the button goes quiet (a wait, not a snapshot taken while the reload may still be on its way).
      await sub.locator('[data-testid="save-lead"]:disabled').waitFor();

      const chair = page.getByTestId('task-force-chair');
      await chair.locator('p', { hasText: 'Belum ditetapkan' }).waitFor();
      await chair.getByLabel('Jabatan ketua').selectOption({ label: (await chair.getByLabel('Jabatan ketua').locator('option', { hasText: chairTitle }).textContent()) as string });
      await chair.getByTestId('save-chair').click();
      await chair.locator('p', { hasText: chairTitle }).waitFor();
      await browser.shot(page, 'task-force-roles-secretariat-laptop');

      await page.reload();
      const again = page.getByTestId('sub-task-force').and(page.locator(`[data-kind="${kind}"]`));
      await expect(again.getByLabel('Instansi pemimpin').locator('option:checked').textContent()).resolves.toBe(options[0]);
      await page.getByTestId('task-force-chair').locator('p', { hasText: chairTitle }).waitFor();
      const view = (await sys.get('/task-forces/32.04')).body as TaskForceView;
      expect(view.subTaskForces.find((s) => s.kind === kind)?.leadAgencyId).toBeTruthy();
      expect(view.chairPositionId).toBeTruthy();
    } finally {
      await context.close();
    }
  });

  it('shows an agency officer the lead and the chair without any control to change them (phone width)', async () => {
    const { context, page } = await openAs('dinkes.bandung@gugus.test', 'phone');
    try {
      await page.getByTestId('sub-task-force').first().waitFor();
      await expect(page.getByTestId('sub-task-force-lead').count()).resolves.toBe(0);
      await expect(page.getByTestId('save-chair').count()).resolves.toBe(0);
      await browser.shot(page, 'task-force-roles-officer-phone');
    } finally {
      await context.close();
    }
  });
});
