import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NATIONAL_CODE, type PeriodicReportStatus, type ReportFigures, type ReportLevel, type ReportPartAnswers, type ReportPartView } from '@gugus/contracts';
import { figuresFromCases, sumFigures, tallyCases, type AcceptedReport, type CaseFactRow } from '@gugus/reporting';

/** A row of `periodic_reports`, as the reports module reads it. */
export interface PeriodicReportRow {
  id: string;
  cycleId: string;
  period: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  level: ReportLevel;
  version: number;
  status: PeriodicReportStatus;
  round: number;
  dueDate: string;
  computed: ReportFigures;
  figures: ReportFigures | null;
  counted: { reportId: string; jurisdictionCode: string; version: number }[];
  taskId: string | null;
  submissionId: string | null;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  acceptedAt: Date | null;
  correctionReason: string | null;
  corrects: string | null;
  /** The period's first version: timeliness is measured by it (a correction is not late for the report). */
  originalDueDate: string;
  originalFirstSubmittedAt: Date | null;
}

export interface CycleRow {
  id: string;
  period: string;
  from: string;
  until: string;
  workflowId: string;
  status: 'open' | 'closed';
  openedAt: Date;
}

const REPORT_COLUMNS = `r.id, r.cycle_id AS "cycleId", c.period, r.jurisdiction_code AS "jurisdictionCode", j.name AS "jurisdictionName", r.level, r.version, r.status, r.round,
  to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate", r.computed, r.figures, r.counted, r.task_id AS "taskId", r.submission_id AS "submissionId", r.submitted_at AS "submittedAt",
  r.first_submitted_at AS "firstSubmittedAt", r.accepted_at AS "acceptedAt", r.correction_reason AS "correctionReason", r.corrects,
  (SELECT to_char(o.due_date, 'YYYY-MM-DD') FROM periodic_reports o WHERE o.cycle_id = r.cycle_id AND o.jurisdiction_code = r.jurisdiction_code AND o.version = 1) AS "originalDueDate",
  (SELECT o.first_submitted_at FROM periodic_reports o WHERE o.cycle_id = r.cycle_id AND o.jurisdiction_code = r.jurisdiction_code AND o.version = 1) AS "originalFirstSubmittedAt"`;
const REPORT_FROM = `periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id JOIN jurisdictions j ON j.code = r.jurisdiction_code`;
const CYCLE_COLUMNS = `id, period, to_char(period_from, 'YYYY-MM-DD') AS "from", to_char(period_until, 'YYYY-MM-DD') AS "until", workflow_id AS "workflowId", status, opened_at AS "openedAt"`;

