import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type AuditEntryView, type AuditVerification } from '@gugus/contracts';
import { abilityFor, canOn, coveredCodePattern, covers, forbidden, type AuthUser } from '@gugus/server-access';
import { DomainError } from '@gugus/server-http';
import { digestOf, entryHash, GENESIS_HASH, type ChainedFields } from './audit-hash';
import { toAuditEntryView } from './audit.mapper';
import { AuditRepository } from './audit.repository';

/** `<subject>.<verb>`, e.g. `agency.create`, `person.read`, `auth.login_failed`. */
const ACTION = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;
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
  /** Why a record was read (reads only). */
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
}

const invalid = (field: string, message: { id: string; en: string }) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });

@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

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
    const row = await this.repo.withAppendLock(async (appender) => {
      const prevHash = (await appender.lastHash()) ?? GENESIS_HASH;
      const { seq, at } = await appender.nextSlot();
      const fields: ChainedFields = {
        seq,
        at,
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        jurisdictionCode: entry.jurisdictionCode,
        requestId: entry.requestId,
        beforeDigest: entry.before === undefined ? null : digestOf(entry.before),
        afterDigest: entry.after === undefined ? null : digestOf(entry.after),
      };
      const sealed = { ...fields, prevHash, hash: entryHash(prevHash, fields) };
      await appender.insert(sealed);
      return sealed;
    }, manager);
    return toAuditEntryView(row);
  }

  /**
   * Walks the whole chain in sequence order, a batch at a time, and stops at the first entry whose
   * link to its predecessor or whose own content does not match its hash. A gap in sequence numbers
   * alone is no break (a rolled-back transaction leaves one); a removed entry breaks the next link.
   */
  async verify(): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let afterSeq = 0;
    for (;;) {
      const batch = await this.repo.batchAfter(afterSeq, VERIFY_BATCH);
      for (const row of batch) {
        checked++;
        if (row.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'link' } };
        if (entryHash(row.prevHash, row) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'content' } };
        prevHash = row.hash;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked, firstBroken: null };
      afterSeq = batch[batch.length - 1].seq;
    }
  }

  /**
   * Entries the user may read, newest first: a system administrator sees all of them, anyone else only
   * those in jurisdictions covered by a grant that allows reading the audit log.
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
      targetType: query.targetType,
      targetId: query.targetId,
      scopePatterns,
      jurisdictionPattern: query.jurisdictionCode ? coveredCodePattern(query.jurisdictionCode).source : undefined,
      from,
      to,
      beforeSeq: query.beforeSeq,
      limit: Math.min(query.limit ?? AUDIT_LIST_DEFAULT, AUDIT_LIST_MAX),
    });
    return rows.map(toAuditEntryView);
  }
}
