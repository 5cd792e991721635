import { DataSource } from 'typeorm';
import type { AuditCheckpointMismatch, AuditVerification } from '@gugus/contracts';
import type { ServerConfig } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { AuditEntryEntity } from './audit-entry.entity';
import { auditOptionsFromConfig } from './audit-options';
import { createAuditService } from './audit-standalone';

/**
 * Verifies the audit chain in DATABASE_URL on a short-lived connection of its own, against the
 * checkpoints in AUDIT_CHECKPOINT_DIR and in `extraCheckpointPaths` (log files, other directories).
 */
export async function verifyAuditChain(
  config: Pick<ServerConfig, 'DATABASE_URL' | 'AUDIT_HMAC_KEY' | 'AUDIT_HMAC_OLD_KEYS' | 'AUDIT_CHECKPOINT_DIR'>,
  extraCheckpointPaths: readonly string[] = [],
): Promise<AuditVerification> {
  const dataSource = await new DataSource({ ...createDataSourceOptions(config.DATABASE_URL, 1), entities: [AuditEntryEntity] }).initialize();
  try {
    return await createAuditService(dataSource, auditOptionsFromConfig(config)).service.verify(extraCheckpointPaths);
  } finally {
    await dataSource.destroy();
  }
}

type Text = { id: string; en: string };

const BREAKS: Record<NonNullable<AuditVerification['firstBroken']>['reason'], Text> = {
  content: { id: 'isi diubah', en: 'content altered' },
  link: { id: 'tautan ke entri sebelumnya putus: entri dihapus, disisipkan atau diubah', en: 'link to the previous entry broken: an entry was removed, inserted or altered' },
  version: { id: 'entri tanpa kunci setelah entri berkunci: dipalsukan', en: 'an unkeyed entry after keyed ones: forged' },
  key: { id: 'disegel dengan kunci yang tidak dikonfigurasi', en: 'sealed with a key that is not configured' },
};

const IGNORED: Record<AuditVerification['checkpoints']['ignored'][number]['reason'], Text> = {
  signature: { id: 'tanda tangan tidak cocok', en: 'signature does not match' },
  'unknown-key': { id: 'kunci tidak dikenal', en: 'unknown key' },
  malformed: { id: 'tidak terbaca', en: 'unreadable' },
};

const short = (hash: string) => `${hash.slice(0, 16)}…`;

function describeMismatch(m: AuditCheckpointMismatch, head: AuditVerification['head']): Text {
  const saw = (seq: number): Text => ({
    id: `titik periksa ${m.checkpoint.at} (${m.checkpoint.source}) melihat #${seq} dengan hash ${short(m.checkpoint.hash)}`,
    en: `the checkpoint of ${m.checkpoint.at} (${m.checkpoint.source}) saw #${seq} with hash ${short(m.checkpoint.hash)}`,
  });
  if (m.kind === 'altered') {
    return {
      id: `entri #${m.seq} bukan entri yang dilihat titik periksa (hash sekarang ${short(m.hash)}); ${saw(m.seq).id}`,
      en: `entry #${m.seq} is not the entry the checkpoint saw (hash now ${short(m.hash)}); ${saw(m.seq).en}`,
    };
  }
  const one = m.fromSeq === m.toSeq;
  const range = one ? `#${m.toSeq}` : `#${m.fromSeq}..#${m.toSeq}`;
  const what: Text = !head
    ? { id: `tabel audit kosong: entri ${range} hilang`, en: `the audit table is empty: ${one ? 'entry' : 'entries'} ${range} ${one ? 'is' : 'are'} missing` }
    : m.toSeq > head.seq
      ? { id: `entri ${range} setelah entri terbaru (#${head.seq}) hilang`, en: `${one ? 'entry' : 'entries'} ${range} after the head (#${head.seq}) ${one ? 'is' : 'are'} missing` }
      : { id: `entri ${range} hilang dari tengah rantai`, en: `${one ? 'entry' : 'entries'} ${range} ${one ? 'is' : 'are'} missing from the middle of the chain` };
  return { id: `${what.id}; ${saw(m.toSeq).id}`, en: `${what.en}; ${saw(m.toSeq).en}` };
}

/**
 * The verdict in one line a person can act on, in Bahasa Indonesia and English, followed by a warning
 * line for each checkpoint that was not trusted (or when there are none to compare with).
 */
export function describeVerification(result: AuditVerification): string {
  const { checked, firstBroken, head, checkpoints } = result;
  const lines: string[] = [];
  if (!firstBroken && !checkpoints.mismatch) {
    const seen: Text = checkpoints.newest
      ? { id: `; cocok dengan ${checkpoints.valid} titik periksa (terbaru #${checkpoints.newest.seq}, ${checkpoints.newest.at})`, en: `; matches ${checkpoints.valid} checkpoint(s) (newest #${checkpoints.newest.seq}, ${checkpoints.newest.at})` }
      : { id: '', en: '' };
    lines.push(`Rantai audit utuh: ${checked} entri diperiksa${seen.id} / Audit chain intact: ${checked} entries checked${seen.en}`);
  } else {
    const broken: Text = firstBroken
      ? {
          id: ` pada entri #${firstBroken.seq} (${BREAKS[firstBroken.reason].id}${firstBroken.keyId ? ` "${firstBroken.keyId}"` : ''})`,
          en: ` at entry #${firstBroken.seq} (${BREAKS[firstBroken.reason].en}${firstBroken.keyId ? ` "${firstBroken.keyId}"` : ''})`,
        }
      : { id: '', en: '' };
    const missing = checkpoints.mismatch ? describeMismatch(checkpoints.mismatch, head) : null;
    const sep = firstBroken ? ';' : ':';
    lines.push(`Rantai audit RUSAK${broken.id}${missing ? `${sep} ${missing.id}` : ''} / Audit chain BROKEN${broken.en}${missing ? `${sep} ${missing.en}` : ''}`);
  }
  for (const { source, reason } of checkpoints.ignored) {
    lines.push(`Peringatan: titik periksa ${source} diabaikan (${IGNORED[reason].id}) / Warning: checkpoint ${source} ignored (${IGNORED[reason].en})`);
  }
  if (!checkpoints.configured) {
    lines.push('Peringatan: AUDIT_CHECKPOINT_DIR tidak diatur; penghapusan entri terbaru tidak dapat dideteksi / Warning: AUDIT_CHECKPOINT_DIR is not set; removal of the newest entries cannot be detected');
  } else if (!checkpoints.valid && head) {
    lines.push('Peringatan: tidak ada titik periksa yang sah; penghapusan entri terbaru tidak dapat dideteksi / Warning: no valid checkpoints found; removal of the newest entries cannot be detected');
  }
  return lines.join('\n');
}
