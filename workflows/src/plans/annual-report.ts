import type { BilingualText, PlanTaskContext, SubTaskForceKind } from '@gugus/contracts';
import { subTaskForceName } from '@gugus/plan';
import type { HumanTask } from '../tasks/human-task';
import type { TaskAssignee, TaskRequest, TaskResult } from '../tasks/task.messages';
import type { PlanActivities } from './plan.activities';
import type { PlanProcessPlan } from './plan.messages';

/** The annual performance report, or the end-of-period (3/5-year) report. */
export type ReportKind = 'annual' | 'final';

/**
 * One report on its way (seed 000 §4.9, L1293–1303): each Sub-TF's contribution (in parallel) → the
 * secretariat compiles → the steering chair (ketua harian) reviews → the chair approves (a return from
 * either goes back to the secretariat, round + 1) → the secretariat records the plenary's discussion and
 * its minutes → the report goes to the head of region and is published. Kept in the plan's carried
 * state, so a step opened in one run is handed on in the next.
 */
export interface ReportChain {
  kind: ReportKind;
  /** The year reported on (annual), or the period's last year (final). */
  year: number;
  round: number;
  parts: { subTaskForce: SubTaskForceKind; submissionId: string | null }[];
  /** The secretariat's latest compiled report (what the reviews are about, and where a return starts from). */
  compiledSubmissionId: string | null;
  /** Steps opened (`report:2`, `part:prevention…`): each opens once however its predecessors' decisions interleave. */
  opened: string[];
  done: boolean;
}

type ReportStage = 'part' | 'report' | 'review' | 'approval' | 'plenary' | 'release';
const STAGES: readonly ReportStage[] = ['part', 'report', 'review', 'approval', 'plenary', 'release'];

/** The task step of a stage: `annual-report-part` … `final-report-release` (`annual-report` is the compiling). */
export const reportStep = (kind: ReportKind, stage: ReportStage) => (stage === 'report' ? `${kind}-report` : `${kind}-report-${stage}`);

function parseStep(step: string): { kind: ReportKind; stage: ReportStage } | null {
  for (const kind of ['annual', 'final'] as const) for (const stage of STAGES) if (reportStep(kind, stage) === step) return { kind, stage };
  return null;
}

export interface ReportChainDeps {
  plan: PlanProcessPlan;
  /** The carried chains (mutated in place: they travel with the run's state). */
  chains: ReportChain[];
  common: Pick<TaskRequest, 'jurisdictionCode' | 'reminderWorkingDays' | 'escalationWorkingDays' | 'escalationRole'>;
  context: (extra?: Partial<PlanTaskContext>) => PlanTaskContext;
  /** Opens a task whose decision comes back through the plan's `afterTask` (this run or a later one). */
  open: (request: TaskRequest) => HumanTask;
  prefill: PlanActivities['reportPrefill'];
}

