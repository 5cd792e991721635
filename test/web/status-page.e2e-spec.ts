import { browserSession, freePort, serviceEnv, startApi, startWeb, startWorker, submitLogin, type BrowserSession, type RunningApi, type RunningWeb, type ServiceProcess } from '../support';

/** The built web app in Debian's Chromium, talking to the real API through the same /api proxy as nginx. */
describe('web app: system status page', () => {
  let browser: BrowserSession;
  let api: RunningApi;
  let worker: ServiceProcess;
  let web: RunningWeb;

  beforeAll(async () => {
    const env = serviceEnv();
    [api, worker, browser] = await Promise.all([startApi(env), startWorker(env), browserSession()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop(), worker?.stop()]);
  });

  it('shows the live status in Bahasa Indonesia by default, switches to English, and remembers it', async () => {
    // A browser set to English still gets Bahasa Indonesia first.
    const page = await browser.open(web.url, { locale: 'en-US' });
    await page.waitForURL(/\/status$/);
    expect(await page.getAttribute('html', 'lang')).toBe('id');

    const overall = page.getByTestId('overall-status');
    await overall.filter({ hasText: 'Semua layanan berjalan' }).waitFor();
    await expect(page.getByTestId('component-database').textContent()).resolves.toContain('Aktif');
    await expect(page.getByTestId('component-database').textContent()).resolves.toContain('PostgreSQL');
    await expect(page.getByTestId('component-temporal').textContent()).resolves.toContain('Aktif');
    await browser.shot(page, 'e2e-status-id');

    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await overall.filter({ hasText: 'All services are running' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByTestId('component-temporal').textContent()).resolves.toContain('Up');

    await page.reload();
    await overall.filter({ hasText: 'All services are running' }).waitFor();
    await page.context().close();
  });

  it('runs a system check from the page, after logging in, and shows it completed through the whole chain', async () => {
    const page = await browser.open(web.url, { path: '/status', viewport: 'phone' });
    // Each check runs a workflow: anonymous visitors see the health only, and a way to log in.
    await page.getByTestId('system-check-login').getByRole('link', { name: 'Masuk' }).click();
    await submitLogin(page, 'dinsos.jabar@gugus.test');
    await page.waitForURL(/\/status$/);
    await page.getByTestId('run-system-check').click();
    const result = page.getByTestId('system-check-result');
    await result.filter({ hasText: 'Pemeriksaan berhasil: seluruh rantai berfungsi.' }).waitFor({ timeout: 60_000 });
    await expect(result.textContent()).resolves.toContain('PostgreSQL');
    await browser.shot(page, 'e2e-system-check-id-phone');
    await page.context().close();
  });

  it('says in words when the process engine is down', async () => {
    const downApi = await startApi(serviceEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` }));
    const downWeb = await startWeb(downApi.url);
    try {
      const page = await browser.open(downWeb.url, { path: '/status' });
      await page.getByTestId('overall-status').filter({ hasText: 'Sebagian layanan tidak tersedia' }).waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('component-temporal').textContent()).resolves.toContain('Tidak tersedia');
      await expect(page.getByTestId('component-database').textContent()).resolves.toContain('Aktif');
      await browser.shot(page, 'e2e-status-temporal-down-id');
      await page.context().close();
    } finally {
      await Promise.all([downWeb.stop(), downApi.stop()]);
    }
  });
});
