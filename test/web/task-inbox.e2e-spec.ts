import type { Page } from 'playwright-core';
import { browserSession, client, databaseOfItsOwn, login, serviceEnv, startApi, startWeb, type BrowserSession, sql, type OwnDatabase, type RunningApi, type RunningWeb } from '../support';
import { seedInboxTasks } from '../support/inbox-seed';

const ADMIN = 'admin@gugus.test';

/**
 * Issue 13 in Chromium: national oversight's inbox when there are more open tasks than the API counts
 * (1,000): the badges say "1.000+" and why, the page count is not guessed, "next" follows the API's
 * cursor (kept in the address), "previous" goes back by page number — in Bahasa Indonesia and English.
 */
describe('web app: the task inbox past the count cap', () => {
  let own: OwnDatabase;
  let api: RunningApi;
  let web: RunningWeb;
  let browser: BrowserSession;
  /** Done tasks the prepared database already has (none expected, but not assumed). */
  let demoDone = 0;

  beforeAll(async () => {
    own = await databaseOfItsOwn('inbox_web');
    // 1,030 open tasks, overdue by 1 to 1,030 minutes: more than the cap, in a known order.
    await seedInboxTasks(own.ownerUrl, 'bulk-check', 1_030, { status: `'open'`, due: `now() - (1031 - i) * interval '1 minute'`, created: 'now()' });
    // And 45 done ones, for a view under the cap.
    await seedInboxTasks(own.ownerUrl, 'done-check', 45, { status: `'completed'`, due: `now() - i * interval '1 day'`, created: `now() - i * interval '2 days'` });
    demoDone = Number((await sql(own.ownerUrl, `SELECT count(*)::int AS n FROM tasks WHERE status <> 'open' AND process_key <> 'done-check'`))[0]['n']);
    [api, browser] = await Promise.all([startApi(serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir })), browserSession()]);
    web = await startWeb(api.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
    await own?.drop();
  });

  const rowIds = async (page: Page) => page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id')));

  /** The ids of the national open view's `n`-th page of 20 (1-based), asked of the API by offset. */
  async function apiPage(n: number): Promise<string[]> {
    const admin = client(api.url, (await login(api.url, ADMIN)).accessToken);
    const res = await admin.get(`/tasks?scope=jurisdiction&status=open&limit=20&offset=${(n - 1) * 20}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((t) => t.id);
  }

  it('says the counts are capped, pages forward by cursor and back by number (laptop, Bahasa Indonesia, then English)', async () => {
    const page = await browser.open(web.url, { as: ADMIN, path: '/tugas' });
    await page.getByTestId('inbox-scope').getByRole('button', { name: 'Wilayah', exact: true }).click();
    await page.waitForURL(/lingkup=wilayah/);
    await page.getByTestId('count-open').filter({ hasText: '1.000+' }).waitFor();
    await page.getByTestId('count-overdue').filter({ hasText: '1.000+' }).waitFor();
    await expect(page.getByTestId('count-open').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('count-open').textContent()).resolves.toContain('lebih dari 1.000');
    await expect(page.getByTestId('inbox-capped-note').textContent()).resolves.toBe(
      'Angka bertanda + tidak dihitung persis: penghitungan berhenti di 1.000 agar kotak tugas tetap cepat. Persempit saringan untuk angka persis.',
    );
    await page.getByTestId('inbox-showing').filter({ hasText: 'Menampilkan 1–20 dari lebih dari 1.000 tugas' }).waitFor();
    await page.getByTestId('inbox-page').filter({ hasText: /^Halaman 1$/ }).waitFor();
    await expect(page.getByTestId('inbox-previous').isDisabled()).resolves.toBe(true);
    const first = await apiPage(1);
    await expect(rowIds(page)).resolves.toEqual(first);
    await browser.shot(page, 'e2e-task-inbox-capped-id-laptop');

    // Forward: the API's cursor goes into the address; the page is the one offset paging gives too.
    await page.getByTestId('inbox-next').click();
    await page.waitForURL(/hal=2&kursor=[A-Za-z0-9_-]+/);
    await page.getByTestId('inbox-showing').filter({ hasText: 'Menampilkan 21–40 dari lebih dari 1.000 tugas' }).waitFor();
    const second = await apiPage(2);
    await page.locator(`[data-testid="task-row"][data-task-id="${second[0]}"]`).waitFor();
    await expect(rowIds(page)).resolves.toEqual(second);
    await page.getByTestId('inbox-next').click();
    await page.waitForURL(/hal=3&kursor=/);
    const third = await apiPage(3);
    await page.locator(`[data-testid="task-row"][data-task-id="${third[0]}"]`).waitFor();
    await expect(rowIds(page)).resolves.toEqual(third);
    // A reload keeps the page (the cursor is in the address).
    await page.reload();
    await page.locator(`[data-testid="task-row"][data-task-id="${third[0]}"]`).waitFor();
    await expect(rowIds(page)).resolves.toEqual(third);

    // Back: by page number (no cursor in the address).
    await page.getByTestId('inbox-previous').click();
    await page.waitForURL((url) => url.searchParams.get('hal') === '2' && !url.searchParams.has('kursor'));
    await page.locator(`[data-testid="task-row"][data-task-id="${second[0]}"]`).waitFor();
    await expect(rowIds(page)).resolves.toEqual(second);

    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await page.getByTestId('inbox-showing').filter({ hasText: 'Showing 21–40 of more than 1,000 tasks' }).waitFor();
    await page.getByTestId('inbox-page').filter({ hasText: /^Page 2$/ }).waitFor();
    await expect(page.getByTestId('inbox-capped-note').textContent()).resolves.toBe(
      'Figures marked + are not exact counts: counting stops at 1,000 to keep the inbox fast. Narrow the filters for exact figures.',
    );
    await expect(page.getByTestId('count-overdue').textContent()).resolves.toContain('more than 1,000');
    await browser.shot(page, 'e2e-task-inbox-capped-en-laptop');
    await page.context().close();
  });

  it('shows an exact count and "page n of m" for a view under the cap, with the same cursor paging (phone)', async () => {
    const admin = client(api.url, (await login(api.url, ADMIN)).accessToken);
    const done = (await admin.get('/tasks?scope=jurisdiction&status=done&limit=1')).body as { total: number; capped: { total: boolean } };
    expect(done).toMatchObject({ total: 45 + demoDone, capped: { total: false } });
    const pages = Math.ceil(done.total / 20);
    const page = await browser.open(web.url, { as: ADMIN, path: '/tugas', viewport: 'phone' });
    await page.getByTestId('inbox-scope').getByRole('button', { name: 'Wilayah', exact: true }).click();
    await page.getByTestId('count-done').filter({ hasText: String(done.total) }).click();
    await page.getByTestId('inbox-showing').filter({ hasText: `Menampilkan 1–20 dari ${done.total} tugas` }).waitFor();
    await page.getByTestId('inbox-page').filter({ hasText: `Halaman 1 dari ${pages}` }).waitFor();
    // The open and overdue badges are still past the cap: the note stays.
    await page.getByTestId('inbox-capped-note').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await browser.shot(page, 'e2e-task-inbox-capped-id-phone');
    await page.getByTestId('inbox-next').click();
    await page.waitForURL(/hal=2&kursor=/);
    await page.getByTestId('inbox-page').filter({ hasText: `Halaman 2 dari ${pages}` }).waitFor();
    await page.getByTestId('inbox-showing').filter({ hasText: `Menampilkan 21–40 dari ${done.total} tugas` }).waitFor();
    await page.context().close();
  });
});
