import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { client, freePort, launchChromium, repoRoot, serviceEnv, startApi, type RunningApi } from '../support';

/** Single sign-on against a real OpenID Connect provider on loopback, driven through Chromium. */
describe('OpenID Connect login', () => {
  let idp: ChildProcess;
  let api: RunningApi;
  let browser: Browser;
  let webBase: string;

  beforeAll(async () => {
    const [idpPort, apiPort, webPort] = [await freePort(), await freePort(), await freePort()];
    webBase = `http://127.0.0.1:${webPort}/masuk/sso`;
    const redirectUri = `http://127.0.0.1:${apiPort}/auth/oidc/callback`;
    idp = spawn(process.execPath, [join(repoRoot, 'test/support/oidc-idp.mjs'), String(idpPort), redirectUri], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => idp.stdout?.on('data', (d: Buffer) => d.toString().includes('idp listening') && resolve()));
    api = await startApi(
      serviceEnv({
        OIDC_ISSUER_URL: `http://127.0.0.1:${idpPort}`,
        OIDC_CLIENT_ID: 'gugus-test',
        OIDC_CLIENT_SECRET: 'gugus-test-secret',
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_POST_LOGIN_URL: webBase,
      }),
      apiPort,
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    idp?.kill();
  });

  /** Goes through the provider's login and consent pages; returns where Gugus sends the browser. */
  async function signOnAs(login: string): Promise<URL> {
    const page = await browser.newPage();
    try {
      const landed = page.waitForRequest((req) => req.url().startsWith(webBase), { timeout: 30_000 });
      await page.goto(`${api.url}/auth/oidc/login`);
      await page.fill('input[name="login"]', login);
      await page.fill('input[name="password"]', 'any');
      await page.click('button[type="submit"]');
      // Consent, when the provider asks for it.
      const consent = page.locator('button[type="submit"]');
      if (!page.url().startsWith(webBase) && (await consent.count())) await consent.first().click().catch(() => undefined);
      return new URL((await landed).url());
    } finally {
      await page.close();
    }
  }

  it('says that SSO is enabled', async () => {
    expect(await client(api.url).get('/auth/oidc')).toMatchObject({ status: 200, body: { enabled: true } });
  });

  it('logs a known person in through the provider with a one-time hand-off code', async () => {
    const landed = await signOnAs('sekretariat.jabar@gugus.test');
    const handoff = landed.searchParams.get('handoff');
    expect(handoff).toEqual(expect.any(String));
    expect(landed.search).not.toMatch(/token/i);

    const anon = client(api.url);
    const tokens = await anon.post('/auth/oidc/exchange', { handoff });
    expect(tokens.status).toBe(200);
    expect((await client(api.url, tokens.body.accessToken).get('/auth/me')).body).toMatchObject({ name: 'Dedi Supriadi', grants: [{ role: 'secretariat' }] });
    // The code works once.
    expect(await anon.post('/auth/oidc/exchange', { handoff })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['an e-mail with no Gugus account', 'orang.asing@example.org', 'sso_no_account'],
    ['an unverified e-mail', 'unverified:sekretariat.jabar@gugus.test', 'sso_no_account'],
  ])('refuses %s without creating a session', async (_what, login, error) => {
    const landed = await signOnAs(login);
    expect(landed.searchParams.get('error')).toBe(error);
    expect(landed.searchParams.get('handoff')).toBeNull();
  });

  it('refuses a callback with an unknown state', async () => {
    const res = await fetch(`${api.url}/auth/oidc/callback?state=forged&code=forged`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${webBase}?error=sso_expired`);
  });
});
