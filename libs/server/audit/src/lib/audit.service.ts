import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type AuditCheckpointMismatch, type AuditEntryView, type AuditKind, type AuditVerification } from '@gugus/contracts';
import { abilityFor, canOn, coveredCodePattern, covers, forbidden, type AuthUser } from '@gugus/server-access';
import { DomainError } from '@gugus/server-http';
import { readCheckpoints, toCheckpointView, type AuditCheckpoint } from './audit-checkpoint';
import { AuditCheckpointWriter } from './audit-checkpoint.writer';
import type { AuditEntryEntity } from './audit-entry.entity';
import { digestOf, GENESIS_HASH, HMAC_HASH_VERSION, keyedEntryHash, UNKEYED_HASH_VERSION, unkeyedEntryHash, type KeyedFields } from './audit-hash';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { toAuditEntryView } from './audit.mapper';
import { AuditRepository } from './audit.repository';

/** `<subject>.<verb>`, e.g. `agency.create`, `person.read`, `auth.login_failed`. */
const ACTION = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;
/** A word such as `assignee`, `team`, `oversight`, `review`: never free text that could carry data. */
const PURPOSE = /^[a-z][a-z_]{0,39}$/;
export const AUDIT_LIST_DEFAULT = 50;
export const AUDIT_LIST_MAX = 200;
const VERIFY_BATCH = 1000;

/**
 * One thing that happened. Identifiers only: `targetId` names a record, never a person's details, and
 * `before`/`after` are stored as digests, so the log can prove what changed without holding victim data.
 */
export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  jurisdictionCode: string | null;
  requestId: string | null;
  before?: unknown;
  after?: unknown;
  /** Why the record was read or changed, e.g. `assignee`, `team`, `oversight`, `review` (covered by the entry's hash). */
  purpose?: string;
}

export interface AuditListQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** This jurisdiction and those below it. */
  jurisdictionCode?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeSeq?: number;
  /** `read`: only reads (actions ending in `.read`, and `person.list`). */
  kind?: AuditKind;
}

const invalid = (field: string, message: { id: string; en: string }) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });

