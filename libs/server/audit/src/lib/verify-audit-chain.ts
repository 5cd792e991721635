import { DataSource } from 'typeorm';
import type { AuditVerification } from '@gugus/contracts';
import { createDataSourceOptions } from '@gugus/server-database';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Verifies the audit chain in the database at `databaseUrl` on a short-lived connection of its own. */
export async function verifyAuditChain(databaseUrl: string): Promise<AuditVerification> {
  const dataSource = await new DataSource({ ...createDataSourceOptions(databaseUrl, 1), entities: [AuditEntryEntity] }).initialize();
  try {
    return await new AuditService(new AuditRepository(dataSource.getRepository(AuditEntryEntity))).verify();
  } finally {
    await dataSource.destroy();
  }
}

/** One line a person can act on, in Bahasa Indonesia and English. */
export function describeVerification(result: AuditVerification): string {
  if (!result.firstBroken) return `Rantai audit utuh: ${result.checked} entri diperiksa / Audit chain intact: ${result.checked} entries checked`;
  const { seq, reason } = result.firstBroken;
  const why =
    reason === 'content'
      ? { id: 'isi diubah', en: 'content altered' }
      : { id: 'tautan ke entri sebelumnya putus: entri dihapus, disisipkan atau diubah', en: 'link to the previous entry broken: an entry was removed, inserted or altered' };
  return `Rantai audit RUSAK pada entri #${seq} (${why.id}) / Audit chain BROKEN at entry #${seq} (${why.en})`;
}
