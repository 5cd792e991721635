import type { Browser, Page } from 'playwright-core';
import { eventually, launchChromium, serviceEnv, startApi, startWeb, type RunningApi, type RunningWeb, submitLogin } from '../support';

const REFRESH_KEY = 'gugus.session.refreshToken';

/**
 * A refresh token works once: presenting it again ends the session. A duplicated tab starts with a copy
 * of the first tab's sessionStorage, so both hold one refresh token; whichever renews must hand the new
 * tokens to the other, or the other's next renewal would end the session for both.
 */
describe('web app: one session in duplicated tabs', () => {
  let api: RunningApi;
  let web: RunningWeb;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), launchChromium()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  const refreshOf = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), REFRESH_KEY);
  const renewal = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);

  it('keeps the session alive in both tabs when each renews in turn', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const original = await context.newPage();
    // Logged in on the way to the region list (a login alone lands on the home page).
    await original.goto(`${web.url}/wilayah`);
    await original.waitForURL(/\/masuk$/);
    await submitLogin(original, 'hukum.jabar@gugus.test');
    await original.waitForURL(/\/wilayah$/);
    const shared = await refreshOf(original);

    // "Duplicate tab": a second tab that starts with a copy of the first one's sessionStorage. On load it
    // renews (the access token lives in memory only) with the shared refresh token.
    const duplicate = await context.newPage();
    await duplicate.addInitScript(([key, token]) => sessionStorage.getItem(key) ?? sessionStorage.setItem(key, token), [REFRESH_KEY, shared ?? ''] as const);
    const duplicateRenewed = renewal(duplicate);
    await duplicate.goto(`${web.url}/wilayah`);
    await duplicateRenewed;
    await duplicate.getByTestId('account-name').waitFor();
    const next = await eventually(
      async () => {
        const now = await refreshOf(original);
        return now && now !== shared ? now : undefined;
      },
      10_000,
      'the original tab to take the new tokens',
    );
    expect(next).toBe(await refreshOf(duplicate));

    // The original's access token expires (within the app, no reload): it renews with the token it was
    // handed, not the used one — which would end the session.
    const expired = JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Sesi berakhir; silakan masuk kembali.', details: {} });
    await original.route('**/api/task-forces/32', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: expired }), { times: 1 });
    const originalRenewed = renewal(original);
    await original.getByTestId('province-list').getByRole('link', { name: /Jawa Barat/ }).click();
    await originalRenewed;
    await original.getByTestId('task-force').getByTestId('sub-task-force').first().waitFor();

    // That renewal replaced the duplicate's tokens too; it was handed the new ones and carries on.
    await duplicate.getByTestId('province-list').getByRole('link', { name: /Jawa Barat/ }).click();
    await duplicate.getByTestId('task-force').getByTestId('sub-task-force').first().waitFor();
    await expect(duplicate.getByTestId('account-name').textContent()).resolves.toBe(await original.getByTestId('account-name').textContent());
    await context.close();
  });
});
