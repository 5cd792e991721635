import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { CHECKPOINT_LOG_MARKER, checkCheckpoint, readCheckpoints, signCheckpoint, writeCheckpointFile } from './audit-checkpoint';
import { AuditCheckpointWriter } from './audit-checkpoint.writer';
import { AuditKeyring } from './audit-keyring';
import type { AuditRepository, ChainPoint } from './audit.repository';

const k1 = { id: 'k1', secret: 'first-secret-of-at-least-32-characters-long' };
const k2 = { id: 'k2', secret: 'second-secret-of-at-least-32-characters-long' };
const ring = new AuditKeyring(k2, [k1]);
const head = { seq: 42, hash: 'ab'.repeat(32) };
const at = new Date('2026-01-05T03:04:05.678Z');

describe('checkpoint signatures', () => {
  const signed = signCheckpoint(k2, head, at, 'host:123');

  it('verifies a checkpoint signed with the current key, and one signed with a retired key', () => {
    expect(checkCheckpoint(ring, signed)).toEqual({ ok: true, checkpoint: signed });
    expect(signed).toMatchObject({ seq: 42, hash: head.hash, at: at.toISOString(), writer: 'host:123', keyId: 'k2', sig: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(checkCheckpoint(ring, signCheckpoint(k1, head, at, 'host:1'))).toMatchObject({ ok: true });
  });

  it.each<[string, Record<string, unknown>]>([
    ['seq', { seq: 43 }],
    ['hash', { hash: 'cd'.repeat(32) }],
    ['at', { at: '2026-01-06T03:04:05.678Z' }],
    ['writer', { writer: 'elsewhere:1' }],
    ['keyId (to another known key)', { keyId: 'k1' }],
    ['sig', { sig: 'ef'.repeat(32) }],
  ])('refuses a checkpoint whose %s was changed', (_field, change) => {
    expect(checkCheckpoint(ring, { ...signed, ...change })).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses a checkpoint signed with a key it does not know', () => {
    const stranger = { id: 'k9', secret: 'someone-else-s-secret-of-32-characters-or-more' };
    expect(checkCheckpoint(ring, signCheckpoint(stranger, head, at, 'x'))).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it.each([null, 'text', {}, { ...signed, seq: '42' }, { ...signed, seq: 0 }, { ...signed, hash: 'short' }, { ...signed, at: 'yesterday' }, { ...signed, sig: undefined }])(
    'calls %j malformed',
    (value) => {
      expect(checkCheckpoint(ring, value)).toEqual({ ok: false, reason: 'malformed' });
    },
  );
});

describe('checkpoint files and log lines', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gugus-checkpoints-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically, replacing the previous file and leaving no temporary file', async () => {
    await writeCheckpointFile(join(dir, 'cp'), 'host-1.json', signCheckpoint(k2, head, at, 'host:1'));
    await writeCheckpointFile(join(dir, 'cp'), 'host-1.json', signCheckpoint(k2, { ...head, seq: 43 }, at, 'host:1'));
    expect(readdirSync(join(dir, 'cp'))).toEqual(['host-1.json']);
    expect(JSON.parse(readFileSync(join(dir, 'cp', 'host-1.json'), 'utf8'))).toMatchObject({ seq: 43 });
  });

  it('reads every file of a directory and every marked line of a log, reporting the ones it does not trust', async () => {
    const cpDir = join(dir, 'cp');
    await writeCheckpointFile(cpDir, 'api-1.json', signCheckpoint(k2, head, at, 'api'));
    await writeCheckpointFile(cpDir, 'worker-2.json', { ...signCheckpoint(k2, head, at, 'worker'), seq: 99 });
    writeFileSync(join(cpDir, 'broken.json'), '{"seq":');
    writeFileSync(join(cpDir, 'leftover.json.7.tmp'), 'ignored: not a .json file');
    const log = join(dir, 'api.log');
    const logged = signCheckpoint(k1, { ...head, seq: 40 }, at, 'api');
    writeFileSync(
      log,
      [
        JSON.stringify({ level: 30, msg: 'Nest application successfully started' }),
        JSON.stringify({ level: 30, context: 'AuditCheckpoint', msg: `${CHECKPOINT_LOG_MARKER}${JSON.stringify(logged)}` }),
        `plain text ${CHECKPOINT_LOG_MARKER}{"seq":`,
      ].join('\n'),
    );

    const read = await readCheckpoints(ring, [cpDir, log, join(dir, 'missing')]);
    expect(read.valid.map((c) => [c.source, c.seq])).toEqual([
      ['api-1.json', 42],
      ['api.log:2', 40],
    ]);
    expect(read.ignored).toEqual([
      { source: 'broken.json', reason: 'malformed' },
      { source: 'worker-2.json', reason: 'signature' },
      { source: 'api.log:3', reason: 'malformed' },
    ]);
  });
});

describe('AuditCheckpointWriter', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  let dir: string;
  let chain: ChainPoint[];
  const repo = {
    head: async () => chain.at(-1) ?? null,
    entriesAt: async (seqs: readonly number[]) => chain.filter((e) => seqs.includes(e.seq)),
  } as unknown as AuditRepository;
  const entry = (seq: number, tag = 'a') => ({ seq, hash: `${tag}${String(seq).padStart(63, '0')}` });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gugus-writer-'));
    chain = [entry(1), entry(2)];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = () => readdirSync(dir).sort();
  const fileSeqs = () => files().map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { seq: number }).seq);

  it('signs the committed head into its own file, and writes nothing when the head has not moved', async () => {
    const writer = new AuditCheckpointWriter(repo, { keyring: ring, checkpointDir: dir });
    const first = await writer.flush();
    expect(first).toMatchObject({ seq: 2, keyId: 'k2' });
    expect(checkCheckpoint(ring, first)).toMatchObject({ ok: true });
    await expect(writer.flush()).resolves.toBeNull();
    chain.push(entry(3));
    await expect(writer.flush()).resolves.toMatchObject({ seq: 3 });
    expect(fileSeqs()).toEqual([3]);
  });

  it('keeps a checkpoint the table now contradicts, and continues in another file', async () => {
    const writer = new AuditCheckpointWriter(repo, { keyring: ring, checkpointDir: dir });
    await writer.flush();
    // The newest entry is deleted and the sequence reused: #2 is now another entry.
    chain = [entry(1), entry(2, 'b'), entry(3, 'b')];
    await expect(writer.flush()).resolves.toMatchObject({ seq: 3 });
    expect(files()).toHaveLength(2);
    expect(fileSeqs().sort()).toEqual([2, 3]);
  });

  it('flushes on shutdown what was appended since the last checkpoint', async () => {
    const writer = new AuditCheckpointWriter(repo, { keyring: ring, checkpointDir: dir });
    chain.push(entry(3));
    writer.noteAppend(3);
    await writer.onModuleDestroy();
    expect(fileSeqs()).toEqual([3]);
  });
});
