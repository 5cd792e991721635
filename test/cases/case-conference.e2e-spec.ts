import { join } from 'node:path';
import type { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addMonths, earliestChildClosure } from '@gugus/cases';
import type { CaseList, CaseView } from '@gugus/contracts';
import { agencyReferences, FORM_LIBRARY } from '@gugus/forms';
import { decodedHistory, eventually, launchChromium, screenshotDir, sequentialSteps, startWeb, submitLogin, temporalClient, type RunningApi } from '../support';
import { type Api, type CaseStack, fixture, startCaseStack, today } from './support';
import { clockSkipper } from '../support';

/**
 * Issue 11, step 5 — the case conference — through the built API and worker on a time-skipping Temporal
 * server. A girl presumed a victim is screened on a Friday afternoon: the coordinator's conference task is
 * due 48 clock hours later, on the Sunday (a deadline in hours, not working days), reminded halfway and
 * escalated at the deadline. The conference names an agency of another province (refused, the field
 * named), then assigns three actions to three agencies and calls a follow-up: each agency gets a task,
 * given to whoever there can act (an agency officer, else the case worker), and reads that one action's
 * words — not the conference's agenda — while other agencies get 404; every such read is audited. Then
 * step 10: the reintegration plan, her reunification, follow-up visits at months 1, 3, 6, 12, 18 and 24
 * counted from it (the clock skipped month by month), and closure — refused as "regained control" before
 * two years after reunification, accepted from that day. The workflow history holds the coded id and
 * none of the actions' words.
 */
type Task = { id: string; step: string; title: { id: string; en: string }; dueAt: string; assignee: { agencyId: string; role: string } };

const PROCESS = 'case-management';
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const WIB = 7 * HOUR;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const jakartaWeekday = (iso: string) => new Date(Date.parse(iso) + WIB).getUTCDay();
const ACTION_WORDS = 'Siapkan rumah aman sementara bagi anak (contoh fiktif, kata penanda Kenanga).';

