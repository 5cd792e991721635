import type { AuditVerification } from '@gugus/contracts';
import { describeVerification } from './verify-audit-chain';

const checkpoint = { seq: 120, hash: 'c'.repeat(64), at: '2026-01-05T03:04:05.678Z', source: 'api-7.json' };
const intact: AuditVerification = {
  ok: true,
  checked: 120,
  firstBroken: null,
  head: { seq: 120, hash: 'c'.repeat(64) },
  checkpoints: { configured: true, valid: 2, newest: checkpoint, ignored: [], mismatch: null },
};
const broken = (change: Partial<AuditVerification>, checkpoints: Partial<AuditVerification['checkpoints']> = {}): AuditVerification => ({
  ...intact,
  ok: false,
  ...change,
  checkpoints: { ...intact.checkpoints, ...checkpoints },
});

describe('describeVerification', () => {
  it.each<[string, AuditVerification, string]>([
    [
      'an intact chain that matches its checkpoints',
      intact,
      'Rantai audit utuh: 120 entri diperiksa; cocok dengan 2 titik periksa (terbaru #120, 2026-01-05T03:04:05.678Z) / Audit chain intact: 120 entries checked; matches 2 checkpoint(s) (newest #120, 2026-01-05T03:04:05.678Z)',
    ],
    [
      'an altered entry',
      broken({ firstBroken: { seq: 25, reason: 'content' } }),
      'Rantai audit RUSAK pada entri #25 (isi diubah) / Audit chain BROKEN at entry #25 (content altered)',
    ],
    [
      'an entry sealed with a key that is not configured',
      broken({ firstBroken: { seq: 9, reason: 'key', keyId: 'k0' } }),
      'Rantai audit RUSAK pada entri #9 (disegel dengan kunci yang tidak dikonfigurasi "k0") / Audit chain BROKEN at entry #9 (sealed with a key that is not configured "k0")',
    ],
    [
      'a removed tail',
      broken({ head: { seq: 110, hash: 'b'.repeat(64) } }, { mismatch: { kind: 'missing', fromSeq: 111, toSeq: 120, checkpoint } }),
      'Rantai audit RUSAK: entri #111..#120 setelah entri terbaru (#110) hilang; titik periksa 2026-01-05T03:04:05.678Z (api-7.json) melihat #120 dengan hash cccccccccccccccc… / ' +
        'Audit chain BROKEN: entries #111..#120 after the head (#110) are missing; the checkpoint of 2026-01-05T03:04:05.678Z (api-7.json) saw #120 with hash cccccccccccccccc…',
    ],
    [
      'one removed entry',
      broken({ head: { seq: 119, hash: 'b'.repeat(64) } }, { mismatch: { kind: 'missing', fromSeq: 120, toSeq: 120, checkpoint } }),
      'Rantai audit RUSAK: entri #120 setelah entri terbaru (#119) hilang; titik periksa 2026-01-05T03:04:05.678Z (api-7.json) melihat #120 dengan hash cccccccccccccccc… / ' +
        'Audit chain BROKEN: entry #120 after the head (#119) is missing; the checkpoint of 2026-01-05T03:04:05.678Z (api-7.json) saw #120 with hash cccccccccccccccc…',
    ],
    [
      'an emptied table',
      broken({ head: null, checked: 0 }, { mismatch: { kind: 'missing', fromSeq: 1, toSeq: 120, checkpoint } }),
      'Rantai audit RUSAK: tabel audit kosong: entri #1..#120 hilang; titik periksa 2026-01-05T03:04:05.678Z (api-7.json) melihat #120 dengan hash cccccccccccccccc… / ' +
        'Audit chain BROKEN: the audit table is empty: entries #1..#120 are missing; the checkpoint of 2026-01-05T03:04:05.678Z (api-7.json) saw #120 with hash cccccccccccccccc…',
    ],
    [
      'a reset table refilled past the checkpoint',
      broken({ head: { seq: 130, hash: 'd'.repeat(64) } }, { mismatch: { kind: 'altered', seq: 120, hash: 'e'.repeat(64), checkpoint } }),
      'Rantai audit RUSAK: entri #120 bukan entri yang dilihat titik periksa (hash sekarang eeeeeeeeeeeeeeee…); titik periksa 2026-01-05T03:04:05.678Z (api-7.json) melihat #120 dengan hash cccccccccccccccc… / ' +
        'Audit chain BROKEN: entry #120 is not the entry the checkpoint saw (hash now eeeeeeeeeeeeeeee…); the checkpoint of 2026-01-05T03:04:05.678Z (api-7.json) saw #120 with hash cccccccccccccccc…',
    ],
  ])('names %s in one line', (_case, result, line) => {
    expect(describeVerification(result)).toBe(line);
  });

  it('names both a broken link and missing entries', () => {
    const text = describeVerification(broken({ firstBroken: { seq: 50, reason: 'link' }, head: { seq: 110, hash: 'b'.repeat(64) } }, { mismatch: { kind: 'missing', fromSeq: 111, toSeq: 120, checkpoint } }));
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('Audit chain BROKEN at entry #50 (link to the previous entry broken');
    expect(text).toContain('; entries #111..#120 after the head (#110) are missing');
  });

  it('warns, on lines of their own, about untrusted checkpoints and about having none', () => {
    const lines = describeVerification({ ...intact, checkpoints: { ...intact.checkpoints, ignored: [{ source: 'x.json', reason: 'signature' }] } }).split('\n');
    expect(lines[1]).toBe('Peringatan: titik periksa x.json diabaikan (tanda tangan tidak cocok) / Warning: checkpoint x.json ignored (signature does not match)');
    expect(describeVerification({ ...intact, checkpoints: { configured: false, valid: 0, newest: null, ignored: [], mismatch: null } }).split('\n')[1]).toContain(
      'Warning: AUDIT_CHECKPOINT_DIR is not set; removal of the newest entries cannot be detected',
    );
  });
});
