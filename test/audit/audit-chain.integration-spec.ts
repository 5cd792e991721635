import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, Role, type Grant } from '@gugus/contracts';
import type { AuthUser } from '@gugus/server-access';
import {
  AuditEntryEntity,
  AuditRepository,
  auditOptionsFromConfig,
  createAuditService,
  digestOf,
  GENESIS_HASH,
  unkeyedEntryHash,
  type AuditCheckpointWriter,
  type AuditService,
} from '@gugus/server-audit';
import { DEV_AUDIT_HMAC_KEY, readEnvironment } from '@gugus/server-config';
import { createDataSourceOptions, runMigrations } from '@gugus/server-database';
import { repoRoot, sql, testEnv, withDatabase } from '../support';

interface OpenAudit {
  dataSource: DataSource;
  service: AuditService;
  checkpoints: AuditCheckpointWriter;
}

const NEW_KEY = 'k2:a-rotated-audit-key-of-at-least-32-characters';

async function openAudit(databaseUrl: string, checkpointDir: string, keys: { AUDIT_HMAC_KEY: string; AUDIT_HMAC_OLD_KEYS?: string } = { AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY }): Promise<OpenAudit> {
  const dataSource = await new DataSource({ ...createDataSourceOptions(databaseUrl, 8), entities: [AuditEntryEntity] }).initialize();
  return { dataSource, ...createAuditService(dataSource, auditOptionsFromConfig({ ...keys, AUDIT_CHECKPOINT_DIR: checkpointDir })) };
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

/** The built CLI, run the way an operator runs it. */
function runVerifyCli(env: Record<string, string>, args: string[] = []): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist/libs/server/audit/src/verify-audit.cli.js'), ...args], {
    cwd: repoRoot,
    env: { PATH: readEnvironment().PATH, TEMPORAL_ADDRESS: '127.0.0.1:7233', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout };
}

beforeAll(() => Logger.overrideLogger(['error', 'warn']));

