import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Connection, type Client } from '@temporalio/client';
import type { CaseView } from '@gugus/contracts';
import { client, databaseOfItsOwn, decodedHistory, eventually, launchChromium, login, screenshotDir, sequentialSteps, serviceEnv, startApi, startWeb, startWorker, submitLogin, temporalClient, testEnv, type OwnDatabase, type RunningApi, type ServiceProcess } from '../support';
import { freePort, repoRoot } from '../support/engines';

/**
 * Issue 11, steps 1–3, through the built API and worker on PostgreSQL and the Temporal dev server: a case
 * opened in Kabupaten Bandung starts its process (`case-<coded id>`); the intake and the screening reach
 * the case worker with the coded id in their titles; a child presumed a victim without the MEANS element
 * moves the case to `presumed` / `protection` and opens one task per immediate need for the coordinator;
 * a "not a case" result is refused without an onward referral (the field named) and, with one, keeps the
 * case open at `referral`. The workflow histories, decoded, hold the coded id and none of the answers. With
 * Temporal unreachable, no case is opened (no case without its process) and the person gets a 503.
 *
 * Demo data: Kabupaten Bandung has no case worker or coordinator of its own, so the process gives those
 * steps to the nearest task force up the chain that has them — West Java's UPTD PPA (the demo's case worker
 * and coordinator accounts).
 */
type Api = ReturnType<typeof client>;

