import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanTaskTiming } from './plan-analytics';
import type { BilingualText, PlanOfActionSettings, PlanStage, PlanStatus, PlanVersionContent, SubTaskForceKind, WorkingGroupMember } from '@gugus/contracts';

export interface PlanRow {
  id: string;
  jurisdictionCode: string;
  title: string;
  periodStart: number;
  periodYears: number;
  sectionKinds: SubTaskForceKind[];
  workingGroup: WorkingGroupMember[];
  stage: PlanStage;
  status: PlanStatus;
  round: number;
  generation: number;
  workflowId: string;
  settings: PlanOfActionSettings;
  settingsVersion: number;
  endorsedVersionId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface PlanVersionRow {
  id: string;
  planId: string;
  seq: number;
  kind: 'compiled' | 'member_revision' | 'legal_round' | 'revision';
  round: number;
  generation: number;
  content: PlanVersionContent;
  activityCount: number;
  budgetTotal: number;
  endorsed: boolean;
  createdAt: Date;
}

export interface StageSpanRow {
  id: string;
  stage: PlanStage;
  round: number;
  holderAgencyId: string | null;
  holderRole: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface OutsideStepRow {
  id: string;
  round: number;
  body: 'regulation_harmonisation' | 'signature_queue' | 'other';
  referenceNumber: string;
  letterDate: string;
  note: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

const PLAN_COLUMNS = `id, jurisdiction_code AS "jurisdictionCode", title, period_start AS "periodStart", period_years AS "periodYears", section_kinds AS "sectionKinds",
  working_group AS "workingGroup", stage, status, round, generation, workflow_id AS "workflowId", settings, settings_version AS "settingsVersion",
  endorsed_version_id AS "endorsedVersionId", created_by AS "createdBy", created_at AS "createdAt"`;
const VERSION_COLUMNS = `id, plan_id AS "planId", seq, kind, round, generation, activity_count AS "activityCount", budget_total::float8 AS "budgetTotal", endorsed, created_at AS "createdAt"`;

/** A task of a performance report's chain, as the plan page summarises it. */
export interface ReportTaskRow {
  id: string;
  step: string;
  status: string;
  agencyId: string;
  role: string;
  year: number;
  period: string | null;
  round: number;
}

/** Plans, their versions, stage spans, outside steps, decrees, allocations, integrations and progress (plain SQL: the rows are simple and the queries read better). */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private q<T>(sql: string, params: unknown[] = [], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.db.manager).query(sql, params) as Promise<T[]>;
  }

  async insertPlan(p: Omit<PlanRow, 'createdAt' | 'stage' | 'status' | 'round' | 'generation' | 'endorsedVersionId'>, manager?: EntityManager): Promise<void> {
    await this.q(
      `INSERT INTO plans (id, jurisdiction_code, title, period_start, period_years, section_kinds, working_group, stage, status, workflow_id, settings, settings_version, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'drafting', 'draft', $8, $9, $10, $11)`,
      [p.id, p.jurisdictionCode, p.title, p.periodStart, p.periodYears, p.sectionKinds, JSON.stringify(p.workingGroup), p.workflowId, JSON.stringify(p.settings), p.settingsVersion, p.createdBy],
      manager,
    );
  }

