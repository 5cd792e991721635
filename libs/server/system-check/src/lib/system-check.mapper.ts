import type { SystemCheckView } from '@gugus/contracts';
import type { SystemCheckEntity } from './system-check.entity';

export function toSystemCheckView(row: SystemCheckEntity): SystemCheckView {
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    stage: row.stage,
    attempts: row.attempts,
    databaseVersion: row.databaseVersion,
    requestedAt: row.requestedAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  };
}
