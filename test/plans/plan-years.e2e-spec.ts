import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FORM_LIBRARY } from '@gugus/forms';
import { eventually, type RunningApi, sequentialSteps, type ServiceProcess, startWorker } from '../support';
import { repoRoot } from '../support/engines';
import { temporalClient } from '../support/temporal';
import { clockSkipper } from '../support';
import { type Api, startWestJavaStack } from './support';

/**
 * Issue 10, acceptance 1 (the years): a West Java 2027–2031 plan of 6 sections × 80 activities (480)
 * on the time-skipping server, through the API and worker, for its whole five-year period. Settings
 * changed after the start leave the plan's deadlines alone; the reviewer's due date and reminder fall on
 * working days across a declared holiday and cuti bersama, and the reminder goes to whoever holds the
 * draft. Each year the history restarts (continue-as-new) with the open tasks carried over — reports an
 * agency leaves open are still answered in the next run — and each run's history stays under asserted
 * limits. The 2027 annual performance report travels the whole chain — each Sub-TF's part (opened in the
 * 2027 run, answered in the 2028 run) → compiled by the secretariat from the parts → the steering chair →
 * the chair returns it once, then approves → the plenary's minutes → the head of region and the public —
 * with each step's assignee checked; a revision in year 2 carries the
 * unfinished activities over with their ids and progress history while the endorsed version and its
 * decree stand; the second year's quarterly tasks list the revised version's activities; the plan closes
 * once the end-of-period report has travelled the same chain.
 */
const DAY = 24 * 3600 * 1000;
const WIB = 7 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const at = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
/** 80 as the issue asks; PLAN_YEARS_PER_SECTION makes a quicker run while working on the process. */
const PER_SECTION = Number(process.env['PLAN_YEARS_PER_SECTION'] ?? 80);
const DINSOS_ACTIVITIES = 6 * Math.ceil(PER_SECTION / 2);
/** Per run of the plan's workflow (one plan year of 480 activities with two reporting agencies). */
const MAX_EVENTS_PER_RUN = 1_500;
const MAX_HISTORY_BYTES_PER_RUN = 4 * 1024 * 1024;

type Task = { id: string; step: string; status: string; dueAt: string; assignee: { agencyId: string; role: string } };
type Activity = { activityId: string; answers: { code: string; responsibleAgencyId: string } };
type Section = { subTaskForce: string; activities: Activity[] };

const fixture = (key: string, name: string) => structuredClone((FORM_LIBRARY.find((f) => f.definition.key === key)?.valid as Record<string, unknown>)[name]) as Record<string, unknown>;

// Five simulated years of reports on 480 activities take minutes of real time on two cores.
jest.setTimeout(900_000);

