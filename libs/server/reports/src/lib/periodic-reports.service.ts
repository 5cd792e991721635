import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ErrorCode, NATIONAL_CODE, type BilingualText, type PeriodicReportSummary, type PeriodicReportView, type ReportCycleView, type ReportFigures, type ReportLevel } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { isPeriod, onTime, sumParts } from '@gugus/reporting';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { WorkingCalendarService } from '@gugus/server-calendar';
import { DomainError } from '@gugus/server-http';
import { TasksRepository } from '@gugus/server-tasks';
import { reportCorrection, reportCorrectionWorkflowId, reportCycle, reportCycleWorkflowId } from '@gugus/workflows';
import { CAVEATS } from './case-figures.service';
import { compilerOf, computeFigures, levelOf, REPORT_SETTINGS, reportSettings, reviewerJurisdiction, type ReportSettingsSource } from './periodic-report.activities';
import { PeriodicReportsRepository, type CycleRow, type PeriodicReportRow } from './periodic-reports.repository';

const invalid = (field: string, message: BilingualText) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const notFound = (what: BilingualText) => new DomainError(ErrorCode.NOT_FOUND, what);
const engineDown = () => new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: 'Mesin proses (Temporal) tidak dapat dihubungi. Coba lagi sebentar lagi.', en: 'The process engine (Temporal) cannot be reached. Try again shortly.' });
/** The labels of every category code the figures name, from the option lists the national form uses. */
function labelsOf(list: (ReportFigures | null)[]): Record<string, BilingualText> {
  const lists = [optionLabels('exploitation-types'), optionLabels('exploitation-sectors'), optionLabels('referral-sources'), optionLabels('services')];
  const codes = list.flatMap((f) => (f ? [...f.victims.byExploitationType, ...f.victims.bySector, ...f.victims.byReferralSource].map((c) => c.category).concat(f.assistance.map((a) => a.service)) : []));
  const out: Record<string, BilingualText> = {};
  for (const code of codes) out[code] = lists.map((l) => l.get(code)).find(Boolean) ?? { id: code, en: code };
  return out;
}
const LEVELS: ReportLevel[] = ['regency', 'province', 'national'];
const jakartaToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * Periodic report cycles (issue 12, item 1): read by the task forces' administrators, secretariats and
 * chairs for what they cover and by the national analyst for all; a cycle opened by hand by the national
 * analyst (the quarterly Schedule opens them otherwise); a correction of an accepted report by the level
 * that submitted it or the one above. Every report holds counts only.
 */
