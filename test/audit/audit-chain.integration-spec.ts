import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ErrorCode, Role, type Grant } from '@gugus/contracts';
import type { AuthUser } from '@gugus/server-access';
import { AuditEntryEntity, AuditRepository, AuditService, digestOf, GENESIS_HASH } from '@gugus/server-audit';
import { createDataSourceOptions, runMigrations } from '@gugus/server-database';
import { readEnvironment } from '@gugus/server-config';
import { repoRoot, testEnv } from '../support';

interface OpenAudit {
  dataSource: DataSource;
  service: AuditService;
}

async function openAudit(databaseUrl: string): Promise<OpenAudit> {
  const dataSource = await new DataSource({ ...createDataSourceOptions(databaseUrl, 8), entities: [AuditEntryEntity] }).initialize();
  return { dataSource, service: new AuditService(new AuditRepository(dataSource.getRepository(AuditEntryEntity))) };
}

function user(...grants: [Role, string][]): AuthUser {
  return {
    personId: randomUUID(),
    sessionId: randomUUID(),
    name: 'Penguji',
    email: 'penguji@example.id',
    grants: grants.map(([role, jurisdictionCode]): Grant => ({ role, jurisdictionCode, agencyId: randomUUID(), positionId: randomUUID(), via: 'holder' })),
  };
}

function withDatabase(server: URL, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The built CLI, run the way an operator runs it. */
function runVerifyCli(databaseUrl: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist/libs/server/audit/src/verify-audit.cli.js')], {
    cwd: repoRoot,
    env: { PATH: readEnvironment().PATH, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: '127.0.0.1:7233' },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout };
}