describe('a girl\'s case: conference within 48 hours across a weekend, actions, reintegration, two years of follow-up, closure', () => {
  let stack: CaseStack;
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let caseId = '';
  let caseCode = '';
  let conferenceTask: Task;
  let reunifiedAt = '';
  const actionTasks: Task[] = [];
  const step = sequentialSteps();
  const skipTo = clockSkipper(() => env);

  const tasksOf = async (who: string, status = 'open') => ((await as[who].get(`/tasks?processKey=${PROCESS}&processId=${caseId}&status=${status}&limit=50`)).body as { items: Task[] }).items;
  const openTasks = (who: string, taskStep: string, n: number) =>
    eventually(async () => ((list) => (list.length === n ? list : undefined))((await tasksOf(who)).filter((t) => t.step === taskStep)), 120_000, `${n} open ${taskStep} task(s) for ${who}`);
  const caseView = async () => (await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView;
  const decide = async (who: string, taskId: string, data?: Record<string, unknown>) => as[who].post(`/tasks/${taskId}/decision`, { outcome: 'completed', ...(data ? { data } : {}) });

  beforeAll(async () => {
    stack = await startCaseStack('case_conference', { caseWorker: 'pekerja.jabar@gugus.test', coordinator: 'koordinator.jabar@gugus.test', dinsos: 'dinsos.jabar@gugus.test', dinkes: 'dinkes.bandung@gugus.test', kepri: 'admin.kepri@gugus.test' });
    ({ env, api, db } = stack);
    Object.assign(as, stack.as);
    agency['UPTD PPA Provinsi Jawa Barat'] = stack.agency.uptd;
    agency['Dinas Sosial Provinsi Jawa Barat'] = stack.agency.dinsos;
    agency['Dinas Kesehatan Kabupaten Bandung'] = stack.agency.dinkes;
    agency['kepri'] = (await db.query(`SELECT id FROM agencies WHERE jurisdiction_code LIKE '21%' ORDER BY name LIMIT 1`)).rows[0].id as string;
  });

  afterAll(async () => {
    await stack?.stop('case-conference');
  });

  step('a girl presumed a victim, screened on a Friday afternoon: the conference task is due 48 hours later, on the Sunday', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: agency['Dinas Kesehatan Kabupaten Bandung'], intakeChannel: 'police' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    const [intake] = await openTasks('caseWorker', 'intake', 1);
    expect((await decide('caseWorker', intake.id, fixture('case-intake', 'valid-indonesian-adult'))).status).toBe(200);
    const [screening] = await openTasks('caseWorker', 'screening', 1);

    // Friday 14:00 WIB, at least a day ahead of the server's clock.
    let friday = Date.parse(`${jakartaDate((await env.currentTimeMs()) + DAY)}T14:00:00+07:00`);
    while (new Date(friday + WIB).getUTCDay() !== 5) friday += DAY;
    await skipTo(friday);
    expect((await decide('caseWorker', screening.id, fixture('victim-screening', 'valid-child-sexual-no-means'))).status).toBe(200);

    [conferenceTask] = await openTasks('coordinator', 'conference', 1);
    expect(conferenceTask.title).toEqual({ id: `Konferensi kasus ${caseCode}`, en: `Case conference ${caseCode}` });
    expect(conferenceTask.assignee).toEqual(expect.objectContaining({ agencyId: agency['UPTD PPA Provinsi Jawa Barat'], role: 'case_coordinator' }));
    const view = (await as['coordinator'].get(`/tasks/${conferenceTask.id}`)).body;
    expect(view.form.key).toBe('case-conference');
    expect(view.context).toMatchObject({ kind: 'case', caseCode, step: 'conference', conferenceRound: 1 });
    // The case's team: agencies of Kabupaten Bandung and of West Java.
    expect(view.agencyJurisdictions).toEqual(['32.04', '32']);
    const created = Date.parse(view.createdAt);
    expect(jakartaWeekday(view.createdAt)).toBe(5);
    expect(Date.parse(view.dueAt) - created).toBe(48 * HOUR);
    expect(jakartaWeekday(view.dueAt)).toBe(0);
    expect(Date.parse(view.remindAt) - created).toBe(24 * HOUR);
    expect(jakartaWeekday(view.remindAt)).toBe(6);
    expect(view.escalateAt).toBe(view.dueAt);
    expect((await caseView()).stage).toBe('case_conference');
  });

  step('the reminder goes out on the Saturday and the escalation at the 48th hour, on the Sunday', async () => {
    const view = (await as['coordinator'].get(`/tasks/${conferenceTask.id}`)).body;
    await skipTo(Date.parse(view.dueAt) + 5 * 60_000);
    const after = await eventually(async () => {
      const v = (await as['coordinator'].get(`/tasks/${conferenceTask.id}`)).body;
      return v.escalatedAt ? v : undefined;
    }, 120_000, 'the conference task escalated');
    const kinds = (after.history as { kind: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'reminded', 'escalated']));
    expect(after.status).toBe('open');
  });

  step('a conference naming an agency of another province is refused, the field named; nothing opens', async () => {
    const data = fixture('case-conference', 'valid-child-no-follow-up');
    const uptd = agency['UPTD PPA Provinsi Jawa Barat'];
    Object.assign(data, { chairAgencyId: uptd, attendingAgencyIds: [uptd] });
    data['actions'] = [{ description: ACTION_WORDS, agencyId: agency['kepri'], dueDate: jakartaDate((await env.currentTimeMs()) + 3 * DAY), service: 'shelter' }];
    const res = await decide('coordinator', conferenceTask.id, data);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['data/actions/0/agencyId']);
    expect(JSON.stringify(res.body)).not.toContain('Kenanga');
    expect((await tasksOf('coordinator')).filter((t) => t.step === 'conference')).toHaveLength(1);
  });

  step('the conference assigns three actions to three agencies and calls a follow-up: a task each, at whoever there can act', async () => {
    const now = await env.currentTimeMs();
    const uptd = agency['UPTD PPA Provinsi Jawa Barat'];
    const dinsos = agency['Dinas Sosial Provinsi Jawa Barat'];
    const dinkes = agency['Dinas Kesehatan Kabupaten Bandung'];
    const data = fixture('case-conference', 'valid-child-no-follow-up');
    Object.assign(data, {
      conferenceDate: jakartaDate(now),
      chairAgencyId: uptd,
      attendingAgencyIds: [uptd, dinsos, dinkes],
      actions: [
        { description: ACTION_WORDS, agencyId: uptd, dueDate: jakartaDate(now + 2 * DAY), service: 'shelter' },
        { description: 'Asesmen kepentingan terbaik anak dan penunjukan wali (contoh fiktif).', agencyId: dinsos, dueDate: jakartaDate(now + 5 * DAY), service: 'child_protection' },
        { description: 'Pemeriksaan kesehatan lanjutan (contoh fiktif).', agencyId: dinkes, dueDate: jakartaDate(now + 4 * DAY) },
      ],
      followUpConferenceNeeded: true,
      followUpConferenceDate: jakartaDate(now + 7 * DAY),
    });
    expect((await decide('coordinator', conferenceTask.id, data)).status).toBe(200);

    const all = await eventually(async () => ((list) => (list.length === 3 ? list : undefined))((await (await Promise.all(['caseWorker', 'dinsos', 'dinkes'].map((who) => tasksOf(who)))).flat()).filter((t) => t.step === 'conference-action')), 120_000, 'three action tasks');
    const byNumber = [...all].sort((a, b) => a.title.id.localeCompare(b.title.id));
    actionTasks.push(...byNumber);
    expect(byNumber.map((t) => [t.title.id, t.assignee.agencyId, t.assignee.role, t.dueAt])).toEqual([
      [`Tindakan konferensi kasus ${caseCode} #1: Rumah aman / tempat penampungan sementara`, uptd, 'case_worker', new Date(`${jakartaDate(now + 2 * DAY)}T23:59:59+07:00`).toISOString()],
      [`Tindakan konferensi kasus ${caseCode} #2: Perlindungan khusus anak`, dinsos, 'agency_officer', new Date(`${jakartaDate(now + 5 * DAY)}T23:59:59+07:00`).toISOString()],
      [`Tindakan konferensi kasus ${caseCode} #3: tindakan`, dinkes, 'agency_officer', new Date(`${jakartaDate(now + 4 * DAY)}T23:59:59+07:00`).toISOString()],
    ]);
    // The follow-up conference is the next round, due on its date.
    const [followUp] = await openTasks('coordinator', 'conference', 1);
    expect(followUp.id).not.toBe(conferenceTask.id);
    expect(followUp.title.id).toBe(`Konferensi kasus lanjutan ${caseCode} (ke-2)`);
    expect(followUp.dueAt).toBe(new Date(`${jakartaDate(now + 7 * DAY)}T23:59:59+07:00`).toISOString());
    expect((await caseView()).stage).toBe('case_conference');
  });

  step('each agency reads its own action and nothing of the agenda; another agency gets 404; the reads are audited', async () => {
    const [uptdTask, dinsosTask, dinkesTask] = actionTasks;
    const read = (who: string, taskId: string, code = caseCode) => as[who].get(`/cases/${code}/conference-actions/${taskId}`);
    const own = await read('caseWorker', uptdTask.id);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ caseCode, taskId: uptdTask.id, round: 1, number: 1, description: ACTION_WORDS, service: 'shelter', serviceLabel: expect.objectContaining({ id: expect.any(String) }), dueDate: expect.any(String), conferenceDate: expect.any(String) });
    const dinkes = await read('dinkes', dinkesTask.id);
    expect([dinkes.status, dinkes.body.number, dinkes.body.service]).toEqual([200, 3, null]);
    expect(JSON.stringify(dinkes.body)).not.toMatch(/riskLevel|medicalConcerns|Kenanga/);
    // Not theirs, not this case's, another province, a malformed id.
    expect((await read('dinkes', dinsosTask.id)).status).toBe(404);
    expect((await read('dinsos', dinsosTask.id, '32.04-2020-9999')).status).toBe(404);
    expect((await read('kepri', uptdTask.id)).status).toBe(404);
    expect((await read('dinkes', 'not-a-task')).status).toBe(400);
    // The case team reads any of them.
    expect((await read('coordinator', dinsosTask.id)).status).toBe(200);
    // The holder's task page names the action's step in words.
    const page = (await as['dinsos'].get(`/tasks/${dinsosTask.id}`)).body;
    expect(page.context).toMatchObject({ step: 'conference-action', actionIndex: 1, conferenceRound: 1, service: 'child_protection' });
    expect(JSON.stringify(page)).not.toContain('Asesmen kepentingan');
    const audited = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case_action.read' AND target_id = $1`, [caseCode])).rows[0].n as number;
    expect(audited).toBe(3);
  });

  step('in the browser: Dinas Sosial reads its action on its task page; the coordinator\'s follow-up conference form offers the regency\'s and the province\'s agencies', async () => {
    const [web, browser] = await Promise.all([startWeb(api.url), launchChromium()]);
    try {
      const signIn = async (email: string) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
        const page = await context.newPage();
        await page.goto(`${web.url}/tugas`);
        await page.waitForURL(/\/masuk$/);
        await submitLogin(page, email);
        await page.waitForURL((url) => url.pathname === '/tugas');
        return page;
      };
      let page = await signIn('dinsos.jabar@gugus.test');
      await page.goto(`${web.url}/tugas/${actionTasks[1].id}`);
      await expect(page.getByTestId('conference-action-text').innerText()).resolves.toBe('Asesmen kepentingan terbaik anak dan penunjukan wali (contoh fiktif).');
      await page.getByText('Perlindungan khusus anak', { exact: true }).first().waitFor();
      await page.getByText('Tindakan hasil konferensi kasus', { exact: true }).first().waitFor();
      await page.screenshot({ path: join(screenshotDir, 'cases-conference-action.png'), fullPage: true });

      const [followUp] = await openTasks('coordinator', 'conference', 1);
      page = await signIn('koordinator.jabar@gugus.test');
      await page.goto(`${web.url}/tugas/${followUp.id}`);
      const chair = page.locator('#root_chairAgencyId');
      await chair.locator('option', { hasText: 'UPTD PPA Provinsi Jawa Barat' }).waitFor({ state: 'attached' });
      const offered = await chair.locator('option').allInnerTexts();
      expect(offered).toEqual(expect.arrayContaining(['UPTD PPA Provinsi Jawa Barat', 'Dinas Kesehatan Kabupaten Bandung', 'Dinas Sosial Provinsi Jawa Barat']));
      await chair.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'cases-conference-form.png') });

      // The case page's timeline: every step so far, the coded id only, no answer.
      await page.goto(`${web.url}/kasus/${caseCode}`);
      await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
      await page.getByTestId('case-purpose-submit').click();
      const timeline = page.getByTestId('case-timeline');
      await timeline.locator('[data-testid="timeline-item"][data-step="conference-action"]').first().waitFor();
      const steps = await timeline.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-step')));
      expect(steps.slice(0, 2)).toEqual(['intake', 'screening']);
      expect(steps).toEqual(expect.arrayContaining(['immediate-protection', 'conference', 'conference-action']));
      await expect(timeline.innerText()).resolves.not.toContain('Asesmen kepentingan');
      await page.screenshot({ path: join(screenshotDir, 'cases-timeline.png'), fullPage: true });
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('the actions are done by their agencies; the follow-up conference without another ends the rounds', async () => {
    for (const [who, t] of [['caseWorker', actionTasks[0]], ['dinsos', actionTasks[1]], ['dinkes', actionTasks[2]]] as const) expect((await decide(who, t.id)).status).toBe(200);
    const [followUp] = await openTasks('coordinator', 'conference', 1);
    const data = fixture('case-conference', 'valid-child-no-follow-up');
    const uptd = agency['UPTD PPA Provinsi Jawa Barat'];
    Object.assign(data, { chairAgencyId: uptd, attendingAgencyIds: [uptd], actions: [{ description: 'Tinjau kembali rencana layanan (contoh fiktif).', agencyId: uptd, dueDate: jakartaDate((await env.currentTimeMs()) + 3 * DAY) }] });
    expect((await decide('coordinator', followUp.id, data)).status).toBe(200);
    const [last] = await openTasks('caseWorker', 'conference-action', 1);
    expect(last.title.id).toBe(`Tindakan konferensi kasus ${caseCode} #1: tindakan`);
    // Recorded (stage referral), and the process moves straight on to reintegration.
    await eventually(async () => (['referral', 'reintegration'].includes((await caseView()).stage) ? true : undefined), 60_000, 'the last conference recorded');
    expect((await tasksOf('coordinator')).filter((t) => t.step === 'conference')).toHaveLength(0);
    // The danger the conference assessed is the case's risk on the list (a code; the assessment stays sealed).
    expect((await caseView()).riskLevel).toBe('medium');
  });

  step('reintegration: the plan agreed with the girl (follow-ups at 1, 3, 6, 12, 18 and 24 months), then her reunification recorded', async () => {
    const [planTask] = await openTasks('coordinator', 'reintegration-plan', 1);
    expect(planTask.title.id).toBe(`Rencana reintegrasi kasus ${caseCode}`);
    expect((await caseView()).stage).toBe('reintegration');
    const data = fixture('reintegration-plan', 'valid-child-family-reunification');
    const { uiSchema } = FORM_LIBRARY.find((f) => f.definition.key === 'reintegration-plan')!.definition;
    for (const { pointer } of agencyReferences(uiSchema, data)) {
      const path = pointer.split('/').slice(1);
      (path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, data))[path[path.length - 1]] = agency['UPTD PPA Provinsi Jawa Barat'];
    }
    expect((await decide('coordinator', planTask.id, data)).status).toBe(200);
    const [first] = await openTasks('coordinator', 'reunification', 1);
    // Not safe yet: the step goes back with the reason (sealed) and the plan is made again.
    expect((await as['coordinator'].post(`/tasks/${first.id}/decision`, { outcome: 'returned', comments: [{ text: 'Ancaman dari perekrut belum tertangani (contoh fiktif).' }] })).status).toBe(200);
    const [again] = await openTasks('coordinator', 'reintegration-plan', 1);
    expect((await decide('coordinator', again.id, data)).status).toBe(200);
    const [reunion] = await openTasks('coordinator', 'reunification', 1);
    expect(reunion.id).not.toBe(first.id);
    expect((await as['coordinator'].get(`/tasks/${reunion.id}`)).body.initialData).toEqual({ ageGroup: 'child' });
    // The risk assessment before the reunification is the step's form: without it, judging the child as an
    // adult, or sending her back to a family whose involvement is unclear, nothing is recorded.
    expect((await decide('coordinator', reunion.id)).status).toBe(400);
    const risk = { ...fixture('reunification-risk', 'valid-adult-family-low-risk'), ageGroup: 'child', assessedOn: today() };
    const asAdult = await decide('coordinator', reunion.id, { ...risk, ageGroup: 'adult', familyInvolvementSuspected: 'unknown' });
    expect([asAdult.status, asAdult.body.details?.extraErrors?.ageGroup?.__errors?.length]).toEqual([400, 1]);
    const unclear = await decide('coordinator', reunion.id, { ...risk, familyInvolvementSuspected: 'unknown' });
    expect([unclear.status, unclear.body.details?.extraErrors?.destination?.__errors?.length]).toEqual([400, 1]);
    expect((await decide('coordinator', reunion.id, risk)).status).toBe(200);
    const view = await eventually(async () => ((v) => (v.reunifiedAt ? v : undefined))(await caseView()), 60_000, 'the reunification recorded');
    reunifiedAt = view.reunifiedAt as string;
    // The assessment before reunification is now the case's latest risk, and the list filters by it.
    await eventually(async () => ((await caseView()).riskLevel === 'low' ? true : undefined), 60_000, 'the risk before reunification recorded');
    const low = (await as['coordinator'].get('/cases?jurisdictionCode=32&risk=low&limit=200')).body as CaseList;
    expect(low.items.map((c) => c.code)).toContain(caseCode);
    expect(((await as['coordinator'].get('/cases?jurisdictionCode=32&risk=high&limit=200')).body as CaseList).items.map((c) => c.code)).not.toContain(caseCode);
    expect((await as['coordinator'].get('/cases?risk=extreme')).status).toBe(400);
    // No visit before its month.
    expect((await tasksOf('caseWorker')).filter((t) => t.step === 'follow-up')).toEqual([]);
  });

  step('follow-up visits open at months 1, 3, 6, 12, 18 and 24 after reunification, each for the case worker, numbered and dated from that day', async () => {
    for (const [i, month] of [1, 3, 6, 12, 18, 24].entries()) {
      const opensAt = Date.parse(addMonths(reunifiedAt, month));
      await skipTo(opensAt + 60_000);
      const [visit] = await openTasks('caseWorker', 'follow-up', 1);
      expect(visit.title.id).toBe(`Kunjungan pemantauan bulan ke-${month}: kasus ${caseCode}`);
      const view = (await as['caseWorker'].get(`/tasks/${visit.id}`)).body;
      expect(view.initialData).toEqual({ visitNumber: i + 1, monthAfterReintegration: month });
      expect(Math.abs(Date.parse(view.createdAt) - opensAt)).toBeLessThan(60_000);
      const answers = { ...fixture('follow-up-visit', 'valid-month-12-with-check'), visitNumber: i + 1, monthAfterReintegration: month, visitDate: jakartaDate(opensAt) };
      expect((await decide('caseWorker', visit.id, answers)).status).toBe(200);
      await eventually(async () => ((await tasksOf('caseWorker')).some((t) => t.id === visit.id) ? undefined : true), 60_000, `visit ${month} done`);
    }
    // The visit is recorded (and audited) by the workflow's activity after the task closes: wait for the sixth.
    const audited = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.follow_up' AND target_id = $1`, [caseCode])).rows[0].n as number;
    await eventually(async () => ((await audited()) >= 6 ? true : undefined), 60_000, 'six visits audited');
    expect(await audited()).toBe(6);
    // Each visit's re-trafficking check is the case's latest risk.
    await eventually(async () => ((await caseView()).riskLevel === 'medium' ? true : undefined), 60_000, 'the risk of the last visit');
  });

  step('closure: refused as "regained control" before the girl\'s two years are up, naming the first day it may; accepted from that day; the case is closed', async () => {
    const [closure] = await openTasks('coordinator', 'closure', 1);
    expect((await as['coordinator'].get(`/tasks/${closure.id}`)).body.initialData).toEqual({ followUpMonthsCompleted: 24, ageGroup: 'child' });
    const earliest = earliestChildClosure(reunifiedAt);
    const early = { ...fixture('case-closure', 'valid-child-regained-control'), closureDate: jakartaDate(Date.parse(addMonths(reunifiedAt, 23))) };
    const refused = await decide('coordinator', closure.id, early);
    expect([refused.status, refused.body.details.fields]).toEqual([400, [{ field: 'data/closureDate', message: expect.stringContaining(earliest) }]]);
    expect((await caseView()).stage).toBe('reintegration');
    expect((await decide('coordinator', closure.id, { ...early, closureDate: earliest })).status).toBe(200);
    const closed = await eventually(async () => ((v) => (v.stage === 'closed' ? v : undefined))(await caseView()), 60_000, 'the case closed');
    expect(closed.closedAt).not.toBeNull();
    // Closed: no step of the case stays open (the immediate-protection tasks left undone are cancelled), and its process ends.
    await eventually(async () => ((n) => (n === 0 ? true : undefined))((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND status = 'open'`, [caseId])).rows[0].n as number), 60_000, 'no open step');
    await eventually(async () => ((await temporalClient(env.connection).workflow.getHandle(`case-${caseCode}`).describe()).status.name === 'COMPLETED' ? true : undefined), 60_000, 'the case process ended');
  });

  step('cooperation with law enforcement never gates assistance: three cases differing only in it (none, intelligence only, testify) get the same tasks', async () => {
    const shapes: string[] = [];
    for (const level of ['none', 'intelligence_only', 'testify']) {
      const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: agency['Dinas Kesehatan Kabupaten Bandung'], intakeChannel: 'police' });
      const code = (opened.body as CaseView).code;
      const id = (await db.query(`SELECT id FROM cases WHERE code = $1`, [code])).rows[0].id as string;
      const open = async (who: string, taskStep: string, n: number) =>
        eventually(async () => ((list) => (list.length === n ? list : undefined))(((await as[who].get(`/tasks?processKey=${PROCESS}&processId=${id}&status=open&limit=50`)).body.items as Task[]).filter((t) => t.step === taskStep)), 120_000, `${n} ${taskStep} (${level})`);
      expect((await decide('caseWorker', (await open('caseWorker', 'intake', 1))[0].id, fixture('case-intake', 'valid-indonesian-adult'))).status).toBe(200);
      expect((await decide('caseWorker', (await open('caseWorker', 'screening', 1))[0].id, fixture('victim-screening', 'valid-child-sexual-no-means'))).status).toBe(200);
      const [conference] = await open('coordinator', 'conference', 1);
      const uptd = agency['UPTD PPA Provinsi Jawa Barat'];
      const data = fixture('case-conference', 'valid-child-no-follow-up');
      (data['agenda'] as Record<string, Record<string, unknown>>)['investigativeInterview']['cooperationLevel'] = level;
      Object.assign(data, { chairAgencyId: uptd, attendingAgencyIds: [uptd], actions: [{ description: 'Rujuk ke layanan kesehatan (contoh fiktif).', agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], dueDate: jakartaDate((await env.currentTimeMs()) + 5 * DAY), service: 'health_rehabilitation' }] });
      expect((await decide('coordinator', conference.id, data)).status).toBe(200);
      await open('coordinator', 'reintegration-plan', 1);
      const all = ((await as['coordinator'].get(`/tasks?processKey=${PROCESS}&processId=${id}&limit=50`)).body.items as Task[]).concat((await as['dinsos'].get(`/tasks?processKey=${PROCESS}&processId=${id}&limit=50`)).body.items as Task[]);
      const unique = [...new Map(all.map((t) => [t.id, t])).values()];
      shapes.push(JSON.stringify(unique.map((t) => [t.step, t.title.id.replace(code, '<kode>'), t.assignee.agencyId, t.assignee.role]).sort()));
    }
    expect(new Set(shapes).size).toBe(1);
    expect(JSON.parse(shapes[0]).map((t: string[]) => t[0])).toEqual(expect.arrayContaining(['immediate-protection', 'conference-action', 'reintegration-plan']));
  });

  step('the workflow history holds the coded id and none of the actions\' words', async () => {
    const text = await decodedHistory(temporalClient(env.connection), `case-${caseCode}`);
    expect(text).toContain(caseCode);
    for (const words of ['Kenanga', 'Asesmen kepentingan', 'Pemeriksaan kesehatan lanjutan', 'Tinjau kembali']) expect(text).not.toContain(words);
  });
});
