import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, patched, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { BilingualText, PlanStage, PlanTaskContext, SubTaskForceKind } from '@gugus/contracts';
import { subTaskForceName } from '@gugus/plan';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, openHumanTasks, pauseHumanTask, restartHumanTaskClock, resumeHumanTask, startHumanTask, type HumanTask } from '../tasks/human-task';
import { draftReviewLoop } from '../tasks/review-loop';
import { reportChains } from './annual-report';
import type { TaskAssignee, TaskRequest, TaskResult } from '../tasks/task.messages';
import type { PlanActivities } from './plan.activities';
import {
  closeCommentsUpdate,
  endOutsideStepUpdate,
  openRevisionUpdate,
  planStateQuery,
  PlanRefusal,
  startOutsideStepUpdate,
  type AgencyAssignment,
  type PlanCarry,
  type PlanOfActionInput,
  type PlanState,
} from './plan.messages';

export const PLAN_PROCESS_KEY = 'plan-of-action';
const act = proxyActivities<PlanActivities>(DATABASE_ACTIVITY);

/** The plan's workflow id: one workflow per plan, for its whole life (runs chained by continue-as-new). */
export const planWorkflowId = (planId: string) => `plan-${planId}`;

/** Midnight in Jakarta (WIB, UTC+7) at the start of a date. */
const jakartaStart = (date: string) => Date.parse(`${date}T00:00:00+07:00`);
const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/** A task context without its bulky lists (activities, pre-fill): what a carried task needs once its row exists. */
function slimContext(context: TaskRequest['context']): TaskRequest['context'] {
  if (!context) return context;
  const { activities: _activities, prefill: _prefill, ...rest } = context as PlanTaskContext;
  return rest as TaskRequest['context'];
}

/** The reporting periods of a year at a monitoring frequency: label and the first day after it ends. */
export function reportingPeriods(year: number, frequency: 'quarterly' | 'semester' | 'annual'): { period: string; opensOn: string }[] {
  if (frequency === 'annual') return [{ period: `${year}`, opensOn: `${year + 1}-01-01` }];
  if (frequency === 'semester') return [{ period: `${year}-S1`, opensOn: `${year}-07-01` }, { period: `${year}-S2`, opensOn: `${year + 1}-01-01` }];
  return [
    { period: `${year}-Q1`, opensOn: `${year}-04-01` },
    { period: `${year}-Q2`, opensOn: `${year}-07-01` },
    { period: `${year}-Q3`, opensOn: `${year}-10-01` },
    { period: `${year}-Q4`, opensOn: `${year + 1}-01-01` },
  ];
}

/**
 * One plan of action, for its whole life (PRODUCT.md §3.1; seed 000 §4.5–4.9): sections drafted in
 * parallel by the Sub-TF leads → compiled into a version → commented on by the member agencies → revised
 * → legal review rounds (each a new immutable version; bodies outside the task force may hold the draft,
 * which stops the reviewer's clock) → the head of region's decree → each year: integration into the
 * agencies' budget documents on the regional budget calendar, progress reports per period from each
 * responsible agency (only its activities), an annual evaluation and report → a revision when monitoring
 * asks for one → the final report. The history stays bounded: the run continues as new after endorsement
 * and at every plan year, carrying the plan's state and its open tasks (never content: that is in
 * PostgreSQL).
 */
