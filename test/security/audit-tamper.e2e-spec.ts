import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AuditVerification } from '@gugus/contracts';
import { readEnvironment } from '@gugus/server-config';
import { client, eventually, freePort, login, productionKeys, repoRoot, startApi, startIsolatedEngines, startService, type IsolatedEngines, type RunningApi } from '../support';

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(text)).rows;
  } finally {
    await db.end();
  }
}

/** The newest sequence number any checkpoint file in `dir` has seen. */
function newestCheckpoint(dir: string): number {
  return Math.max(0, ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { seq: number }).seq));
}

/**
 * Issue 9, acceptance 5, against the real API and PostgreSQL: the app's database role cannot delete the
 * newest audit entries or switch the append-only trigger off; the owner can, and then `GET /audit/verify`
 * and the verify CLI name the entries that are missing. On engines of its own: while the tail is gone,
 * every other API's verify and checkpoints would (rightly) report the chain broken.
 */
describe('tampering with the audit trail', () => {
  let engines: IsolatedEngines;
  let api: RunningApi;
  let sys: ReturnType<typeof client>;
  const serviceEnv = (overrides: Record<string, string> = {}) => ({
    DATABASE_URL: engines.databaseUrl,
    TEMPORAL_ADDRESS: engines.temporalAddress,
    TEMPORAL_TASK_QUEUE: `audit-tamper-${randomUUID()}`,
    AUDIT_CHECKPOINT_DIR: engines.auditCheckpointDir,
    ...overrides,
  });

  beforeAll(async () => {
    engines = await startIsolatedEngines(join(repoRoot, 'tmp/audit-tamper-engines'));
    api = await startApi(serviceEnv());
    sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
    await engines?.stop();
  });

  it.each([
    ['deleting the newest entries', 'DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)', /permission denied for table audit_log/],
    ['emptying the table', 'TRUNCATE audit_log', /permission denied for table audit_log/],
    ['disabling the audit trigger', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only', /must be owner of table audit_log/],
  ])('refuses the app’s database role %s', async (_what, statement, error) => {
    await expect(sql(engines.databaseUrl, statement)).rejects.toThrow(error);
  });

  it.each([
    ['refuses to start in production', 'production', /API gagal dijalankan \/ The API failed to start: .*has excess rights on audit_log \(owner, UPDATE, DELETE, TRUNCATE\)/],
    ['warns outside production', 'test', /"level":40.*has excess rights on audit_log \(owner, UPDATE, DELETE, TRUNCATE\)/],
  ])('%s when connected as a role that could rewrite the audit trail', async (_what, nodeEnv, pattern) => {
    const api = startService(
      'dist/apps/api/src/main.js',
      serviceEnv({ NODE_ENV: nodeEnv, DATABASE_URL: engines.ownerDatabaseUrl, AUDIT_HMAC_KEY: 'k1:a-production-key-of-at-least-32-characters', ...productionKeys(), API_PORT: String(await freePort()), API_HOST: '127.0.0.1' }),
    );
    try {
      await api.waitForOutput(pattern);
      if (nodeEnv === 'production') await eventually(async () => (api.child.exitCode === 1 ? true : undefined), 30_000, 'the API to exit with code 1');
    } finally {
      await api.stop();
    }
  });

  it('detects the newest entries deleted by the owner, over HTTP and in the CLI, and names them', async () => {
    // Three logins: three new entries, then the API's checkpoint of them.
    for (const email of ['admin.jabar@gugus.test', 'admin.kepri@gugus.test', 'sekretariat.jabar@gugus.test']) await login(api.url, email);
    const [{ head }] = (await sql(engines.ownerDatabaseUrl, 'SELECT max(seq)::int AS head FROM audit_log')) as { head: number }[];
    await eventually(async () => (newestCheckpoint(engines.auditCheckpointDir) >= head ? true : undefined), 30_000, `a checkpoint of #${head}`);
    expect(await sys.get('/audit/verify')).toMatchObject({ status: 200, body: { ok: true, firstBroken: null, checkpoints: { mismatch: null } } });

    const backup = `audit_tail_${randomUUID().replace(/-/g, '')}`;
    await sql(
      engines.ownerDatabaseUrl,
      `BEGIN; CREATE TABLE ${backup} AS SELECT * FROM audit_log WHERE seq > ${head - 3};
       ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq > ${head - 3}; ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`,
    );
    try {
      const verification = await sys.get('/audit/verify');
      expect(verification.status).toBe(200);
      const body = verification.body as AuditVerification;
      expect(body).toMatchObject({ ok: false, firstBroken: null, head: { seq: head - 3 }, checkpoints: { mismatch: { kind: 'missing', fromSeq: head - 2, toSeq: head } } });

      const cli = spawnSync(process.execPath, [join(repoRoot, 'dist/libs/server/audit/src/verify-audit.cli.js')], {
        cwd: repoRoot,
        env: { PATH: readEnvironment().PATH, ...serviceEnv() },
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`Audit chain BROKEN: entries #${head - 2}..#${head} after the head (#${head - 3}) are missing; the checkpoint of `);
      expect(cli.stdout).toContain(`Rantai audit RUSAK: entri #${head - 2}..#${head} setelah entri terbaru (#${head - 3}) hilang`);
    } finally {
      await sql(engines.ownerDatabaseUrl, `INSERT INTO audit_log SELECT * FROM ${backup}; DROP TABLE ${backup}`);
    }
    expect(await sys.get('/audit/verify')).toMatchObject({ status: 200, body: { ok: true, firstBroken: null } });
  });
});