  async find(id: string): Promise<PlanRow | null> {
    return (await this.q<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = $1`, [id]))[0] ?? null;
  }

  list(jurisdictionCode: string | null): Promise<PlanRow[]> {
    // Plans of one jurisdiction, or (no code) every plan: the caller filters by scope.
    return jurisdictionCode
      ? this.q<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE jurisdiction_code = $1 OR jurisdiction_code LIKE $1 || '.%' ORDER BY created_at DESC LIMIT 500`, [jurisdictionCode])
      : this.q<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY created_at DESC LIMIT 2000`);
  }

  async updatePlan(id: string, values: Partial<Pick<PlanRow, 'stage' | 'status' | 'round' | 'generation' | 'endorsedVersionId'>>, manager?: EntityManager): Promise<void> {
    const columns: Record<string, string> = { stage: 'stage', status: 'status', round: 'round', generation: 'generation', endorsedVersionId: 'endorsed_version_id' };
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    await this.q(`UPDATE plans SET ${entries.map(([k], i) => `${columns[k]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...entries.map(([, v]) => v)], manager);
  }

  // Versions

  versions(planId: string): Promise<PlanVersionRow[]> {
    return this.q<PlanVersionRow>(`SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY seq`, [planId]);
  }

  async version(planId: string, seq: number): Promise<PlanVersionRow | null> {
    return (await this.q<PlanVersionRow>(`SELECT ${VERSION_COLUMNS}, content FROM plan_versions WHERE plan_id = $1 AND seq = $2`, [planId, seq]))[0] ?? null;
  }

  async versionById(id: string): Promise<PlanVersionRow | null> {
    return (await this.q<PlanVersionRow>(`SELECT ${VERSION_COLUMNS}, content FROM plan_versions WHERE id = $1`, [id]))[0] ?? null;
  }

  async latestVersion(planId: string): Promise<PlanVersionRow | null> {
    return (await this.q<PlanVersionRow>(`SELECT ${VERSION_COLUMNS}, content FROM plan_versions WHERE plan_id = $1 ORDER BY seq DESC LIMIT 1`, [planId]))[0] ?? null;
  }

  /** The content of some of a plan's versions, by seq (a few at a time: each is the whole plan). */
  async versionContents(planId: string, seqs: number[]): Promise<Map<number, PlanVersionContent>> {
    const rows = await this.q<{ seq: number; content: PlanVersionContent }>(`SELECT seq, content FROM plan_versions WHERE plan_id = $1 AND seq = ANY($2)`, [planId, seqs]);
    return new Map(rows.map((r) => [r.seq, r.content]));
  }

  /**
   * Inserts a version once (a retried activity finds it by id); its seq is the next free one. In the
   * caller's transaction, so whatever goes with the version (its audit entry) is written with it or not at all.
   */
  async insertVersion(v: Omit<PlanVersionRow, 'seq' | 'createdAt' | 'endorsed'>, tx: EntityManager): Promise<{ version: PlanVersionRow; created: boolean }> {
    const existing = (await this.q<PlanVersionRow>(`SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE id = $1`, [v.id], tx))[0];
    if (existing) return { version: existing, created: false };
    await this.q(`SELECT 1 FROM plans WHERE id = $1 FOR UPDATE`, [v.planId], tx);
    const [{ next }] = await this.q<{ next: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM plan_versions WHERE plan_id = $1`, [v.planId], tx);
    await this.q(
      `INSERT INTO plan_versions (id, plan_id, seq, kind, round, generation, content, activity_count, budget_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [v.id, v.planId, next, v.kind, v.round, v.generation, JSON.stringify(v.content), v.activityCount, v.budgetTotal],
      tx,
    );
    return { version: { ...v, seq: next, endorsed: false, createdAt: new Date() }, created: true };
  }

  async markEndorsed(planId: string, versionId: string, manager?: EntityManager): Promise<void> {
    await this.q(`UPDATE plan_versions SET endorsed = true WHERE id = $1 AND plan_id = $2`, [versionId, planId], manager);
  }

  // Stage spans

  /** Starts a stage span once (by id), ending the open one; in the caller's transaction. True when it started now. */
  async recordStage(planId: string, span: { id: string; stage: PlanStage; round: number; holderAgencyId: string | null; holderRole: string | null; at: Date }, plan: Partial<Pick<PlanRow, 'status' | 'generation'>>, tx: EntityManager): Promise<boolean> {
    if ((await this.q(`SELECT 1 FROM plan_stage_spans WHERE id = $1`, [span.id], tx)).length) return false;
    await this.q(`UPDATE plan_stage_spans SET ended_at = $2 WHERE plan_id = $1 AND ended_at IS NULL`, [planId, span.at], tx);
    await this.q(`INSERT INTO plan_stage_spans (id, plan_id, stage, round, holder_agency_id, holder_role, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [span.id, planId, span.stage, span.round, span.holderAgencyId, span.holderRole, span.at], tx);
    await this.updatePlan(planId, { stage: span.stage, round: span.round, ...plan }, tx);
    return true;
  }

  spans(planIds: string[]): Promise<(StageSpanRow & { planId: string })[]> {
    return this.q(
      `SELECT id, plan_id AS "planId", stage, round, holder_agency_id AS "holderAgencyId", holder_role AS "holderRole", started_at AS "startedAt", ended_at AS "endedAt"
         FROM plan_stage_spans WHERE plan_id = ANY($1) ORDER BY started_at, id`,
      [planIds],
    );
  }

  // Outside steps

  /** Records an outside step once (by id), in the caller's transaction. True when it was recorded now. */
  async insertOutsideStep(planId: string, s: Omit<OutsideStepRow, 'endedAt'> & { recordedBy: string }, tx: EntityManager): Promise<boolean> {
    const added = await this.q(
      `INSERT INTO plan_outside_steps (id, plan_id, round, body, reference_number, letter_date, note, recorded_by, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [s.id, planId, s.round, s.body, s.referenceNumber, s.letterDate, s.note, s.recordedBy, s.startedAt],
      tx,
    );
    return added.length > 0;
  }

  async endOutsideStep(planId: string, id: string, at: Date, referenceNumber: string | null, date: string | null): Promise<void> {
    await this.q(
      `UPDATE plan_outside_steps SET ended_at = COALESCE(ended_at, $3), reference_number = COALESCE($4, reference_number), letter_date = COALESCE($5::date, letter_date) WHERE plan_id = $1 AND id = $2`,
      [planId, id, at, referenceNumber, date],
    );
  }

  outsideSteps(planIds: string[]): Promise<(OutsideStepRow & { planId: string })[]> {
    return this.q(
      `SELECT id, plan_id AS "planId", round, body, reference_number AS "referenceNumber", to_char(letter_date, 'YYYY-MM-DD') AS "letterDate", note, started_at AS "startedAt", ended_at AS "endedAt"
         FROM plan_outside_steps WHERE plan_id = ANY($1) ORDER BY started_at`,
      [planIds],
    );
  }

  // Decree

  /** Records the decree once and endorses its version, in the caller's transaction. True when it was recorded now. */
  async insertDecree(d: { planId: string; versionId: string; number: string; date: string; monitoringFrequency: string; budgetSources: string[]; submissionId: string | null }, tx: EntityManager): Promise<boolean> {
    const added = await this.q(
      `INSERT INTO plan_decrees (plan_id, version_id, number, decree_date, monitoring_frequency, budget_sources, submission_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING plan_id`,
      [d.planId, d.versionId, d.number, d.date, d.monitoringFrequency, d.budgetSources, d.submissionId],
      tx,
    );
    if (!added.length) return false;
    await this.markEndorsed(d.planId, d.versionId, tx);
    await this.updatePlan(d.planId, { status: 'endorsed', endorsedVersionId: d.versionId }, tx);
    return true;
  }

  async decree(planId: string, versionId: string | null): Promise<{ versionId: string; number: string; date: string; monitoringFrequency: 'quarterly' | 'semester' | 'annual'; budgetSources: string[]; recordedAt: Date } | null> {
    if (!versionId) return null;
    return (
      (
        await this.q<{ versionId: string; number: string; date: string; monitoringFrequency: 'quarterly' | 'semester' | 'annual'; budgetSources: string[]; recordedAt: Date }>(
          `SELECT version_id AS "versionId", number, to_char(decree_date, 'YYYY-MM-DD') AS date, monitoring_frequency AS "monitoringFrequency", budget_sources AS "budgetSources", recorded_at AS "recordedAt"
             FROM plan_decrees WHERE plan_id = $1 AND version_id = $2`,
          [planId, versionId],
        )
      )[0] ?? null
    );
  }

  // Allocations

  /**
   * Records an allocation; false if it was already there (one per `sourceTaskId` and activity: the
   * DPRD-approval task's allocations, recorded again by a retried activity, are not doubled).
   */
  async insertAllocation(a: { id: string; planId: string; versionId: string; activityId: string; fiscalYear: number; amount: number; budgetSource: string; approvedByParliament: boolean; recordedBy: string | null; sourceTaskId?: string | null }, manager?: EntityManager): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO plan_budget_allocations (id, plan_id, version_id, activity_id, fiscal_year, amount, budget_source, approved_by_parliament, recorded_by, source_task_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING RETURNING id`,
      [a.id, a.planId, a.versionId, a.activityId, a.fiscalYear, a.amount, a.budgetSource, a.approvedByParliament, a.recordedBy, a.sourceTaskId ?? null],
      manager,
    );
    return rows.length > 0;
  }

  allocations(planId: string): Promise<{ id: string; versionId: string; activityId: string; fiscalYear: number; amount: number; budgetSource: string; approvedByParliament: boolean; recordedAt: Date }[]> {
    return this.q(
      `SELECT id, version_id AS "versionId", activity_id AS "activityId", fiscal_year AS "fiscalYear", amount::float8 AS amount, budget_source AS "budgetSource", approved_by_parliament AS "approvedByParliament", recorded_at AS "recordedAt"
         FROM plan_budget_allocations WHERE plan_id = $1 ORDER BY recorded_at, id`,
      [planId],
    );
  }

  // Integration and progress

  async upsertIntegration(i: { planId: string; agencyId: string; document: string; fiscalYear: number; status: 'open' | 'done' | 'skipped'; reason: BilingualText | null; dueDate: string | null; taskId: string | null; submissionId: string | null }): Promise<void> {
    await this.q(
      `INSERT INTO plan_integrations (plan_id, agency_id, document, fiscal_year, status, reason, due_date, task_id, submission_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (plan_id, agency_id, document, fiscal_year) DO UPDATE SET
         status = CASE WHEN plan_integrations.status = 'done' THEN 'done' ELSE EXCLUDED.status END,
         task_id = COALESCE(EXCLUDED.task_id, plan_integrations.task_id), submission_id = COALESCE(EXCLUDED.submission_id, plan_integrations.submission_id),
         due_date = COALESCE(EXCLUDED.due_date, plan_integrations.due_date), updated_at = now()`,
      [i.planId, i.agencyId, i.document, i.fiscalYear, i.status, i.reason ? JSON.stringify(i.reason) : null, i.dueDate, i.taskId, i.submissionId],
    );
  }

  /** Integration rows, with the PPRG part of the agency's integration form once it sent one (its answers are internal, like the plan). */
  integrations(planId: string): Promise<{ agencyId: string; document: 'renstra' | 'renja' | 'rka' | 'dprd_approval'; fiscalYear: number; status: 'open' | 'done' | 'skipped'; reason: BilingualText | null; dueDate: string | null; taskId: string | null; pprg: Record<string, unknown> | null }[]> {
    return this.q(
      `SELECT i.agency_id AS "agencyId", i.document, i.fiscal_year AS "fiscalYear", i.status, i.reason, to_char(COALESCE(i.due_date, t.due_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM-DD') AS "dueDate", i.task_id AS "taskId",
              s.data -> 'pprg' AS pprg
         FROM plan_integrations i LEFT JOIN tasks t ON t.id = i.task_id LEFT JOIN form_submissions s ON s.id = i.submission_id
        WHERE i.plan_id = $1
        -- In the calendar's order: Renstra, Renja, RKA, then the DPRD's approval of the proposals.
        ORDER BY i.fiscal_year, array_position(ARRAY['renstra', 'renja', 'rka', 'dprd_approval'], i.document), i.agency_id`,
      [planId],
    );
  }

  /** The budget proposals of the RKA integration forms the agencies sent for a budget year. */
  rkaProposals(planId: string, fiscalYear: number): Promise<{ agencyId: string; activities: unknown }[]> {
    return this.q(
      `SELECT i.agency_id AS "agencyId", s.data -> 'activities' AS activities
         FROM plan_integrations i JOIN form_submissions s ON s.id = i.submission_id
        WHERE i.plan_id = $1 AND i.document = 'rka' AND i.fiscal_year = $2 AND i.status = 'done' ORDER BY i.agency_id`,
      [planId, fiscalYear],
    );
  }

  async expectReport(planId: string, period: string, agencyId: string, taskId: string): Promise<void> {
    await this.q(`INSERT INTO plan_reporting (plan_id, period, agency_id, task_id) VALUES ($1, $2, $3, $4) ON CONFLICT (plan_id, period, agency_id) DO UPDATE SET task_id = EXCLUDED.task_id`, [planId, period, agencyId, taskId]);
  }

  async recordReport(planId: string, period: string, agencyId: string, rows: { activityId: string; indicatorValue: number | null; status: string | null; spent: number | null }[], taskId: string, submissionId: string | null): Promise<void> {
    await this.transaction(async (tx) => {
      await this.q(`UPDATE plan_reporting SET reported_at = COALESCE(reported_at, now()) WHERE plan_id = $1 AND period = $2 AND agency_id = $3`, [planId, period, agencyId], tx);
      for (const r of rows) {
        await this.q(
          `INSERT INTO plan_progress (plan_id, activity_id, period, agency_id, indicator_value, status, spent, task_id, submission_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (plan_id, activity_id, period) DO UPDATE SET indicator_value = EXCLUDED.indicator_value, status = EXCLUDED.status, spent = EXCLUDED.spent, task_id = EXCLUDED.task_id, submission_id = EXCLUDED.submission_id, recorded_at = now()`,
          [planId, r.activityId, period, agencyId, r.indicatorValue, r.status, r.spent, taskId, submissionId],
          tx,
        );
      }
    });
  }

  progress(planId: string): Promise<{ activityId: string; period: string; indicatorValue: number | null; status: string | null; spent: number | null; agencyId: string }[]> {
    return this.q(
      `SELECT activity_id AS "activityId", period, indicator_value::float8 AS "indicatorValue", status, spent::float8 AS spent, agency_id AS "agencyId" FROM plan_progress WHERE plan_id = $1 ORDER BY period, activity_id`,
      [planId],
    );
  }

  reportingGaps(planId: string): Promise<{ period: string; agencyId: string; taskId: string | null }[]> {
    return this.q(`SELECT period, agency_id AS "agencyId", task_id AS "taskId" FROM plan_reporting WHERE plan_id = $1 AND reported_at IS NULL ORDER BY period, agency_id`, [planId]);
  }

  // Organisation lookups

  /** The Sub-TFs of a jurisdiction's task force, with their lead agencies. */
  subTaskForces(jurisdictionCode: string): Promise<{ kind: SubTaskForceKind; leadAgencyId: string | null }[]> {
    return this.q(
      `SELECT s.kind, s.lead_agency_id AS "leadAgencyId" FROM sub_task_forces s JOIN task_forces tf ON tf.id = s.task_force_id WHERE tf.jurisdiction_code = $1`,
      [jurisdictionCode],
    );
  }

  /** The agency of the task force's steering chair (ketua harian), when one is set. */
  async steeringAgency(jurisdictionCode: string): Promise<string | null> {
    const rows = await this.q<{ id: string | null }>(`SELECT steering_agency_id AS id FROM task_forces WHERE jurisdiction_code = $1`, [jurisdictionCode]);
    return rows[0]?.id ?? null;
  }

  agencies(jurisdictionCode: string): Promise<{ id: string; name: string; kind: string }[]> {
    return this.q(`SELECT id, name, kind FROM agencies WHERE jurisdiction_code = $1 ORDER BY name`, [jurisdictionCode]);
  }

  async agencyKinds(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.q<{ id: string; kind: string }>(`SELECT id, kind FROM agencies WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  async names(ids: string[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids.filter(Boolean))];
    if (!unique.length) return {};
    const rows = await this.q<{ id: string; name: string }>(`SELECT id, name FROM agencies WHERE id = ANY($1)`, [unique]);
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /** The performance reports' tasks (annual and end-of-period, every step), oldest first. */
  reportTasks(planId: string): Promise<ReportTaskRow[]> {
    return this.q(
      `SELECT id, step, status, assignee_agency_id AS "agencyId", assignee_role AS role, (context->>'fiscalYear')::int AS year, context->>'reportPeriod' AS period, COALESCE((context->>'round')::int, 1) AS round
         FROM tasks WHERE process_key = 'plan-of-action' AND process_id = $1 AND step ~ '^(annual|final)-report' ORDER BY created_at, id`,
      [planId],
    );
  }

  /** The plans' tasks in the stages before endorsement, for the time each holder had them (process-clock times). */
  reviewTasks(planIds: string[]): Promise<PlanTaskTiming[]> {
    return this.q(
      `SELECT process_id AS "planId", step, status, assignee_agency_id AS "agencyId", assignee_role AS "role", context->>'stage' AS "stage",
              (context->>'round')::int AS "round", created_at AS "openedAt", completed_at AS "closedAt"
         FROM tasks WHERE process_key = 'plan-of-action' AND process_id = ANY($1) AND step IN ('section', 'section-revision', 'member-comment', 'legal-review', 'decree')
        ORDER BY created_at, id`,
      [planIds],
    );
  }

  /** The plan's tasks (any step), oldest first. */
  tasksOf(planId: string): Promise<{ id: string; step: string; status: string; context: Record<string, unknown>; completedAt: Date | null; completedBy: string | null; assigneeAgencyId: string }[]> {
    return this.q(
      `SELECT id, step, status, context, completed_at AS "completedAt", completed_by AS "completedBy", assignee_agency_id AS "assigneeAgencyId" FROM tasks WHERE process_key = 'plan-of-action' AND process_id = $1 ORDER BY created_at, id`,
      [planId],
    );
  }

  async peopleNames(ids: string[]): Promise<Record<string, { name: string; agencyId: string }>> {
    const unique = [...new Set(ids.filter(Boolean))];
    if (!unique.length) return {};
    const rows = await this.q<{ id: string; full_name: string; agency_id: string }>(`SELECT id, full_name, agency_id FROM people WHERE id = ANY($1)`, [unique]);
    return Object.fromEntries(rows.map((r) => [r.id, { name: r.full_name, agencyId: r.agency_id }]));
  }

  async jurisdiction(code: string): Promise<{ code: string; name: string; level: string } | null> {
    return (await this.q<{ code: string; name: string; level: string }>(`SELECT code, name, level FROM jurisdictions WHERE code = $1`, [code]))[0] ?? null;
  }
}
