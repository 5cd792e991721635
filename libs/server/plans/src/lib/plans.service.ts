import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ErrorCode,
  PLAN_OF_ACTION_PROCESS,
  planOfActionSettingsSchema,
  readTaskContext,
  withDefaults,
  type BilingualText,
  type PlanAnalytics,
  type PlanAnalyticsOverview,
  type PlanComment,
  type PlanDiffView,
  type PlanList,
  type PlanStage,
  type PlanStageSpan,
  type PlanSummary,
  type PlanVersionSummary,
  type PlanVersionView,
  type PlanView,
  type PlanBudgetCalendarYear,
  type PlanIntegration,
  type PlanPprg,
  type RecordAllocationRequest,
  type StartOutsideStepRequest,
  type StartPlanRequest,
  type SubTaskForceKind,
} from '@gugus/contracts';
import { budgetCalendarDates, commentAnchorActivity, commentAnchorSection, diffPlanVersions, expectedSections, planBudget, type PlanDiff } from '@gugus/plan';
import { abilityFor, assertCan, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { planPdf, planXlsx, type PlanExportInput } from '@gugus/server-plan-exports';
import { addWorkingDays, jakartaDate, workingDaysBetween, WorkingCalendarService, type HolidaySet } from '@gugus/server-calendar';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';
import { TasksRepository } from '@gugus/server-tasks';
import { closeCommentsUpdate, endOutsideStepUpdate, openRevisionUpdate, planOfAction, PlanRefusal, planWorkflowId, startOutsideStepUpdate } from '@gugus/workflows';
import { holderRows, overviewOf, withSpanHolders, type PlanTaskTiming } from './plan-analytics';
import { PLAN_SETTINGS, type PlanSettingsSource } from './plans.ports';
import { PlansRepository, type PlanRow, type PlanVersionRow } from './plans.repository';
import { reportProgress } from './report-progress';

const JURISDICTION_CODE = /^(00|\d{2}|\d{2}\.\d{2})$/;
const notFound = (id: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Rencana aksi ${id} tidak ditemukan.`, en: `Plan of action ${id} was not found.` });
const invalid = (field: string, message: BilingualText) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const engineDown = () => new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: 'Mesin proses (Temporal) tidak dapat dihubungi. Coba lagi sebentar lagi.', en: 'The process engine (Temporal) cannot be reached. Try again shortly.' });

/** Stage names in both languages, for messages. */
export const STAGE_NAMES: Record<PlanStage, BilingualText> = {
  drafting: { id: 'penyusunan bagian', en: 'section drafting' },
  member_comments: { id: 'tanggapan instansi anggota', en: 'member comments' },
  section_revision: { id: 'perbaikan bagian', en: 'section revision' },
  legal_review: { id: 'telaah hukum', en: 'legal review' },
  outside_body: { id: 'menunggu pihak luar', en: 'waiting on an outside body' },
  legal_revision: { id: 'perbaikan sesuai telaah hukum', en: 'revision after legal review' },
  endorsement: { id: 'penetapan', en: 'endorsement' },
  integration: { id: 'integrasi anggaran', en: 'budget integration' },
  monitoring: { id: 'pemantauan', en: 'monitoring' },
  closed: { id: 'selesai', en: 'closed' },
};
const STATUS_NAMES: Record<PlanRow['status'], BilingualText> = {
  draft: { id: 'belum ditetapkan', en: 'not endorsed' },
  endorsed: { id: 'ditetapkan', en: 'endorsed' },
  under_revision: { id: 'sedang direvisi', en: 'under revision' },
  closed: { id: 'ditutup', en: 'closed' },
};
const stateText = (plan: Pick<PlanRow, 'status' | 'stage'>): BilingualText => ({
  id: `status ${STATUS_NAMES[plan.status].id}, tahap ${STAGE_NAMES[plan.stage].id}`,
  en: `status ${STATUS_NAMES[plan.status].en}, stage ${STAGE_NAMES[plan.stage].en}`,
});
const wrongState = (plan: Pick<PlanRow, 'status' | 'stage'>, what: BilingualText) => {
  const state = stateText(plan);
  return new DomainError(ErrorCode.CONFLICT, { id: `${what.id} RAD ini sekarang ${state.id}.`, en: `${what.en} This plan is now ${state.en}.` }, { planStatus: plan.status, planStage: plan.stage });
};

/** Settings targets (working days) a stage is measured against in the analytics. */
const stageTarget = (s: PlanRow['settings'], stage: PlanStage, rounds: number): number | null =>
  ({
    drafting: s.sectionDraftingWorkingDays,
    member_comments: s.memberCommentWorkingDays,
    section_revision: s.sectionRevisionWorkingDays,
    legal_review: s.legalReviewWorkingDays * Math.max(1, rounds),
    legal_revision: s.sectionRevisionWorkingDays * Math.max(0, rounds - 1),
    endorsement: s.decreeWorkingDays,
    outside_body: null,
    integration: null,
    monitoring: null,
    closed: null,
  })[stage];

/** Consecutive-version footprints a service keeps (a few KiB each at most): hundreds of plans' rounds. */
const FOOTPRINTS_KEPT = 2000;

/** Plans of action: starting one (which starts its process), reading it, its versions, diffs and analytics, and what people record beside the tasks. */
@Injectable()
export class PlansService {
  /** What each diff between consecutive versions touched, by `<before id>><after id>`; the oldest entries go first. */
  private readonly footprints = new Map<string, DiffFootprint>();

  constructor(
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendarService,
    private readonly temporal: Client,
    @Inject(PLAN_SETTINGS) private readonly settings: PlanSettingsSource,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async start(user: AuthUser, body: StartPlanRequest, requestId: string | null): Promise<PlanView> {
    assertCan(user, 'create', 'Plan', { jurisdictionCode: body.jurisdictionCode });
    const jurisdiction = await this.plans.jurisdiction(body.jurisdictionCode);
    if (!jurisdiction) throw invalid('jurisdictionCode', { id: 'bukan kode wilayah yang dikenal', en: 'not a known region code' });
    const thisYear = new Date().getUTCFullYear();
    if (body.periodStart < thisYear - 1 || body.periodStart > thisYear + 5) throw invalid('periodStart', { id: `harus antara ${thisYear - 1} dan ${thisYear + 5}`, en: `must be between ${thisYear - 1} and ${thisYear + 5}` });
    const agencies = new Set((await this.plans.agencies(body.jurisdictionCode)).map((a) => a.id));
    body.workingGroup.forEach((m, i) => {
      if (!agencies.has(m.agencyId)) throw invalid(`workingGroup.${i}.agencyId`, { id: 'bukan instansi anggota gugus tugas wilayah ini', en: 'not a member agency of this task force' });
    });
    if (!body.workingGroup.some((m) => m.part === 'facilitator')) throw invalid('workingGroup', { id: 'Kelompok Kerja memerlukan seorang fasilitator', en: 'the Working Group needs a facilitator' });
    const subs = await this.plans.subTaskForces(body.jurisdictionCode);
    if (!subs.length) throw new DomainError(ErrorCode.CONFLICT, { id: 'Gugus tugas wilayah ini belum dibentuk (tidak ada Sub-Gugus Tugas).', en: 'This jurisdiction has no task force yet (no Sub-task forces).' });
    const effective = await this.settings.effective('plan-of-action', body.jurisdictionCode);
    const settings = withDefaults(PLAN_OF_ACTION_PROCESS, effective.settings);
    planOfActionSettingsSchema.parse(settings);
    for (const [step, role] of [
      [{ id: 'penghimpunan', en: 'compiling' }, settings.roles.secretariat],
      [{ id: 'telaah hukum', en: 'legal review' }, settings.roles.legalReview],
      [{ id: 'penetapan', en: 'endorsement' }, settings.roles.decree],
    ] as const) {
      if (!(await this.tasks.agencyWithRole(body.jurisdictionCode, role))) {
        throw new DomainError(ErrorCode.CONFLICT, {
          id: `Belum ada pejabat dengan peran ${role} di wilayah ini untuk langkah ${step.id}. Tetapkan dulu di Administrasi.`,
          en: `Nobody holds the ${role} role in this jurisdiction for the ${step.en} step yet. Assign one in Administration first.`,
        });
      }
    }
    const id = randomUUID();
    const end = body.periodStart + body.periodYears - 1;
    const title = body.title?.trim() || `RAD PP-TPPO ${jurisdiction.name} ${body.periodStart}–${end}`;
    await this.plans.transaction(async (tx) => {
      await this.plans.insertPlan(
        { id, jurisdictionCode: body.jurisdictionCode, title, periodStart: body.periodStart, periodYears: body.periodYears, sectionKinds: expectedSections(subs.map((s) => s.kind)), workingGroup: body.workingGroup, workflowId: planWorkflowId(id), settings, settingsVersion: effective.version, createdBy: user.personId },
        tx,
      );
      await this.audit.record({ actorId: user.personId, action: 'plan.start', targetType: 'plan', targetId: id, jurisdictionCode: body.jurisdictionCode, requestId, after: { title, periodStart: body.periodStart, periodYears: body.periodYears, settingsVersion: effective.version } }, tx);
      try {
        await this.temporal.workflow.start(planOfAction, { workflowId: planWorkflowId(id), taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [{ planId: id }] });
      } catch {
        throw engineDown();
      }
    });
    return this.view(user, id);
  }

  private readable(user: AuthUser, plan: PlanRow | null, id: string): PlanRow {
    if (!plan || !canOn(abilityFor(user.grants), 'read', 'Plan', { jurisdictionCode: plan.jurisdictionCode })) throw notFound(id);
    return plan;
  }

  async list(user: AuthUser, jurisdictionCode: string): Promise<PlanList> {
    if (!JURISDICTION_CODE.test(jurisdictionCode)) throw invalid('jurisdictionCode', { id: 'bukan kode wilayah resmi', en: 'not an official region code' });
    assertCan(user, 'read', 'Plan', { jurisdictionCode });
    const ability = abilityFor(user.grants);
    const rows = (await this.plans.list(jurisdictionCode === '00' ? null : jurisdictionCode)).filter((p) => canOn(ability, 'read', 'Plan', { jurisdictionCode: p.jurisdictionCode }));
    const spans = await this.plans.spans(rows.map((r) => r.id));
    const names = await this.plans.names(spans.map((s) => s.holderAgencyId ?? ''));
    return { items: rows.map((p) => this.summary(p, spans.filter((s) => s.planId === p.id && !s.endedAt).at(-1) ?? null, names)) };
  }

  private summary(p: PlanRow, open: { holderAgencyId: string | null; holderRole: string | null } | null, names: Record<string, string>): PlanSummary {
    return {
      id: p.id,
      jurisdictionCode: p.jurisdictionCode,
      title: p.title,
      periodStart: p.periodStart,
      periodYears: p.periodYears,
      stage: p.stage,
      status: p.status,
      round: p.round,
      generation: p.generation,
      createdAt: new Date(p.createdAt).toISOString(),
      holder: open?.holderRole ? { agency: open.holderAgencyId ? { id: open.holderAgencyId, name: names[open.holderAgencyId] ?? null } : null, role: open.holderRole } : null,
    };
  }

  private versionSummary(v: PlanVersionRow): PlanVersionSummary {
    return { id: v.id, seq: v.seq, kind: v.kind, round: v.round, generation: v.generation, createdAt: new Date(v.createdAt).toISOString(), activityCount: v.activityCount, budgetTotal: Number(v.budgetTotal), endorsed: v.endorsed };
  }

  private versionView(v: PlanVersionRow): PlanVersionView {
    const budget = planBudget(v.content);
    if (!budget.ok) throw new Error(`Stored version ${v.id} has an invalid budget`);
    return { ...this.versionSummary(v), content: v.content, budget: budget.value };
  }

  /** The budget calendar of each budget year with integration rows, its tracked steps' progress from those rows. */
  private async budgetCalendar(integrations: { document: PlanIntegration['document']; fiscalYear: number; status: 'open' | 'done' | 'skipped'; taskId: string | null }[]): Promise<PlanBudgetCalendarYear[]> {
    const years = [...new Set(integrations.filter((i) => i.fiscalYear > 0).map((i) => i.fiscalYear))].sort((a, b) => a - b);
    if (years.length === 0) return [];
    const holidays = await this.calendar.holidays();
    const today = jakartaDate(new Date());
    return years.map((fiscalYear) => {
      const rows = (document: PlanIntegration['document']) => integrations.filter((i) => i.document === document && i.fiscalYear === fiscalYear && i.status !== 'skipped');
      const tracked = (document: PlanIntegration['document']) => {
        const expected = rows(document);
        if (expected.length === 0) return null;
        const done = expected.filter((i) => i.status === 'done').length;
        return { status: done === expected.length ? ('done' as const) : ('open' as const), done, of: expected.length };
      };
      const steps = budgetCalendarDates(fiscalYear, (date, n) => addWorkingDays(date, n, holidays)).map(({ milestone, date }) => {
        const byDate = { milestone, date, status: date < today ? ('passed' as const) : ('upcoming' as const) };
        if (milestone === 'rkpd_renja') return { ...byDate, ...tracked('renja') };
        if (milestone === 'rka') return { ...byDate, ...tracked('rka') };
        if (milestone === 'rapbd_approved') {
          const confirmation = rows('dprd_approval')[0];
          return confirmation ? { ...byDate, status: confirmation.status === 'done' ? ('done' as const) : ('open' as const), taskId: confirmation.taskId } : byDate;
        }
        return byDate;
      });
      return { fiscalYear, steps };
    });
  }

  /**
   * The plans' stage spans (parallel ones with each agency's part) and their review tasks, on one look at
   * the calendar: each look costs a query (is the cached calendar still current?).
   */
  private async timeline(planIds: string[]): Promise<{ spans: Map<string, PlanStageSpan[]>; tasks: Map<string, PlanTaskTiming[]>; holidays: HolidaySet; names: Record<string, string>; now: Date }> {
    const [spans, taskRows, holidays] = await Promise.all([this.plans.spans(planIds), this.plans.reviewTasks(planIds), this.calendar.holidays()]);
    const names = await this.plans.names([...spans.map((s) => s.holderAgencyId ?? ''), ...taskRows.map((t) => t.agencyId)]);
    const now = new Date();
    const byPlan = <T extends { planId: string }>(rows: T[]) => {
      const out = new Map<string, T[]>();
      for (const r of rows) {
        const list = out.get(r.planId);
        if (list) list.push(r);
        else out.set(r.planId, [r]);
      }
      return out;
    };
    const tasks = byPlan(taskRows);
    const out = new Map<string, PlanStageSpan[]>();
    for (const [planId, rows] of byPlan(spans)) {
      const planSpans = rows.map((s): PlanStageSpan => {
        const end = s.endedAt ? new Date(s.endedAt) : now;
        return {
          stage: s.stage,
          round: s.round,
          holder: s.holderRole ? { agency: s.holderAgencyId ? { id: s.holderAgencyId, name: names[s.holderAgencyId] ?? null } : null, role: s.holderRole } : null,
          startedAt: new Date(s.startedAt).toISOString(),
          endedAt: s.endedAt ? new Date(s.endedAt).toISOString() : null,
          workingDays: Math.max(0, workingDaysBetween(jakartaDate(new Date(s.startedAt)), jakartaDate(end), holidays)),
        };
      });
      out.set(planId, withSpanHolders(planSpans, tasks.get(planId) ?? [], names, holidays, now));
    }
    return { spans: out, tasks, holidays, names, now };
  }

  async view(user: AuthUser, id: string): Promise<PlanView> {
    const plan = this.readable(user, await this.plans.find(id), id);
    const ability = abilityFor(user.grants);
    const [versions, timeline, outside, allocations, integrations, progress, gaps, reportTasks] = await Promise.all([
      this.plans.versions(id),
      this.timeline([id]).then((t) => t.spans),
      this.plans.outsideSteps([id]),
      this.plans.allocations(id),
      this.plans.integrations(id),
      this.plans.progress(id),
      this.plans.reportingGaps(id),
      this.plans.reportTasks(id),
    ]);
    const latest = await this.plans.latestVersion(id);
    const seqOf = new Map(versions.map((v) => [v.id, v.seq]));
    const decree = await this.plans.decree(id, plan.endorsedVersionId);
    const comments = await this.withAddressed(id, versions, await this.comments(plan));
    const spans = timeline.get(id) ?? [];
    const agencyIds = [
      ...plan.workingGroup.map((m) => m.agencyId),
      ...(latest?.content.sections ?? []).flatMap((s) => [String(s.answers.leadAgencyId ?? ''), ...s.activities.flatMap((a) => [a.answers.responsibleAgencyId, ...(a.answers.implementingAgencyIds ?? [])])]),
      ...integrations.map((i) => i.agencyId),
      ...gaps.map((g) => g.agencyId),
      ...reportTasks.map((t) => t.agencyId),
    ];
    const names = await this.plans.names(agencyIds);
    const open = spans.filter((s) => !s.endedAt).at(-1) ?? null;
    return {
      ...this.summary(plan, null, names),
      holder: open?.holder ?? null,
      sectionKinds: plan.sectionKinds,
      workingGroup: plan.workingGroup.map((m) => ({ ...m, agencyName: names[m.agencyId] ?? null })),
      settingsVersion: plan.settingsVersion,
      timeline: spans,
      outsideSteps: outside.map((o) => ({ id: o.id, round: o.round, body: o.body, referenceNumber: o.referenceNumber, date: o.letterDate, note: o.note, startedAt: new Date(o.startedAt).toISOString(), endedAt: o.endedAt ? new Date(o.endedAt).toISOString() : null })),
      versions: versions.map((v) => this.versionSummary(v)),
      current: latest ? this.versionView(latest) : null,
      endorsedVersionSeq: plan.endorsedVersionId ? (seqOf.get(plan.endorsedVersionId) ?? null) : null,
      decree: decree ? { versionSeq: seqOf.get(decree.versionId) ?? 0, number: decree.number, date: decree.date, monitoringFrequency: decree.monitoringFrequency, budgetSources: decree.budgetSources, recordedAt: new Date(decree.recordedAt).toISOString() } : null,
      comments,
      allocations: allocations.map((a) => ({ id: a.id, versionSeq: seqOf.get(a.versionId) ?? 0, activityId: a.activityId, fiscalYear: a.fiscalYear, amount: Number(a.amount), budgetSource: a.budgetSource, approvedByParliament: a.approvedByParliament, recordedAt: new Date(a.recordedAt).toISOString() })),
      integrations: integrations.map((i) => ({ agency: { id: i.agencyId, name: names[i.agencyId] ?? null }, document: i.document, fiscalYear: i.fiscalYear || null, status: i.status, reason: i.reason, dueDate: i.dueDate, taskId: i.taskId, pprg: pprgOf(i.pprg) })),
      budgetCalendar: await this.budgetCalendar(integrations),
      progress: progress.map((p) => ({ ...p, indicatorValue: p.indicatorValue === null ? null : Number(p.indicatorValue), spent: p.spent === null ? null : Number(p.spent) })),
      reportingGaps: gaps.map((g) => ({ period: g.period, agency: { id: g.agencyId, name: names[g.agencyId] ?? null }, taskId: g.taskId })),
      reports: reportProgress(reportTasks, names),
      agencyNames: names,
      can: {
        recordAllocation: canOn(ability, 'create', 'Plan', { jurisdictionCode: plan.jurisdictionCode }) && plan.status !== 'draft' && plan.status !== 'closed',
        recordOutsideStep: canOn(ability, 'update', 'Plan', { jurisdictionCode: plan.jurisdictionCode }) && ['legal_review', 'endorsement', 'outside_body'].includes(plan.stage),
        openRevision: canOn(ability, 'create', 'Plan', { jurisdictionCode: plan.jurisdictionCode }) && plan.status === 'endorsed' && ['integration', 'monitoring'].includes(plan.stage),
      },
    };
  }

  /** Comments made on the plan (member comments, legal review); which later version addressed each is {@link withAddressed}'s. */
  private async comments(plan: PlanRow): Promise<PlanComment[]> {
    const rows = (await this.plans.tasksOf(plan.id)).filter((t) => (t.step === 'member-comment' || t.step === 'legal-review') && t.status !== 'open' && t.status !== 'cancelled');
    if (!rows.length) return [];
    const [people, names, tasks] = await Promise.all([
      this.plans.peopleNames(rows.map((r) => r.completedBy ?? '')),
      this.plans.names(rows.map((r) => r.assigneeAgencyId)),
      Promise.all(rows.map(async (row) => {
        const task = await this.tasks.find(row.id);
        return task ? (await this.tasks.openPrivate(task)).comments : null;
      })),
    ]);
    return rows.flatMap((row, i) => {
      const context = readTaskContext(row.context);
      const versionSeq = context.kind === 'plan' ? (context.versionSeq ?? 0) : 0;
      return (tasks[i] ?? []).map((comment) => ({
        taskId: row.id,
        step: row.step,
        round: context.round ?? 0,
        versionSeq,
        author: { name: row.completedBy ? (people[row.completedBy]?.name ?? null) : null, agency: { id: row.assigneeAgencyId, name: names[row.assigneeAgencyId] ?? null } },
        anchor: comment.field ?? '',
        text: comment.text,
        at: (row.completedAt ? new Date(row.completedAt) : new Date()).toISOString(),
        addressedInVersionSeq: null,
      }));
    });
  }

  /** Each comment with the first later version whose diff from the one before it touches the comment's place. */
  private async withAddressed(planId: string, versions: PlanVersionRow[], comments: PlanComment[]): Promise<PlanComment[]> {
    if (!comments.length) return comments;
    const touched = await this.touchedByVersion(planId, versions, Math.min(...comments.map((c) => c.versionSeq)));
    return comments.map((c) => ({ ...c, addressedInVersionSeq: touched.find((t) => t.seq > c.versionSeq && footprintTouches(t.footprint, c.anchor))?.seq ?? null }));
  }

  /**
   * What each version after `afterSeq` changed from the one before it. Versions are immutable (a trigger
   * refuses any change to their content), so each pair's footprint is kept once computed: a plan page then
   * reads no version's content but the current one's, however many rounds the plan has been through.
   */
  private async touchedByVersion(planId: string, versions: PlanVersionRow[], afterSeq: number): Promise<{ seq: number; footprint: DiffFootprint }[]> {
    const pairs = versions.slice(1).flatMap((after, i) => (after.seq > afterSeq ? [{ before: versions[i] as PlanVersionRow, after, key: `${versions[i]?.id}>${after.id}` }] : []));
    const found = new Map<string, DiffFootprint>();
    for (const p of pairs) {
      const known = this.footprints.get(p.key);
      if (known) found.set(p.key, known);
    }
    const missing = pairs.filter((p) => !found.has(p.key));
    if (missing.length) {
      const contents = await this.plans.versionContents(planId, [...new Set(missing.flatMap((p) => [p.before.seq, p.after.seq]))]);
      for (const p of missing) {
        const [before, after] = [contents.get(p.before.seq), contents.get(p.after.seq)];
        if (!before || !after) continue;
        const footprint = diffFootprint(diffPlanVersions(before, after));
        found.set(p.key, footprint);
        this.footprints.set(p.key, footprint);
        if (this.footprints.size > FOOTPRINTS_KEPT) this.footprints.delete(this.footprints.keys().next().value as string);
      }
    }
    return pairs.flatMap((p) => {
      const footprint = found.get(p.key);
      return footprint ? [{ seq: p.after.seq, footprint }] : [];
    });
  }

  async version(user: AuthUser, id: string, seq: number): Promise<PlanVersionView> {
    this.readable(user, await this.plans.find(id), id);
    const version = await this.plans.version(id, seq);
    if (!version) throw new DomainError(ErrorCode.NOT_FOUND, { id: `Versi ${seq} rencana aksi ini tidak ada.`, en: `Version ${seq} of this plan does not exist.` });
    return this.versionView(version);
  }

  async diff(user: AuthUser, id: string, from: number, to: number): Promise<PlanDiffView> {
    const plan = this.readable(user, await this.plans.find(id), id);
    if (from >= to) throw invalid('from', { id: 'harus lebih kecil dari to', en: 'must be less than to' });
    const [a, b] = await Promise.all([this.plans.version(id, from), this.plans.version(id, to)]);
    if (!a) throw invalid('from', { id: `versi ${from} tidak ada`, en: `version ${from} does not exist` });
    if (!b) throw invalid('to', { id: `versi ${to} tidak ada`, en: `version ${to} does not exist` });
    const diff = diffPlanVersions(a.content, b.content);
    const comments = (await this.comments(plan)).filter((c) => c.versionSeq >= from && c.versionSeq < to);
    const addressed = comments.filter((c) => diffTouches(diff, c.anchor));
    return { from, to, diff, addressed: addressed.map((c) => ({ taskId: c.taskId, anchor: c.anchor, text: c.text })), unaddressed: comments.filter((c) => !addressed.includes(c)).map((c) => ({ taskId: c.taskId, anchor: c.anchor, text: c.text })) };
  }

  async analytics(user: AuthUser, id: string): Promise<PlanAnalytics> {
    const plan = await this.plans.find(id);
    if (!plan || !canOn(abilityFor(user.grants), 'read', 'PlanAnalytics', { jurisdictionCode: plan.jurisdictionCode })) throw notFound(id);
    return (await this.analyticsOf([plan]))[0];
  }

  async overview(user: AuthUser, jurisdictionCode: string): Promise<PlanAnalyticsOverview> {
    if (!JURISDICTION_CODE.test(jurisdictionCode)) throw invalid('jurisdictionCode', { id: 'bukan kode wilayah resmi', en: 'not an official region code' });
    assertCan(user, 'read', 'PlanAnalytics', { jurisdictionCode });
    const ability = abilityFor(user.grants);
    const plans = (await this.plans.list(jurisdictionCode === '00' ? null : jurisdictionCode)).filter((p) => canOn(ability, 'read', 'PlanAnalytics', { jurisdictionCode: p.jurisdictionCode }));
    return overviewOf(jurisdictionCode, await this.analyticsOf(plans));
  }

  private async analyticsOf(plans: PlanRow[]): Promise<PlanAnalytics[]> {
    const { spans: timelines, tasks, holidays, names, now } = await this.timeline(plans.map((p) => p.id));
    return plans.map((plan) => {
      const spans = timelines.get(plan.id) ?? [];
      const rounds = spans.reduce((m, s) => Math.max(m, s.stage === 'legal_review' ? s.round : 0), 0);
      const byStage = new Map<PlanStage, number>();
      for (const s of spans) byStage.set(s.stage, (byStage.get(s.stage) ?? 0) + s.workingDays);
      return {
        planId: plan.id,
        jurisdictionCode: plan.jurisdictionCode,
        title: plan.title,
        rounds,
        stages: [...byStage].map(([stage, workingDays]) => ({ stage, workingDays, targetWorkingDays: stageTarget(plan.settings, stage, rounds) })),
        holders: holderRows(spans, tasks.get(plan.id) ?? [], names, holidays, now),
        pausedWorkingDays: byStage.get('outside_body') ?? 0,
      };
    });
  }

  /** The endorsed version (or, with `seq`, any version) as a PDF document or an XLSX workbook; reading it is audited. */
  async export(user: AuthUser, id: string, format: 'pdf' | 'xlsx', seq: number | undefined, requestId: string | null): Promise<{ body: Buffer; fileName: string; contentType: string }> {
    const plan = this.readable(user, await this.plans.find(id), id);
    const version = seq !== undefined ? await this.plans.version(id, seq) : plan.endorsedVersionId ? await this.plans.versionById(plan.endorsedVersionId) : await this.plans.latestVersion(id);
    if (!version) throw new DomainError(ErrorCode.NOT_FOUND, { id: seq !== undefined ? `Versi ${seq} rencana aksi ini tidak ada.` : 'Rencana aksi ini belum memiliki versi.', en: seq !== undefined ? `Version ${seq} of this plan does not exist.` : 'This plan has no version yet.' });
    const decree = version.endorsed ? await this.plans.decree(id, version.id) : null;
    const jurisdiction = await this.plans.jurisdiction(plan.jurisdictionCode);
    const agencyIds = version.content.sections.flatMap((s) => [String(s.answers.leadAgencyId ?? ''), ...s.activities.flatMap((a) => [a.answers.responsibleAgencyId, ...(a.answers.implementingAgencyIds ?? [])])]);
    const input: PlanExportInput = {
      title: plan.title,
      jurisdictionName: jurisdiction?.name ?? plan.jurisdictionCode,
      periodStart: plan.periodStart,
      periodYears: plan.periodYears,
      versionSeq: version.seq,
      endorsed: version.endorsed,
      decree: decree ? { versionSeq: version.seq, number: decree.number, date: decree.date, monitoringFrequency: decree.monitoringFrequency, budgetSources: decree.budgetSources, recordedAt: new Date(decree.recordedAt).toISOString() } : null,
      content: version.content,
      agencyNames: await this.plans.names(agencyIds),
      generatedAt: new Date().toISOString(),
    };
    const body = format === 'pdf' ? await planPdf(input) : await planXlsx(input);
    await this.audit.record({ actorId: user.personId, action: 'plan.export', targetType: 'plan', targetId: id, jurisdictionCode: plan.jurisdictionCode, requestId, after: { format, versionSeq: version.seq } });
    const base = `RAD-${plan.jurisdictionCode.replace('.', '-')}-${plan.periodStart}-${plan.periodStart + plan.periodYears - 1}-v${version.seq}`;
    return format === 'pdf'
      ? { body, fileName: `${base}.pdf`, contentType: 'application/pdf' }
      : { body, fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }

  async recordAllocation(user: AuthUser, id: string, body: RecordAllocationRequest, requestId: string | null) {
    const plan = this.readable(user, await this.plans.find(id), id);
    if (!canOn(abilityFor(user.grants), 'create', 'Plan', { jurisdictionCode: plan.jurisdictionCode })) throw new DomainError(ErrorCode.FORBIDDEN, { id: 'Hanya sekretariat yang mencatat alokasi anggaran RAD.', en: "Only the secretariat records the plan's budget allocations." });
    const refusedBecause = { id: 'Anggaran hanya dapat dicatat terhadap RAD yang sudah ditetapkan dengan keputusan kepala daerah.', en: "Budgets can only be recorded against a plan endorsed by the head of region's decree." };
    if (plan.status === 'draft' || plan.status === 'closed' || !plan.endorsedVersionId) throw wrongState(plan, refusedBecause);
    const endorsed = (await this.plans.versionById(plan.endorsedVersionId)) as PlanVersionRow;
    let version = endorsed;
    if (body.versionSeq !== undefined && body.versionSeq !== endorsed.seq) {
      const asked = await this.plans.version(id, body.versionSeq);
      if (!asked) throw invalid('versionSeq', { id: `versi ${body.versionSeq} tidak ada`, en: `version ${body.versionSeq} does not exist` });
      if (!asked.endorsed) throw wrongState(plan, { id: `Versi ${body.versionSeq} belum ditetapkan. ${refusedBecause.id}`, en: `Version ${body.versionSeq} is not endorsed. ${refusedBecause.en}` });
      version = asked;
    }
    const activity = version.content.sections.flatMap((s) => s.activities).find((a) => a.activityId === body.activityId);
    if (!activity) throw invalid('activityId', { id: `bukan kegiatan RAD versi ${version.seq}`, en: `not an activity of plan version ${version.seq}` });
    const last = plan.periodStart + plan.periodYears - 1;
    if (body.fiscalYear < plan.periodStart || body.fiscalYear > last) throw invalid('fiscalYear', { id: `harus dalam periode RAD ${plan.periodStart}–${last}`, en: `must be within the plan period ${plan.periodStart}–${last}` });
    const allocationId = randomUUID();
    await this.plans.transaction(async (tx) => {
      await this.plans.insertAllocation({ id: allocationId, planId: id, versionId: version.id, activityId: body.activityId, fiscalYear: body.fiscalYear, amount: body.amount, budgetSource: body.budgetSource, approvedByParliament: body.approvedByParliament, recordedBy: user.personId }, tx);
      await this.audit.record({ actorId: user.personId, action: 'plan.allocation', targetType: 'plan', targetId: id, jurisdictionCode: plan.jurisdictionCode, requestId, after: { allocationId, versionSeq: version.seq, activityId: body.activityId, fiscalYear: body.fiscalYear, amount: body.amount, approvedByParliament: body.approvedByParliament } }, tx);
    });
    return (await this.view(user, id)).allocations.find((a) => a.id === allocationId);
  }

  async startOutsideStep(user: AuthUser, id: string, body: StartOutsideStepRequest) {
    const plan = this.writable(user, await this.plans.find(id), id);
    const stepId = randomUUID();
    await this.update(plan, () => this.temporal.workflow.getHandle(plan.workflowId).executeUpdate(startOutsideStepUpdate, { args: [{ stepId, body: body.body, referenceNumber: body.referenceNumber, date: body.date, note: body.note ?? null, actorId: user.personId }] }), { id: 'Langkah pihak luar hanya dicatat saat telaah hukum atau penetapan.', en: 'Outside steps are recorded only during legal review or endorsement.' });
    return this.view(user, id);
  }

  async endOutsideStep(user: AuthUser, id: string, stepId: string, body: { referenceNumber?: string; date?: string }) {
    const plan = this.writable(user, await this.plans.find(id), id);
    await this.update(plan, () => this.temporal.workflow.getHandle(plan.workflowId).executeUpdate(endOutsideStepUpdate, { args: [{ stepId, actorId: user.personId, referenceNumber: body.referenceNumber ?? null, date: body.date ?? null }] }), { id: 'Tidak ada langkah pihak luar yang terbuka dengan id itu.', en: 'No open outside step has that id.' });
    return this.view(user, id);
  }

  async openRevision(user: AuthUser, id: string, body: { reason: string }, requestId: string | null) {
    const plan = this.readable(user, await this.plans.find(id), id);
    if (!canOn(abilityFor(user.grants), 'create', 'Plan', { jurisdictionCode: plan.jurisdictionCode })) throw notFound(id);
    await this.update(plan, () => this.temporal.workflow.getHandle(plan.workflowId).executeUpdate(openRevisionUpdate, { args: [{ actorId: user.personId, reason: body.reason }] }), { id: 'Revisi hanya dapat dibuka saat pemantauan RAD yang sudah ditetapkan.', en: 'A revision can only be opened while an endorsed plan is being monitored.' });
    await this.audit.record({ actorId: user.personId, action: 'plan.open_revision', targetType: 'plan', targetId: id, jurisdictionCode: plan.jurisdictionCode, requestId, after: { reason: body.reason } });
    return this.view(user, id);
  }

  async closeComments(user: AuthUser, id: string) {
    const plan = this.readable(user, await this.plans.find(id), id);
    if (!canOn(abilityFor(user.grants), 'create', 'Plan', { jurisdictionCode: plan.jurisdictionCode })) throw notFound(id);
    await this.update(plan, () => this.temporal.workflow.getHandle(plan.workflowId).executeUpdate(closeCommentsUpdate, { args: [{ actorId: user.personId }] }), { id: 'Masa tanggapan hanya dapat ditutup saat tahap tanggapan instansi anggota.', en: 'The comment period can only be closed during member comments.' });
    return this.view(user, id);
  }

  /** The legal department and the secretariat of the plan's jurisdiction record outside steps. */
  private writable(user: AuthUser, plan: PlanRow | null, id: string): PlanRow {
    const readable = this.readable(user, plan, id);
    if (!canOn(abilityFor(user.grants), 'update', 'Plan', { jurisdictionCode: readable.jurisdictionCode })) throw notFound(id);
    return readable;
  }

  private async update(plan: PlanRow, send: () => Promise<unknown>, refusal: BilingualText): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        const type = (err.cause as { type?: string } | undefined)?.type;
        const fresh = (await this.plans.find(plan.id)) ?? plan;
        if (type === PlanRefusal.WRONG_STAGE || type === PlanRefusal.OUTSIDE_STEP_OPEN || type === PlanRefusal.NO_OUTSIDE_STEP) throw wrongState(fresh, refusal);
        throw wrongState(fresh, refusal);
      }
      if (err instanceof WorkflowNotFoundError) throw wrongState(plan, refusal);
      throw engineDown();
    }
  }
}

/** What a diff touches, all a comment's place is checked against: the activities changed or removed, and every section with a change. */
export interface DiffFootprint {
  activityIds: ReadonlySet<string>;
  kinds: readonly SubTaskForceKind[];
}

export function diffFootprint(diff: PlanDiff): DiffFootprint {
  const kinds = [...diff.sectionChanges.map((s) => s.subTaskForce), ...diff.activitiesAdded.map((a) => a.subTaskForce), ...diff.activitiesChanged.map((a) => a.subTaskForce), ...diff.activitiesRemoved.map((a) => a.subTaskForce), ...diff.sectionsAdded, ...diff.sectionsRemoved] as SubTaskForceKind[];
  return { activityIds: new Set([...diff.activitiesChanged, ...diff.activitiesRemoved].map((a) => a.activityId)), kinds: [...new Set(kinds)] };
}

/** Does a diff change the place a comment is anchored to (its activity, or its section when anchored to a section)? */
export function footprintTouches(footprint: DiffFootprint, anchor: string): boolean {
  const activityId = commentAnchorActivity(anchor);
  if (activityId) return footprint.activityIds.has(activityId);
  const section = commentAnchorSection(anchor, footprint.kinds);
  return section === 'all' ? footprint.kinds.length > 0 && anchor === '' : footprint.kinds.includes(section);
}

export function diffTouches(diff: PlanDiff, anchor: string): boolean {
  return footprintTouches(diffFootprint(diff), anchor);
}

/** The PPRG object of an agency-integration submission as the plan view shows it; null if it has none. */
function pprgOf(value: Record<string, unknown> | null): PlanPprg | null {
  if (!value || typeof value !== 'object') return null;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { gapAnalysisDone: value['gapAnalysisDone'] === true, genderBudgetStatementPrepared: value['genderBudgetStatementPrepared'] === true, gbsDocumentRef: text(value['gbsDocumentRef']), genderIssues: text(value['genderIssues']) };
}