describe('plan of action: five years of a 480-activity plan, months in seconds', () => {
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  const holidays = new Set<string>();
  const added: string[] = [];
  let police = '';
  let planId = '';
  const step = sequentialSteps();
  /** Where the real time goes (written to tmp/ with the run figures). */
  const timings: string[] = [];
  let stalls = 0;

  const skipTo = clockSkipper(() => env, () => (stalls += 1));
  const openTasks = async (who: string, name: string): Promise<Task[]> => ((await as[who].get(`/tasks?processId=${planId}&status=open&limit=100`)).body.items as Task[]).filter((t) => t.step === name);
  const tasksOf = (who: string, name: string, n: number) =>
    eventually(async () => {
      const tasks = await openTasks(who, name);
      return tasks.length === n ? tasks : undefined;
    }, 120_000, `${who} to see ${n} open ${name} task(s)`);
  async function decide(who: string, taskId: string, body: Record<string, unknown>) {
    const res = await as[who].post(`/tasks/${taskId}/decision`, body);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
  }
  const plan = async () => (await as.secretariat.get(`/plans/${planId}`)).body;
  const planWhen = (test: (p: Record<string, unknown> & { stage: string; status: string }) => boolean, what: string) =>
    eventually(async () => {
      const p = await plan();
      return test(p) ? p : undefined;
    }, 120_000, what);
  /** `n` working days after `date` on the test's own calendar (Mon–Fri minus holidays). */
  function workingDaysAfter(date: string, n: number): string {
    let ms = Date.parse(`${date}T00:00:00Z`);
    for (let left = Math.abs(n); left > 0; ) {
      ms += Math.sign(n) * DAY;
      const d = new Date(ms);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(d.toISOString().slice(0, 10))) left -= 1;
    }
    return new Date(ms).toISOString().slice(0, 10);
  }
  const isWorkingDay = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) && !holidays.has(date);
  const workflow = () => temporalClient(env.connection).workflow.getHandle(`plan-${planId}`);
  /** Notes the run in progress; its whole history is measured at the end, once every run has closed. */
  const runIds: string[] = [];
  async function noteRun(): Promise<string> {
    const { runId } = await workflow().describe();
    if (!runIds.includes(runId)) runIds.push(runId);
    return runId;
  }

  function sectionData(kind: string, index: number): Record<string, unknown> {
    const template = (fixture('poa-section', 'west-java-prevention') as { activities: Record<string, unknown>[] }).activities[0];
    return {
      subTaskForce: kind,
      leadAgencyId: kind === 'social_rehabilitation_repatriation_reintegration' ? agency['Dinas Sosial Provinsi Jawa Barat'] : agency['DP3AKB Provinsi Jawa Barat'],
      problemStatement: `Masalah utama bagian ${index + 1}, berbasis data agregat.`,
      activities: Array.from({ length: PER_SECTION }, (_, i) => ({
        ...template,
        code: `${index + 1}.${i + 1}`,
        activity: `Kegiatan ${index + 1}.${i + 1}`,
        baseline: 0,
        target: 100 + i,
        // Activity 1.1 runs in 2027 only (it will be finished); the rest run the whole period.
        startQuarter: '2027-Q1',
        endQuarter: index === 0 && i === 0 ? '2027-Q4' : '2031-Q4',
        responsibleAgencyId: i % 2 === 0 ? agency['Dinas Sosial Provinsi Jawa Barat'] : police,
        implementingAgencyIds: [agency['Dinas Sosial Provinsi Jawa Barat']],
        budgetLines: [{ description: 'Honorarium narasumber', units: 1 + (i % 7), unitName: 'orang', unitCost: 250_000, budgetSource: 'apbd_province', costCategory: 'operational', fiscalYear: 2027 }],
      })),
    };
  }

  /** Dinas Sosial reports a period: its activities in progress, 1.1 completed from Q4 2027. */
  async function dinsosReports(period: string) {
    const started = Date.now();
    const [task] = await eventually(async () => {
      const tasks = (await openTasks('dinsos', 'progress')) as Task[];
      const mine = [];
      for (const t of tasks) if ((await as.dinsos.get(`/tasks/${t.id}`)).body.context.period === period) mine.push(t);
      return mine.length === 1 ? mine : undefined;
    }, 120_000, `Dinas Sosial's ${period} progress task`);
    const page = (await as.dinsos.get(`/tasks/${task.id}`)).body;
    const codes = (page.context.activities as { code: string }[]).map((a) => a.code);
    const data = {
      agencyId: agency['Dinas Sosial Provinsi Jawa Barat'],
      quarter: period,
      activities: codes.map((code) => ({ activityCode: code, achievedValue: 5, status: code === '1.1' && period >= '2027-Q4' ? 'completed' : 'in_progress', spent: 100_000, narrative: 'Berjalan.' })),
    };
    const found = Date.now();
    await decide('dinsos', task.id, { outcome: 'completed', data });
    timings.push(`${period}: found in ${found - started} ms, decided in ${Date.now() - found} ms`);
    return codes;
  }

  /**
   * Takes a performance report through its chain, checking who holds each step: the Sub-TFs' parts (five
   * drafted by the secretariat, social rehabilitation by its lead, Dinas Sosial) → compiled by the
   * secretariat, starting from the parts → the steering chair → the chair (who may return it once: back to
   * the secretariat, round 2, starting from the returned report) → the plenary's minutes → the head of
   * region and the public.
   */
  async function travelReport(kind: 'annual' | 'final', year: number, { returnOnce }: { returnOnce: boolean }) {
    const step = (stage: string) => (stage === 'report' ? `${kind}-report` : `${kind}-report-${stage}`);
    const mine = async (who: string, stage: string, n: number) =>
      eventually(async () => {
        const found = [];
        for (const t of await openTasks(who, step(stage))) {
          const page = (await as[who].get(`/tasks/${t.id}`)).body;
          if (page.context.fiscalYear === year) found.push({ t, page });
        }
        return found.length === n ? found : undefined;
      }, 120_000, `${who} to see ${n} open ${step(stage)} task(s) for ${year}`);
    const secretariat = { agencyId: agency['DP3AKB Provinsi Jawa Barat'], role: 'secretariat' };
    const chair = { agencyId: agency['Sekretariat Daerah Provinsi Jawa Barat'], role: 'chair' };
    const expectHeldBy = (t: Task, who: { agencyId: string; role: string }) => expect({ step: t.step, agencyId: t.assignee.agencyId, role: t.assignee.role }).toEqual({ step: t.step, ...who });
    const reportFields = kind === 'annual' ? { reportType: 'annual', year } : { reportType: 'end_of_period', periodStartYear: 2027, periodEndYear: 2031 };

    const parts = [...(await mine('secretariat', 'part', 5)).map((x) => ({ who: 'secretariat', ...x })), ...(await mine('dinsos', 'part', 1)).map((x) => ({ who: 'dinsos', ...x }))];
    for (const { who, t, page } of parts) {
      expectHeldBy(t, who === 'dinsos' ? { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'agency_officer' } : secretariat);
      expect(page.form?.key).toBe('annual-performance-report');
      expect(page.initialData).toEqual({ ...reportFields, scope: 'sub_task_force', subTaskForce: page.context.subTaskForce });
      const data = { ...page.initialData, achievements: [{ item: `Capaian ${page.context.subTaskForce}`, target: 10, achieved: 8 }], budgetRealised: 1_000_000, obstacles: `Kendala ${page.context.subTaskForce}.`, recommendations: 'Lanjutkan.' };
      await decide(who, t.id, { outcome: 'completed', data });
    }
    let [{ t: compile, page }] = await mine('secretariat', 'report', 1);
    expectHeldBy(compile, secretariat);
    // Compiled from the six parts: a contribution and an achievement each, the budgets summed.
    expect(page.initialData).toEqual(expect.objectContaining({ ...reportFields, scope: 'task_force', budgetRealised: 6_000_000 }));
    expect((page.initialData.contributions as unknown[]).length).toBe(6);
    expect((page.initialData.achievements as unknown[]).length).toBe(6);
    await decide('secretariat', compile.id, { outcome: 'completed', data: { ...page.initialData, publicSummary: `Ringkasan ${year}` } });
    for (let round = 1; ; round += 1) {
      const [{ t: review }] = await mine('chair', 'review', 1);
      expectHeldBy(review, chair);
      await decide('chair', review.id, { outcome: 'approved' });
      const [{ t: approval, page: approvalPage }] = await mine('chair', 'approval', 1);
      expectHeldBy(approval, chair);
      expect(approvalPage.context.round).toBe(round);
      if (!(returnOnce && round === 1)) {
        await decide('chair', approval.id, { outcome: 'approved' });
        break;
      }
      await decide('chair', approval.id, { outcome: 'returned', comments: [{ text: 'Tambahkan capaian per kabupaten.' }] });
      [{ t: compile, page }] = await mine('secretariat', 'report', 1);
      expectHeldBy(compile, secretariat);
      expect({ round: page.context.round, comments: page.returnedComments, summary: page.initialData.publicSummary }).toEqual({ round: 2, comments: [{ text: 'Tambahkan capaian per kabupaten.' }], summary: `Ringkasan ${year}` });
      await decide('secretariat', compile.id, { outcome: 'completed', data: { ...page.initialData, publicSummary: `Ringkasan ${year}, per kabupaten` } });
    }
    const [{ t: plenary, page: plenaryPage }] = await mine('secretariat', 'plenary', 1);
    expectHeldBy(plenary, secretariat);
    expect(plenaryPage.form?.key).toBe('performance-report-plenary');
    await decide('secretariat', plenary.id, { outcome: 'completed', data: fixture('performance-report-plenary', 'west-java-2028-plenary') });
    const [{ t: release, page: releasePage }] = await mine('secretariat', 'release', 1);
    expectHeldBy(release, secretariat);
    expect(releasePage.form?.key).toBe('performance-report-release');
    await decide('secretariat', release.id, { outcome: 'completed', data: fixture('performance-report-release', 'west-java-2028') });
  }

  beforeAll(async () => {
    const stack = await startWestJavaStack({ chair: 'ketua.jabar@gugus.test', dinsos: 'dinsos.jabar@gugus.test', legal: 'hukum.jabar@gugus.test', sysadmin: 'admin@gugus.test' }, 'Kepolisian Daerah Jawa Barat (uji lima tahun)');
    ({ env, api, db, police } = stack);
    Object.assign(as, stack.as);
    Object.assign(agency, stack.agency);
    const settings = stack.settings;
    // The province's settings before the plan starts: legal review rounds of 15 working days.
    const saved = await as.admin.post('/process-settings/plan-of-action/32', { settings: { ...(await as.admin.get('/process-settings/plan-of-action?jurisdictionCode=32')).body.effective.settings, legalReviewWorkingDays: 15 }, note: 'Uji: telaah 15 hari kerja' });
    expect(saved.status).toBe(201);
    // A holiday and a day of cuti bersama in the weeks the legal review will run (weekdays that are not holidays yet).
    const now = await env.currentTimeMs();
    for (const year of new Set([jakartaDate(now).slice(0, 4), String(Number(jakartaDate(now).slice(0, 4)) + 1)])) {
      const list = await as.sysadmin.get(`/holidays?year=${year}`);
      for (const h of list.body.items ?? list.body) holidays.add(h.date as string);
    }
    for (let ms = now + 7 * DAY; added.length < 2; ms += DAY) {
      const date = jakartaDate(ms);
      if (!isWorkingDay(date)) continue;
      const kind = added.length === 0 ? 'national_holiday' : 'cuti_bersama';
      const put = await as.sysadmin.put(`/holidays/${date}`, { kind, nameId: `Libur uji RAD ${added.length + 1}`, nameEn: `Plan test holiday ${added.length + 1}` });
      expect(put.status).toBe(200);
      holidays.add(date);
      added.push(date);
      ms += 2 * DAY;
    }
    worker = await startWorker(settings);
  });

  afterAll(async () => {
    if (worker) writeFileSync(join(repoRoot, 'tmp/plan-years-worker.log'), worker.output());
    writeFileSync(join(repoRoot, 'tmp/plan-years-timings.txt'), [...timings, `time-skipping stalls released: ${stalls}`].join('\n'));
    await worker?.stop();
    for (const date of added) await as.sysadmin?.call('DELETE', `/holidays/${date}`);
    await api?.stop();
    await db?.end();
    await env?.teardown();
  });

  step('the plan starts with the settings in force; a later settings version does not touch it', async () => {
    const res = await as.secretariat.post('/plans', { jurisdictionCode: '32', periodStart: 2027, periodYears: 5, workingGroup: [{ agencyId: agency['DP3AKB Provinsi Jawa Barat'], positionTitle: 'Sekretaris Gugus Tugas', part: 'facilitator' }] });
    expect(res.status).toBe(201);
    planId = res.body.id;
    const later = await as.admin.post('/process-settings/plan-of-action/32', { settings: { ...(await as.admin.get('/process-settings/plan-of-action?jurisdictionCode=32')).body.effective.settings, legalReviewWorkingDays: 60 }, note: 'Uji: diubah saat RAD berjalan' });
    expect(later.status).toBe(201);
    await noteRun();
  });

  step('six sections of 80 activities each are drafted and compiled into one 480-activity version', async () => {
    const p = await plan();
    for (const who of ['secretariat', 'dinsos'] as const) {
      for (const t of await tasksOf(who, 'section', who === 'secretariat' ? 5 : 1)) {
        const kind = (await as[who].get(`/tasks/${t.id}`)).body.context.subTaskForce as string;
        await decide(who, t.id, { outcome: 'completed', data: sectionData(kind, (p.sectionKinds as string[]).indexOf(kind)) });
      }
    }
    const compiled = await planWhen((x) => (x.versions as unknown[]).length === 1, 'version 1');
    expect((compiled.current as { activityCount: number }).activityCount).toBe(6 * PER_SECTION);
    const [comment] = await tasksOf('dinsos', 'member-comment', 1);
    await decide('dinsos', comment.id, { outcome: 'completed' });
  });

  step("the reviewer's due date counts 15 working days over the holiday and cuti bersama; the reminder is on a working day and reaches the reviewer", async () => {
    const [review] = await tasksOf('legal', 'legal-review', 1);
    const row = (await db.query(`SELECT created_at, due_at, remind_at FROM tasks WHERE id = $1`, [review.id])).rows[0];
    const opened = jakartaDate(Date.parse(row.created_at));
    // 15 (captured), not 60 (saved after the start), and stepping over both added days.
    expect(jakartaDate(Date.parse(row.due_at))).toBe(workingDaysAfter(opened, 15));
    expect(added.every((d) => d > opened && d <= jakartaDate(Date.parse(row.due_at)))).toBe(true);
    const remind = jakartaDate(Date.parse(row.remind_at));
    expect(isWorkingDay(remind)).toBe(true);
    expect(remind).toBe(workingDaysAfter(jakartaDate(Date.parse(row.due_at)), -2));
    await skipTo(Date.parse(row.remind_at) + 3600_000);
    const legalPerson = (await db.query(`SELECT id FROM people WHERE email = 'hukum.jabar@gugus.test'`)).rows[0].id;
    await eventually(async () => ((await db.query(`SELECT 1 FROM notifications WHERE kind = 'task_reminder' AND recipient_person_id = $1 AND dedupe_key = $2`, [legalPerson, `task:${review.id}:reminder`])).rowCount ? true : undefined), 60_000, "the reviewer's reminder");
    await decide('legal', review.id, { outcome: 'approved' });
    const [decree] = await tasksOf('chair', 'decree', 1);
    await decide('chair', decree.id, { outcome: 'completed', data: { ...fixture('endorsement-decree', 'west-java-2026-2030'), periodStartYear: 2027, periodYears: 5, decreeNumber: '463/Kep.1-DP3AKB/2027' } });
    await planWhen((x) => x.status === 'endorsed', 'endorsement');
    const activityId = ((await plan()).current.content.sections as Section[])[0].activities[0].activityId;
    expect((await as.secretariat.post(`/plans/${planId}/allocations`, { activityId, fiscalYear: 2027, amount: 2_000_000, budgetSource: 'apbd_province', approvedByParliament: true })).status).toBe(201);
  });

  step('2027: Dinas Sosial reports every quarter (240 activities each); the police never do; the year ends with evaluation and report tasks', async () => {
    for (const [date, period] of [['2027-04-01', '2027-Q1'], ['2027-07-01', '2027-Q2'], ['2027-10-01', '2027-Q3']] as const) {
      await skipTo(at(date));
      expect(await dinsosReports(period)).toHaveLength(DINSOS_ACTIVITIES);
    }
    const beforeBoundary = await noteRun();
    await skipTo(at('2028-01-01'));
    await tasksOf('secretariat', 'annual-evaluation', 1);
    // The report's parts are opened in the 2027 run: five for the secretariat, one for Dinas Sosial (its Sub-TF's lead).
    await tasksOf('secretariat', 'annual-report-part', 5);
    await tasksOf('dinsos', 'annual-report-part', 1);
    // The plan page shows the report at the Sub-TFs' parts, held by the secretariat and Dinas Sosial.
    const atParts = ((await plan()).reports as { kind: string; year: number; step: string; partsTotal: number; heldBy: unknown[] }[]).find((r) => r.kind === 'annual' && r.year === 2027);
    expect(atParts).toEqual(expect.objectContaining({ step: 'part', partsTotal: 6, partsDone: 0 }));
    expect(atParts?.heldBy).toHaveLength(6);
    // The run for 2027 ended; the one for 2028 carries Q4's open reports and the police's unanswered ones.
    await eventually(async () => ((await workflow().describe()).runId !== beforeBoundary ? true : undefined), 60_000, 'the 2028 run');
    expect((await workflow().query<{ runs: number; year: number }>('planState'))).toEqual(expect.objectContaining({ runs: 2, year: 2028 }));
    const policeOpen = (await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND step = 'progress' AND status = 'open' AND assignee_agency_id = $2`, [planId, police])).rows[0].n;
    expect(policeOpen).toBe(4);
  });

  step("reports opened in the 2027 run are answered in the 2028 run; the annual performance report travels the whole chain (the chair returns it once)", async () => {
    const codes = await dinsosReports('2027-Q4');
    expect(codes).toContain('1.1');
    await eventually(async () => ((await db.query(`SELECT count(*)::int AS n FROM plan_progress WHERE plan_id = $1 AND period = '2027-Q4'`, [planId])).rows[0].n === DINSOS_ACTIVITIES ? true : undefined), 60_000, 'Q4 2027 recorded');
    // Opened in the 2027 run, decided in the 2028 run: each decision hands the report on to its next holder.
    await travelReport('annual', 2027, { returnOnce: true });
    const [evaluation] = await tasksOf('secretariat', 'annual-evaluation', 1);
    const evaluationPage = (await as.secretariat.get(`/tasks/${evaluation.id}`)).body;
    expect({ form: evaluationPage.form?.key, initialData: evaluationPage.initialData }).toEqual({ form: 'annual-evaluation', initialData: { year: 2027 } });
    await decide('secretariat', evaluation.id, { outcome: 'completed', data: fixture('annual-evaluation', 'west-java-2027') });
    expect(((await plan()).reports as { kind: string; year: number }[]).find((r) => r.kind === 'annual' && r.year === 2027)).toEqual(expect.objectContaining({ step: 'done', round: 2, heldBy: [], cancelled: false }));
    // The whole chain is done: no step of the 2027 report is left open.
    expect((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND step LIKE 'annual-%' AND status = 'open'`, [planId])).rows[0].n).toBe(0);
  });

  let carried: Activity;
  step('a revision in 2028 carries the unfinished activities over with their ids; the endorsed version, its decree and its allocations stand', async () => {
    const before = await plan();
    const endorsedSeq = before.endorsedVersionSeq as number;
    const sections = before.current.content.sections as Section[];
    // 1.3: one of Dinas Sosial's (the police never report), in progress since 2027.
    carried = sections[0].activities[2];
    const opened = await as.secretariat.post(`/plans/${planId}/revision`, { reason: 'Evaluasi 2027: kegiatan 1.1 selesai, target lain disesuaikan.' });
    expect(opened.status).toBe(201);
    const secretariatSections = await tasksOf('secretariat', 'section-revision', 5);
    const first = [];
    for (const t of secretariatSections) first.push({ t, page: (await as.secretariat.get(`/tasks/${t.id}`)).body });
    const prevention = first.find((x) => x.page.context.subTaskForce === 'prevention_child_participation');
    const prefilled = prevention?.page.initialData.activities as { code: string }[];
    // 1.1 was reported completed: it does not carry over; 1.2 … 1.80 do.
    expect(prefilled.map((a) => a.code)).not.toContain('1.1');
    expect(prefilled).toHaveLength(PER_SECTION - 1);
    for (const { t, page } of first) await decide('secretariat', t.id, { outcome: 'completed', data: page.initialData });
    const [social] = await tasksOf('dinsos', 'section-revision', 1);
    await decide('dinsos', social.id, { outcome: 'completed', data: (await as.dinsos.get(`/tasks/${social.id}`)).body.initialData });
    const revised = await planWhen((x) => (x.status as string) === 'under_revision' && (x.versions as unknown[]).length === 2, 'the revision compiled');
    const revisionSeq = (revised.versions as { seq: number; kind: string }[]).find((v) => v.kind === 'revision')?.seq as number;
    const version = (await as.secretariat.get(`/plans/${planId}/versions/${revisionSeq}`)).body;
    const carriedNow = (version.content.sections as Section[])[0].activities.find((a) => a.answers.code === carried.answers.code);
    expect(carriedNow?.activityId).toBe(carried.activityId);
    // Its progress history is the same activity's history.
    expect((revised.progress as { activityId: string }[]).filter((x) => x.activityId === carried.activityId).length).toBeGreaterThanOrEqual(4);
    // A budget against the unendorsed revision is refused; the endorsed version's allocations and decree stand.
    const refused = await as.secretariat.post(`/plans/${planId}/allocations`, { activityId: carried.activityId, fiscalYear: 2028, amount: 1, budgetSource: 'apbd_province', approvedByParliament: false, versionSeq: revisionSeq });
    expect({ status: refused.status, planStatus: refused.body.details?.planStatus }).toEqual({ status: 409, planStatus: 'under_revision' });
    expect(revised.endorsedVersionSeq).toBe(endorsedSeq);
    expect(revised.decree).toEqual(expect.objectContaining({ number: '463/Kep.1-DP3AKB/2027', versionSeq: endorsedSeq }));
    expect((revised.allocations as unknown[]).length).toBe(1);
    const [comment] = await tasksOf('dinsos', 'member-comment', 1);
    await decide('dinsos', comment.id, { outcome: 'completed' });
    const [review] = await tasksOf('legal', 'legal-review', 1);
    await decide('legal', review.id, { outcome: 'approved' });
    const [decree] = await tasksOf('chair', 'decree', 1);
    await decide('chair', decree.id, { outcome: 'completed', data: { ...fixture('endorsement-decree', 'west-java-2026-2030'), periodStartYear: 2027, periodYears: 5, decreeNumber: '463/Kep.2-DP3AKB/2028' } });
    const endorsed = await planWhen((x) => x.status === 'endorsed' && (x.endorsedVersionSeq as number) === revisionSeq, 'the revision endorsed');
    expect(endorsed.decree).toEqual(expect.objectContaining({ number: '463/Kep.2-DP3AKB/2028' }));
    // The old version is still readable as it was.
    const old = (await as.secretariat.get(`/plans/${planId}/versions/${endorsedSeq}`)).body;
    expect(old.activityCount).toBe(6 * PER_SECTION);
  });

  step("Q1 2028: Dinas Sosial's task lists the revised version's activities (1.1 finished and gone)", async () => {
    await skipTo(at('2028-04-01'));
    const codes = await dinsosReports('2028-Q1');
    expect(codes).toHaveLength(DINSOS_ACTIVITIES - 1);
    expect(codes).not.toContain('1.1');
  });

  step('years 3–5: the history restarts every year with the open tasks carried over, each run under the limits; the plan closes after the end-of-period report', async () => {
    for (const year of [2028, 2029, 2030, 2031]) {
      await noteRun();
      for (const [quarter, opens] of [['Q2', `${year}-07-01`], ['Q3', `${year}-10-01`], ['Q4', `${year + 1}-01-01`]] as const) {
        await skipTo(at(opens));
        await dinsosReports(`${year}-${quarter}`);
      }
      if (year < 2031) {
        await skipTo(at(`${year + 1}-04-01`));
        await dinsosReports(`${year + 1}-Q1`);
      }
    }
    // The end-of-period report travels the same chain; the plan closes once it is submitted and published.
    await travelReport('final', 2031, { returnOnce: false });
    const closed = await planWhen((x) => x.status === 'closed', 'the plan closed');
    expect(closed.stage).toBe('closed');
    // The end-of-period report was released; the later annual reports nobody took up closed with the plan.
    const reports = closed.reports as { kind: string; year: number; step: string; cancelled: boolean }[];
    expect(reports.find((r) => r.kind === 'final')).toEqual(expect.objectContaining({ year: 2031, period: '2027–2031', step: 'done', cancelled: false }));
    expect(reports.filter((r) => r.kind === 'annual').map((r) => [r.year, r.step, r.cancelled])).toEqual([
      [2027, 'done', false],
      [2028, 'part', true],
      [2029, 'part', true],
      [2030, 'part', true],
      [2031, 'part', true],
    ]);
    // One run for drafting to endorsement, then one per plan year.
    const state = await workflow().query<{ runs: number }>('planState');
    expect(state.runs).toBe(5);
    await noteRun();
    expect(runIds).toHaveLength(6);
    const runs = [];
    for (const runId of runIds) {
      const history = await temporalClient(env.connection).workflow.getHandle(`plan-${planId}`, runId).fetchHistory();
      runs.push({ runId, events: history.events?.length ?? 0, bytes: Buffer.byteLength(JSON.stringify(history)) });
    }
    for (const run of runs) {
      expect(run.events).toBeLessThan(MAX_EVENTS_PER_RUN);
      expect(run.bytes).toBeLessThan(MAX_HISTORY_BYTES_PER_RUN);
    }
    // The police's reports nobody sent stay visible as gaps; their tasks closed with the plan.
    expect((closed.reportingGaps as { agency: { id: string } }[]).every((g) => g.agency.id === police)).toBe(true);
    expect((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND status = 'open'`, [planId])).rows[0].n).toBe(0);
    writeFileSync(join(repoRoot, 'tmp/plan-years-runs.json'), JSON.stringify(runs, null, 2));
  });
});