const PROCESS = 'case-management';
const MARKER_NAME = 'Sumarni Kasusproses Penandawati';
const fixture = (form: string, name: string) => JSON.parse(readFileSync(join(repoRoot, 'forms/library', form, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;
const NEED_LABELS = new Map(
  (JSON.parse(readFileSync(join(repoRoot, 'forms/options/case-immediate-needs.json'), 'utf8')) as { options: { code: string; label: { id: string; en: string } }[] }).options.map((o) => [o.code, o.label]),
);

interface InboxItem {
  id: string;
  step: string;
  title: { id: string; en: string };
  status: string;
  assignee: { agencyId: string; role: string };
}

describe('case process: entry, screening, immediate protection', () => {
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  let own: OwnDatabase;
  let connection: Connection;
  let temporal: Client;
  let caseWorker: Api;
  let coordinator: Api;
  let uptd = '';
  let bandung = '';
  const step = sequentialSteps();
  const cases: { code: string; id: string }[] = [];

  const intake = () => {
    const data = fixture('case-intake', 'valid-indonesian-adult');
    (data['identity'] as Record<string, unknown>)['fullName'] = MARKER_NAME;
    return data;
  };
  const screening = fixture('victim-screening', 'valid-child-sexual-no-means');
  const tasksOf = async (as: Api, caseId: string, status = 'open') => ((await as.get(`/tasks?processKey=${PROCESS}&processId=${caseId}&status=${status}&limit=50`)).body as { items: InboxItem[] }).items;
  const openTask = (as: Api, caseId: string, taskStep: string) => eventually(async () => (await tasksOf(as, caseId)).find((t) => t.step === taskStep), 60_000, `the ${taskStep} task`);
  const caseView = async (code: string) => (await coordinator.get(`/cases/${code}?purpose=case_management`)).body as CaseView;
  const openCase = async () => {
    const res = await caseWorker.post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: bandung, intakeChannel: 'police' });
    expect(res.status).toBe(201);
    const code = (res.body as CaseView).code;
    const id = (await db.query(`SELECT id FROM cases WHERE code = $1`, [code])).rows[0].id as string;
    cases.push({ code, id });
    return { code, id };
  };
  const completeIntake = async (c: { code: string; id: string }) => {
    const task = await openTask(caseWorker, c.id, 'intake');
    expect((await caseWorker.post(`/tasks/${task.id}/decision`, { outcome: 'completed', data: intake() })).status).toBe(200);
    return openTask(caseWorker, c.id, 'screening');
  };

  const plainHistory = (workflowId: string) => decodedHistory(temporal, workflowId);

  beforeAll(async () => {
    // A database of its own: who the process gives a step to depends on who holds which role in the
    // region, and other tests add people with case roles to Kabupaten Bandung's agencies.
    own = await databaseOfItsOwn('case_process');
    const settings = serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir });
    db = new Pool({ connectionString: own.appUrl, max: 2 });
    api = await startApi(settings);
    worker = await startWorker(settings);
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    temporal = temporalClient(connection);
    caseWorker = client(api.url, (await login(api.url, 'pekerja.jabar@gugus.test')).accessToken);
    coordinator = client(api.url, (await login(api.url, 'koordinator.jabar@gugus.test')).accessToken);
    const agencies = (await db.query(`SELECT id, name FROM agencies WHERE name IN ('UPTD PPA Provinsi Jawa Barat', 'Dinas Kesehatan Kabupaten Bandung')`)).rows as { id: string; name: string }[];
    uptd = agencies.find((a) => a.name.startsWith('UPTD'))!.id;
    bandung = agencies.find((a) => a.name.startsWith('Dinas Kesehatan'))!.id;
  });

  afterAll(async () => {
    // The worker's log, for whoever reads a failure (tmp/ is git-ignored).
    if (worker) writeFileSync(join(repoRoot, 'tmp/case-process-worker.log'), worker.output());
    await worker?.stop();
    await api?.stop();
    await connection?.close();
    await db?.end();
    await own?.drop();
  });

  step('opening a case starts its process; the intake task reaches the case worker, titled with the coded id only', async () => {
    const c = await openCase();
    const task = await openTask(caseWorker, c.id, 'intake');
    expect(task.title).toEqual({ id: `Penerimaan kasus ${c.code}`, en: `Case intake ${c.code}` });
    expect(task.assignee).toEqual(expect.objectContaining({ agencyId: uptd, role: 'case_worker' }));
    const view = (await caseWorker.get(`/tasks/${task.id}`)).body;
    expect(view.context).toEqual({ kind: 'case', caseId: c.id, caseCode: c.code, step: 'intake' });
    expect(view.form.key).toBe('case-intake');
    expect((await temporal.workflow.getHandle(`case-${c.code}`).describe()).status.name).toBe('RUNNING');
  });

  step('intake completed (a marker name in it): the case moves to screening and the screening task opens beside the intake', async () => {
    const c = cases[0];
    const task = await completeIntake(c);
    expect(task.title).toEqual({ id: `Penapisan awal kasus ${c.code}`, en: `Initial screening ${c.code}` });
    const view = (await caseWorker.get(`/tasks/${task.id}`)).body;
    expect(view.form.key).toBe('victim-screening');
    expect(view.context).toMatchObject({ kind: 'case', caseCode: c.code, step: 'screening', reviewSubmissionId: expect.any(String) });
    expect((await caseView(c.code)).stage).toBe('screening');
  });

  step('the case worker opens the screening task on a phone: the coded id, the intake beside it, the screening form', async () => {
    const c = cases[0];
    const task = await openTask(caseWorker, c.id, 'screening');
    const [web, browser] = await Promise.all([startWeb(api.url), launchChromium()]);
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      await page.goto(`${web.url}/tugas`);
      await page.waitForURL(/\/masuk$/);
      await submitLogin(page, 'pekerja.jabar@gugus.test');
      await page.waitForURL((url) => url.pathname === '/tugas');
      await page.goto(`${web.url}/tugas/${task.id}`);
      await page.getByTestId('schema-form').waitFor();
      await expect(page.locator('h1').innerText()).resolves.toBe(`Penapisan awal kasus ${c.code}`);
      await expect(page.getByTestId('task-case-code').innerText()).resolves.toBe(c.code);
      // The step reads in words, not as its code.
      await page.getByText('Penapisan awal calon korban', { exact: true }).first().waitFor({ timeout: 10_000 });
      // The URL names the task, never the person.
      expect(page.url()).not.toContain('Sumarni');
      await page.screenshot({ path: join(screenshotDir, 'cases-screening-task-phone.png') });
      await page.getByTestId('schema-form').screenshot({ path: join(screenshotDir, 'cases-screening-form-phone.png') });
      await context.close();
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('a child presumed a victim without MEANS: status presumed, stage protection, one coordinator task per immediate need', async () => {
    const c = cases[0];
    const task = await openTask(caseWorker, c.id, 'screening');
    expect((await caseWorker.post(`/tasks/${task.id}/decision`, { outcome: 'completed', data: screening })).status).toBe(200);
    const view = await eventually(async () => {
      const v = await caseView(c.code);
      return v.identificationStatus ? v : undefined;
    }, 120_000, 'the screening recorded');
    expect({ identificationStatus: view.identificationStatus, stage: view.stage, closedAt: view.closedAt }).toEqual({ identificationStatus: 'presumed', stage: 'protection', closedAt: null });

    const needs = screening['immediateNeeds'] as string[];
    const protection = await eventually(async () => {
      const open = (await tasksOf(coordinator, c.id)).filter((t) => t.step === 'immediate-protection');
      return open.length === needs.length ? open : undefined;
    }, 120_000, `${needs.length} immediate protection tasks for the coordinator`);
    expect(protection.map((t) => t.title).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      needs.map((code) => NEED_LABELS.get(code)!).map((label) => ({ id: `${label.id} — kasus ${c.code}`, en: `${label.en} — case ${c.code}` })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const t of protection) expect(t.assignee).toEqual(expect.objectContaining({ agencyId: uptd, role: 'case_coordinator' }));
    const views = await Promise.all(protection.map(async (t) => (await coordinator.get(`/tasks/${t.id}`)).body));
    expect(views.map((v) => v.context.need).sort()).toEqual([...needs].sort());
    for (const v of views) expect([v.form, v.outcomes, v.context.caseCode]).toEqual([null, ['completed'], c.code]);

    // Decision-only: the coordinator marks a need met; the case worker cannot.
    expect((await caseWorker.post(`/tasks/${protection[0].id}/decision`, { outcome: 'completed' })).status).toBe(403);
    expect((await coordinator.post(`/tasks/${protection[0].id}/decision`, { outcome: 'completed' })).status).toBe(200);
    expect((await tasksOf(coordinator, c.id)).filter((t) => t.step === 'immediate-protection')).toHaveLength(needs.length - 1);
  });

  step('immediate protection before the screening is finished: the needs open at once, each once; the screening adds only the others', async () => {
    const c = await openCase();
    // Unknown needs, an empty list: refused by name; nothing opens.
    const bad = await coordinator.post(`/cases/${c.code}/immediate-protection`, { needs: ['safe_accommodation', 'spa_day'] });
    expect([bad.status, bad.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['needs/1']]);
    expect((await coordinator.post(`/cases/${c.code}/immediate-protection`, { needs: [] })).status).toBe(400);
    const early = await coordinator.post(`/cases/${c.code}/immediate-protection`, { needs: ['safe_accommodation', 'safety', 'safe_accommodation'] });
    expect([early.status, early.body]).toEqual([200, { caseCode: c.code, needs: ['safe_accommodation', 'safety'] }]);
    const opened = await eventually(async () => ((list) => (list.length === 2 ? list : undefined))((await tasksOf(coordinator, c.id)).filter((t) => t.step === 'immediate-protection')), 120_000, 'two early protection tasks');
    expect(opened.map((t) => t.title.id).sort()).toEqual([`${NEED_LABELS.get('safety')!.id} — kasus ${c.code}`, `${NEED_LABELS.get('safe_accommodation')!.id} — kasus ${c.code}`].sort());
    // The intake is still open: protection did not wait for it.
    expect((await tasksOf(caseWorker, c.id)).map((t) => t.step)).toEqual(['intake']);
    const screeningTask = await completeIntake(c);
    expect((await caseWorker.post(`/tasks/${screeningTask.id}/decision`, { outcome: 'completed', data: screening })).status).toBe(200);
    const needs = [...new Set([...(screening['immediateNeeds'] as string[]), 'safe_accommodation', 'safety'])];
    const all = await eventually(async () => ((list) => (list.length === needs.length ? list : undefined))((await tasksOf(coordinator, c.id)).filter((t) => t.step === 'immediate-protection')), 120_000, `${needs.length} protection tasks in all`);
    expect(new Set(all.map((t) => t.title.id)).size).toBe(needs.length);
    // Past screening, the early route is closed.
    expect((await coordinator.post(`/cases/${c.code}/immediate-protection`, { needs: ['safety'] })).status).toBe(409);
  });

  step('"not a case" is refused without a rationale or an onward referral, naming the field; with both the case stays open at referral', async () => {
    const c = await openCase();
    const task = await completeIntake(c);
    const notACase = { ...screening, result: 'not_a_case', rationale: 'Contoh fiktif: indikator eksploitasi tidak ditemukan setelah penilaian.' };
    delete (notACase as Record<string, unknown>)['otherReferral'];

    const noReferral = await caseWorker.post(`/tasks/${task.id}/decision`, { outcome: 'completed', data: notACase });
    expect([noReferral.status, noReferral.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(noReferral.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['data/otherReferral']);
    expect(noReferral.body.details.extraErrors).toEqual({ otherReferral: { __errors: [expect.stringContaining('rujukan lain')] } });
    const noRationale = await caseWorker.post(`/tasks/${task.id}/decision`, { outcome: 'completed', data: { ...notACase, rationale: ' ', otherReferral: 'Dinas Tenaga Kerja' } });
    expect(noRationale.status).toBe(400);
    expect(noRationale.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['data/rationale']);
    // Refused: nothing changed.
    expect((await tasksOf(caseWorker, c.id)).map((t) => t.step)).toEqual(['screening']);
    expect((await caseView(c.code)).stage).toBe('screening');

    const done = await caseWorker.post(`/tasks/${task.id}/decision`, { outcome: 'completed', data: { ...notACase, otherReferral: 'Dirujuk ke Dinas Tenaga Kerja untuk sengketa upah.' } });
    expect(done.status).toBe(200);
    const handle = temporal.workflow.getHandle(`case-${c.code}`);
    await eventually(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined), 60_000, 'the process to end');
    const view = await caseView(c.code);
    expect({ stage: view.stage, identificationStatus: view.identificationStatus, closedAt: view.closedAt }).toEqual({ stage: 'referral', identificationStatus: null, closedAt: null });
    expect(await tasksOf(coordinator, c.id)).toEqual([]);
  });

  step('with Temporal unreachable, opening a case is refused with a clear 503 and leaves no case and no number used', async () => {
    const year = cases[0].code.split('-')[1];
    const counter = async () => (await db.query(`SELECT last FROM case_code_counters WHERE jurisdiction_code = '32.04' AND year = $1`, [Number(year)])).rows[0].last as number;
    const before = { counter: await counter(), cases: Number((await db.query(`SELECT count(*) FROM cases`)).rows[0].count) };
    const cut = await startApi(serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` }));
    try {
      const as = client(cut.url, (await login(cut.url, 'pekerja.jabar@gugus.test')).accessToken);
      const res = await as.post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: bandung, intakeChannel: 'police' });
      expect([res.status, res.body.code, res.body.message]).toEqual([503, 'DEPENDENCY_UNAVAILABLE', 'Mesin proses (Temporal) tidak dapat dihubungi; kasus belum dibuka. Coba lagi sebentar lagi.']);
    } finally {
      await cut.stop();
    }
    expect({ counter: await counter(), cases: Number((await db.query(`SELECT count(*) FROM cases`)).rows[0].count) }).toEqual(before);
  });

  step('the stage changes are audited; the workflow histories hold the coded ids and none of the answers', async () => {
    const audited = (await db.query(`SELECT target_id, action FROM audit_log WHERE target_type = 'case' AND action IN ('case.intake', 'case.screening') AND target_id = ANY($1) ORDER BY seq`, [cases.map((c) => c.code)])).rows;
    expect(audited).toHaveLength(cases.length * 2);
    for (const c of cases) {
      const text = await plainHistory(`case-${c.code}`);
      expect(text).toContain(c.code);
      for (const answer of [MARKER_NAME, 'Sumarni', '9900000000000001', screening['rationale'] as string, 'Dinas Tenaga Kerja untuk sengketa upah']) expect(text).not.toContain(answer);
    }
  });
});