describe('audit trail (shared test database)', () => {
  let audit: OpenAudit;

  beforeAll(async () => {
    audit = await openAudit(testEnv().databaseUrl);
  });

  afterAll(async () => {
    await audit?.dataSource.destroy();
  });

  it('chains concurrent appends, each linked to the entry just before it', async () => {
    const requestId = `req-${randomUUID()}`;
    const recorded = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        audit.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: randomUUID(), jurisdictionCode: '32.04', requestId, after: { i } }),
      ),
    );
    expect(new Set(recorded.map((e) => e.seq)).size).toBe(50);

    const verification = await audit.service.verify();
    expect(verification).toEqual({ ok: true, checked: expect.any(Number), firstBroken: null });
    expect(verification.checked).toBeGreaterThanOrEqual(50);

    const links = await audit.dataSource.query(
      `SELECT * FROM (SELECT request_id, prev_hash, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_log) l WHERE request_id = $1`,
      [requestId],
    );
    expect(links).toHaveLength(50);
    for (const link of links) expect(link.prev_hash).toBe(link.previous ?? GENESIS_HASH);
  });

  it('records inside the caller’s transaction: a rolled-back change leaves no entry and no break', async () => {
    const targetId = randomUUID();
    const entry = (action: string) => ({ actorId: null, action, targetType: 'Agency', targetId, jurisdictionCode: '32', requestId: null });
    await expect(
      audit.dataSource.transaction(async (m) => {
        await audit.service.record(entry('agency.create'), m);
        throw new Error('change rejected');
      }),
    ).rejects.toThrow('change rejected');
    await audit.dataSource.transaction((m) => audit.service.record(entry('agency.update'), m));

    await expect(audit.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1`, [targetId])).resolves.toEqual([{ action: 'agency.update' }]);
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: true, firstBroken: null });
  });

  it('keeps digests of record contents, never the contents', async () => {
    const before = { fullName: 'Siti Aminah', village: 'Cibiru' };
    const after = { ...before, village: 'Cileunyi' };
    const entry = await audit.service.record({ actorId: randomUUID(), action: 'person.update', targetType: 'Person', targetId: randomUUID(), jurisdictionCode: '32.04', requestId: null, before, after });
    expect(entry).toMatchObject({ beforeDigest: digestOf(before), afterDigest: digestOf({ village: 'Cileunyi', fullName: 'Siti Aminah' }) });
    const [row] = await audit.dataSource.query(`SELECT a::text AS text FROM audit_log a WHERE seq = $1`, [entry.seq]);
    expect(row.text).not.toMatch(/Siti|Cibiru|Cileunyi/);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET action = 'agency.delete' WHERE seq = $1`],
    ['DELETE', `DELETE FROM audit_log WHERE seq = $1`],
  ])('refuses %s', async (_op, sql) => {
    const entry = await audit.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: null, jurisdictionCode: '32', requestId: null });
    await expect(audit.dataSource.query(sql, [entry.seq])).rejects.toThrow(/append-only/);
    await expect(audit.dataSource.query(`SELECT action FROM audit_log WHERE seq = $1`, [entry.seq])).resolves.toEqual([{ action: 'agency.create' }]);
  });

  it('refuses TRUNCATE', async () => {
    await expect(audit.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('rejects an action that is not subject.verb', async () => {
    await expect(
      audit.service.record({ actorId: null, action: 'Created agency', targetType: 'Agency', targetId: null, jurisdictionCode: null, requestId: null }),
    ).rejects.toMatchObject({ code: ErrorCode.INTERNAL });
  });

  describe('listing, scoped by the reader’s grants', () => {
    const targetType = `Probe${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      for (const jurisdictionCode of ['32', '32.04', '33', null]) {
        await audit.service.record({ actorId: null, action: 'probe.write', targetType, targetId: null, jurisdictionCode, requestId: null });
      }
    });

    it.each<[string, [Role, string][], Record<string, string>, (string | null)[]]>([
      ['a system administrator sees everything', [[Role.SYSTEM_ADMIN, '00']], {}, [null, '33', '32.04', '32']],
      ['a national provincial admin sees every jurisdiction', [[Role.PROVINCIAL_ADMIN, '00']], {}, ['33', '32.04', '32']],
      ['a provincial admin sees the province and its regencies', [[Role.PROVINCIAL_ADMIN, '32']], {}, ['32.04', '32']],
      ['a regency secretariat sees only the regency', [[Role.SECRETARIAT, '32.04']], {}, ['32.04']],
      ['grants without audit rights add nothing', [[Role.SECRETARIAT, '32.04'], [Role.CHAIR, '33']], {}, ['32.04']],
      ['a jurisdiction filter narrows the scope', [[Role.SYSTEM_ADMIN, '00']], { jurisdictionCode: '32' }, ['32.04', '32']],
    ])('%s', async (_case, grants, filter, expected) => {
      const entries = await audit.service.list(user(...grants), { targetType, ...filter });
      expect(entries.map((e) => e.jurisdictionCode)).toEqual(expected);
    });

    it('pages backwards with beforeSeq and limit', async () => {
      const admin = user([Role.SYSTEM_ADMIN, '00']);
      const first = await audit.service.list(admin, { targetType, limit: 3 });
      const rest = await audit.service.list(admin, { targetType, limit: 3, beforeSeq: first[2].seq });
      expect([...first, ...rest].map((e) => e.jurisdictionCode)).toEqual([null, '33', '32.04', '32']);
    });

    it('refuses a reader none of whose grants allow the audit log', async () => {
      await expect(audit.service.list(user([Role.CASE_WORKER, '32']), { targetType })).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    });
  });
});

/** Tampering breaks the chain for everyone, so it happens in a database of its own. */
describe('audit chain tampering (private database)', () => {
  const size = 1050; // more than one verification batch
  const database = `audit_tamper_${randomUUID().replace(/-/g, '')}`;
  const server = new URL(testEnv().databaseUrl);
  const url = withDatabase(server, database);
  let audit: OpenAudit;

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** What an attacker with database access does: switch the guard off, rewrite, switch it back on. */
  async function tamper(sql: string): Promise<void> {
    await audit.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await m.query(sql);
      await m.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    await runMigrations(url);
    audit = await openAudit(url);
    await Promise.all(
      Array.from({ length: size }, (_, i) =>
        audit.service.record({ actorId: randomUUID(), action: 'position.assign', targetType: 'Position', targetId: randomUUID(), jurisdictionCode: '32', requestId: `req-${i}`, before: null, after: { i } }),
      ),
    );
    await audit.dataSource.query(`CREATE TABLE audit_backup AS SELECT * FROM audit_log`);
  });

  afterEach(async () => {
    await tamper(`DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM audit_backup`);
  });

  afterAll(async () => {
    await audit?.dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('numbers concurrent appends without gaps, each linked to the one before', async () => {
    const rows: { seq: string; prev_hash: string; previous: string | null }[] = await audit.dataSource.query(
      `SELECT seq, prev_hash, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_log ORDER BY seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: size }, (_, i) => i + 1));
    for (const row of rows) expect(row.prev_hash).toBe(row.previous ?? GENESIS_HASH);
    await expect(audit.service.verify()).resolves.toEqual({ ok: true, checked: size, firstBroken: null });
  });

  it('the CLI reports an intact chain and exits 0', () => {
    expect(runVerifyCli(url)).toEqual({ status: 0, stdout: `Rantai audit utuh: ${size} entri diperiksa / Audit chain intact: ${size} entries checked\n` });
  });

  it.each([
    ['an action is rewritten', `UPDATE audit_log SET action = 'position.unassign' WHERE seq = 25`, 25, 'content'],
    ['a timestamp is moved', `UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 1020`, 1020, 'content'],
    ['a before-digest is replaced', `UPDATE audit_log SET before_digest = NULL WHERE seq = 1000`, 1000, 'content'],
    ['a stored hash is replaced', `UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 7`, 7, 'content'],
    ['a prev_hash is forged', `UPDATE audit_log SET prev_hash = repeat('0', 64) WHERE seq = 40`, 40, 'link'],
    ['an entry is deleted', `DELETE FROM audit_log WHERE seq = 1001`, 1002, 'link'],
    ['the first entry is deleted', `DELETE FROM audit_log WHERE seq = 1`, 2, 'link'],
  ] as const)('names the first broken entry when %s', async (_case, sql, seq, reason) => {
    await tamper(sql);
    await expect(audit.service.verify()).resolves.toEqual({ ok: false, checked: expect.any(Number), firstBroken: { seq, reason } });

    const cli = runVerifyCli(url);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`Audit chain BROKEN at entry #${seq} (${reason === 'content' ? 'content altered' : 'link to the previous entry broken'}`);
  });
});
