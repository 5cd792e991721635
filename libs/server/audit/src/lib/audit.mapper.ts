import type { AuditEntryView } from '@gugus/contracts';
import type { AuditEntryEntity } from './audit-entry.entity';

export function toAuditEntryView(row: AuditEntryEntity): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    jurisdictionCode: row.jurisdictionCode,
    requestId: row.requestId,
    beforeDigest: row.beforeDigest,
    afterDigest: row.afterDigest,
    purpose: row.purpose,
    hash: row.hash,
  };
}
