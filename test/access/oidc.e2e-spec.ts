import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

  /** The provider's login and consent pages, in a page that has already been sent there. */
  async function loginAtProvider(page: Page, login: string): Promise<void> {
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'any');
    await page.click('button[type="submit"]');
    // Consent, when the provider asks for it.
    const consent = page.locator('button[type="submit"]');
    if (!page.url().startsWith(webBase) && (await consent.count())) await consent.first().click().catch(() => undefined);
  }

  /** Goes through the provider's login and consent pages in a fresh browser; returns where Gugus sends it. */
  async function signOnAs(login: string): Promise<URL> {
    const page = await browser.newPage();
    try {
      const landed = page.waitForRequest((req) => req.url().startsWith(webBase), { timeout: 30_000 });
      await page.goto(`${api.url}/auth/oidc/login`);
      await loginAtProvider(page, login);
      return new URL((await landed).url());
    } finally {
      await page.close();
    }
  }

  /** An attacker signs on with their own account in their own browser and keeps the callback URL instead of following it. */
  async function callbackUrlOf(login: string): Promise<string> {
    const page = await browser.newPage();
    try {
      // Playwright's routes skip redirected requests (the provider redirects to the callback): stop it through CDP.
      const cdp = await page.context().newCDPSession(page);
      const caught = new Promise<string>((resolve) =>
        cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
          resolve(request.url);
          void cdp.send('Fetch.failRequest', { requestId, errorReason: 'Aborted' });
        }),
      );
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/auth/oidc/callback?*', requestStage: 'Request' }] });
      await page.goto(`${api.url}/auth/oidc/login`);
      await loginAtProvider(page, login);
      return await caught;
    } finally {
      await page.close();
    }
  }

  /** Where the API sends a browser that opens `callback` (one that has started a login of its own, or none). */
  async function openCallback(callback: string, startedOwnLogin: boolean): Promise<URL> {
    const page = await browser.newPage();
    try {
      if (startedOwnLogin) await page.goto(`${api.url}/auth/oidc/login`); // stays at the provider's login page
      const landed = page.waitForRequest((req) => req.url().startsWith(webBase), { timeout: 30_000 });
      await page.goto(callback).catch(() => undefined); // nothing serves the web page here
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

  it('binds the login to the browser with an HttpOnly SameSite=Lax cookie sent only to the callback', async () => {
    const res = await fetch(`${api.url}/auth/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gugus_sso=[\w-]{43};/);
    expect(cookie).toContain('Path=/auth/oidc/callback');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // Plain HTTP on loopback in this test; Secure when NODE_ENV=production or the callback is HTTPS.
    expect(cookie).not.toContain('Secure');
  });

  it.each([
    ['without the cookie', false],
    ["with another browser's cookie", true],
  ])('refuses a callback URL carried into the victim’s browser (login CSRF) %s: no hand-off, no session', async (_what, victimStartedLogin) => {
    const callback = await callbackUrlOf('sekretariat.jabar@gugus.test');
    const landed = await openCallback(callback, victimStartedLogin);
    expect(landed.searchParams.get('error')).toBe('sso_browser_mismatch');
    expect(landed.searchParams.get('handoff')).toBeNull();
    // The refused callback used the state up: the URL is worthless now.
    const again = await fetch(callback, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe(`${webBase}?error=sso_expired`);
  });

  it('refuses a callback with an unknown state', async () => {
    const res = await fetch(`${api.url}/auth/oidc/callback?state=forged&code=forged`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${webBase}?error=sso_expired`);
  });
});
