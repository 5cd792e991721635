import type { DataSource } from 'typeorm';
import { AuditCheckpointWriter } from './audit-checkpoint.writer';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditOptions } from './audit-options';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** An AuditService outside Nest (CLIs, tests) on a data source that has {@link AuditEntryEntity} registered. */
export function createAuditService(dataSource: DataSource, options: AuditOptions): { service: AuditService; checkpoints: AuditCheckpointWriter } {
  const repo = new AuditRepository(dataSource.getRepository(AuditEntryEntity));
  const checkpoints = new AuditCheckpointWriter(repo, options);
  return { service: new AuditService(repo, options, checkpoints), checkpoints };
}
