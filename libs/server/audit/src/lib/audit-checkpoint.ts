import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AuditCheckpointView, AuditVerification } from '@gugus/contracts';
import { canonicalJson } from './audit-hash';
import type { AuditKey, AuditKeyring } from './audit-keyring';

/**
 * A signed note of the chain's head, kept outside the database: whoever deletes the newest entries
 * cannot delete what the checkpoint saw, and without the key cannot write a checkpoint that agrees.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When the head was read (ISO 8601). */
  at: string;
  /** Which process wrote it (host and PID). */
  writer: string;
  keyId: string;
  /** HMAC-SHA-256 of the other fields under the key `keyId`. */
  sig: string;
}

/** Log lines carry a checkpoint as this marker followed by its JSON, inside the message text. */
export const CHECKPOINT_LOG_MARKER = 'auditCheckpoint ';

// Checkpoint signatures and entry hashes share the key; the prefix keeps one from ever passing as the other.
const DOMAIN = 'gugus-audit-checkpoint-v1\n';

function signature(key: AuditKey, body: Omit<AuditCheckpoint, 'sig'>): string {
  return createHmac('sha256', key.secret).update(DOMAIN + canonicalJson(body), 'utf8').digest('hex');
}

export function signCheckpoint(key: AuditKey, head: { seq: number; hash: string }, at: Date, writer: string): AuditCheckpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString(), writer, keyId: key.id };
  return { ...body, sig: signature(key, body) };
}

export type CheckpointCheck = { ok: true; checkpoint: AuditCheckpoint } | { ok: false; reason: 'signature' | 'unknown-key' | 'malformed' };

const HEX64 = /^[0-9a-f]{64}$/;

/** Whether `value` is a well-formed checkpoint signed with a key of `keyring`. */
export function checkCheckpoint(keyring: AuditKeyring, value: unknown): CheckpointCheck {
  const c = value as Partial<AuditCheckpoint> | null;
  const wellFormed =
    c !== null &&
    typeof c === 'object' &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) > 0 &&
    typeof c.hash === 'string' &&
    HEX64.test(c.hash) &&
    typeof c.at === 'string' &&
    !Number.isNaN(Date.parse(c.at)) &&
    typeof c.writer === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.sig === 'string' &&
    HEX64.test(c.sig);
  if (!wellFormed) return { ok: false, reason: 'malformed' };
  const checkpoint: AuditCheckpoint = { seq: c.seq as number, hash: c.hash as string, at: c.at as string, writer: c.writer as string, keyId: c.keyId as string, sig: c.sig as string };
  const key = keyring.find(checkpoint.keyId);
  if (!key) return { ok: false, reason: 'unknown-key' };
  const { sig, ...body } = checkpoint;
  const expected = Buffer.from(signature(key, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(sig, 'hex')) ? { ok: true, checkpoint } : { ok: false, reason: 'signature' };
}

export interface CheckpointRead {
  valid: (AuditCheckpoint & { source: string })[];
  ignored: AuditVerification['checkpoints']['ignored'];
}

/** The checkpoint carried by one log line, if any: a pino JSON line whose message holds the marker, or the bare marker text. */
function checkpointInLogLine(line: string): unknown {
  if (!line.includes(CHECKPOINT_LOG_MARKER)) return undefined;
  let text = line;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    if (typeof parsed.msg === 'string') text = parsed.msg;
  } catch {
    // not a JSON log line: the marker is in the text itself
  }
  const start = text.indexOf(CHECKPOINT_LOG_MARKER);
  if (start < 0) return null;
  try {
    return JSON.parse(text.slice(start + CHECKPOINT_LOG_MARKER.length));
  } catch {
    return null;
  }
}

/**
 * Every checkpoint in `paths`: directories are read for `*.json` checkpoint files (the files the
 * writers keep); any other file is read as a log, one checkpoint per line that carries the marker.
 * A missing path holds no checkpoints.
 */
export async function readCheckpoints(keyring: AuditKeyring, paths: readonly string[]): Promise<CheckpointRead> {
  const read: CheckpointRead = { valid: [], ignored: [] };
  const consider = (source: string, value: unknown) => {
    const check = checkCheckpoint(keyring, value);
    if (check.ok) read.valid.push({ ...check.checkpoint, source });
    else read.ignored.push({ source, reason: check.reason });
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
      for (const name of names) {
        const text = await readFile(join(path, name), 'utf8').catch(() => '');
        let value: unknown = null;
        try {
          value = JSON.parse(text);
        } catch {
          // reported as malformed below
        }
        consider(name, value);
      }
    } else {
      const lines = (await readFile(path, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const value = checkpointInLogLine(line);
        if (value !== undefined) consider(`${basename(path)}:${i + 1}`, value);
      });
    }
  }
  return read;
}

/** Writes `checkpoint` as `dir/name`, atomically: a reader sees the previous file or the new one, never half of one. */
export async function writeCheckpointFile(dir: string, name: string, checkpoint: AuditCheckpoint): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
  await rename(temporary, target);
}

export function toCheckpointView(checkpoint: AuditCheckpoint & { source: string }): AuditCheckpointView {
  return { seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, source: checkpoint.source };
}
