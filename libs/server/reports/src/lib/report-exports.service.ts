import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type BilingualText, type ReportExportKind, type ReportExportView, type ReportFigures } from '@gugus/contracts';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';
import { jakartaDayOfMs } from '@gugus/cases';
import { NotificationsService } from '@gugus/server-notifications';
import { CAVEATS } from './case-figures.service';
import { countCaseRecords, writeCaseRecords } from './case-records-export';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, openSink, type ExportFormat } from './export-sink';
import { levelOf } from './periodic-report.activities';
import { reportRange } from './report-dashboard.service';

const BATCH = 500;
/** Exports one person may have running at once. */
const MAX_RUNNING = 3;
/** How long a finished export's file is kept: an export is for now, not an archive (consent can be withdrawn). */
const KEEP_HOURS = 24;
const EXPORT_DIR = join(tmpdir(), 'gugus-exports');
const notFound = () => new DomainError(ErrorCode.NOT_FOUND, { id: 'Ekspor tidak ditemukan.', en: 'Export not found.' });

interface ExportRow {
  id: string;
  kind: ReportExportKind;
  query: { jurisdictionCode: string; from: string; to: string; format?: ExportFormat };
  status: 'running' | 'done' | 'failed';
  totalRows: number | null;
  rowsWritten: number;
  fileName: string | null;
  filePath: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  requestedBy: string;
}

/** The columns of the periodic-reports sheet: counts only (Bahasa Indonesia first, English second). */
const COLUMNS: { header: string; key: string; width: number; value: (r: { period: string; code: string; name: string; version: number; status: string; firstSubmittedAt: Date | null; acceptedAt: Date | null }, f: ReportFigures) => string | number | Date | null }[] = [
  { header: 'Periode / Period', key: 'period', width: 10, value: (r) => r.period },
  { header: 'Kode wilayah / Region code', key: 'code', width: 10, value: (r) => r.code },
  { header: 'Wilayah / Region', key: 'name', width: 28, value: (r) => r.name },
  { header: 'Tingkat / Level', key: 'level', width: 10, value: (r) => levelOf(r.code) },
  { header: 'Versi / Version', key: 'version', width: 8, value: (r) => r.version },
  { header: 'Status', key: 'status', width: 11, value: (r) => r.status },
  { header: 'Pertama dikirim / First submitted', key: 'first', width: 20, value: (r) => r.firstSubmittedAt },
  { header: 'Diterima / Accepted', key: 'accepted', width: 20, value: (r) => r.acceptedAt },
  { header: 'Orang ditapis / Persons screened', key: 'screened', width: 10, value: (_r, f) => f.personsScreened },
  { header: 'Korban / Victims', key: 'victims', width: 10, value: (_r, f) => f.victims.total },
  { header: 'Perempuan / Female', key: 'female', width: 10, value: (_r, f) => f.victims.bySex.female },
  { header: 'Laki-laki / Male', key: 'male', width: 10, value: (_r, f) => f.victims.bySex.male },
  { header: 'Anak / Children', key: 'child', width: 10, value: (_r, f) => f.victims.byAgeGroup.child },
  { header: 'Dewasa / Adults', key: 'adult', width: 10, value: (_r, f) => f.victims.byAgeGroup.adult },
  { header: 'WNI / Indonesian', key: 'indonesian', width: 10, value: (_r, f) => f.victims.byNationality.indonesian },
  { header: 'WNA / Foreign', key: 'foreign', width: 10, value: (_r, f) => f.victims.byNationality.foreign },
  { header: 'Dalam negeri / Internal', key: 'internal', width: 10, value: (_r, f) => f.victims.byScope.internal },
  { header: 'Lintas negara / International', key: 'international', width: 10, value: (_r, f) => f.victims.byScope.international },
  { header: 'Tindak pidana / Crimes registered', key: 'crimes', width: 10, value: (_r, f) => f.prosecution.crimesRegistered },
  { header: 'Ke kejaksaan / To prosecutor', key: 'prosecutor', width: 10, value: (_r, f) => f.prosecution.casesToProsecutor },
  { header: 'Putusan / Verdicts', key: 'verdicts', width: 10, value: (_r, f) => f.prosecution.verdicts },
  { header: 'Pemidanaan / Convictions', key: 'convictions', width: 10, value: (_r, f) => f.prosecution.convictions },
  { header: 'Kegiatan pencegahan dilaporkan / Prevention activities reported', key: 'preventionReported', width: 12, value: (_r, f) => f.prevention?.activitiesReported ?? null },
  { header: 'Pencegahan selesai / Prevention completed', key: 'preventionCompleted', width: 12, value: (_r, f) => f.prevention?.activitiesCompleted ?? null },
  { header: 'Pencegahan terlambat / Prevention delayed', key: 'preventionDelayed', width: 12, value: (_r, f) => f.prevention?.activitiesDelayed ?? null },
];

