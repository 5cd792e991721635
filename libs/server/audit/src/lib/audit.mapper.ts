import type { AuditEntryView } from '@gugus/contracts';
import type { AuditEntryEntity } from './audit-entry.entity';

/** Names looked up for a page of entries: actors by person id, targets by `type:id`. */
export interface AuditNames {
  people: ReadonlyMap<string, string>;
  targets: ReadonlyMap<string, string>;
}

const NO_NAMES: AuditNames = { people: new Map(), targets: new Map() };

export const auditTargetKey = (targetType: string, targetId: string) => `${targetType}:${targetId}`;

export function toAuditEntryView(row: AuditEntryEntity, names: AuditNames = NO_NAMES): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: (row.actorId && names.people.get(row.actorId)) ?? null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: (row.targetId && names.targets.get(auditTargetKey(row.targetType, row.targetId.toLowerCase()))) ?? null,
    jurisdictionCode: row.jurisdictionCode,
    requestId: row.requestId,
    beforeDigest: row.beforeDigest,
    afterDigest: row.afterDigest,
    purpose: row.purpose,
    hash: row.hash,
  };
}
