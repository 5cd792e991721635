import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { client, eventually, freePort, login, repoRoot, sequentialSteps, serviceEnv, startApi, startService, type RunningApi, type ServiceProcess } from '../support';

/** A value standing for data a person entered: it must show up in no error body and no log line. */
const MARKER = `marker${randomBytes(5).toString('hex')}`;
const PARALLEL = 5;

interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}
const logLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/**
 * Idempotent writes and errors that carry no data, against the built API on its own PostgreSQL (this
 * file stops and restarts that server; the shared one of the test run is never touched):
 * - the variant editor's draft, opened several times at once, is one draft and never a 5xx;
 * - a unique-key conflict is a 409 saying what is duplicated, never the value, and the log keeps no
 *   query parameters;
 * - with PostgreSQL stopped the API answers 503 with a clear message, logs no error stack, and
 *   recovers by itself when PostgreSQL is back.
 */
describe('idempotent writes and errors without data', () => {
  const step = sequentialSteps();
  const workDir = join(repoRoot, 'tmp', 'errors-e2e', String(process.pid));
  const dataDir = join(workDir, 'postgres');
  let port: number;
  let pg: ServiceProcess | undefined;
  let databaseUrl: string;
  let db: PgClient;
  let api: RunningApi;
  let admin: ReturnType<typeof client>;
  let westJavaAgency: string;

  beforeAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    port = await freePort();
    databaseUrl = await startPostgres('prepare');
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    // A database of its own, so checkpoints of its own: the shared directory holds the shared chain's.
    api = await startApi(serviceEnv({ DATABASE_URL: databaseUrl, AUDIT_CHECKPOINT_DIR: join(workDir, 'audit-checkpoints') }));
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    const [agency] = (await db.query(`SELECT id FROM agencies WHERE jurisdiction_code = '32' ORDER BY name LIMIT 1`)).rows as { id: string }[];
    westJavaAgency = agency.id;
  });

  /** Starts (or starts again) this file's PostgreSQL; its cluster survives a stop. */
  async function startPostgres(mode?: 'prepare'): Promise<string> {
    pg = startService('test/security/postgres-process.cjs', {}, [dataDir, String(port), 'gugus_errors', ...(mode ? [mode] : [])]);
    await pg.waitForOutput(/PostgreSQL ready/, 120_000);
    return /PostgreSQL ready (\S+)/.exec(pg.output())?.[1] as string;
  }

  afterAll(async () => {
    await api?.stop();
    await db?.end().catch(() => undefined);
    await pg?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  step('opens a province draft requested several times at once as one draft, without a 5xx', async () => {
    // Several forms, to give the race several chances; none has a West Java draft in a fresh database.
    for (const formKey of ['victim-screening', 'meeting-agenda', 'action-point-report']) {
      const answers = await Promise.all(Array.from({ length: PARALLEL }, () => admin.post(`/forms/${formKey}/variants/32/draft`)));
      expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const drafts = await db.query(`SELECT id FROM form_versions WHERE form_key = $1 AND jurisdiction_code = '32' AND status = 'draft'`, [formKey]);
      expect(drafts.rows).toEqual([{ id: answers[0].body.id }]);
    }
  });

  step('answers people created at once with one e-mail address with one 201 and 409s, never a 5xx', async () => {
    const email = `${MARKER}.race@gugus.test`;
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => admin.call('POST', '/people', { agencyId: westJavaAgency, fullName: `Race ${MARKER} ${i}`, email }, { 'accept-language': 'en' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(PARALLEL - 1).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'CONFLICT', message: 'This e-mail address is already in use.' });
    }
  });

  step('answers a unique conflict found only by PostgreSQL with 409, a clear message and no value', async () => {
    // A unique index no service checks first, so the insert itself fails: PostgreSQL's detail quotes the
    // name, and TypeORM's error holds every parameter of the insert.
    await db.query(`CREATE UNIQUE INDEX errors_spec_one_name ON people (full_name) WHERE full_name LIKE 'Errspec %'`);
    const person = (n: number) => ({ agencyId: westJavaAgency, fullName: `Errspec ${MARKER}`, email: `${MARKER}.${n}@gugus.test` });
    expect((await admin.post('/people', person(1))).status).toBe(201);
    const second = await admin.post('/people', person(2));
    expect(second).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: 'Data ini sudah ada (duplikat); muat ulang lalu periksa kembali.' } });
    expect(JSON.stringify(second.body)).not.toContain(MARKER);
    // Logged as a warning naming the index, so the missing check can be found.
    const warning = await eventually(async () => logLines(api.output()).find((l) => l.level === 40 && JSON.stringify(l).includes('errors_spec_one_name')), 10_000, 'the warning');
    expect(warning).toMatchObject({ code: 'CONFLICT', cause: { type: 'QueryFailedError', code: '23505', constraint: 'errors_spec_one_name' } });
  });

  step('keeps no request value in the API log', async () => {
    expect(api.output()).toContain('"statusCode":409');
    expect(api.output()).not.toContain(MARKER);
  });

  step('answers 503 with a clear message while PostgreSQL is stopped, and logs no error stack', async () => {
    const read = () => admin.call('GET', '/agencies?jurisdictionCode=32', undefined, {});
    expect((await read()).status).toBe(200);
    const before = api.output().length;
    await db.end();
    await pg?.stop();

    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'down', components: { database: { status: 'down' } } });

    const down = await read();
    expect(down).toMatchObject({ status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE', message: 'Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.' } });
    const english = await admin.call('GET', '/agencies?jurisdictionCode=32', undefined, { 'accept-language': 'en' });
    expect(english.body.message).toBe('The database cannot be reached. Try again shortly.');
    const write = await admin.post('/people', { agencyId: westJavaAgency, fullName: `Outage ${MARKER}`, email: `${MARKER}.outage@gugus.test` });
    expect(write.status).toBe(503);

    // The API's log reaches this process through a pipe, after the answers: wait for the three lines.
    const unreachable = (l: { msg?: string }) => l.msg === 'The database cannot be reached. Try again shortly.';
    const during = await eventually(async () => ((lines) => (lines.filter(unreachable).length >= 3 ? lines : undefined))(logLines(api.output().slice(before))), 10_000, 'three "database cannot be reached" log lines');
    expect(during.filter((l) => l.level >= 50)).toEqual([]);
    expect(api.output()).not.toContain(MARKER);
  });

  step('recovers without a restart once PostgreSQL is back', async () => {
    await startPostgres();
    await eventually(async () => ((await fetch(`${api.url}/health`)).status === 200 ? true : undefined), 30_000, 'health 200');
    const read = await eventually(async () => {
      const res = await admin.get('/agencies?jurisdictionCode=32');
      return res.status === 200 ? res : undefined;
    }, 30_000, 'an authenticated read');
    expect(read.body.length).toBeGreaterThan(0);
    expect(api.child.exitCode).toBeNull();
  });
});