@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    private readonly checkpoints: AuditCheckpointWriter,
  ) {}

  /**
   * Appends one entry to the chain. Pass the caller's EntityManager to audit inside its transaction: the
   * entry then stands or falls with the change, and the append lock is held until that transaction
   * ends (keep it short, and at READ COMMITTED so the chain head read after the lock is current).
   */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<AuditEntryView> {
    if (!ACTION.test(entry.action)) {
      throw new DomainError(ErrorCode.INTERNAL, {
        id: `Nama tindakan audit "${entry.action}" tidak sesuai pola subjek.kata_kerja.`,
        en: `Audit action "${entry.action}" does not follow subject.verb.`,
      });
    }
    if (entry.purpose !== undefined && !PURPOSE.test(entry.purpose)) {
      throw new DomainError(ErrorCode.INTERNAL, {
        id: `Tujuan audit "${entry.purpose}" harus satu kata huruf kecil.`,
        en: `Audit purpose "${entry.purpose}" must be one lower-case word.`,
      });
    }
    const key = this.options.keyring.current;
    const row = await this.repo.withAppendLock(async (appender) => {
      const prevHash = (await appender.lastHash()) ?? GENESIS_HASH;
      const { seq, at } = await appender.nextSlot();
      const fields: KeyedFields = {
        seq,
        at,
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        jurisdictionCode: entry.jurisdictionCode,
        requestId: entry.requestId,
        beforeDigest: entry.before === undefined ? null : digestOf(entry.before, key),
        afterDigest: entry.after === undefined ? null : digestOf(entry.after, key),
        purpose: entry.purpose ?? null,
        keyId: key.id,
      };
      const sealed = { ...fields, hashVersion: HMAC_HASH_VERSION, prevHash, hash: keyedEntryHash(key, prevHash, fields) };
      await appender.insert(sealed);
      return sealed;
    }, manager);
    this.checkpoints.noteAppend(row.seq);
    return toAuditEntryView(row);
  }

  /**
   * Walks the whole chain in sequence order, a batch at a time, and stops at the first entry whose
   * link to its predecessor or whose own content does not match its hash. A gap in sequence numbers
   * alone is no break (a rolled-back transaction leaves one); a removed entry breaks the next link.
   * Then compares the chain with the signed checkpoints kept outside the table (the configured
   * directory and any `extraCheckpointPaths`, e.g. log files): newest entries removed, the table emptied
   * or reset, or an entry a checkpoint saw that is now different, are named.
   */
  async verify(extraCheckpointPaths: readonly string[] = []): Promise<AuditVerification> {
    const { keyring, checkpointDir } = this.options;
    const paths = [...(checkpointDir ? [checkpointDir] : []), ...extraCheckpointPaths];
    // Checkpoints first: everything they saw had committed before the walk starts, so the walk sees it too.
    const read = await readCheckpoints(keyring, paths);
    const { checked, firstBroken } = await this.walkChain();
    const head = await this.repo.head();
    const mismatch = await this.checkpointMismatch(read.valid);
    const newest = read.valid.reduce<(typeof read.valid)[number] | null>((a, c) => (!a || c.seq > a.seq ? c : a), null);
    return {
      ok: !firstBroken && !mismatch,
      checked,
      firstBroken,
      head,
      checkpoints: { configured: paths.length > 0, valid: read.valid.length, newest: newest && toCheckpointView(newest), ignored: read.ignored, mismatch },
    };
  }

  private async walkChain(): Promise<Pick<AuditVerification, 'checked' | 'firstBroken'>> {
    let prevHash = GENESIS_HASH;
    let keyed = false;
    let checked = 0;
    let afterSeq = 0;
    for (;;) {
      const batch = await this.repo.batchAfter(afterSeq, VERIFY_BATCH);
      for (const row of batch) {
        checked++;
        const broken = this.breakOf(row, prevHash, keyed);
        if (broken) return { checked, firstBroken: broken };
        keyed ||= row.hashVersion === HMAC_HASH_VERSION;
        prevHash = row.hash;
      }
      if (batch.length < VERIFY_BATCH) return { checked, firstBroken: null };
      afterSeq = batch[batch.length - 1].seq;
    }
  }

  /**
   * Why `row` breaks the chain, or null. Entries written before the audit key existed are unkeyed
   * SHA-256, which anyone could recompute; they still cannot be rewritten unnoticed, because the first
   * keyed entry links to the last unkeyed one and its HMAC covers that link, pinning every entry before
   * it. An unkeyed entry after a keyed one is therefore forged (the app can no longer write one: a
   * CHECK constraint refuses it).
   */
  private breakOf(row: AuditEntryEntity, prevHash: string, keyed: boolean): AuditVerification['firstBroken'] {
    const seq = row.seq;
    if (row.prevHash !== prevHash) return { seq, reason: 'link' };
    if (row.hashVersion === UNKEYED_HASH_VERSION) {
      if (keyed) return { seq, reason: 'version' };
      return unkeyedEntryHash(row.prevHash, row) === row.hash ? null : { seq, reason: 'content' };
    }
    if (row.hashVersion !== HMAC_HASH_VERSION || !row.keyId) return { seq, reason: 'content' };
    const key = this.options.keyring.find(row.keyId);
    if (!key) return { seq, reason: 'key', keyId: row.keyId };
    return keyedEntryHash(key, row.prevHash, { ...row, keyId: row.keyId }) === row.hash ? null : { seq, reason: 'content' };
  }

  /** The newest checkpoint the table contradicts: its entry is gone (and which ones with it), or different. */
  private async checkpointMismatch(checkpoints: readonly (AuditCheckpoint & { source: string })[]): Promise<AuditCheckpointMismatch | null> {
    const distinct = [...new Map(checkpoints.map((c) => [`${c.seq}:${c.hash}`, c])).values()].sort((a, b) => b.seq - a.seq);
    const present = new Map((await this.repo.entriesAt(distinct.map((c) => c.seq))).map((e) => [e.seq, e.hash]));
    for (const checkpoint of distinct) {
      const hash = present.get(checkpoint.seq);
      if (hash === checkpoint.hash) continue;
      if (hash !== undefined) return { kind: 'altered', seq: checkpoint.seq, hash, checkpoint: toCheckpointView(checkpoint) };
      const before = await this.repo.entryBefore(checkpoint.seq);
      return { kind: 'missing', fromSeq: (before?.seq ?? 0) + 1, toSeq: checkpoint.seq, checkpoint: toCheckpointView(checkpoint) };
    }
    return null;
  }

  /**
   * Entries the user may read, newest first: a system administrator sees all of them, anyone else only
   * those in jurisdictions covered by a grant that allows reading the audit log. Actors and targets carry
   * their names (people, agencies, positions, plans, meetings, task forces; never a case's people).
   */
  async list(user: AuthUser, query: AuditListQuery): Promise<AuditEntryView[]> {
    const ability = abilityFor(user.grants);
    let scopePatterns: string[] | null = null;
    if (!ability.can('manage', 'all')) {
      const codes = user.grants.map((g) => g.jurisdictionCode).filter((jurisdictionCode) => canOn(ability, 'read', 'AuditLog', { jurisdictionCode }));
      if (!codes.length) throw forbidden();
      // Asking for a jurisdiction that none of the caller's grants overlaps is refused, not answered empty.
      const asked = query.jurisdictionCode;
      if (asked && !codes.some((code) => covers(code, asked) || covers(asked, code))) throw forbidden();
      scopePatterns = [...new Set(codes.map((code) => coveredCodePattern(code).source))];
    }
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) throw invalid('to', { id: 'tidak boleh sebelum from', en: 'must not be before from' });
    const rows = await this.repo.list({
      actorId: query.actorId,
      action: query.action,
      readsOnly: query.kind === 'read',
      targetType: query.targetType,
      targetId: query.targetId,
      scopePatterns,
      jurisdictionPattern: query.jurisdictionCode ? coveredCodePattern(query.jurisdictionCode).source : undefined,
      from,
      to,
      beforeSeq: query.beforeSeq,
      limit: Math.min(query.limit ?? AUDIT_LIST_DEFAULT, AUDIT_LIST_MAX),
    });
    const names = await this.repo.namesFor(rows);
    return rows.map((row) => toAuditEntryView(row, names));
  }
}