describe('audit trail (shared test database)', () => {
  let audit: OpenAudit;

  beforeAll(async () => {
    audit = await openAudit(testEnv().databaseUrl, testEnv().auditCheckpointDir);
  });

  afterAll(async () => {
    await audit?.checkpoints.onModuleDestroy();
    await audit?.dataSource.destroy();
  });

  it('chains concurrent appends, each linked to the entry just before it, and checkpoints the head', async () => {
    const requestId = `req-${randomUUID()}`;
    const recorded = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        audit.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: randomUUID(), jurisdictionCode: '32.04', requestId, after: { i } }),
      ),
    );
    expect(new Set(recorded.map((e) => e.seq)).size).toBe(50);

    const checkpoint = await audit.checkpoints.flush();
    expect(checkpoint?.seq).toBeGreaterThanOrEqual(Math.max(...recorded.map((e) => e.seq)));
    const verification = await audit.service.verify();
    expect(verification).toMatchObject({ ok: true, firstBroken: null, checkpoints: { configured: true, mismatch: null, ignored: [] } });
    expect(verification.checked).toBeGreaterThanOrEqual(50);
    expect(verification.checkpoints.valid).toBeGreaterThan(0);

    const links = await audit.dataSource.query(
      `SELECT * FROM (SELECT request_id, prev_hash, hash_version, key_id, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_log) l WHERE request_id = $1`,
      [requestId],
    );
    expect(links).toHaveLength(50);
    for (const link of links) expect(link).toMatchObject({ prev_hash: link.previous ?? GENESIS_HASH, hash_version: 2, key_id: 'dev' });
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
    await audit.checkpoints.flush();
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: true, firstBroken: null });
  });

  it('keeps digests of record contents, never the contents', async () => {
    const before = { fullName: 'Siti Aminah', village: 'Cibiru' };
    const after = { ...before, village: 'Cileunyi' };
    const entry = await audit.service.record({ actorId: randomUUID(), action: 'person.update', targetType: 'Person', targetId: randomUUID(), jurisdictionCode: '32.04', requestId: null, before, after });
    const key = auditOptionsFromConfig({ AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY }).keyring.current;
    expect(entry).toMatchObject({ beforeDigest: digestOf(before, key), afterDigest: digestOf({ village: 'Cileunyi', fullName: 'Siti Aminah' }, key) });
    const [row] = await audit.dataSource.query(`SELECT a::text AS text FROM audit_log a WHERE seq = $1`, [entry.seq]);
    expect(row.text).not.toMatch(/Siti|Cibiru|Cileunyi/);
  });

  it('keeps the purpose of a read, and refuses a purpose that is not one word', async () => {
    const entry = await audit.service.record({ actorId: randomUUID(), action: 'form_submission.read', targetType: 'FormSubmission', targetId: randomUUID(), jurisdictionCode: '32.04', requestId: null, purpose: 'assignee' });
    expect(entry.purpose).toBe('assignee');
    await expect(audit.dataSource.query(`SELECT purpose FROM audit_log WHERE seq = $1`, [entry.seq])).resolves.toEqual([{ purpose: 'assignee' }]);
    await expect(
      audit.service.record({ actorId: null, action: 'task.read', targetType: 'Task', targetId: null, jurisdictionCode: null, requestId: null, purpose: 'Siti Aminah, NIK 3204…' }),
    ).rejects.toMatchObject({ code: ErrorCode.INTERNAL });
  });

  describe('as the app role (what the API and worker connect as)', () => {
    let seq: number;
    beforeAll(async () => {
      seq = (await audit.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: null, jurisdictionCode: '32', requestId: null })).seq;
    });

    it.each([
      ['UPDATE', `UPDATE audit_log SET action = 'agency.delete' WHERE seq = $1`, /permission denied for table audit_log/],
      ['DELETE', `DELETE FROM audit_log WHERE seq = $1`, /permission denied for table audit_log/],
      ['DELETE of the newest entries', `DELETE FROM audit_log WHERE seq >= $1`, /permission denied for table audit_log/],
      ['TRUNCATE', `TRUNCATE audit_log`, /permission denied for table audit_log/],
      ['disabling the append-only trigger', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`, /must be owner of table audit_log/],
      ['disabling every trigger', `ALTER TABLE audit_log DISABLE TRIGGER ALL`, /must be owner of table audit_log/],
      ['dropping the CHECK that keeps entries keyed', `ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed`, /must be owner of table audit_log/],
      ['resetting the sequence', `SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), 1)`, /permission denied for sequence/],
      ['dropping the table', `DROP TABLE audit_log`, /must be owner of table audit_log/],
    ])('is refused %s', async (_what, statement, error) => {
      const params = statement.includes('$1') ? [seq] : [];
      await expect(audit.dataSource.query(statement, params)).rejects.toThrow(error);
      await expect(audit.dataSource.query(`SELECT action FROM audit_log WHERE seq = $1`, [seq])).resolves.toEqual([{ action: 'agency.create' }]);
    });

    it('cannot append an unkeyed entry', async () => {
      const [head] = await audit.dataSource.query(`SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
      await expect(
        audit.dataSource.query(
          `INSERT INTO audit_log (seq, at, action, target_type, prev_hash, hash, hash_version) VALUES (nextval(pg_get_serial_sequence('audit_log', 'seq')), now(), 'agency.create', 'Agency', $1, $2, 1)`,
          [head.hash, 'f'.repeat(64)],
        ),
      ).rejects.toThrow(/audit_log_keyed/);
    });

    it('is reported as reading and appending only, while the owner is reported as the owner', async () => {
      await expect(new AuditRepository(audit.dataSource.getRepository(AuditEntryEntity)).tablePrivileges()).resolves.toEqual({
        role: 'gugus_service',
        owns: false,
        update: false,
        delete: false,
        truncate: false,
      });
      const owner = await new DataSource({ ...createDataSourceOptions(testEnv().ownerDatabaseUrl, 1), entities: [AuditEntryEntity] }).initialize();
      try {
        await expect(new AuditRepository(owner.getRepository(AuditEntryEntity)).tablePrivileges()).resolves.toMatchObject({ owns: true, update: true, delete: true, truncate: true });
        // The owner still meets the append-only triggers unless it switches them off.
        await expect(owner.query(`DELETE FROM audit_log WHERE seq = $1`, [seq])).rejects.toThrow(/append-only/);
        await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      } finally {
        await owner.destroy();
      }
    });
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

    it('lists only reads with kind=read: actions ending in .read, and person.list', async () => {
      const readType = `Reads${randomUUID().slice(0, 8)}`;
      for (const [action, purpose] of [
        ['form_submission.read', 'assignee'],
        ['form_submission.update', undefined],
        ['person.list', undefined],
        ['task.read', 'team'],
        ['task.reread_settings', undefined],
      ] as const) {
        await audit.service.record({ actorId: null, action, targetType: readType, targetId: null, jurisdictionCode: '32', requestId: null, purpose });
      }
      const admin = user([Role.SYSTEM_ADMIN, '00']);
      const reads = await audit.service.list(admin, { targetType: readType, kind: 'read' });
      expect(reads.map((e) => [e.action, e.purpose])).toEqual([
        ['task.read', 'team'],
        ['person.list', null],
        ['form_submission.read', 'assignee'],
      ]);
      await expect(audit.service.list(admin, { targetType: readType })).resolves.toHaveLength(5);
    });

    it('refuses a reader none of whose grants allow the audit log', async () => {
      await expect(audit.service.list(user([Role.CASE_WORKER, '32']), { targetType })).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    });
  });
});