@Injectable()
export class PeriodicReportsService {
  constructor(
    private readonly reports: PeriodicReportsRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendarService,
    private readonly temporal: Client,
    @Inject(REPORT_SETTINGS) private readonly settings: ReportSettingsSource,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  private period(period: string): string {
    if (!isPeriod(period)) throw invalid('period', { id: 'harus triwulan seperti 2027-Q1 (tahun 2000–2100)', en: 'must be a quarter like 2027-Q1 (year 2000–2100)' });
    return period;
  }

  async list(user: AuthUser): Promise<{ period: string; from: string; until: string; status: string; openedAt: string }[]> {
    void user;
    return (await this.reports.cycles()).map((c) => ({ period: c.period, from: c.from, until: c.until, status: c.status, openedAt: new Date(c.openedAt).toISOString() }));
  }

  /** Opens a period's cycle by hand (idempotent: an open cycle is returned as it is). */
  async open(user: AuthUser, period: string, requestId: string | null): Promise<ReportCycleView> {
    this.period(period);
    if (!canOn(abilityFor(user.grants), 'create', 'PeriodicReport', { jurisdictionCode: NATIONAL_CODE })) throw new DomainError(ErrorCode.FORBIDDEN, { id: 'Hanya tingkat nasional yang membuka siklus laporan.', en: 'Only the national level opens a report cycle.' });
    if (!(await this.reports.cycleByPeriod(period))) {
      try {
        await this.temporal.workflow.start(reportCycle, { workflowId: reportCycleWorkflowId(period), taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [{ period, openedBy: user.personId }] });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw engineDown();
      }
      await this.audit.record({ actorId: user.personId, action: 'report_cycle.start', targetType: 'report_cycle', targetId: period, jurisdictionCode: NATIONAL_CODE, requestId, after: { period } });
    }
    // The workflow writes the cycle's row as its first step.
    for (let i = 0; i < 100 && !(await this.reports.cycleByPeriod(period)); i++) await new Promise((r) => setTimeout(r, 100));
    return this.cycle(user, period);
  }

  async cycle(user: AuthUser, period: string): Promise<ReportCycleView> {
    const cycle = await this.cycleOf(period);
    const ability = abilityFor(user.grants);
    const rows = (await this.reports.latestReports(cycle.id)).filter((r) => canOn(ability, 'read', 'PeriodicReport', { jurisdictionCode: r.jurisdictionCode }));
    const reports = rows.map((r) => this.summary(r));
    return {
      period: cycle.period,
      from: cycle.from,
      until: cycle.until,
      status: cycle.status,
      openedAt: new Date(cycle.openedAt).toISOString(),
      reports,
      timeliness: LEVELS.map((level) => {
        const of = reports.filter((r) => r.level === level);
        return { level, expected: of.length, onTime: of.filter((r) => r.onTime === true).length, late: of.filter((r) => r.onTime === false).length, missing: of.filter((r) => r.onTime === null).length };
      }).filter((t) => t.expected > 0),
    };
  }

  async view(user: AuthUser, id: string): Promise<PeriodicReportView> {
    const row = await this.readable(user, id);
    const versions = await this.reports.versions(row.cycleId, row.jurisdictionCode);
    const countedCodes = new Set(row.counted.map((c) => c.jurisdictionCode));
    const below = row.level === 'regency' ? [] : await this.reports.taskForces(row.level === 'national' ? null : row.jurisdictionCode);
    // The parts go to the regency/city's focal point: readers above it see who sent what, without the agencies' remarks.
    const inRegency = user.grants.some((g) => g.jurisdictionCode === row.jurisdictionCode);
    const parts = (row.level === 'regency' ? await this.reports.parts(row.cycleId, row.jurisdictionCode) : []).map((p) => (inRegency || !p.answers ? p : { ...p, answers: { ...p.answers, obstacles: null } }));
    return {
      ...this.summary(row),
      figures: row.figures,
      computed: row.computed,
      counted: row.counted,
      missing: below.filter((b) => !countedCodes.has(b.code)).map((b) => ({ jurisdictionCode: b.code, jurisdictionName: b.name })),
      versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, acceptedAt: v.acceptedAt ? new Date(v.acceptedAt).toISOString() : null })),
      correctionReason: row.correctionReason,
      parts,
      partsTotal: sumParts(parts.flatMap((p) => (p.answers ? [p.answers] : []))),
      labels: labelsOf([row.figures, row.computed]),
      caveats: CAVEATS,
    };
  }

  /**
   * A correction of an accepted report: its next version, with the figures computed again, goes through
   * the same compile → review loop. The task force itself, or the level above, asks for it.
   */
  async correct(user: AuthUser, id: string, reason: string, requestId: string | null): Promise<PeriodicReportView> {
    const row = await this.readable(user, id);
    const ability = abilityFor(user.grants);
    const above = reviewerJurisdiction(row.jurisdictionCode);
    if (!canOn(ability, 'update', 'PeriodicReport', { jurisdictionCode: row.jurisdictionCode }) && !(above && canOn(ability, 'update', 'PeriodicReport', { jurisdictionCode: above }))) {
      throw new DomainError(ErrorCode.FORBIDDEN, { id: 'Koreksi diminta oleh gugus tugas pelapor atau tingkat di atasnya.', en: 'A correction is asked for by the reporting task force or the level above it.' });
    }
    const text = reason.trim();
    if (!text) throw invalid('reason', { id: 'wajib diisi: apa yang dikoreksi dan mengapa', en: 'required: what is corrected and why' });
    if (row.status !== 'accepted') throw new DomainError(ErrorCode.CONFLICT, { id: 'Hanya laporan yang sudah diterima yang dikoreksi dengan versi baru; laporan lain masih dapat diperbaiki dalam alurnya.', en: 'Only an accepted report is corrected with a new version; others can still be revised in their loop.' });
    if (!(await compilerOf(this.tasks, this.settings, row.jurisdictionCode))) throw new DomainError(ErrorCode.CONFLICT, { id: 'Belum ada pemegang peran penyusun laporan di gugus tugas ini.', en: 'Nobody holds the report role in this task force yet.' });
    const newId = randomUUID();
    const s = await reportSettings(this.settings, row.jurisdictionCode);
    const due = await this.calendar.addWorkingDays(new Date(), s.revisionWorkingDays);
    const { computed, counted } = await computeFigures(this.reports, row.cycleId, row.jurisdictionCode, row.period);
    await this.reports.transaction(async (tx) => {
      if (await this.reports.workingReport(row.cycleId, row.jurisdictionCode, tx)) throw new DomainError(ErrorCode.CONFLICT, { id: 'Koreksi laporan ini sedang berjalan.', en: 'A correction of this report is already under way.' });
      const latest = (await this.reports.versions(row.cycleId, row.jurisdictionCode)).at(-1);
      if (latest?.id !== row.id) throw new DomainError(ErrorCode.CONFLICT, { id: 'Ada versi yang lebih baru; koreksilah versi terbaru.', en: 'A newer version exists; correct the latest one.' });
      await this.reports.insertReport({ id: newId, cycleId: row.cycleId, jurisdictionCode: row.jurisdictionCode, level: row.level, version: row.version + 1, dueDate: due.date, computed, counted, correctionReason: text, corrects: row.id, at: new Date().toISOString() }, tx);
      await this.audit.record({ actorId: user.personId, action: 'periodic_report.correct', targetType: 'periodic_report', targetId: newId, jurisdictionCode: row.jurisdictionCode, requestId, after: { period: row.period, version: row.version + 1, corrects: row.id } }, tx);
      try {
        await this.temporal.workflow.start(reportCorrection, { workflowId: reportCorrectionWorkflowId(newId), taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [{ reportId: newId }] });
      } catch {
        throw engineDown();
      }
    });
    return this.view(user, newId);
  }

  private async cycleOf(period: string): Promise<CycleRow> {
    const cycle = await this.reports.cycleByPeriod(this.period(period));
    if (!cycle) throw notFound({ id: `Belum ada siklus laporan untuk ${period}.`, en: `There is no report cycle for ${period} yet.` });
    return cycle;
  }

  private async readable(user: AuthUser, id: string): Promise<PeriodicReportRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.reports.report(id) : null;
    if (!row || !canOn(abilityFor(user.grants), 'read', 'PeriodicReport', { jurisdictionCode: row.jurisdictionCode })) throw notFound({ id: 'Laporan tidak ditemukan.', en: 'Report not found.' });
    return row;
  }

  private summary(r: PeriodicReportRow): PeriodicReportSummary {
    const first = r.firstSubmittedAt ? new Date(r.firstSubmittedAt).toISOString() : null;
    return {
      id: r.id,
      period: r.period,
      level: levelOf(r.jurisdictionCode),
      jurisdictionCode: r.jurisdictionCode,
      jurisdictionName: r.jurisdictionName,
      version: r.version,
      status: r.status,
      round: r.round,
      dueDate: r.dueDate,
      firstSubmittedAt: first,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      acceptedAt: r.acceptedAt ? new Date(r.acceptedAt).toISOString() : null,
      // Timeliness is the task force's, for the period: its first version's first submission against that version's due day.
      onTime: onTime(r.originalDueDate, r.originalFirstSubmittedAt ? new Date(r.originalFirstSubmittedAt).getTime() : null),
      overdue: !r.originalFirstSubmittedAt && r.originalDueDate < jakartaToday(),
      timelinessDueDate: r.originalDueDate,
      timelinessSubmittedAt: r.originalFirstSubmittedAt ? new Date(r.originalFirstSubmittedAt).toISOString() : null,
    };
  }
}
