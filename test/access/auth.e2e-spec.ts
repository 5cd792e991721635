import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { client, clientFrom, login, serviceEnv, startApi, testEnv, type RunningApi } from '../support';

/** Local accounts as a person meets them: login, sessions that really end, lockout, no account oracle. */
describe('authentication', () => {
  let api: RunningApi;
  let admin: ReturnType<typeof client>;
  let agencyId: string;
  const db = new Client({ connectionString: testEnv().databaseUrl });

  beforeAll(async () => {
    api = await startApi(serviceEnv({ AUTH_LOCKOUT_THRESHOLD: '5', AUTH_LOCKOUT_MINUTES: '15' }));
    await db.connect();
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    const agencies = await admin.get('/agencies?jurisdictionCode=32');
    agencyId = agencies.body[0].id;
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  /** A fresh account, so lockout tests do not lock accounts other tests use. */
  async function newAccount(): Promise<{ email: string; password: string }> {
    const email = `akun.${randomUUID().slice(0, 8)}@gugus.test`;
    const password = 'kata-sandi-rahasia-1';
    const res = await admin.post('/people', { agencyId, fullName: 'Akun Uji', email, password });
    expect(res.status).toBe(201);
    return { email, password };
  }

  it('logs in, says who I am, and ends the session on logout (access and refresh tokens both stop working)', async () => {
    const tokens = await login(api.url, 'sekretariat.jabar@gugus.test');
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = client(api.url, tokens.accessToken);
    const who = await me.get('/auth/me');
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ name: 'Dedi Supriadi', email: 'sekretariat.jabar@gugus.test', grants: [{ role: 'secretariat', jurisdictionCode: '32', via: 'holder' }] });

    expect((await me.post('/auth/logout')).status).toBe(204);
    const after = await me.get('/auth/me');
    expect(after).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await client(api.url).post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('rotates refresh tokens: using the old one again ends the session', async () => {
    const tokens = await login(api.url, 'hukum.jabar@gugus.test');
    const anon = client(api.url);
    const next = await anon.post('/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(next.status).toBe(200);
    expect((await client(api.url, next.body.accessToken).get('/auth/me')).status).toBe(200);
    // The access token from before the rotation no longer works.
    expect((await client(api.url, tokens.accessToken).get('/auth/me')).status).toBe(401);
    // Presenting the old refresh token again is a reuse: the whole session ends, new tokens included.
    expect((await anon.post('/auth/refresh', { refreshToken: tokens.refreshToken })).body.code).toBe('UNAUTHENTICATED');
    expect((await client(api.url, next.body.accessToken).get('/auth/me')).status).toBe(401);
  });

  it('refuses an expired access token with a clear 401', async () => {
    const tokens = await login(api.url, 'ketua.jabar@gugus.test');
    const me = await client(api.url, tokens.accessToken).get('/auth/me');
    await db.query(`UPDATE sessions SET access_expires_at = now() - interval '1 second' WHERE person_id = $1`, [me.body.personId]);
    const res = await client(api.url, tokens.accessToken).get('/auth/me');
    expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const { email } = await newAccount();
    const anon = client(api.url);
    const wrong = await anon.post('/auth/login', { email, password: 'bukan-sandinya' });
    const unknown = await anon.post('/auth/login', { email: `tidak.ada.${randomUUID()}@gugus.test`, password: 'bukan-sandinya' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: { code: string; message: string }) => ({ code: b.code, message: b.message });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.message).toBe('E-mail atau kata sandi salah.');
  });

  it('blocks an address after five wrong passwords for that account, even against the right one, and an unknown e-mail the same way', async () => {
    const { email, password } = await newAccount();
    const ghost = `hantu.${randomUUID().slice(0, 8)}@gugus.test`;
    const guesser = clientFrom(api.url, '127.0.0.7');
    for (const who of [email, ghost]) {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await guesser.post('/auth/login', { email: who, password: 'salah-salah' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    }
    const locked = await guesser.post('/auth/login', { email, password });
    expect(locked).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: expect.any(String) } } });
    const ghostLocked = await guesser.post('/auth/login', { email: ghost, password });
    expect(ghostLocked.status).toBe(429);

    // The block is for that address: the person logs in from their own (the guesser cannot lock them out).
    expect((await clientFrom(api.url, '127.0.0.8').post('/auth/login', { email, password })).status).toBe(200);

    // When the period has passed, the right password works from the guesser's address again.
    await db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second'`);
    expect((await guesser.post('/auth/login', { email, password })).status).toBe(200);
  });

  it.each([
    ['no body', undefined, 'email'],
    ['a non-string e-mail', { email: 42, password: 'x' }, 'email'],
    ['a missing password', { email: 'a@b.c' }, 'password'],
  ])('rejects a login with %s as 400 naming the field', async (_what, body, field) => {
    const res = await client(api.url).call('POST', '/auth/login', body ?? {});
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each([
    ['no token', undefined],
    ['a garbage token', 'not-a-token'],
    ['an absurdly long token', 'x'.repeat(5000)],
  ])('refuses a protected route with %s as 401', async (_what, token) => {
    const res = await client(api.url, token).get('/jurisdictions');
    expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });
});