/** Periodic reports and their cycles; the figures a report is computed from (cases, and the accepted reports below). */
@Injectable()
export class PeriodicReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private q(tx?: EntityManager) {
    return tx ?? this.db;
  }

  /**
   * The cases a task force opened in the period, as reports count them (codes only). `exact`: its own
   * cases; otherwise also those of the task forces below it (the national code covers every case).
   */
  async caseFactRows(jurisdictionCode: string, from: string, until: string, exact: boolean): Promise<CaseFactRow[]> {
    return (await this.db.query(
      `SELECT c.identification_status AS "identificationStatus", c.intake_channel AS "intakeChannel", f.sex, f.age_group AS "ageGroup", f.age_uncertain AS "ageUncertain",
              f.nationality_group AS "nationalityGroup", f.trafficking_scope AS "traffickingScope", f.origin_region AS "originRegion",
              f.exploitation_types AS "exploitationTypes", f.sectors
         FROM cases c LEFT JOIN case_facts f ON f.case_id = c.id
        WHERE (c.jurisdiction_code = $1 OR (NOT $5 AND ($1 = $4 OR c.jurisdiction_code LIKE $1 || '.%')))
          AND c.opened_at >= ($2::timestamp AT TIME ZONE 'Asia/Jakarta') AND c.opened_at < ($3::timestamp AT TIME ZONE 'Asia/Jakarta')`,
      [jurisdictionCode, from, until, NATIONAL_CODE, exact],
    )) as CaseFactRow[];
  }

  /** People assisted in the period per service: the task force's cases with a planned service under way or done in it (each case once per service). */
  async assisted(jurisdictionCode: string, from: string, until: string): Promise<{ service: string; persons: number }[]> {
    return (await this.db.query(
      `SELECT i.service_type AS service, count(DISTINCT i.case_id)::int AS persons
         FROM case_plan_items i JOIN cases c ON c.id = i.case_id
        WHERE c.jurisdiction_code = $1 AND i.status IN ('in_progress', 'done') AND i.starts_on < $3::date AND (i.ends_on IS NULL OR i.ends_on >= $2::date)
        GROUP BY i.service_type ORDER BY i.service_type`,
      [jurisdictionCode, from, until],
    )) as { service: string; persons: number }[];
  }

  /**
   * The prosecution figures of a task force's own cases for the period, from their justice records' codes
   * (case_justice_facts): each case counted once per figure, in the period its records first reached that
   * point — reported to the police or further (crimes registered), prosecution or further (cases to the
   * prosecutor), a verdict given (convicted, acquitted or dismissed), a conviction. A record counts from the
   * later of the day it speaks of and the day it was entered, so a backdated record never moves a case into
   * a period already reported. A case whose trial runs over several quarters is counted in each figure
   * once, in the quarter it got there.
   */
  async prosecution(jurisdictionCode: string, from: string, until: string): Promise<ReportFigures['prosecution']> {
    const [row] = (await this.db.query(
      `WITH firsts AS (
         SELECT j.case_id,
                min(greatest(j.recorded_on, j.entered_on)) FILTER (WHERE j.stage IN ('reported_to_police', 'investigation', 'prosecution', 'trial', 'verdict', 'appeal')) AS registered,
                min(greatest(j.recorded_on, j.entered_on)) FILTER (WHERE j.stage IN ('prosecution', 'trial', 'verdict', 'appeal')) AS prosecuted,
                min(greatest(j.recorded_on, j.entered_on)) FILTER (WHERE j.verdict IN ('convicted', 'acquitted', 'dismissed')) AS verdict,
                min(greatest(j.recorded_on, j.entered_on)) FILTER (WHERE j.verdict = 'convicted') AS convicted
           FROM case_justice_facts j JOIN cases c ON c.id = j.case_id
          WHERE c.jurisdiction_code = $1
          GROUP BY j.case_id)
       SELECT count(*) FILTER (WHERE registered >= $2::date AND registered < $3::date)::int AS "crimesRegistered",
              count(*) FILTER (WHERE prosecuted >= $2::date AND prosecuted < $3::date)::int AS "casesToProsecutor",
              count(*) FILTER (WHERE verdict >= $2::date AND verdict < $3::date)::int AS verdicts,
              count(*) FILTER (WHERE convicted >= $2::date AND convicted < $3::date)::int AS convictions
         FROM firsts`,
      [jurisdictionCode, from, until],
    )) as ReportFigures['prosecution'][];
    return row ?? { crimesRegistered: 0, casesToProsecutor: 0, verdicts: 0, convictions: 0 };
  }

  /**
   * Prevention from the plans' progress reports of the quarter (`2027-Q1`): the activities of the prevention
   * sections (Sub-TF `prevention_…`) of the task force's own endorsed plans reported on for that quarter, and
   * of them completed, and delayed or postponed. A plan monitored by semester or year has no quarterly rows
   * and counts none.
   */
  async prevention(jurisdictionCode: string, period: string): Promise<NonNullable<ReportFigures['prevention']>> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS "activitiesReported",
              count(*) FILTER (WHERE pp.status = 'completed')::int AS "activitiesCompleted",
              count(*) FILTER (WHERE pp.status IN ('delayed', 'postponed'))::int AS "activitiesDelayed"
         FROM plans p JOIN plan_versions v ON v.id = p.endorsed_version_id JOIN plan_progress pp ON pp.plan_id = p.id AND pp.period = $2
        WHERE p.jurisdiction_code = $1 AND p.status IN ('endorsed', 'under_revision', 'closed')
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.content -> 'sections') s, jsonb_array_elements(s -> 'activities') a
                       WHERE s ->> 'subTaskForce' LIKE 'prevention%' AND a ->> 'activityId' = pp.activity_id)`,
      [jurisdictionCode, period],
    )) as NonNullable<ReportFigures['prevention']>[];
    return row ?? { activitiesReported: 0, activitiesCompleted: 0, activitiesDelayed: 0 };
  }

  /** What a task force's own cases (and its plans' prevention activities) give for the period. */
  async ownFigures(jurisdictionCode: string, from: string, until: string): Promise<ReportFigures> {
    const quarter = `${from.slice(0, 4)}-Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`;
    const [rows, assisted, prosecution, prevention] = await Promise.all([
      this.caseFactRows(jurisdictionCode, from, until, true),
      this.assisted(jurisdictionCode, from, until),
      this.prosecution(jurisdictionCode, from, until),
      this.prevention(jurisdictionCode, quarter),
    ]);
    return figuresFromCases(tallyCases(rows), assisted, prosecution, prevention);
  }

  /**
   * A province's (or the nation's) figures: the latest accepted report of each task force below, summed,
   * plus its own cases; with which reports were counted and which task forces had none accepted.
   */
  async aggregate(cycleId: string, jurisdictionCode: string, from: string, until: string): Promise<{ figures: ReportFigures; counted: PeriodicReportRow['counted'] }> {
    const below = jurisdictionCode === NATIONAL_CODE ? { level: 'province', pattern: '^[0-9]{2}$' } : { level: 'regency', pattern: `^${jurisdictionCode}\\.[0-9]{2}$` };
    const accepted = (await this.db.query(
      `SELECT id, jurisdiction_code AS "jurisdictionCode", version, figures FROM periodic_reports
        WHERE cycle_id = $1 AND level = $2 AND jurisdiction_code ~ $3 AND status = 'accepted' ORDER BY jurisdiction_code`,
      [cycleId, below.level, below.pattern],
    )) as { id: string; jurisdictionCode: string; version: number; figures: ReportFigures }[];
    const own = await this.ownFigures(jurisdictionCode, from, until);
    return { figures: sumFigures([...accepted.map((r) => r.figures), own]), counted: accepted.map((r) => ({ reportId: r.id, jurisdictionCode: r.jurisdictionCode, version: r.version })) };
  }

  /**
   * The accepted reports of the periods `from`..`to` (inclusive), of every task force or of one province and
   * its regencies and cities: what the roll-up sums. At most one version per task force and period is
   * accepted at a time (a correction supersedes the one before), so no version filter is needed.
   */
  async acceptedReports(from: string, to: string, province: string | null): Promise<AcceptedReport[]> {
    return (await this.db.query(
      `SELECT r.jurisdiction_code AS "jurisdictionCode", c.period, r.figures
         FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id
        WHERE r.status = 'accepted' AND c.period BETWEEN $1 AND $2 AND ($3::text IS NULL OR r.jurisdiction_code = $3 OR r.jurisdiction_code LIKE $3 || '.%')`,
      [from, to, province],
    )) as AcceptedReport[];
  }

  /** Referrals sent in the days `from`..`until` (Jakarta) by the cases of a scope (a province covers its regencies; 00 all): per status, and the median days to an answer. */
  async referralFigures(scope: string, from: string, until: string): Promise<{ byStatus: { status: string; n: number }[]; medianResponseDays: number | null; answered: number }> {
    const where = `r.sent_at >= ($2::timestamp AT TIME ZONE 'Asia/Jakarta') AND r.sent_at < ($3::timestamp AT TIME ZONE 'Asia/Jakarta') AND ($1 = '00' OR c.jurisdiction_code = $1 OR c.jurisdiction_code LIKE $1 || '.%')`;
    const byStatus = (await this.db.query(`SELECT r.status, count(*)::int AS n FROM case_referrals r JOIN cases c ON c.id = r.case_id WHERE ${where} GROUP BY r.status ORDER BY r.status`, [scope, from, until])) as { status: string; n: number }[];
    const [median] = (await this.db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.sent_at) / 86400) AS median, count(*)::int AS n
         FROM case_referrals r JOIN cases c ON c.id = r.case_id WHERE ${where} AND r.responded_at IS NOT NULL`,
      [scope, from, until],
    )) as { median: number | null; n: number }[];
    return { byStatus, medianResponseDays: median?.median === null || median?.median === undefined ? null : Math.round(Number(median.median) * 10) / 10, answered: median?.n ?? 0 };
  }

  /** Review-stage times: the median days from a report's first submission to its acceptance, per level (first versions of the periods `from`..`to`). */
  async reviewTimes(scope: string, from: string, to: string): Promise<{ level: ReportLevel; medianDays: number | null; accepted: number }[]> {
    const rows = (await this.db.query(
      `SELECT r.level, count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.first_submitted_at) / 86400) AS median
         FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id
        WHERE r.version = 1 AND r.accepted_at IS NOT NULL AND r.first_submitted_at IS NOT NULL AND c.period BETWEEN $2 AND $3
          AND ($1 = '00' OR r.jurisdiction_code = $1 OR r.jurisdiction_code LIKE $1 || '.%')
        GROUP BY r.level`,
      [scope, from, to],
    )) as { level: ReportLevel; n: number; median: number | null }[];
    return rows.map((r) => ({ level: r.level, accepted: r.n, medianDays: r.median === null ? null : Math.round(Number(r.median) * 10) / 10 }));
  }

  /** The latest cycle of the periods `from`..`to`, if any. */
  async latestCycleIn(from: string, to: string): Promise<CycleRow | null> {
    return ((await this.db.query(`SELECT ${CYCLE_COLUMNS} FROM report_cycles WHERE period BETWEEN $1 AND $2 ORDER BY period DESC LIMIT 1`, [from, to])) as CycleRow[])[0] ?? null;
  }

  /** Every region in a scope (00: all 553) — a task force is due by law everywhere, formed in Gugus or not — with its report of a cycle if any: the latest version's status and the first version's due day and first submission. */
  async timelinessRows(cycleId: string, scope: string): Promise<{ jurisdictionCode: string; name: string; level: string; status: PeriodicReportStatus | null; dueDate: string | null; firstSubmittedAt: Date | null }[]> {
    return (await this.db.query(
      `SELECT j.code AS "jurisdictionCode", j.name, j.level,
              (SELECT r.status FROM periodic_reports r WHERE r.cycle_id = $1 AND r.jurisdiction_code = j.code ORDER BY r.version DESC LIMIT 1) AS status,
              (SELECT to_char(r.due_date, 'YYYY-MM-DD') FROM periodic_reports r WHERE r.cycle_id = $1 AND r.jurisdiction_code = j.code AND r.version = 1) AS "dueDate",
              (SELECT r.first_submitted_at FROM periodic_reports r WHERE r.cycle_id = $1 AND r.jurisdiction_code = j.code AND r.version = 1) AS "firstSubmittedAt"
         FROM jurisdictions j
        WHERE $2 = '00' OR j.code = $2 OR j.code LIKE $2 || '.%'
        ORDER BY j.code`,
      [cycleId, scope],
    )) as { jurisdictionCode: string; name: string; level: string; status: PeriodicReportStatus | null; dueDate: string | null; firstSubmittedAt: Date | null }[];
  }

  /** The endorsed plans of a scope (00: all) with their activities (id, baseline, target) and planned budget, and their progress reported up to `to`. */
  async planProgress(scope: string, to: string): Promise<{ plans: { id: string; jurisdictionCode: string; budgetTotal: number; activities: { activityId: string; baseline: number; target: number }[] }[]; progress: { planId: string; activityId: string; period: string; indicatorValue: number | null; status: string | null; spent: number | null }[] }> {
    const plans = (await this.db.query(
      `SELECT p.id, p.jurisdiction_code AS "jurisdictionCode", v.budget_total::float8 AS "budgetTotal",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('activityId', a ->> 'activityId', 'baseline', a -> 'answers' -> 'baseline', 'target', a -> 'answers' -> 'target'))
                          FROM jsonb_array_elements(v.content -> 'sections') s, jsonb_array_elements(s -> 'activities') a), '[]'::jsonb) AS activities
         FROM plans p JOIN plan_versions v ON v.id = p.endorsed_version_id
        WHERE p.status IN ('endorsed', 'under_revision', 'closed') AND ($1 = '00' OR p.jurisdiction_code = $1 OR p.jurisdiction_code LIKE $1 || '.%')
        ORDER BY p.jurisdiction_code, p.id`,
      [scope],
    )) as { id: string; jurisdictionCode: string; budgetTotal: number; activities: { activityId: string; baseline: unknown; target: unknown }[] }[];
    const progress = plans.length
      ? ((await this.db.query(
          `SELECT plan_id AS "planId", activity_id AS "activityId", period, indicator_value::float8 AS "indicatorValue", status, spent::float8 AS spent
             FROM plan_progress WHERE plan_id = ANY($1::uuid[]) AND period <= $2`,
          [plans.map((p) => p.id), to],
        )) as { planId: string; activityId: string; period: string; indicatorValue: number | null; status: string | null; spent: number | null }[])
      : [];
    const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    return { plans: plans.map((p) => ({ ...p, activities: p.activities.map((a) => ({ activityId: String(a.activityId), baseline: num(a.baseline), target: num(a.target) })) })), progress };
  }

  /** Names of jurisdictions by code. */
  async jurisdictionNames(codes: string[]): Promise<Map<string, string>> {
    const rows = (await this.db.query(`SELECT code, name FROM jurisdictions WHERE code = ANY($1::text[])`, [codes])) as { code: string; name: string }[];
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The provinces (scope 00) or the regencies and cities of a province. */
  async unitsOf(scope: string): Promise<{ code: string; name: string }[]> {
    return (await this.db.query(
      scope === '00' ? `SELECT code, name FROM jurisdictions WHERE level = 'province' ORDER BY code` : `SELECT code, name FROM jurisdictions WHERE level = 'regency' AND parent_code = $1 ORDER BY code`,
      scope === '00' ? [] : [scope],
    )) as { code: string; name: string }[];
  }

  async cycleByPeriod(period: string, tx?: EntityManager): Promise<CycleRow | null> {
    return ((await this.q(tx).query(`SELECT ${CYCLE_COLUMNS} FROM report_cycles WHERE period = $1`, [period])) as CycleRow[])[0] ?? null;
  }

  async cycle(id: string): Promise<CycleRow | null> {
    return ((await this.db.query(`SELECT ${CYCLE_COLUMNS} FROM report_cycles WHERE id = $1`, [id])) as CycleRow[])[0] ?? null;
  }

  async cycles(): Promise<CycleRow[]> {
    return (await this.db.query(`SELECT ${CYCLE_COLUMNS} FROM report_cycles ORDER BY period DESC LIMIT 200`)) as CycleRow[];
  }

  /** Creates the period's cycle unless it exists; returns the one in force. */
  async insertCycle(row: { id: string; period: string; from: string; until: string; workflowId: string; openedBy: string | null; openedAt: string }): Promise<CycleRow> {
    await this.db.query(
      `INSERT INTO report_cycles (id, period, period_from, period_until, workflow_id, status, opened_at, opened_by) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) ON CONFLICT (period) DO NOTHING`,
      [row.id, row.period, row.from, row.until, row.workflowId, row.openedAt, row.openedBy],
    );
    return (await this.cycleByPeriod(row.period)) as CycleRow;
  }

  async closeCycle(id: string, at: string): Promise<void> {
    await this.db.query(`UPDATE report_cycles SET status = 'closed', closed_at = $2 WHERE id = $1 AND status = 'open'`, [id, at]);
  }

  /** Task forces formed: provinces (no `parent`), or the regencies and cities of a province. */
  async taskForces(parent: string | null): Promise<{ code: string; name: string }[]> {
    return (await this.db.query(
      `SELECT j.code, j.name FROM task_forces t JOIN jurisdictions j ON j.code = t.jurisdiction_code
        WHERE ${parent ? `j.level = 'regency' AND j.parent_code = $1` : `j.level = 'province' AND $1::text IS NULL`} ORDER BY j.code`,
      [parent],
    )) as { code: string; name: string }[];
  }

  async jurisdictionName(code: string): Promise<string> {
    return (((await this.db.query(`SELECT name FROM jurisdictions WHERE code = $1`, [code])) as { name: string }[])[0]?.name ?? code);
  }

  async report(id: string, tx?: EntityManager): Promise<PeriodicReportRow | null> {
    return ((await this.q(tx).query(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.id = $1`, [id])) as PeriodicReportRow[])[0] ?? null;
  }

  /** The version of a task force's report being worked on (open, submitted or returned), if any. */
  async workingReport(cycleId: string, jurisdictionCode: string, tx?: EntityManager): Promise<PeriodicReportRow | null> {
    return ((await this.q(tx).query(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.cycle_id = $1 AND r.jurisdiction_code = $2 AND r.status IN ('open', 'submitted', 'returned')`, [cycleId, jurisdictionCode])) as PeriodicReportRow[])[0] ?? null;
  }

  async versions(cycleId: string, jurisdictionCode: string): Promise<PeriodicReportRow[]> {
    return (await this.db.query(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.cycle_id = $1 AND r.jurisdiction_code = $2 ORDER BY r.version`, [cycleId, jurisdictionCode])) as PeriodicReportRow[];
  }

  /** The latest version of every report of a cycle. */
  async latestReports(cycleId: string): Promise<PeriodicReportRow[]> {
    return (await this.db.query(
      `SELECT DISTINCT ON (r.jurisdiction_code) ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.cycle_id = $1 ORDER BY r.jurisdiction_code, r.version DESC`,
      [cycleId],
    )) as PeriodicReportRow[];
  }

  async insertReport(row: { id: string; cycleId: string; jurisdictionCode: string; level: ReportLevel; version: number; dueDate: string; computed: ReportFigures; counted: PeriodicReportRow['counted']; correctionReason?: string | null; corrects?: string | null; at: string }, tx?: EntityManager): Promise<void> {
    await this.q(tx).query(
      `INSERT INTO periodic_reports (id, cycle_id, jurisdiction_code, level, version, status, round, due_date, computed, counted, correction_reason, corrects, created_at)
       VALUES ($1, $2, $3, $4, $5, 'open', 1, $6, $7, $8, $9, $10, $11)`,
      [row.id, row.cycleId, row.jurisdictionCode, row.level, row.version, row.dueDate, JSON.stringify(row.computed), JSON.stringify(row.counted), row.correctionReason ?? null, row.corrects ?? null, row.at],
    );
  }

  /** A returned report opens its next round with its figures computed again. */
  async reopen(id: string, computed: ReportFigures, counted: PeriodicReportRow['counted']): Promise<void> {
    await this.db.query(`UPDATE periodic_reports SET status = 'open', round = round + 1, computed = $2, counted = $3 WHERE id = $1 AND status = 'returned'`, [id, JSON.stringify(computed), JSON.stringify(counted)]);
  }

  async markSubmitted(id: string, v: { taskId: string; submissionId: string | null; figures: ReportFigures; by: string | null; at: string }): Promise<void> {
    await this.db.query(
      `UPDATE periodic_reports SET status = 'submitted', task_id = $2, submission_id = $3, figures = $4, submitted_by = $5, submitted_at = $6, first_submitted_at = coalesce(first_submitted_at, $6)
        WHERE id = $1 AND status = 'open'`,
      [id, v.taskId, v.submissionId, JSON.stringify(v.figures), v.by, v.at],
    );
  }

  /** Accepted (the version it corrects becomes superseded, in the same transaction) or returned. */
  async markReviewed(id: string, v: { taskId: string | null; outcome: 'accepted' | 'returned'; by: string | null; at: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = (await tx.query(
        `UPDATE periodic_reports SET status = $2, review_task_id = $3, reviewed_by = $4, reviewed_at = $5, accepted_at = CASE WHEN $2 = 'accepted' THEN $5::timestamptz END
          WHERE id = $1 AND status = 'submitted' RETURNING corrects`,
        [id, v.outcome, v.taskId, v.by, v.at],
      )) as [{ corrects: string | null }[], number] | { corrects: string | null }[];
      const updated = Array.isArray(rows[0]) ? (rows[0] as { corrects: string | null }[]) : (rows as { corrects: string | null }[]);
      const corrects = updated[0]?.corrects;
      if (v.outcome === 'accepted' && corrects) await tx.query(`UPDATE periodic_reports SET status = 'superseded' WHERE id = $1 AND status = 'accepted'`, [corrects]);
    });
  }

  /** A regency/city task force's member agencies (active ones), by name. */
  async memberAgencies(jurisdictionCode: string): Promise<{ id: string; name: string }[]> {
    return (await this.db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code = $1 AND active ORDER BY name`, [jurisdictionCode])) as { id: string; name: string }[];
  }

  /** Parts asked for (idempotent: a retried activity finds its rows). */
  async requestParts(cycleId: string, jurisdictionCode: string, dueDate: string, parts: { agencyId: string; taskId: string | null }[]): Promise<void> {
    if (!parts.length) return;
    await this.db.query(
      `INSERT INTO periodic_report_parts (cycle_id, jurisdiction_code, agency_id, status, due_date, task_id)
       SELECT $1, $2, p.agency_id, CASE WHEN p.task_id IS NULL THEN 'unassigned' ELSE 'requested' END, $3::date, p.task_id
         FROM unnest($4::uuid[], $5::uuid[]) AS p (agency_id, task_id)
       ON CONFLICT (cycle_id, jurisdiction_code, agency_id) DO NOTHING`,
      [cycleId, jurisdictionCode, dueDate, parts.map((p) => p.agencyId), parts.map((p) => p.taskId)],
    );
  }

  /** A part arrived (even after it was listed as not received: a decision in flight when the focal point submitted). */
  async recordPart(cycleId: string, jurisdictionCode: string, agencyId: string, v: { submissionId: string | null; answers: ReportPartAnswers; by: string | null; at: string }, tx?: EntityManager): Promise<boolean> {
    const [, count] = (await this.q(tx).query(
      `UPDATE periodic_report_parts SET status = 'submitted', submission_id = $4, answers = $5, submitted_by = $6, submitted_at = $7
        WHERE cycle_id = $1 AND jurisdiction_code = $2 AND agency_id = $3 AND status IN ('requested', 'not_received')`,
      [cycleId, jurisdictionCode, agencyId, v.submissionId, JSON.stringify(v.answers), v.by, v.at],
    )) as [unknown, number];
    return count > 0;
  }

  /** The focal point submitted: parts still asked for are not received. */
  async closeParts(cycleId: string, jurisdictionCode: string): Promise<void> {
    await this.db.query(`UPDATE periodic_report_parts SET status = 'not_received' WHERE cycle_id = $1 AND jurisdiction_code = $2 AND status = 'requested'`, [cycleId, jurisdictionCode]);
  }

  /** A regency/city's parts for the period, by agency name. */
  async parts(cycleId: string, jurisdictionCode: string): Promise<ReportPartView[]> {
    const rows = (await this.db.query(
      `SELECT p.agency_id AS "agencyId", a.name AS "agencyName", p.status, to_char(p.due_date, 'YYYY-MM-DD') AS "dueDate", p.submitted_at AS "submittedAt", p.answers
         FROM periodic_report_parts p JOIN agencies a ON a.id = p.agency_id
        WHERE p.cycle_id = $1 AND p.jurisdiction_code = $2 ORDER BY a.name`,
      [cycleId, jurisdictionCode],
    )) as (Omit<ReportPartView, 'submittedAt'> & { submittedAt: Date | null })[];
    return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null }));
  }
}