export async function planOfAction({ planId, carry }: PlanOfActionInput): Promise<PlanState> {
  const plan = await act.preparePlan({ planId });
  const s = plan.settings;
  const c: PlanCarry = carry ?? {
    phase: 'drafting',
    generation: 0,
    round: 0,
    year: plan.periodStart,
    currentSeq: null,
    endorsedSeq: null,
    sectionSubmissions: [],
    openTasks: [],
    revisionRequested: false,
    renstraOpened: false,
    runs: 0,
  };
  const lastYear = plan.periodStart + plan.periodYears - 1;
  const state: PlanState = { phase: c.phase, stage: 'drafting', round: c.round, generation: c.generation, year: c.year, currentSeq: c.currentSeq, endorsedSeq: c.endorsedSeq, outsideStepOpen: false, runs: c.runs };
  setHandler(planStateQuery, () => ({ ...state, generation: c.generation, round: c.round, currentSeq: c.currentSeq, endorsedSeq: c.endorsedSeq, year: c.year }));
  const common = {
    jurisdictionCode: plan.jurisdictionCode,
    reminderWorkingDays: s.taskReminderWorkingDays,
    escalationWorkingDays: s.escalationWorkingDays,
    escalationRole: s.roles.escalation,
  } satisfies Partial<TaskRequest>;
  const context = (extra: Partial<PlanTaskContext> = {}): PlanTaskContext => ({ kind: 'plan', planId, planTitle: plan.title, stage: state.stage, ...extra });
  const now = () => new Date().toISOString();

  // Stages and who holds the plan in each: the timeline and the analytics.
  let holder: TaskAssignee | null = null;
  const enterStage = async (stage: PlanStage, who: TaskAssignee | null, extra: { status?: 'draft' | 'endorsed' | 'under_revision' | 'closed' } = {}) => {
    state.stage = stage;
    holder = who;
    await act.recordStage({ planId, spanId: uuid4(), stage, round: c.round, holder: who, at: now(), generation: c.generation, ...extra });
  };

  // Work handed on by tasks when they are decided, wherever they were opened (this run or an earlier one).
  let busy = 0;
  const track = (task: HumanTask, request: TaskRequest) => {
    void task.result.then(async (result) => {
      busy += 1;
      try {
        await afterTask(request, result);
      } finally {
        busy -= 1;
      }
    });
    return task;
  };
  const open = (request: TaskRequest) => track(startHumanTask(PLAN_PROCESS_KEY, planId, request), request);
  // The annual and end-of-period reports, step by step (annual-report.ts); their state travels with the run's.
  c.reports ??= [];
  const reports = reportChains({ plan, chains: c.reports, common, context, open, prefill: act.reportPrefill });

  async function afterTask(request: TaskRequest, result: TaskResult): Promise<void> {
    const ctx = request.context as PlanTaskContext | undefined;
    if (result.outcome === 'cancelled') return;
    if (await reports.afterTask(request, result)) return;
    if (request.step === 'progress' && ctx?.period) {
      await act.recordProgress({ planId, period: ctx.period, agencyId: request.assignee.agencyId, taskId: result.taskId, submissionId: result.submissionId, opened: false });
    } else if (request.step === 'integration' && ctx?.document) {
      await act.recordIntegration({ planId, agencyId: request.assignee.agencyId, document: ctx.document, fiscalYear: ctx.fiscalYear ?? 0, taskId: result.taskId, submissionId: result.submissionId, status: 'done' });
    } else if (request.step === 'budget-approval' && ctx?.fiscalYear) {
      // The approved proposals become allocations (approved by the DPRD); then the step is done.
      await act.recordApprovedBudget({ planId, fiscalYear: ctx.fiscalYear, taskId: result.taskId, submissionId: result.submissionId });
      await act.recordIntegration({ planId, agencyId: request.assignee.agencyId, document: 'dprd_approval', fiscalYear: ctx.fiscalYear, taskId: result.taskId, submissionId: result.submissionId, status: 'done' });
    }
  }

  // Tasks an earlier run left open are watched here as if opened here.
  for (const carried of c.openTasks) track(resumeHumanTask(PLAN_PROCESS_KEY, planId, carried), carried.request);

  // Outside bodies (harmonisation, signature queue) stop the clock of whoever holds the draft.
  let heldTaskId: string | null = null;
  let outside: { stepId: string; stage: PlanStage; holder: TaskAssignee | null } | null = null;
  setHandler(
    startOutsideStepUpdate,
    async (step) => {
      outside = { stepId: step.stepId, stage: state.stage, holder };
      state.outsideStepOpen = true;
      await act.recordOutsideStep({ planId, ...step, round: c.round, at: now() });
      if (heldTaskId) pauseHumanTask(heldTaskId);
      state.stage = 'outside_body';
      return { stepId: step.stepId };
    },
    {
      validator: (_step) => {
        if (outside) refuse(PlanRefusal.OUTSIDE_STEP_OPEN, 'An outside step is already open');
        if (state.stage !== 'legal_review' && state.stage !== 'endorsement') refuse(PlanRefusal.WRONG_STAGE, `Plan is in stage ${state.stage}`);
      },
    },
  );
  setHandler(
    endOutsideStepUpdate,
    async (end) => {
      const step = outside as NonNullable<typeof outside>;
      await act.endOutsideStep({ planId, stepId: step.stepId, at: now(), referenceNumber: end.referenceNumber ?? null, date: end.date ?? null });
      if (heldTaskId) await restartHumanTaskClock(heldTaskId, step.stepId);
      outside = null;
      state.outsideStepOpen = false;
      await enterStage(step.stage, step.holder);
      return { stepId: step.stepId };
    },
    {
      validator: (end) => {
        if (!outside || outside.stepId !== end.stepId) refuse(PlanRefusal.NO_OUTSIDE_STEP, `No open outside step ${end.stepId}`);
      },
    },
  );
  let revisionUnderway = false;
  setHandler(
    openRevisionUpdate,
    (_request) => {
      c.revisionRequested = true;
      return { generation: c.generation + 1 };
    },
    {
      validator: (_request) => {
        if (c.phase !== 'monitoring' || revisionUnderway || c.revisionRequested) refuse(PlanRefusal.WRONG_STAGE, `Plan is in stage ${state.stage}${revisionUnderway ? ' (a revision is under way)' : ''}`);
      },
    },
  );
  let commentTasks: HumanTask[] = [];
  setHandler(
    closeCommentsUpdate,
    async (_request) => {
      const pending = commentTasks;
      for (const t of pending) await cancelHumanTask(t.taskId, { id: 'Masa tanggapan ditutup sekretariat.', en: 'The secretariat closed the comment period.' });
      return { closed: pending.length };
    },
    {
      validator: (_request) => {
        if (state.stage !== 'member_comments') refuse(PlanRefusal.WRONG_STAGE, `Plan is in stage ${state.stage}`);
      },
    },
  );

  /** Section tasks for `kinds`, in parallel; each lead's submission replaces the section's previous one. */
  async function draftSections(kinds: SubTaskForceKind[], how: { step: string; title: (name: string) => BilingualText; returnedFromTaskId?: string | null; prefill?: Map<SubTaskForceKind, Record<string, unknown>>; problems?: Map<SubTaskForceKind, BilingualText[]> }) {
    const results = await Promise.all(
      plan.sections
        .filter((section) => kinds.includes(section.subTaskForce))
        .map(async (section) => {
          const previous = c.sectionSubmissions.find((x) => x.subTaskForce === section.subTaskForce)?.submissionId ?? null;
          const result = await humanTask(PLAN_PROCESS_KEY, planId, {
            ...common,
            step: how.step,
            title: how.title(section.subTaskForce),
            formKey: 'poa-section',
            assignee: section.assignee,
            reassignRoles: [...new Set([section.assignee.role, s.roles.section, s.roles.secretariat])],
            due: { workingDays: how.step === 'section' ? s.sectionDraftingWorkingDays : s.sectionRevisionWorkingDays },
            outcomes: ['completed'],
            context: context({
              subTaskForce: section.subTaskForce,
              round: c.round,
              versionSeq: c.currentSeq ?? undefined,
              returnedFromTaskId: how.returnedFromTaskId ?? null,
              prefillFromSubmissionId: how.prefill?.has(section.subTaskForce) ? null : previous,
              prefill: how.prefill?.get(section.subTaskForce) ?? { subTaskForce: section.subTaskForce, ...(section.leadAgencyId ? { leadAgencyId: section.leadAgencyId } : {}) },
              ...(how.problems?.get(section.subTaskForce) ? { problems: how.problems.get(section.subTaskForce) } : {}),
            }),
          });
          return { subTaskForce: section.subTaskForce, submissionId: result.submissionId };
        }),
    );
    for (const r of results) c.sectionSubmissions = [...c.sectionSubmissions.filter((x) => x.subTaskForce !== r.subTaskForce), r];
  }

  /** Compiles the sections into the next version; sections the compiler refuses go back to their leads until it compiles. */
  async function compile(kind: 'compiled' | 'member_revision' | 'legal_round' | 'revision'): Promise<number> {
    for (;;) {
      const outcome = await act.compileVersion({ planId, versionId: uuid4(), kind, round: c.round, generation: c.generation, sections: c.sectionSubmissions });
      if (outcome.ok) {
        c.currentSeq = outcome.seq;
        return outcome.seq;
      }
      const problems = new Map<SubTaskForceKind, BilingualText[]>();
      for (const p of outcome.problems) for (const k of p.subTaskForce ? [p.subTaskForce] : plan.sections.map((x) => x.subTaskForce)) problems.set(k, [...(problems.get(k) ?? []), p.message]);
      await draftSections([...problems.keys()], { step: 'section-revision', title: (k) => ({ id: `Perbaiki bagian RAD (${subTaskForceName(k).id}): ${plan.title}`, en: `Fix the plan section (${subTaskForceName(k).en}): ${plan.title}` }), problems });
    }
  }

  /** Drafting, member comments, legal review rounds and the decree: the way to an endorsed version. */
  async function toEndorsement(first: { step: 'section' | 'revision'; prefill?: Map<SubTaskForceKind, Record<string, unknown>> }): Promise<void> {
    c.round = 0;
    await enterStage('drafting', null);
    await draftSections(
      plan.sections.map((x) => x.subTaskForce),
      { step: first.step === 'section' ? 'section' : 'section-revision', title: (k) => (first.step === 'section' ? { id: `Susun bagian RAD (${subTaskForceName(k).id}): ${plan.title}`, en: `Draft the plan section (${subTaskForceName(k).en}): ${plan.title}` } : { id: `Revisi bagian RAD (${subTaskForceName(k).id}): ${plan.title}`, en: `Revise the plan section (${subTaskForceName(k).en}): ${plan.title}` }), prefill: first.prefill },
    );
    await compile(first.step === 'section' ? 'compiled' : 'revision');

    // Every member agency comments on the compiled draft; the leads of the sections commented on revise.
    await enterStage('member_comments', null);
    commentTasks = plan.members.map((m) =>
      startHumanTask(PLAN_PROCESS_KEY, planId, {
        ...common,
        step: 'member-comment',
        title: { id: `Tanggapi rancangan RAD: ${plan.title}`, en: `Comment on the draft plan: ${plan.title}` },
        formKey: null,
        assignee: m.assignee,
        due: { workingDays: s.memberCommentWorkingDays },
        outcomes: ['completed'],
        context: context({ versionSeq: c.currentSeq ?? undefined }),
      }),
    );
    const decided = await Promise.all(commentTasks.map((t) => t.result));
    commentTasks = [];
    const commented = await act.commentedSections({ planId, taskIds: decided.filter((r) => r.outcome === 'completed' && r.commentCount > 0).map((r) => r.taskId) });
    if (commented.length) {
      await enterStage('section_revision', null);
      await draftSections(commented, { step: 'section-revision', title: (k) => ({ id: `Perbaiki bagian RAD sesuai tanggapan (${subTaskForceName(k).id}): ${plan.title}`, en: `Revise the plan section after comments (${subTaskForceName(k).en}): ${plan.title}` }) });
      await compile('member_revision');
    }

    // Legal review rounds: each return sends the commented sections back; each revision is a new version.
    let reviewedSeq: number | null = null;
    await draftReviewLoop<number>(
      {
        draft: async ({ returnedFromTaskId }) => {
          c.round += 1;
          await enterStage('legal_revision', null);
          const kinds = await act.commentedSections({ planId, taskIds: returnedFromTaskId ? [returnedFromTaskId] : [] });
          await draftSections(kinds.length ? kinds : plan.sections.map((x) => x.subTaskForce), { step: 'section-revision', title: (k) => ({ id: `Perbaiki bagian RAD sesuai telaah hukum (${subTaskForceName(k).id}): ${plan.title}`, en: `Revise the plan section after legal review (${subTaskForceName(k).en}): ${plan.title}` }), returnedFromTaskId });
          return compile('legal_round');
        },
        review: async (seq) => {
          if (c.round === 0) c.round = 1;
          await enterStage('legal_review', plan.legalReviewer);
          const task = startHumanTask(PLAN_PROCESS_KEY, planId, {
            ...common,
            step: 'legal-review',
            title: { id: `Telaah hukum RAD putaran ${c.round}: ${plan.title}`, en: `Legal review of the plan, round ${c.round}: ${plan.title}` },
            formKey: null,
            assignee: plan.legalReviewer,
            due: { workingDays: s.legalReviewWorkingDays },
            outcomes: ['approved', 'returned'],
            context: context({ round: c.round, versionSeq: seq, diffFromSeq: reviewedSeq }),
          });
          heldTaskId = task.taskId;
          const result = await task.result;
          heldTaskId = null;
          reviewedSeq = seq;
          return result;
        },
      },
      { work: c.currentSeq as number },
    );

    // The head of region's decree endorses the approved version.
    await enterStage('endorsement', plan.decreeHolder);
    const decreeTask = startHumanTask(PLAN_PROCESS_KEY, planId, {
      ...common,
      step: 'decree',
      title: { id: `Catat keputusan kepala daerah tentang RAD: ${plan.title}`, en: `Record the head of region's decree on the plan: ${plan.title}` },
      formKey: 'endorsement-decree',
      assignee: plan.decreeHolder,
      due: { workingDays: s.decreeWorkingDays },
      outcomes: ['completed'],
      context: context({ versionSeq: c.currentSeq ?? undefined, prefill: { periodStartYear: plan.periodStart, periodYears: plan.periodYears } }),
    });
    heldTaskId = decreeTask.taskId;
    const decree = await decreeTask.result;
    heldTaskId = null;
    await condition(() => !outside);
    const { monitoringFrequency } = await act.recordDecree({ planId, versionSeq: c.currentSeq as number, submissionId: decree.submissionId, at: now() });
    frequency = monitoringFrequency;
    c.endorsedSeq = c.currentSeq;
  }
  let frequency: 'quarterly' | 'semester' | 'annual' = 'quarterly';

  /** Continues as a new run (bounded history) with the plan's state and its open tasks. */
  async function nextRun(next: Partial<PlanCarry>): Promise<never> {
    await condition(() => busy === 0 && allHandlersFinished());
    // The task rows keep their full context (activity lists, pre-fill); the next run needs only what
    // `afterTask` reads, so the carried state stays small however many activities a plan has.
    const openTasks = openHumanTasks().map((t) => ({ ...t, request: { ...t.request, context: slimContext(t.request.context) } }));
    return continueAsNew<typeof planOfAction>({ planId, carry: { ...c, ...next, openTasks, runs: c.runs + 1 } });
  }

  if (c.phase === 'drafting') {
    await toEndorsement({ step: 'section' });
    c.phase = 'monitoring';
    await enterStage('integration', null, { status: 'endorsed' });
    return nextRun({ phase: 'monitoring', year: Math.max(plan.periodStart, Number(new Date().toISOString().slice(0, 4))) });
  }

  // Monitoring, one plan year per run.
  frequency = (await act.recordDecree({ planId, versionSeq: c.endorsedSeq as number, submissionId: null, at: now() })).monitoringFrequency;
  let year = c.year;
  let revision: Promise<void> | null = null;
  const runRevision = async () => {
    revisionUnderway = true;
    c.revisionRequested = false;
    c.generation += 1;
    const drafts = await act.revisionDrafts({ planId });
    const prefill = new Map(drafts.map((d) => [d.subTaskForce, d.prefill]));
    await enterStage('drafting', null, { status: 'under_revision' });
    await toEndorsement({ step: 'revision', prefill });
    await enterStage('monitoring', null, { status: 'endorsed' });
    c.renstraOpened = false;
    revisionUnderway = false;
  };
  const integrate = async (document: 'renstra' | 'renja' | 'rka', fiscalYear: number, due: TaskRequest['due']) => {
    const assignments = await act.integrationAssignments({ planId, document, fiscalYear });
    for (const a of assignments) {
      const task = open(integrationRequest(a, document, fiscalYear, due));
      await task.opened;
      await act.recordIntegration({ planId, agencyId: a.agencyId, document, fiscalYear, taskId: task.taskId, submissionId: null, status: 'open' });
    }
  };
  const integrationRequest = (a: AgencyAssignment, document: 'renstra' | 'renja' | 'rka', fiscalYear: number, due: TaskRequest['due']): TaskRequest => ({
    ...common,
    step: 'integration',
    title: {
      id: `Integrasikan kegiatan RAD ke ${document === 'renstra' ? 'Renstra' : document === 'renja' ? `Renja ${fiscalYear}` : `RKA ${fiscalYear}`}: ${plan.title}`,
      en: `Integrate the plan's activities into the ${document === 'renstra' ? 'Renstra' : document === 'renja' ? `Renja ${fiscalYear}` : `RKA ${fiscalYear}`}: ${plan.title}`,
    },
    formKey: 'agency-integration',
    assignee: a.assignee,
    due,
    outcomes: ['completed'],
    context: context({ stage: 'integration', document, fiscalYear, activities: a.activities, prefill: a.prefill }),
  });

  // Once the DPRD has approved the draft budget (30 November), the secretariat confirms which RKA
  // proposals it approved; only those count as allocated. Due by the budget regulation (31 December).
  const confirmApprovedBudget = async (fiscalYear: number) => {
    const { activities, prefill } = await act.budgetApprovalAssignment({ planId, fiscalYear });
    const task = open({
      ...common,
      step: 'budget-approval',
      title: { id: `Konfirmasi usulan RKA ${fiscalYear} yang disetujui DPRD: ${plan.title}`, en: `Confirm the RKA ${fiscalYear} proposals the DPRD approved: ${plan.title}` },
      formKey: 'budget-approval',
      assignee: plan.secretariat,
      due: { date: `${fiscalYear - 1}-12-31` },
      outcomes: ['completed'],
      context: context({ stage: 'integration', document: 'dprd_approval', fiscalYear, activities, prefill }),
    });
    await task.opened;
    await act.recordIntegration({ planId, agencyId: plan.secretariat.agencyId, document: 'dprd_approval', fiscalYear, taskId: task.taskId, submissionId: null, status: 'open' });
  };

  /** One plan year of events (budget calendar, reporting periods, the year-end reports), in date order. */
  const runYear = async (year: number): Promise<void> => {
    // The regional budget calendar for next year's budget (RKPD end of May → Renja; KUA-PPAS end of July →
    // RKA end of September; draft budget to the DPRD in the first week of October; DPRD approval 30
    // November → the secretariat confirms the approved proposals; budget regulation 31 December), and the
    // reporting periods of this year; in date order.
    const events: { on: string; run: () => Promise<void> }[] = [];
    if (!c.renstraOpened) {
      c.renstraOpened = true;
      events.push({ on: `${year}-01-01`, run: () => integrate('renstra', 0, { workingDays: s.integrationWorkingDays }) });
    }
    if (year < lastYear) {
      events.push({ on: `${year}-01-01`, run: () => integrate('renja', year + 1, { date: `${year}-05-31` }) });
      events.push({ on: `${year}-08-01`, run: () => integrate('rka', year + 1, { date: `${year}-09-30` }) });
      events.push({ on: `${year}-11-30`, run: () => confirmApprovedBudget(year + 1) });
    }
    for (const p of reportingPeriods(year, frequency)) {
      events.push({
        on: p.opensOn,
        run: async () => {
          // A revision under way holds the plan's stage; monitoring of the endorsed version goes on beside it.
          if (!revisionUnderway) await enterStage('monitoring', null);
          for (const a of await act.progressAssignments({ planId, period: p.period, year })) {
            const task = open({
              ...common,
              step: 'progress',
              title: { id: `Laporan kemajuan ${p.period}: ${plan.title}`, en: `Progress report ${p.period}: ${plan.title}` },
              formKey: 'quarterly-activity-progress',
              assignee: a.assignee,
              due: { workingDays: s.progressReportWorkingDays },
              outcomes: ['completed'],
              context: context({ stage: 'monitoring', period: p.period, fiscalYear: year, activities: a.activities, prefill: a.prefill }),
            });
            await task.opened;
            await act.recordProgress({ planId, period: p.period, agencyId: a.agencyId, taskId: task.taskId, submissionId: null, opened: true });
          }
        },
      });
    }
    // After the year's last period: the annual evaluation (OECD/DAC criteria) and the annual report's chain.
    events.push({
      on: `${year + 1}-01-01`,
      run: async () => {
        // Its row is written before the run may continue as new (a carried task keeps no pre-fill).
        await open({ ...common, step: 'annual-evaluation', title: { id: `Evaluasi tahunan ${year} (kriteria OECD/DAC): ${plan.title}`, en: `Annual evaluation ${year} (OECD/DAC criteria): ${plan.title}` }, formKey: 'annual-evaluation', assignee: plan.secretariat, due: { workingDays: s.evaluationWorkingDays }, outcomes: ['completed'], context: context({ stage: 'monitoring', fiscalYear: year, prefill: { year } }) }).opened;
        await reports.start('annual', year);
      },
    });
    events.sort((a, b) => a.on.localeCompare(b.on));
    for (const event of events) {
      // A revision asked for while waiting starts at once and runs beside monitoring.
      for (;;) {
        const wait = jakartaStart(event.on) - Date.now();
        if (wait <= 0) break;
        if (await condition(() => c.revisionRequested, wait)) revision ??= runRevision().finally(() => (revision = null));
        else break;
      }
      await event.run();
    }
  };

  await runYear(year);
  // A revision still under way at the year's end (review can take months) does not hold up the next
  // year: its monitoring and budget calendar run beside it in this run, and the history restarts at the
  // first year's end with no revision under way (the revision's tasks and rounds live in this run).
  while (revision && year < lastYear && patched('monitoring-beside-revision-across-years')) {
    year += 1;
    c.year = year;
    await runYear(year);
  }
  if (revision) await revision;

  if (year >= lastYear) {
    // The end of the period: the five-year (or three-year) report travels the same chain; the plan closes once it is published.
    await reports.start('final', lastYear);
    await condition(() => reports.done('final', lastYear));
    // Reports nobody sent by the end of the period are closed with the plan (they stay in the reporting gaps).
    for (const t of openHumanTasks()) await cancelHumanTask(t.taskId, { id: 'Periode RAD telah berakhir.', en: 'The plan period has ended.' });
    await condition(() => busy === 0 && allHandlersFinished());
    await enterStage('closed', null, { status: 'closed' });
    c.phase = 'closed';
    state.phase = 'closed';
    return state;
  }
  return nextRun({ year: year + 1 });
}
