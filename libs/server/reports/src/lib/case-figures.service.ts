import { writeToBuffer } from '@fast-csv/format';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, NATIONAL_CODE, type BilingualText, type CaseFiguresView } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { MULTI_VALUED, quarterDays, SINGLE_VALUED, tallyCases, UNKNOWN, type CaseBreakdown, type CaseFactRow } from '@gugus/reporting';
import { assertCan, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';

const REGION = /^(\d{2})(\.\d{2})?$/;

/** Each breakdown: its title and where its codes' labels come from (an option list, or region names). */
const BREAKDOWNS: Record<CaseBreakdown, { label: BilingualText; options?: string }> = {
  sex: { label: { id: 'Jenis kelamin', en: 'Sex' }, options: 'sex' },
  ageGroup: { label: { id: 'Kelompok usia (usia diragukan dihitung anak)', en: 'Age group (age in doubt counted as a child)' }, options: 'age-groups' },
  nationalityGroup: { label: { id: 'Kewarganegaraan', en: 'Nationality' }, options: 'case-nationality-groups' },
  traffickingScope: { label: { id: 'Dalam negeri atau lintas negara', en: 'Internal or international' }, options: 'case-trafficking-scopes' },
  referralSource: { label: { id: 'Sumber rujukan', en: 'Referral source' }, options: 'referral-sources' },
  originProvince: { label: { id: 'Provinsi asal', en: 'Province of origin' } },
  exploitationType: { label: { id: 'Jenis eksploitasi', en: 'Type of exploitation' }, options: 'exploitation-types' },
  sector: { label: { id: 'Sektor', en: 'Sector' }, options: 'exploitation-sectors' },
};

/** What the figures cannot show (issue 12, item 6), shown with them every time. */
export const CAVEATS: BilingualText[] = [
  { id: 'Angka ini adalah korban yang teridentifikasi, bukan jumlah seluruh korban (prevalensi).', en: 'These are identified victims, not the number of all victims (prevalence).' },
  {
    id: 'Data condong kepada mereka yang sampai ke layanan: kelompok yang sulit menjangkau layanan kurang terwakili.',
    en: 'The data lean toward those who reached a service: groups who rarely reach one are under-represented.',
  },
  { id: 'Setiap kasus dihitung sekali, oleh gugus tugas yang menanganinya, pada triwulan kasus dibuka.', en: 'Each case is counted once, by the task force that handles it, in the quarter it was opened.' },
];

/**
 * The case figures of a quarter (issue 12, item 1): identified victims whose case the task force — or
 * one below it — opened in the quarter (Asia/Jakarta days), by each breakdown the quarterly report asks
 * for, from the cases' statistical facts (codes; no form is decrypted). Aggregates only, for the task
 * force's administrators, secretariat and chair and the national analyst; every read is audited.
 */
@Injectable()
export class CaseFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The same figures as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the labels): one
   * row per breakdown value, the totals first and what the figures cannot show last. Audited as an export.
   */
  async csv(user: AuthUser, jurisdictionCode: string, year: number, quarter: number, requestId: string | null): Promise<{ body: Buffer; fileName: string; contentType: string }> {
    const view = await this.quarter(user, jurisdictionCode, year, quarter, requestId);
    const rows: (string | number)[][] = [
      ['total', 'Total', 'total', 'Korban teridentifikasi', 'Identified victims', view.total],
      ['total', 'Total', 'not_counted', 'Disaring dan tidak dihitung', 'Screened and not counted', view.notCounted],
      ...view.breakdowns.flatMap((b) => b.items.map((i) => [b.key, b.label.en, i.code, i.label.id, i.label.en, i.count])),
      ...view.caveats.map((c) => ['catatan', 'Caveat', '', c.id, c.en, '']),
    ];
    const body = await writeToBuffer(rows, { headers: ['rincian', 'breakdown', 'kode', 'label_id', 'label_en', 'jumlah'], writeBOM: true });
    await this.audit.record({ actorId: user.personId, action: 'case_figures.export', targetType: 'report', targetId: `case-figures:${jurisdictionCode}:${year}-Q${quarter}`, jurisdictionCode, requestId, after: { format: 'csv', rows: rows.length } });
    return { body, fileName: `angka-kasus-${jurisdictionCode.replace('.', '-')}-${year}-T${quarter}.csv`, contentType: 'text/csv; charset=utf-8' };
  }

  async quarter(user: AuthUser, jurisdictionCode: string, year: number, quarter: number, requestId: string | null): Promise<CaseFiguresView> {
    if (jurisdictionCode !== NATIONAL_CODE && !REGION.test(jurisdictionCode)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, {
        fields: [{ field: 'jurisdictionCode', message: { id: 'harus kode wilayah: 00, provinsi (32) atau kabupaten/kota (32.04)', en: 'must be a region code: 00, a province (32) or a regency/city (32.04)' } }],
      });
    }
    assertCan(user, 'read', 'CaseFigures', { jurisdictionCode });
    const { from, until } = quarterDays(year, quarter);
    const rows = (await this.db.query(
      `SELECT c.identification_status AS "identificationStatus", c.intake_channel AS "intakeChannel", f.sex, f.age_group AS "ageGroup", f.age_uncertain AS "ageUncertain",
              f.nationality_group AS "nationalityGroup", f.trafficking_scope AS "traffickingScope", f.origin_region AS "originRegion",
              f.exploitation_types AS "exploitationTypes", f.sectors
         FROM cases c LEFT JOIN case_facts f ON f.case_id = c.id
        WHERE ($1 = $4 OR c.jurisdiction_code = $1 OR c.jurisdiction_code LIKE $1 || '.%')
          AND c.opened_at >= ($2::timestamp AT TIME ZONE 'Asia/Jakarta') AND c.opened_at < ($3::timestamp AT TIME ZONE 'Asia/Jakarta')`,
      [jurisdictionCode, from, until, NATIONAL_CODE],
    )) as CaseFactRow[];
    const tally = tallyCases(rows);
    await this.audit.record({ actorId: user.personId, action: 'case_figures.read', targetType: 'report', targetId: `case-figures:${jurisdictionCode}:${year}-Q${quarter}`, jurisdictionCode, requestId, purpose: 'report' });

    const provinces = new Map(
      ((await this.db.query(`SELECT code, name FROM jurisdictions WHERE code = ANY($1::text[])`, [tally.breakdowns.originProvince.map((x) => x.code).filter((c) => c !== UNKNOWN)])) as { code: string; name: string }[]).map((r) => [r.code, { id: r.name, en: r.name }]),
    );
    const unknown = { id: 'Tidak diketahui', en: 'Unknown' };
    return {
      jurisdictionCode,
      year,
      quarter,
      from,
      until,
      total: tally.total,
      notCounted: tally.notCounted,
      breakdowns: [...SINGLE_VALUED, ...MULTI_VALUED].map((key) => {
        const labels = BREAKDOWNS[key].options ? optionLabels(BREAKDOWNS[key].options as string) : provinces;
        return {
          key,
          label: BREAKDOWNS[key].label,
          multiValued: MULTI_VALUED.includes(key),
          items: tally.breakdowns[key].map(({ code, count }) => ({ code, count, label: code === UNKNOWN ? unknown : (labels.get(code) ?? { id: code, en: code }) })),
        };
      }),
      caveats: CAVEATS,
    };
  }
}
