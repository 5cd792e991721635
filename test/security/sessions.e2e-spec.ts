import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SessionTokens } from '@gugus/contracts';
import { client, clientFrom, eventually, login, serviceEnv, startApi, testEnv, type AddressedResponse, type RunningApi } from '../support';

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

// Small limits so the test reaches them quickly; the defaults are documented in server-config.ts.
const LOGINS_PER_ADDRESS = 20;
const REFRESHES_PER_ADDRESS = 10;
const WRITES_PER_PERSON = 100;
const SYSTEM_CHECKS_PER_PERSON = 3;

/**
 * Issue 9, acceptance 4 against the built API and PostgreSQL: login spraying is throttled per address, a
 * blocked attacker cannot lock the real person out from elsewhere, a reused refresh token ends the
 * session, sessions end at an absolute time, and writes are throttled per person. Client addresses are
 * real: each "address" is a different 127.x loopback address the request is sent from.
 */
describe('sessions and abuse', () => {
  let api: RunningApi;
  let admin: ReturnType<typeof client>;
  let agencyId: string;
  const db = new Client({ connectionString: testEnv().databaseUrl });

  beforeAll(async () => {
    api = await startApi(
      serviceEnv({
        THROTTLE_LOGIN_PER_ADDRESS: String(LOGINS_PER_ADDRESS),
        THROTTLE_REFRESH_PER_ADDRESS: String(REFRESHES_PER_ADDRESS),
        THROTTLE_WRITES_PER_PERSON: String(WRITES_PER_PERSON),
        THROTTLE_SYSTEM_CHECKS_PER_PERSON: String(SYSTEM_CHECKS_PER_PERSON),
        AUTH_LOCKOUT_THRESHOLD: '5',
        AUTH_LOCKOUT_MINUTES: '15',
      }),
    );
    await db.connect();
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    agencyId = (await admin.get('/agencies?jurisdictionCode=32')).body[0].id;
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  /** A fresh account; `withPassword: false` skips hashing one (argon2 is slow on purpose) for accounts nobody logs in to. */
  async function newAccount(withPassword = true): Promise<{ email: string; password: string }> {
    const email = `sesi.${randomUUID().slice(0, 8)}@gugus.test`;
    const password = `sandi-${randomUUID()}`;
    const res = await admin.post('/people', { agencyId, fullName: 'Akun Uji Sesi', email, ...(withPassword ? { password } : {}) });
    expect(res.status).toBe(201);
    return { email, password };
  }

  const loginFrom = (address: string, email: string, password: string, headers?: Record<string, string>) => clientFrom(api.url, address).post('/auth/login', { email, password }, headers);

  const expectThrottled = (res: AddressedResponse) => {
    expect(res).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: expect.any(String) } } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  };

  it('throttles login spraying (50 accounts × 5 passwords from one address) after the configured rate', async () => {
    const accounts = [];
    for (let i = 0; i < 50; i++) accounts.push(await newAccount(i === 0 || i === 49));
    const passwords = ['123456', 'password', 'gugus2026', 'rahasia', 'qwerty'];
    const statuses: number[] = [];
    let firstRefusal: AddressedResponse | undefined;
    // A spray: each common password against every account, then the next password.
    for (const password of passwords) {
      for (const { email } of accounts) {
        const res = await loginFrom('127.0.0.2', email, password);
        statuses.push(res.status);
        if (res.status === 429) firstRefusal ??= res;
      }
    }
    expect(statuses).toHaveLength(250);
    expect(statuses.slice(0, LOGINS_PER_ADDRESS)).toEqual(Array(LOGINS_PER_ADDRESS).fill(401));
    expect(statuses.slice(LOGINS_PER_ADDRESS)).toEqual(Array(250 - LOGINS_PER_ADDRESS).fill(429));
    expectThrottled(firstRefusal as AddressedResponse);
    // Even the right password waits: the address is throttled, whatever it sends.
    expectThrottled(await loginFrom('127.0.0.2', accounts[0].email, accounts[0].password));

    // The sprayed people log in from their own addresses, unaffected.
    expect((await loginFrom('127.0.0.3', accounts[0].email, accounts[0].password)).status).toBe(200);
    expect((await loginFrom('127.0.0.3', accounts[49].email, accounts[49].password)).status).toBe(200);
  });

  it('blocks an address that keeps failing for that account only: the real person still logs in from another address', async () => {
    const { email, password } = await newAccount();
    const attacker = '127.0.0.4';
    const person = '127.0.0.5';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await loginFrom(attacker, email, 'tebak-tebakan')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Blocked: even the right password, and pretending to be the person's address does not help.
    expectBlockedForAccount(await loginFrom(attacker, email, password));
    expectBlockedForAccount(await loginFrom(attacker, email, password, { 'X-Forwarded-For': person }));

    // The person mistypes once, then logs in: the attacker's failures do not count against them.
    expect((await loginFrom(person, email, 'salah-ketik')).status).toBe(401);
    // The API told the two addresses apart (keys are hashes of the normalised e-mail and of the address).
    const { rows } = await db.query('SELECT address_key, failures, coalesce(locked_until > now(), false) AS blocked FROM login_failures WHERE email_key = $1 ORDER BY failures', [sha256(email)]);
    expect(rows).toEqual([
      { address_key: sha256(person), failures: 1, blocked: false },
      { address_key: sha256(attacker), failures: 5, blocked: true },
    ]);
    const tokens = await loginFrom(person, email, password);
    expect(tokens.status).toBe(200);
    expect((await client(api.url, tokens.body.accessToken).get('/auth/me')).body).toMatchObject({ email });

    // Progressive: when the block has passed, the next failure from that address blocks twice as long.
    await db.query('UPDATE login_failures SET locked_until = now() - interval \'1 second\' WHERE email_key = $1 AND address_key = $2', [sha256(email), sha256(attacker)]);
    expect((await loginFrom(attacker, email, 'tebakan-keenam')).status).toBe(429);
    const [block] = (await db.query('SELECT extract(epoch FROM locked_until - now()) / 60 AS minutes FROM login_failures WHERE email_key = $1 AND address_key = $2', [sha256(email), sha256(attacker)])).rows;
    expect(Number(block.minutes)).toBeGreaterThan(29);
    expect(Number(block.minutes)).toBeLessThanOrEqual(30);
  });

  function expectBlockedForAccount(res: AddressedResponse) {
    expect(res).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: expect.any(String) } } });
    expect(Date.parse(res.body.details.retryAfter)).toBeGreaterThan(Date.now() + 14 * 60_000);
  }

  it('ends the whole session when a refresh token comes back after it was exchanged, and records it', async () => {
    const first = await login(api.url, 'koordinator.jabar@gugus.test');
    const personId = (await client(api.url, first.accessToken).get('/auth/me')).body.personId as string;
    const anon = client(api.url);
    const second = await anon.post('/auth/refresh', { refreshToken: first.refreshToken });
    const third = await anon.post('/auth/refresh', { refreshToken: second.body.refreshToken });
    expect([second.status, third.status]).toEqual([200, 200]);
    const current = third.body as SessionTokens;
    expect((await client(api.url, current.accessToken).get('/auth/me')).status).toBe(200);

    // The first refresh token, two rotations ago (every used token is remembered, not only the last).
    expect(await anon.post('/auth/refresh', { refreshToken: first.refreshToken })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    // Whoever held the current tokens is out too: the session has ended.
    expect((await client(api.url, current.accessToken).get('/auth/me')).status).toBe(401);
    expect((await anon.post('/auth/refresh', { refreshToken: current.refreshToken })).status).toBe(401);
    const audit = await db.query(`SELECT actor_id, target_type FROM audit_log WHERE action = 'auth.refresh_reuse' AND target_id = $1`, [personId]);
    expect(audit.rows).toEqual([{ actor_id: null, target_type: 'person' }]);
  });

  it('treats two exchanges of one refresh token at once as a reuse: at most one answer, and the session ends', async () => {
    const tokens = await login(api.url, 'pekerja.jabar@gugus.test');
    const anon = client(api.url);
    const both = await Promise.all([anon.post('/auth/refresh', { refreshToken: tokens.refreshToken }), anon.post('/auth/refresh', { refreshToken: tokens.refreshToken })]);
    expect(both.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    for (const res of both.filter((r) => r.status === 200)) expect((await client(api.url, res.body.accessToken).get('/auth/me')).status).toBe(401);
    expect((await client(api.url, tokens.accessToken).get('/auth/me')).status).toBe(401);
  });

  it('throttles session renewals per address', async () => {
    const from = clientFrom(api.url, '127.0.0.6');
    const statuses: number[] = [];
    for (let i = 0; i <= REFRESHES_PER_ADDRESS; i++) statuses.push((await from.post('/auth/refresh', { refreshToken: `tidak-dikenal-${i}` })).status);
    expect(statuses).toEqual([...Array(REFRESHES_PER_ADDRESS).fill(401), 429]);
  });

  it('throttles writes per person, not for everyone behind the same address', async () => {
    const busy = client(api.url, (await login(api.url, 'dinsos.jabar@gugus.test')).accessToken);
    const statuses: number[] = [];
    for (let i = 0; i < WRITES_PER_PERSON; i++) statuses.push((await busy.post('/notifications/read-all')).status);
    expect(statuses).toEqual(Array(WRITES_PER_PERSON).fill(200));
    const refused = await busy.call('POST', '/notifications/read-all', {});
    expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('Terlalu banyak permintaan') } });
    // Reads are not throttled; another person at the same address still writes.
    expect((await busy.get('/notifications')).status).toBe(200);
    expect((await admin.post('/notifications/read-all')).status).toBe(200);
  });

  it('lets only logged-in people start system checks, a few a minute each', async () => {
    expect((await client(api.url).post('/system-checks')).status).toBe(401);
    const analyst = client(api.url, (await login(api.url, 'analis@gugus.test')).accessToken);
    const statuses: number[] = [];
    for (let i = 0; i <= SYSTEM_CHECKS_PER_PERSON; i++) statuses.push((await analyst.post('/system-checks')).status);
    expect(statuses).toEqual([...Array(SYSTEM_CHECKS_PER_PERSON).fill(202), 429]);
  });

  describe('with a session lifetime of seconds and nginx trusted on one address', () => {
    let shortApi: RunningApi;
    const MAX_HOURS = 0.004; // 14.4 s

    beforeAll(async () => {
      shortApi = await startApi(serviceEnv({ AUTH_SESSION_MAX_HOURS: String(MAX_HOURS), API_TRUST_PROXY: '127.0.0.10' }));
    });
    afterAll(async () => {
      await shortApi?.stop();
    });

    it('never lets a refresh extend a session past its absolute end', async () => {
      const tokens = await login(shortApi.url, 'ketua.jabar@gugus.test');
      expect(tokens.expiresIn).toBeLessThanOrEqual(15);
      const personId = (await client(shortApi.url, tokens.accessToken).get('/auth/me')).body.personId as string;
      const session = async () =>
        (await db.query('SELECT expires_at, access_expires_at, refresh_expires_at FROM sessions WHERE person_id = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1', [personId])).rows[0] as Record<string, Date>;
      const { expires_at: end } = await session();

      const renewed = await client(shortApi.url).post('/auth/refresh', { refreshToken: tokens.refreshToken });
      expect(renewed.status).toBe(200);
      const after = await session();
      expect(after.expires_at).toEqual(end);
      expect(after.access_expires_at.getTime()).toBeLessThanOrEqual(end.getTime());
      expect(after.refresh_expires_at.getTime()).toBeLessThanOrEqual(end.getTime());

      // At the end, both tokens stop working and the refresh token cannot start it again.
      const current = renewed.body as SessionTokens;
      await eventually(async () => ((await client(shortApi.url, current.accessToken).get('/auth/me')).status === 401 ? true : undefined), 60_000, 'the session to end');
      expect(Date.now()).toBeGreaterThanOrEqual(end.getTime() - 1000);
      expect(await client(shortApi.url).post('/auth/refresh', { refreshToken: current.refreshToken })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });

    it('believes X-Forwarded-For only from the configured proxy', async () => {
      const email = `tidak.ada.${randomUUID().slice(0, 8)}@gugus.test`;
      await clientFrom(shortApi.url, '127.0.0.10').post('/auth/login', { email, password: 'x' }, { 'X-Forwarded-For': '203.0.113.7' });
      await clientFrom(shortApi.url, '127.0.0.11').post('/auth/login', { email, password: 'x' }, { 'X-Forwarded-For': '203.0.113.8' });
      const { rows } = await db.query('SELECT address_key FROM login_failures WHERE email_key = $1', [sha256(email)]);
      expect(rows.map((r) => r.address_key).sort()).toEqual([sha256('203.0.113.7'), sha256('127.0.0.11')].sort());
    });
  });
});