/** The report chains of a plan: `start` one, hand each decided step on with `afterTask`, ask whether one is `done`. */
export function reportChains({ plan, chains, common, context, open, prefill }: ReportChainDeps) {
  const s = plan.settings;
  const lastYear = plan.periodStart + plan.periodYears - 1;
  const find = (kind: ReportKind, year: number) => chains.find((x) => x.kind === kind && x.year === year);
  const periodLabel = (chain: ReportChain) => (chain.kind === 'annual' ? `${chain.year}` : `${plan.periodStart}–${lastYear}`);
  const name = (chain: ReportChain): BilingualText =>
    chain.kind === 'annual' ? { id: `laporan kinerja tahunan ${chain.year}`, en: `annual performance report ${chain.year}` } : { id: `laporan akhir periode RAD ${periodLabel(chain)}`, en: `end-of-period report ${periodLabel(chain)}` };
  /** What every answer of this report says about which report it is. */
  const reportFields = (chain: ReportChain) => (chain.kind === 'annual' ? { reportType: 'annual', year: chain.year } : { reportType: 'end_of_period', periodStartYear: plan.periodStart, periodEndYear: lastYear });

  function once(chain: ReportChain, key: string, request: () => TaskRequest | Promise<TaskRequest>): Promise<void> | void {
    if (chain.opened.includes(key)) return;
    // Marked before anything awaits, so a second decision handled meanwhile cannot open it again.
    chain.opened.push(key);
    // Waits for the task's row: a run continuing as new carries open tasks without their pre-fill, which
    // only the row keeps.
    return Promise.resolve(request()).then((r) => open(r).opened);
  }
  const task = (chain: ReportChain, stage: ReportStage, how: { title: BilingualText; assignee: TaskAssignee; formKey: string | null; outcomes: TaskRequest['outcomes']; extra?: Partial<PlanTaskContext> }): TaskRequest => ({
    ...common,
    step: reportStep(chain.kind, stage),
    title: { id: `${how.title.id}: ${plan.title}`, en: `${how.title.en}: ${plan.title}` },
    formKey: how.formKey,
    assignee: how.assignee,
    due: { workingDays: s.evaluationWorkingDays },
    outcomes: how.outcomes,
    context: context({ stage: 'monitoring', fiscalYear: chain.year, reportKind: chain.kind, reportPeriod: periodLabel(chain), round: chain.round, ...how.extra }),
  });
  const roundNote = (chain: ReportChain): BilingualText => (chain.round > 1 ? { id: ` (putaran ${chain.round})`, en: ` (round ${chain.round})` } : { id: '', en: '' });

  /** The secretariat compiles (round 1: pre-filled from the parts; later rounds: from the returned report). */
  const compile = (chain: ReportChain, returnedFromTaskId: string | null) =>
    once(chain, `report:${chain.round}`, async () => {
      const n = name(chain);
      const r = roundNote(chain);
      const start = returnedFromTaskId
        ? { returnedFromTaskId, prefillFromSubmissionId: chain.compiledSubmissionId }
        : { prefill: await prefill({ planId: plan.planId, report: { ...reportFields(chain), scope: 'task_force' }, parts: chain.parts }) };
      return task(chain, 'report', { title: { id: `Himpun ${n.id}${r.id}`, en: `Compile the ${n.en}${r.en}` }, assignee: plan.secretariat, formKey: 'annual-performance-report', outcomes: ['completed'], extra: start });
    });
  const review = (chain: ReportChain, stage: 'review' | 'approval') => {
    const n = name(chain);
    const r = roundNote(chain);
    return once(chain, `${stage}:${chain.round}`, () =>
      task(chain, stage, {
        title: stage === 'review' ? { id: `Telaah ketua harian atas ${n.id}${r.id}`, en: `Steering chair's review of the ${n.en}${r.en}` } : { id: `Setujui ${n.id}${r.id}`, en: `Approve the ${n.en}${r.en}` },
        assignee: stage === 'review' ? plan.steeringChair : plan.decreeHolder,
        formKey: null,
        outcomes: ['approved', 'returned'],
        extra: { reviewSubmissionId: chain.compiledSubmissionId },
      }),
    );
  };

  return {
    /** Asks every Sub-TF for its part of a report (the section's assignee: its lead, or the secretariat where there is none). */
    async start(kind: ReportKind, year: number): Promise<void> {
      let chain = find(kind, year);
      if (!chain) {
        chain = { kind, year, round: 1, parts: [], compiledSubmissionId: null, opened: [], done: false };
        chains.push(chain);
      }
      const c = chain;
      const n = name(c);
      for (const section of plan.sections) {
        const sub = subTaskForceName(section.subTaskForce);
        await once(c, `part:${section.subTaskForce}`, () =>
          task(c, 'part', {
            title: { id: `Kontribusi ${sub.id} untuk ${n.id}`, en: `${sub.en}: contribution to the ${n.en}` },
            assignee: section.assignee,
            formKey: 'annual-performance-report',
            outcomes: ['completed'],
            extra: { subTaskForce: section.subTaskForce, prefill: { ...reportFields(c), scope: 'sub_task_force', subTaskForce: section.subTaskForce } },
          }),
        );
      }
    },

    /** Hands a decided report step on; false when the task is not one of a report's. */
    async afterTask(request: TaskRequest, result: TaskResult): Promise<boolean> {
      const step = parseStep(request.step);
      if (!step) return false;
      const ctx = request.context as PlanTaskContext | undefined;
      const chain = find(step.kind, ctx?.fiscalYear ?? -1);
      if (!chain || result.outcome === 'cancelled') return true;
      const returned = async () => {
        chain.round += 1;
        await compile(chain, result.taskId);
      };
      switch (step.stage) {
        case 'part': {
          const kind = ctx?.subTaskForce as SubTaskForceKind;
          chain.parts = [...chain.parts.filter((p) => p.subTaskForce !== kind), { subTaskForce: kind, submissionId: result.submissionId }];
          if (plan.sections.every((x) => chain.parts.some((p) => p.subTaskForce === x.subTaskForce))) await compile(chain, null);
          break;
        }
        case 'report':
          chain.compiledSubmissionId = result.submissionId;
          await review(chain, 'review');
          break;
        case 'review':
          await (result.outcome === 'returned' ? returned() : review(chain, 'approval'));
          break;
        case 'approval': {
          if (result.outcome === 'returned') {
            await returned();
            break;
          }
          const n = name(chain);
          await once(chain, 'plenary', () =>
            task(chain, 'plenary', {
              title: { id: `Catat pembahasan ${n.id} dalam rapat pleno`, en: `Record the plenary's discussion of the ${n.en}` },
              assignee: plan.secretariat,
              formKey: 'performance-report-plenary',
              outcomes: ['completed'],
              extra: { reviewSubmissionId: chain.compiledSubmissionId },
            }),
          );
          break;
        }
        case 'plenary': {
          const n = name(chain);
          await once(chain, 'release', () =>
            task(chain, 'release', {
              title: { id: `Sampaikan ${n.id} kepada kepala daerah dan publikasikan`, en: `Submit the ${n.en} to the head of region and publish it` },
              assignee: plan.secretariat,
              formKey: 'performance-report-release',
              outcomes: ['completed'],
              extra: { reviewSubmissionId: chain.compiledSubmissionId },
            }),
          );
          break;
        }
        case 'release':
          chain.done = true;
          break;
      }
      return true;
    },

    done: (kind: ReportKind, year: number) => find(kind, year)?.done === true,
  };
}