/**
 * Exports that run in the background (issue 12, items 3 and 5): the accepted periodic reports of a scope
 * and a range of quarters, or the de-identified case rows in HTCDS fields of the cases whose consent covers
 * research (case-records-export.ts; the national analyst only), as XLSX, written by exceljs's streaming writer from batches read in key order — memory
 * stays flat however many rows — with its progress kept in `report_exports` for the page's progress bar, a
 * notification to whoever asked when it is ready, and the file handed to them alone. Audited when asked
 * for and when downloaded. Files live in the API host's temporary directory (0700, files 0600) and are deleted
 * 24 hours after they are ready: an export is for now, not an archive (a restart mid-way marks it failed on
 * the next read). One API host: the files are on its disk (several replicas would need shared storage).
 */
@Injectable()
export class ReportExportsService {
  private readonly logger = new Logger('ReportExports');
  private readonly running = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async start(user: AuthUser, query: { kind?: string; format?: string; jurisdictionCode?: string; from?: string; to?: string }, requestId: string | null): Promise<ReportExportView> {
    const kind = query.kind ?? 'periodic-reports';
    const format = (query.format ?? 'xlsx') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field: 'format', message: { id: 'harus xlsx atau csv', en: 'must be xlsx or csv' } }] });
    }
    if (kind !== 'periodic-reports' && kind !== 'case-records') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field: 'kind', message: { id: 'harus periodic-reports atau case-records', en: 'must be periodic-reports or case-records' } }] });
    }
    const { scope, from, to } = reportRange(user, query);
    // Case-level rows, even without identity, are for the roles that may read them (the national analyst).
    if (kind === 'case-records' && !canOn(abilityFor(user.grants), 'read', 'CaseResearchData', { jurisdictionCode: scope })) {
      throw new DomainError(ErrorCode.FORBIDDEN, { id: 'Data tingkat kasus hanya untuk analis yang berwenang.', en: 'Case-level data is for authorised analysts only.' });
    }
    await this.expireOld();
    const id = randomUUID();
    const q = { jurisdictionCode: scope, from, to, format };
    await this.db.transaction(async (tx) => {
      // A few at a time per person (counted and added under one lock): an export is work for the server and a file on its disk.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('report-exports:' || $1::text, 0))`, [user.personId]);
      const [{ n: running }] = (await tx.query(`SELECT count(*)::int AS n FROM report_exports WHERE requested_by = $1 AND status = 'running' AND created_at > now() - interval '1 hour'`, [user.personId])) as { n: number }[];
      if (running >= MAX_RUNNING) {
        throw new DomainError(ErrorCode.CONFLICT, { id: `Anda sudah punya ${running} ekspor yang sedang berjalan; tunggu sampai selesai.`, en: `You already have ${running} exports running; wait until they finish.` });
      }
      await tx.query(`INSERT INTO report_exports (id, requested_by, kind, query, status, created_at) VALUES ($1, $2, $3, $4, 'running', now())`, [id, user.personId, kind, JSON.stringify(q)]);
    });
    await this.audit.record({ actorId: user.personId, action: 'report_export.start', targetType: 'report_export', targetId: id, jurisdictionCode: scope, requestId, purpose: kind === 'case-records' ? 'research' : 'report', after: { kind, ...q } });
    this.running.add(id);
    void this.run(id, kind, user.personId, q).finally(() => this.running.delete(id));
    return this.status(user, id);
  }

  async status(user: AuthUser, id: string): Promise<ReportExportView> {
    const row = await this.own(user, id);
    // Running, but not in this process: the API restarted mid-way.
    if (row.status === 'running' && !this.running.has(id) && Date.now() - row.createdAt.getTime() > 60_000) {
      await this.db.query(`UPDATE report_exports SET status = 'failed', error = 'interrupted', finished_at = now() WHERE id = $1 AND status = 'running'`, [id]);
      row.status = 'failed';
    }
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      progress: row.status === 'done' ? 100 : row.totalRows ? Math.min(99, Math.floor((row.rowsWritten / row.totalRows) * 100)) : 0,
      rowsWritten: row.rowsWritten,
      totalRows: row.totalRows,
      fileName: row.status === 'done' ? row.fileName : null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    };
  }

  async file(user: AuthUser, id: string, requestId: string | null): Promise<{ stream: NodeJS.ReadableStream; fileName: string; length: number; type: string }> {
    const row = await this.own(user, id);
    if (row.status === 'done' && !row.filePath) throw new DomainError(ErrorCode.NOT_FOUND, { id: `Berkas ekspor hanya disimpan ${KEEP_HOURS} jam; buat ekspor baru.`, en: `Export files are kept for ${KEEP_HOURS} hours; make a new export.` });
    if (row.status !== 'done' || !row.filePath || !row.fileName) throw new DomainError(ErrorCode.CONFLICT, { id: 'Ekspor belum selesai.', en: 'The export is not finished yet.' });
    const size = await stat(row.filePath).then((s) => s.size, () => null);
    if (size === null) throw new DomainError(ErrorCode.NOT_FOUND, { id: 'Berkas ekspor sudah tidak ada; buat ekspor baru.', en: 'The export file is gone; make a new export.' });
    await this.audit.record({ actorId: user.personId, action: 'report_export.download', targetType: 'report_export', targetId: id, jurisdictionCode: row.query.jurisdictionCode, requestId, after: { rows: row.rowsWritten } });
    return { stream: createReadStream(row.filePath), fileName: row.fileName, length: size, type: EXPORT_CONTENT_TYPES[row.fileName.endsWith('.csv') ? 'csv' : 'xlsx'] };
  }

  private async own(user: AuthUser, id: string): Promise<ExportRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? ((await this.db.query(
          `SELECT id, kind, query, status, total_rows AS "totalRows", rows_written AS "rowsWritten", file_name AS "fileName", file_path AS "filePath", created_at AS "createdAt", finished_at AS "finishedAt", requested_by AS "requestedBy" FROM report_exports WHERE id = $1`,
          [id],
        )) as ExportRow[])[0]
      : undefined;
    // Someone else's export does not exist for the caller; nor does one they may no longer read (a role or a scope lost since).
    if (!row || row.requestedBy !== user.personId) throw notFound();
    const ability = abilityFor(user.grants);
    const scope = { jurisdictionCode: row.query.jurisdictionCode };
    if (!canOn(ability, 'read', 'PeriodicReport', scope) || (row.kind === 'case-records' && !canOn(ability, 'read', 'CaseResearchData', scope))) throw notFound();
    // Past its keeping time, the file is gone.
    if (row.filePath && row.finishedAt && Date.now() - row.finishedAt.getTime() > KEEP_HOURS * 3_600_000) {
      await this.expireOld();
      row.filePath = null;
    }
    return row;
  }

  /** Deletes the files of exports finished more than `KEEP_HOURS` ago (and forgets where they were). */
  private async expireOld(): Promise<void> {
    const rows = (await this.db.query(`SELECT id, file_path AS "filePath" FROM report_exports WHERE file_path IS NOT NULL AND finished_at < now() - interval '${KEEP_HOURS} hours'`)) as { id: string; filePath: string }[];
    for (const r of rows) {
      await unlink(r.filePath).catch(() => undefined);
      await this.db.query(`UPDATE report_exports SET file_path = NULL WHERE id = $1`, [r.id]);
    }
  }

  private async run(id: string, kind: ReportExportKind, personId: string, q: { jurisdictionCode: string; from: string; to: string; format: ExportFormat }): Promise<void> {
    let filePath: string | null = null;
    try {
      // A directory only this user reads (refused if someone else owns it), files only this user reads.
      await mkdir(EXPORT_DIR, { recursive: true, mode: 0o700 });
      await chmod(EXPORT_DIR, 0o700);
      filePath = join(EXPORT_DIR, `${id}.${q.format}`);
      const progress = (written: number) => this.db.query(`UPDATE report_exports SET rows_written = $2 WHERE id = $1`, [id, written]).then(() => undefined);
      const setTotal = (n: number) => this.db.query(`UPDATE report_exports SET total_rows = $2 WHERE id = $1`, [id, n]).then(() => undefined);
      let written: number;
      let fileName: string;
      let what: BilingualText;
      if (kind === 'case-records') {
        const today = jakartaDayOfMs(Date.now());
        await setTotal(await countCaseRecords(this.db, q, today));
        written = await writeCaseRecords(this.db, q, today, filePath, progress, q.format);
        fileName = `kasus-htcds-${q.jurisdictionCode}-${q.from}-${q.to}.${q.format}`;
        what = { id: `${written} baris kasus (tanpa identitas, HTCDS) ${q.from}–${q.to}.`, en: `${written} de-identified case rows (HTCDS) ${q.from}–${q.to}.` };
      } else {
        written = await this.writePeriodicReports(q, filePath, q.format, setTotal, progress);
        fileName = `laporan-berkala-${q.jurisdictionCode}-${q.from}-${q.to}.${q.format}`;
        what = { id: `${written} baris laporan berkala ${q.from}–${q.to}.`, en: `${written} rows of periodic reports ${q.from}–${q.to}.` };
      }
      await this.db.query(`UPDATE report_exports SET status = 'done', rows_written = $2, file_name = $3, file_path = $4, finished_at = now() WHERE id = $1`, [id, written, fileName, filePath]);
      // The file is ready whatever happens to the notice.
      await this.notifications
        .notify({
          dedupeKey: `report-export:${id}`,
          recipients: { personIds: [personId] },
          kind: 'report_export_ready',
          title: { id: 'Ekspor siap diunduh', en: 'Export ready to download' },
          body: what,
          link: `/laporan/dasbor/ekspor/${id}`,
          email: false,
        })
        .catch((err: Error) => this.logger.warn(`Pemberitahuan ekspor gagal / export notice failed (${err.name})`));
    } catch (err) {
      this.logger.warn(`Ekspor gagal / export failed (${(err as Error).name})`);
      // No half-written file is left behind.
      if (filePath) await unlink(filePath).catch(() => undefined);
      await this.db.query(`UPDATE report_exports SET status = 'failed', error = $2, file_path = NULL, finished_at = now() WHERE id = $1`, [id, (err as Error).name]).catch(() => undefined);
    }
  }

  /** The accepted periodic reports of the range, one row each, with their counts. */
  private async writePeriodicReports(q: { jurisdictionCode: string; from: string; to: string }, filePath: string, format: ExportFormat, setTotal: (n: number) => Promise<void>, progress: (written: number) => Promise<void>): Promise<number> {
    const scope = q.jurisdictionCode === '00' ? null : q.jurisdictionCode;
    const where = `c.period BETWEEN $1 AND $2 AND r.status = 'accepted' AND ($3::text IS NULL OR r.jurisdiction_code = $3 OR r.jurisdiction_code LIKE $3 || '.%')`;
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id WHERE ${where}`, [q.from, q.to, scope])) as { n: number }[];
    await setTotal(n);
    const sink = openSink(format, filePath, 'Laporan', COLUMNS);
    let written = 0;
    let after = ['', ''];
    for (;;) {
      const batch = (await this.db.query(
        `SELECT c.period, r.jurisdiction_code AS code, j.name, r.version, r.status, r.first_submitted_at AS "firstSubmittedAt", r.accepted_at AS "acceptedAt", r.figures
           FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id JOIN jurisdictions j ON j.code = r.jurisdiction_code
          WHERE ${where} AND (c.period, r.jurisdiction_code) > ($4, $5)
          ORDER BY c.period, r.jurisdiction_code LIMIT ${BATCH}`,
        [q.from, q.to, scope, after[0], after[1]],
      )) as { period: string; code: string; name: string; version: number; status: string; firstSubmittedAt: Date | null; acceptedAt: Date | null; figures: ReportFigures }[];
      for (const r of batch) await sink.row(COLUMNS.map((c) => c.value(r, r.figures)));
      written += batch.length;
      if (batch.length) await progress(written);
      if (batch.length < BATCH) break;
      after = [batch[batch.length - 1].period, batch[batch.length - 1].code];
    }
    sink.notes(
      'Catatan',
      [
        { header: 'Yang tidak dapat ditunjukkan angka ini', width: 90 },
        { header: 'What these figures cannot show', width: 90 },
      ],
      [...CAVEATS.map((c) => [c.id, c.en]), ['Hanya laporan yang sudah diterima; angka saja, tanpa catatan bebas.', 'Accepted reports only; counts only, no free text.']],
    );
    await sink.close();
    return written;
  }
}