/**
 * Tampering breaks the chain for everyone, so it happens in a database of its own, as its owner (a
 * superuser: what the app role cannot do, see above). The database starts as one upgraded from before
 * the audit key: five unkeyed entries, then keyed ones linked to them.
 */
describe('audit chain tampering (private database)', () => {
  const legacy = 5;
  const size = legacy + 1050; // more than one verification batch
  const database = `audit_tamper_${randomUUID().replace(/-/g, '')}`;
  const ownerUrl = withDatabase(testEnv().ownerDatabaseUrl, database);
  const appUrl = withDatabase(testEnv().databaseUrl, database);
  const checkpointDir = join(repoRoot, 'tmp', `audit-checkpoints-${database}`);
  const cliEnv = { DATABASE_URL: appUrl, AUDIT_CHECKPOINT_DIR: checkpointDir };
  let audit: OpenAudit;

  /**
   * What an attacker with the owner's access does: switch the guards off (the append-only triggers, and
   * the CHECK that refuses unkeyed rows, which also binds updates of the old ones), rewrite, switch them back on.
   */
  async function tamper(statements: string): Promise<void> {
    await sql(
      ownerUrl,
      `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed; ${statements};
       ALTER TABLE audit_log ADD CONSTRAINT audit_log_keyed CHECK (hash_version = 2 AND key_id IS NOT NULL) NOT VALID; ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`,
    );
  }

  /** A checkpoint of the untouched chain, as a running API would have written it. */
  async function freshCheckpoints(): Promise<void> {
    await audit.checkpoints.onModuleDestroy(); // nothing of the previous test's writer may land in the new directory
    rmSync(checkpointDir, { recursive: true, force: true });
    audit = { ...audit, ...createAuditService(audit.dataSource, auditOptionsFromConfig({ AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY, AUDIT_CHECKPOINT_DIR: checkpointDir })) };
    await expect(audit.checkpoints.flush()).resolves.toMatchObject({ seq: size });
  }

  beforeAll(async () => {
    await sql(testEnv().ownerDatabaseUrl, `CREATE DATABASE ${database}`);
    await runMigrations(ownerUrl);
    // Entries from before the audit key: unkeyed SHA-256 (the CHECK that refuses them now is lifted for a moment).
    let prevHash = GENESIS_HASH;
    const old: string[] = [];
    for (let seq = 1; seq <= legacy; seq++) {
      const entry = { seq, at: new Date(Date.UTC(2025, 10, seq)), actorId: null, action: 'agency.create', targetType: 'Agency', targetId: `old-${seq}`, jurisdictionCode: '32', requestId: null, beforeDigest: null, afterDigest: null };
      const hash = unkeyedEntryHash(prevHash, entry);
      old.push(`(${seq}, '${entry.at.toISOString()}', 'agency.create', 'Agency', 'old-${seq}', '32', '${prevHash}', '${hash}', 1)`);
      prevHash = hash;
    }
    await sql(
      ownerUrl,
      `ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed;
       INSERT INTO audit_log (seq, at, action, target_type, target_id, jurisdiction_code, prev_hash, hash, hash_version) VALUES ${old.join(', ')};
       SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), ${legacy});
       ALTER TABLE audit_log ADD CONSTRAINT audit_log_keyed CHECK (hash_version = 2 AND key_id IS NOT NULL) NOT VALID`,
    );
    audit = await openAudit(appUrl, checkpointDir);
    await Promise.all(
      Array.from({ length: size - legacy }, (_, i) =>
        audit.service.record({ actorId: randomUUID(), action: 'position.assign', targetType: 'Position', targetId: randomUUID(), jurisdictionCode: '32', requestId: `req-${i}`, before: null, after: { i } }),
      ),
    );
    await sql(ownerUrl, `CREATE TABLE audit_backup AS SELECT * FROM audit_log`);
  });

  beforeEach(async () => {
    await freshCheckpoints();
  });

  afterEach(async () => {
    await tamper(`DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM audit_backup; SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), ${size})`);
  });

  afterAll(async () => {
    await audit?.checkpoints.onModuleDestroy();
    await audit?.dataSource.destroy();
    await sql(testEnv().ownerDatabaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(checkpointDir, { recursive: true, force: true });
  });

  it('numbers concurrent appends without gaps; the first keyed entry links to the last unkeyed one', async () => {
    const rows: { seq: string; prev_hash: string; previous: string | null; hash_version: number }[] = await audit.dataSource.query(
      `SELECT seq, prev_hash, hash_version, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_log ORDER BY seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: size }, (_, i) => i + 1));
    expect(rows.map((r) => r.hash_version)).toEqual([...Array(legacy).fill(1), ...Array(size - legacy).fill(2)]);
    for (const row of rows) expect(row.prev_hash).toBe(row.previous ?? GENESIS_HASH);
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: true, checked: size, firstBroken: null, head: { seq: size }, checkpoints: { valid: 1, mismatch: null } });
  });

  it('the CLI reports an intact chain that matches its checkpoint and exits 0', () => {
    const cli = runVerifyCli(cliEnv);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`^Rantai audit utuh: ${size} entri diperiksa; cocok dengan 1 titik periksa \\(terbaru #${size}, .+\\) / Audit chain intact: ${size} entries checked; matches 1 checkpoint\\(s\\) \\(newest #${size}, .+\\)\\n$`));
  });

  it.each([
    ['an action is rewritten', `UPDATE audit_log SET action = 'position.unassign' WHERE seq = 25`, 25, 'content'],
    ['a purpose is added', `UPDATE audit_log SET purpose = 'oversight' WHERE seq = 30`, 30, 'content'],
    ['a timestamp is moved', `UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 1020`, 1020, 'content'],
    ['a before-digest is replaced', `UPDATE audit_log SET before_digest = NULL WHERE seq = 1000`, 1000, 'content'],
    ['a stored hash is replaced', `UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 7`, 7, 'content'],
    ['a prev_hash is forged', `UPDATE audit_log SET prev_hash = repeat('0', 64) WHERE seq = 40`, 40, 'link'],
    ['an entry is deleted', `DELETE FROM audit_log WHERE seq = 1001`, 1002, 'link'],
    ['the first entry is deleted', `DELETE FROM audit_log WHERE seq = 1`, 2, 'link'],
    ['an unkeyed entry is rewritten', `UPDATE audit_log SET target_id = 'old-x' WHERE seq = 3`, 3, 'content'],
    ['a keyed entry is downgraded to an unkeyed one', `UPDATE audit_log SET hash_version = 1, key_id = NULL WHERE seq = 500`, 500, 'version'],
  ] as const)('names the first broken entry when %s', async (_case, statement, seq, reason) => {
    await tamper(statement);
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: false, firstBroken: { seq, reason } });

    const cli = runVerifyCli(cliEnv);
    expect(cli.status).toBe(1);
    const why = { content: 'content altered', link: 'link to the previous entry broken', version: 'an unkeyed entry after keyed ones: forged' }[reason];
    expect(cli.stdout).toContain(`Audit chain BROKEN at entry #${seq} (${why}`);
  });

  it('pins the unkeyed entries: rewriting them all consistently breaks the link of the first keyed entry', async () => {
    // Anyone can recompute SHA-256: change entry 3 and re-hash 3..5 so the unkeyed part verifies again.
    const rows: { seq: string; at: Date; action: string; target_id: string; prev_hash: string }[] = await audit.dataSource.query(`SELECT * FROM audit_log WHERE seq <= ${legacy} ORDER BY seq`);
    let prevHash = GENESIS_HASH;
    const updates: string[] = [];
    for (const row of rows) {
      const targetId = Number(row.seq) === 3 ? 'old-x' : row.target_id;
      const hash = unkeyedEntryHash(prevHash, { seq: Number(row.seq), at: row.at, actorId: null, action: row.action, targetType: 'Agency', targetId, jurisdictionCode: '32', requestId: null, beforeDigest: null, afterDigest: null });
      updates.push(`UPDATE audit_log SET target_id = '${targetId}', prev_hash = '${prevHash}', hash = '${hash}' WHERE seq = ${row.seq}`);
      prevHash = hash;
    }
    await tamper(updates.join('; '));
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: false, firstBroken: { seq: legacy + 1, reason: 'link' } });
  });

  it('names an unkeyed entry forged after keyed ones', async () => {
    const [last] = await audit.dataSource.query(`SELECT hash FROM audit_log WHERE seq = ${size}`);
    const forged = { seq: size + 1, at: new Date(), actorId: null, action: 'agency.create', targetType: 'Agency', targetId: 'forged', jurisdictionCode: '32', requestId: null, beforeDigest: null, afterDigest: null };
    await tamper(
      `INSERT INTO audit_log (seq, at, action, target_type, target_id, jurisdiction_code, prev_hash, hash, hash_version) VALUES (${forged.seq}, '${forged.at.toISOString()}', 'agency.create', 'Agency', 'forged', '32', '${last.hash}', '${unkeyedEntryHash(last.hash, forged)}', 1)`,
    );
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: false, firstBroken: { seq: size + 1, reason: 'version' } });
  });

  it('detects the newest entries deleted, names them, in the service and in the CLI', async () => {
    await tamper(`DELETE FROM audit_log WHERE seq > ${size - 10}`);
    const result = await audit.service.verify();
    // The chain that is left is consistent: only the checkpoint kept outside the table shows the loss.
    expect(result).toMatchObject({
      ok: false,
      firstBroken: null,
      head: { seq: size - 10 },
      checkpoints: { mismatch: { kind: 'missing', fromSeq: size - 9, toSeq: size, checkpoint: { seq: size } } },
    });

    const cli = runVerifyCli(cliEnv);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`Audit chain BROKEN: entries #${size - 9}..#${size} after the head (#${size - 10}) are missing; the checkpoint of `);
    expect(cli.stdout).toContain(`saw #${size} with hash ${result.checkpoints.mismatch?.checkpoint.hash.slice(0, 16)}…`);
    expect(cli.stdout).toContain(`Rantai audit RUSAK: entri #${size - 9}..#${size} setelah entri terbaru (#${size - 10}) hilang`);
  });

  it('detects the newest entries deleted when the app has appended since (the chain itself looks whole)', async () => {
    await tamper(`DELETE FROM audit_log WHERE seq > ${size - 3}`);
    // A fresh process (no memory of its predecessor's checkpoint) goes on appending to the shortened chain.
    const next = createAuditService(audit.dataSource, auditOptionsFromConfig({ AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY, AUDIT_CHECKPOINT_DIR: join(checkpointDir, 'elsewhere') }));
    await next.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: null, jurisdictionCode: '32', requestId: null });
    await next.checkpoints.onModuleDestroy();
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: false, firstBroken: null, checkpoints: { mismatch: { kind: 'missing', fromSeq: size - 2, toSeq: size } } });
    expect(runVerifyCli(cliEnv).stdout).toContain(`Audit chain BROKEN: entries #${size - 2}..#${size} are missing from the middle of the chain`);
  });

  it('detects a reset table refilled past the checkpoint, and the writer keeps the checkpoint that proves it', async () => {
    await tamper(`DELETE FROM audit_log WHERE seq > 100; SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), 100)`);
    for (let i = 0; i < size - 100 + 2; i++) {
      await audit.service.record({ actorId: null, action: 'agency.create', targetType: 'Agency', targetId: `refill-${i}`, jurisdictionCode: '32', requestId: null });
    }
    await audit.checkpoints.flush();
    // The writer saw its checkpoint contradicted and moved on to a new file; the old one stays.
    expect(readdirSync(checkpointDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const result = await audit.service.verify();
    expect(result).toMatchObject({ ok: false, firstBroken: null, checkpoints: { valid: 2, mismatch: { kind: 'altered', seq: size, checkpoint: { seq: size } } } });
    const cli = runVerifyCli(cliEnv);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`Audit chain BROKEN: entry #${size} is not the entry the checkpoint saw`);
  });

  it('detects an emptied table', async () => {
    await tamper(`TRUNCATE audit_log`);
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: false, checked: 0, head: null, checkpoints: { mismatch: { kind: 'missing', fromSeq: 1, toSeq: size } } });
    expect(runVerifyCli(cliEnv).stdout).toContain(`Audit chain BROKEN: the audit table is empty: entries #1..#${size} are missing`);
  });

  it('finds checkpoints in log files given to the CLI', async () => {
    const [file] = readdirSync(checkpointDir);
    const checkpoint = readFileSync(join(checkpointDir, file), 'utf8').trim();
    rmSync(checkpointDir, { recursive: true, force: true });
    mkdirSync(checkpointDir);
    const log = join(repoRoot, 'tmp', `${database}-api.log`);
    writeFileSync(log, `${JSON.stringify({ level: 30, context: 'AuditCheckpoint', msg: `auditCheckpoint ${checkpoint}` })}\n`);
    try {
      await tamper(`DELETE FROM audit_log WHERE seq > ${size - 1}`);
      expect(runVerifyCli(cliEnv).stdout).toContain('Audit chain intact'); // the directory alone no longer knows
      const cli = runVerifyCli(cliEnv, [log]);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`entry #${size} after the head (#${size - 1}) is missing; the checkpoint of `);
      expect(cli.stdout).toContain(`-api.log:1) saw #${size}`);
    } finally {
      rmSync(log, { force: true });
    }
  });

  it('ignores a forged checkpoint, and says so', async () => {
    const [file] = readdirSync(checkpointDir);
    const real = JSON.parse(readFileSync(join(checkpointDir, file), 'utf8')) as { seq: number };
    writeFileSync(join(checkpointDir, 'forged.json'), JSON.stringify({ ...real, seq: real.seq + 500 }));
    await expect(audit.service.verify()).resolves.toMatchObject({ ok: true, checkpoints: { valid: 1, ignored: [{ source: 'forged.json', reason: 'signature' }], mismatch: null } });
    const cli = runVerifyCli(cliEnv);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Warning: checkpoint forged.json ignored (signature does not match)');
  });

  it('cannot verify entries sealed with a key that is no longer configured, and names the key', () => {
    const cli = runVerifyCli({ ...cliEnv, AUDIT_HMAC_KEY: NEW_KEY });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`Audit chain BROKEN at entry #${legacy + 1} (sealed with a key that is not configured "dev")`);
    expect(cli.stdout).toContain('ignored (unknown key)');
  });

  it('keeps verifying after a key rotation that keeps the old key for verification', async () => {
    const keys = { AUDIT_HMAC_KEY: NEW_KEY, AUDIT_HMAC_OLD_KEYS: DEV_AUDIT_HMAC_KEY };
    const rotated = createAuditService(audit.dataSource, auditOptionsFromConfig({ ...keys, AUDIT_CHECKPOINT_DIR: checkpointDir }));
    const entry = await rotated.service.record({ actorId: null, action: 'agency.update', targetType: 'Agency', targetId: null, jurisdictionCode: '32', requestId: null });
    await expect(rotated.checkpoints.flush()).resolves.toMatchObject({ seq: entry.seq, keyId: 'k2' });
    await expect(audit.dataSource.query(`SELECT key_id FROM audit_log WHERE seq = $1`, [entry.seq])).resolves.toEqual([{ key_id: 'k2' }]);
    // Both writers run in this one process, so they share a file: the newest checkpoint is the rotated key's.
    await expect(rotated.service.verify()).resolves.toMatchObject({ ok: true, checked: size + 1, checkpoints: { valid: 1, newest: { seq: size + 1 }, ignored: [] } });
    expect(runVerifyCli({ ...cliEnv, ...keys }).status).toBe(0);
    await rotated.checkpoints.onModuleDestroy();
  });
});
