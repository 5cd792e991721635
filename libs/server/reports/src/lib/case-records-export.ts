import type { DataSource } from 'typeorm';
import { optionLabels } from '@gugus/forms';
import { COUNTED_STATUSES, HTCDS_COLUMNS, HTCDS_FIELD_NOTES, htcdsRow, periodDays, type CaseExportCodes, type CaseExportFacts } from '@gugus/reporting';
import { CAVEATS } from './case-figures.service';
import { openSink, type ExportFormat } from './export-sink';

/** Rows read per query: the file is written batch by batch, so memory stays flat however many rows. */
export const CASE_RECORDS_BATCH = 1000;
/** The consent purpose a research export needs (the national `consent-purposes` list). */
export const RESEARCH_PURPOSE = 'feedback_research';

export interface CaseRecordsQuery {
  /** 00 for the nation, or a province. */
  jurisdictionCode: string;
  from: string;
  to: string;
}

/** The reference codes the rows may carry (option lists of the national form library). */
export function caseExportCodes(): CaseExportCodes {
  const codes = (list: string) => new Set(optionLabels(list).keys());
  return { exploitationTypes: codes('exploitation-types'), sectors: codes('exploitation-sectors'), means: codes('trafficking-means') };
}

/**
 * Which cases: identified victims (the statuses the quarterly figures count) of the scope, opened in the
 * quarters `from`..`to` (Jakarta), with statistical facts, whose consent to research and statistics is
 * granted and still valid on `today` — and not awaiting a decision dated on or before today that came after
 * the state was kept (`recheck_on`). Each case once, whichever task forces it was shared with.
 */
function where(q: CaseRecordsQuery): { sql: string; params: unknown[] } {
  const { from } = periodDays(q.from);
  const { until } = periodDays(q.to);
  return {
    sql: `c.identification_status = ANY($1::text[])
      AND c.opened_at >= ($2::timestamp AT TIME ZONE 'Asia/Jakarta') AND c.opened_at < ($3::timestamp AT TIME ZONE 'Asia/Jakarta')
      AND ($4 = '00' OR c.jurisdiction_code = $4 OR c.jurisdiction_code LIKE $4 || '.%')
      AND p.purpose = '${RESEARCH_PURPOSE}' AND p.status = 'granted' AND (p.valid_until IS NULL OR p.valid_until >= $5::date)
      AND (p.recheck_on IS NULL OR p.recheck_on > $5::date)`,
    params: [[...COUNTED_STATUSES], from, until, q.jurisdictionCode],
  };
}

const FROM = `cases c JOIN case_facts f ON f.case_id = c.id JOIN case_consent_purposes p ON p.case_id = c.id`;

export async function countCaseRecords(db: DataSource, q: CaseRecordsQuery, today: string): Promise<number> {
  const w = where(q);
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ${FROM} WHERE ${w.sql}`, [...w.params, today])) as { n: number }[];
  return n;
}

/**
 * Writes the de-identified case rows (HTCDS fields, `@gugus/reporting` htcds.ts) to an XLSX file (exceljs's
 * streaming writer, with the notes and the column sheet) or a CSV file (the rows alone), export-sink.ts; `CASE_RECORDS_BATCH` rows per keyset query (by the case's random id, so the
 * file's order says nothing about when or where a case was opened), calling `onBatch` with the rows
 * written so far. A second sheet says what the rows cannot show and how they were chosen. Returns the count.
 */
export async function writeCaseRecords(db: DataSource, q: CaseRecordsQuery, today: string, filePath: string, onBatch: (written: number) => Promise<void>, format: ExportFormat = 'xlsx'): Promise<number> {
  const w = where(q);
  const codes = caseExportCodes();
  const sink = openSink(format, filePath, 'HTCDS', HTCDS_COLUMNS.map((c) => ({ header: c, width: Math.max(12, c.length + 2) })));
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = (await db.query(
      `SELECT c.id, to_char(c.opened_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS "openedOn", c.jurisdiction_code AS "jurisdictionCode", c.stage,
              c.identification_status AS "identificationStatus", f.sex, f.age_group AS "ageGroup", f.nationality_group AS "nationalityGroup", f.nationality,
              f.trafficking_scope AS "traffickingScope", f.origin_region AS "originRegion", f.exploitation_types AS "exploitationTypes", f.sectors, f.means
         FROM ${FROM} WHERE ${w.sql} AND c.id > $6::uuid AND f.case_id > $6::uuid AND p.case_id > $6::uuid ORDER BY c.id LIMIT ${CASE_RECORDS_BATCH}`,
      [...w.params, today, after],
    )) as (CaseExportFacts & { id: string })[];
    // (The key bound is repeated on the joined tables: otherwise their merge joins read from the start of their
    // indexes on every batch, and a batch gets slower the further the export has come — measured 34 ms → 367 ms.)
    for (const r of batch) {
      written += 1;
      const row = htcdsRow(written, r, codes);
      await sink.row(HTCDS_COLUMNS.map((c) => row[c]));
    }
    if (batch.length) await onBatch(written);
    if (batch.length < CASE_RECORDS_BATCH) break;
    after = batch[batch.length - 1].id;
  }
  const notes = [
    ...CAVEATS,
    {
      id: 'Hanya korban teridentifikasi yang persetujuannya mencakup penelitian dan statistik (feedback_research), masih berlaku pada hari ekspor. Tanpa nama, tanggal lahir, alamat, nomor, kode kasus, atau teks bebas; nomor baris hanya berlaku di berkas ini.',
      en: 'Identified victims whose consent covers research and statistics (feedback_research), valid on the day of the export, only. No names, birth dates, addresses, numbers, case codes or free text; row numbers hold in this file only.',
    },
    {
      id: 'Kolom prs_/vic_/cas_ mengikuti Human Trafficking Case Data Standard (IOM); kolom x_ adalah tambahan Gugus. Tiap kolom dijelaskan di lembar "Kolom".',
      en: "prs_/vic_/cas_ columns follow IOM's Human Trafficking Case Data Standard; x_ columns are Gugus's own. Each column is described on the \"Kolom\" sheet.",
    },
  ];
  sink.notes('Catatan', [{ header: 'Catatan', width: 90 }, { header: 'Notes', width: 90 }], notes.map((c) => [c.id, c.en]));
  sink.notes(
    'Kolom',
    [{ header: 'Kolom / Column', width: 34 }, { header: 'Keterangan', width: 90 }, { header: 'Description', width: 90 }],
    HTCDS_COLUMNS.map((c) => [c, HTCDS_FIELD_NOTES[c].id, HTCDS_FIELD_NOTES[c].en]),
  );
  await sink.close();
  return written;
}
