import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { agencyReferences, FORM_LIBRARY } from '@gugus/forms';
import { findTemporalCli } from '@gugus/server-temporal';
import { startSmtpCatcher, type SmtpCatcher } from '../notifications/support';
import {
  buildTestWorkflowBundle,
  client,
  eventually,
  launchChromium,
  login,
  markersIn,
  plainDump,
  repoRoot,
  screenshotDir,
  sequentialSteps,
  startApi,
  startIsolatedEngines,
  startService,
  startWeb,
  startWorker,
  temporalClient,
  type RunningApi,
  type RunningWeb,
  type IsolatedEngines,
  type ServiceProcess,
  submitLogin,
} from '../support';

/**
 * Acceptance 2 of "Safe for victim data": a marker name, ID number and phone number entered in every
 * identifying field of every form that has one — through the API and through the browser, drafts
 * included — appear in none of: a plain pg_dump of the database, every log (API, worker, web server,
 * PostgreSQL, Temporal), every workflow history (`temporal workflow show`), task titles, workflow ids,
 * URLs, error bodies, browser storage and e-mail. The form still opens decrypted for its assignee in
 * Chromium, and after a key rotation with the old key removed, everything still reads.
 *
 * This file runs its own PostgreSQL and Temporal so that it can read their logs and dump everything.
 */
const NAME = 'Markerina Qolbuzzaman';
const ID_NUMBER = '3204987654321098';
const PHONE = '081299887766';
const EMAIL = 'qolbuzzaman.markerina@contoh.test';
/** What must never appear in the clear: each marker, and the name's rarest part alone. */
const MARKERS = [NAME, 'Qolbuzzaman', ID_NUMBER, PHONE];

const CASE_WORKER = 'pekerja.jabar@gugus.test';
const COORDINATOR = 'koordinator.jabar@gugus.test';
const SECRETARIAT = 'sekretariat.jabar@gugus.test';
const ADMIN = 'admin@gugus.test';

const execFileAsync = promisify(execFile);
const fixture = (form: string, name: string) => structuredClone(FORM_LIBRARY.find((f) => f.definition.key === form)!.valid[name]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The case-intake answers with every identifying field carrying a marker. */
function intakeWithMarkers(): Record<string, unknown> {
  const data = fixture('case-intake', 'indonesian-adult');
  data.identity.fullName = NAME;
  data.identity.otherNames = `${NAME} (panggilan)`;
  data.identity.idDocument = { type: 'nik', number: ID_NUMBER, inPossession: 'yes' };
  data.identity.contact = { phone: PHONE, email: EMAIL, address: `Rumah ${NAME}, telepon ${PHONE}`, safeToContact: 'yes' };
  return data;
}

/** Every agency a fixture names becomes `agencyId` (a real member of the task force). */
function withAgency(form: string, data: Record<string, unknown>, agencyId: string): Record<string, unknown> {
  const { uiSchema } = FORM_LIBRARY.find((f) => f.definition.key === form)!.definition;
  for (const { pointer } of agencyReferences(uiSchema, data)) {
    const path = pointer.split('/').slice(1);
    const holder = path.slice(0, -1).reduce<any>((node, key) => node[key], data); // eslint-disable-line @typescript-eslint/no-explicit-any
    holder[path[path.length - 1]] = agencyId;
  }
  return data;
}

/** The reintegration plan of a child, its guardian's name a marker. */
function planWithMarkers(agencyId: string): Record<string, unknown> {
  const data = fixture('reintegration-plan', 'child-family-reunification');
  data.childPath.guardian.guardianName = NAME;
  return withAgency('reintegration-plan', data, agencyId);
}

/** Every marker found in `text`, in any encoding (see `markersIn`). */
const leaks = (text: string) => markersIn(text, MARKERS);

describe('victim data is never stored, sent or shown in the clear', () => {
  const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
  const keys = { first: key('test-kek-1'), second: key('test-kek-2'), payload: key('test-payload-1') };
  const errorBodies: string[] = [];
  const urls: string[] = [];
  const contexts: BrowserContext[] = [];
  let engines: IsolatedEngines;
  let smtp: SmtpCatcher;
  let bundle: string;
  let api: RunningApi;
  let worker: ServiceProcess;
  let web: RunningWeb;
  let browser: Browser;
  let connection: Connection;
  let uptdAgencyId = '';
  const submissions: Record<string, string> = {};
  const tasks: Record<string, string> = {};
  const workflowIds: string[] = [];
  const processOutput: string[] = [];

  const serviceSettings = (dataKeys: string) => ({
    DATABASE_URL: engines.databaseUrl,
    AUDIT_CHECKPOINT_DIR: engines.auditCheckpointDir,
    TEMPORAL_ADDRESS: engines.temporalAddress,
    TEMPORAL_TASK_QUEUE: `victim-data-${randomUUID()}`.slice(0, 40),
    SMTP_URL: smtp.url,
    DATA_ENCRYPTION_KEYS: dataKeys,
    TEMPORAL_PAYLOAD_KEYS: keys.payload,
    WORKFLOW_BUNDLE_PATH: bundle,
    // The most talkative level the services have: more lines, more chances to leak.
    LOG_LEVEL: 'debug',
  });
  let settings: ReturnType<typeof serviceSettings>;

  /** A JSON client that keeps every error body it receives, for the final check. */
  const as = async (email: string) => {
    const base = client(api.url, (await login(api.url, email)).accessToken);
    const keep = async (p: Promise<{ status: number; body: any }>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const res = await p;
      if (res.status >= 400) errorBodies.push(JSON.stringify(res.body));
      return res;
    };
    return { get: (path: string) => keep(base.get(path)), post: (path: string, body?: unknown) => keep(base.post(path, body)), put: (path: string, body?: unknown) => keep(base.put(path, body)) };
  };

  async function startServices(dataKeys: string): Promise<void> {
    settings = { ...(settings ?? serviceSettings(dataKeys)), DATA_ENCRYPTION_KEYS: dataKeys };
    [api, worker] = await Promise.all([startApi(settings), startWorker(settings)]);
  }

  async function stopServices(): Promise<void> {
    processOutput.push(api.output(), worker.output());
    await Promise.all([api.stop(), worker.stop()]);
  }

  const step = sequentialSteps();

  beforeAll(async () => {
    [engines, smtp, bundle, browser] = await Promise.all([
      startIsolatedEngines(join(repoRoot, 'tmp', 'victim-data', String(process.pid))),
      startSmtpCatcher(),
      buildTestWorkflowBundle(join(repoRoot, 'test/workflows/fixtures/single-task.workflows.ts')),
      launchChromium(),
    ]);
    await startServices(keys.first);
    web = await startWeb(api.url);
    connection = await Connection.connect({ address: engines.temporalAddress });
    const me = (await client(api.url, (await login(api.url, CASE_WORKER)).accessToken).get('/auth/me')).body as { grants: { agencyId: string; role: string }[] };
    uptdAgencyId = me.grants.find((g) => g.role === 'case_worker')!.agencyId;
  }, 300_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop(), worker?.stop()]);
    await connection?.close();
    await smtp?.close();
    await engines?.stop();
  });

  step('a case worker stores both forms with the markers through the API, as drafts and submitted', async () => {
    const caseWorker = await as(CASE_WORKER);
    for (const [form, data] of [['case-intake', intakeWithMarkers()], ['reintegration-plan', planWithMarkers(uptdAgencyId)]] as const) {
      for (const status of ['draft', 'submitted'] as const) {
        const res = await caseWorker.post(`/forms/${form}/submissions`, { jurisdictionCode: '32', data, status });
        expect({ form, status, code: res.status }).toEqual({ form, status, code: 201 });
        submissions[`${form}:${status}`] = res.body.id;
      }
      // Its author reads it back whole.
      const back = await caseWorker.get(`/form-submissions/${submissions[`${form}:submitted`]}`);
      expect(JSON.stringify(back.body.data)).toContain(form === 'case-intake' ? ID_NUMBER : NAME);
      expect(back.body.withheld).toEqual([]);
    }
  });

  step('a refused submission says what is wrong without echoing any marker', async () => {
    const caseWorker = await as(CASE_WORKER);
    const bad = { ...intakeWithMarkers(), intakeDate: NAME, sex: ID_NUMBER, referringAgencyId: PHONE };
    const res = await caseWorker.post('/forms/case-intake/submissions', { jurisdictionCode: '32', data: bad, status: 'submitted' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['data/intakeDate', 'data/sex']));
    expect(leaks(JSON.stringify(res.body))).toEqual([]);
  });

  step('tasks with both forms reach the case worker; a draft saved through the API opens decrypted', async () => {
    const temporal = temporalClient(connection, keys.payload);
    for (const form of ['case-intake', 'reintegration-plan']) {
      const processId = randomUUID();
      const workflowId = `test-single-task-${processId}`;
      workflowIds.push(workflowId);
      await temporal.workflow.start('singleTask', {
        workflowId,
        taskQueue: settings.TEMPORAL_TASK_QUEUE,
        args: [
          {
            processId,
            request: {
              step: form,
              title: { id: `Uji data korban: ${form}`, en: `Victim data test: ${form}` },
              formKey: form,
              jurisdictionCode: '32',
              assignee: { agencyId: uptdAgencyId, role: 'case_worker' },
              due: { workingDays: 3 },
              reminderWorkingDays: 1,
              escalationWorkingDays: 2,
              escalationRole: 'case_coordinator',
              outcomes: ['completed'],
            },
          },
        ],
      });
    }
    const caseWorker = await as(CASE_WORKER);
    await eventually(async () => {
      const inbox = (await caseWorker.get('/tasks?processKey=test-single-task')).body as { items: { id: string; step: string }[] };
      for (const t of inbox.items) tasks[t.step] = t.id;
      return Object.keys(tasks).length === 2 || undefined;
    }, 60_000, 'both tasks in the case worker’s inbox');

    const draft = planWithMarkers(uptdAgencyId);
    expect((await caseWorker.put(`/tasks/${tasks['reintegration-plan']}/draft`, { data: draft })).status).toBe(200);
    const view = await caseWorker.get(`/tasks/${tasks['reintegration-plan']}`);
    expect(view.body.initialData).toEqual(draft);
    const done = await caseWorker.post(`/tasks/${tasks['reintegration-plan']}/decision`, { outcome: 'completed', data: draft });
    expect(done.status).toBe(200);
    expect(JSON.stringify(done.body.submission.data)).toContain(NAME);
  });

  async function logIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('request', (request) => urls.push(request.url()));
    page.on('framenavigated', (frame) => urls.push(frame.url()));
    page.on('response', async (response) => {
      if (response.status() >= 400 && response.url().includes('/api/')) errorBodies.push(await response.text().catch(() => ''));
    });
    await page.goto(`${web.url}/tugas`);
    await page.waitForURL(/\/masuk$/);
    await submitLogin(page, email);
    await page.waitForURL((url) => url.pathname === '/tugas');
    return page;
  }
  const field = (scope: Locator | Page, id: string) => scope.locator(`[data-field="${id}"]`);

  step('in Chromium the case worker types the markers into the intake form, saves a draft, reloads it decrypted and completes it', async () => {
    // What was gathered before (the non-identifying answers) is already in the draft; the worker adds who it is.
    const start = intakeWithMarkers() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    start.identity = { idDocument: { type: 'nik', inPossession: 'yes' }, contact: { safeToContact: 'yes' } };
    expect((await (await as(CASE_WORKER)).put(`/tasks/${tasks['case-intake']}/draft`, { data: start })).status).toBe(200);

    const page = await logIn(CASE_WORKER);
    await page.goto(`${web.url}/tugas/${tasks['case-intake']}`);
    const form = page.getByTestId('schema-form');
    await form.waitFor();
    const typing: [string, string][] = [
      ['root_identity_fullName', NAME],
      ['root_identity_otherNames', `${NAME} (panggilan)`],
      ['root_identity_idDocument_number', ID_NUMBER],
      ['root_identity_contact_phone', PHONE],
      ['root_identity_contact_email', EMAIL],
    ];
    for (const [id, value] of typing) await field(form, id).locator('input').fill(value);
    await field(form, 'root_identity_contact_address').locator('textarea, input').first().fill(`Rumah ${NAME}, telepon ${PHONE}`);
    await page.getByTestId('task-save-draft').click();
    await page.getByTestId('draft-saved').filter({ hasText: 'WIB' }).waitFor();

    await page.reload();
    const reloaded = page.getByTestId('schema-form');
    await reloaded.waitFor();
    for (const [id, value] of typing) await expect(field(reloaded, id).locator('input').inputValue()).resolves.toBe(value);
    await page.screenshot({ path: join(screenshotDir, 'victim-data-draft-decrypted.png'), fullPage: true });

    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    await page.getByTestId('task-submission').waitFor();
    await expect(field(page.getByTestId('submission-form'), 'kiriman_identity_idDocument_number').locator('input').inputValue()).resolves.toBe(ID_NUMBER);
    await page.screenshot({ path: join(screenshotDir, 'victim-data-submitted-assignee.png'), fullPage: true });
  });

  step('others who may see these records receive no identifying answer, and their reads are audited', async () => {
    const coordinator = await as(COORDINATOR);
    for (const id of Object.values(submissions)) {
      const res = await coordinator.get(`/form-submissions/${id}`);
      expect(res.status).toBe(200);
      expect(leaks(JSON.stringify(res.body))).toEqual([]);
    }
    const intake = await coordinator.get(`/form-submissions/${submissions['case-intake:submitted']}`);
    expect(intake.body.withheld).toContain('/identity');
    // The case coordinator steers the case: its facts (sex, age group) are there, who it is is not.
    expect(intake.body.data).toEqual(expect.objectContaining({ sex: 'male', ageGroup: 'adult' }));

    const secretariat = await as(SECRETARIAT);
    const task = await secretariat.get(`/tasks/${tasks['case-intake']}`);
    expect(task.status).toBe(200);
    expect(leaks(JSON.stringify(task.body))).toEqual([]);
    expect(task.body.submission.withheld).toEqual(expect.arrayContaining(['/identity', '/sex']));

    const admin = await as(ADMIN);
    const reads = await admin.get(`/audit?action=form_submission.read&targetId=${submissions['case-intake:submitted']}`);
    expect(reads.body.length).toBeGreaterThanOrEqual(2);

    // What the coordinator sees in the browser: the case's facts, and a note that the rest is withheld.
    const page = await logIn(COORDINATOR);
    await page.goto(`${web.url}/isian/${submissions['case-intake:submitted']}`);
    await page.getByTestId('answers-withheld').waitFor();
    await expect(page.getByTestId('field-withheld').filter({ hasText: 'Identitas' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('submission-form').locator('input[value="Markerina Qolbuzzaman"]').count()).resolves.toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'victim-data-coordinator-withheld.png'), fullPage: true });
  });

  step('nothing anywhere holds a marker in the clear', async () => {
    // Mail first: the worker sends the task notifications from its outbox.
    await eventually(async () => (smtp.mails.length >= 2 ? true : undefined), 60_000, 'the task notification e-mails');
    const temporalCli = findTemporalCli(repoRoot);
    const listed = JSON.parse((await execFileAsync(temporalCli, ['workflow', 'list', '--address', engines.temporalAddress, '--output', 'json'], { maxBuffer: 64 << 20 })).stdout) as { execution: { workflowId: string; runId: string } }[];
    expect(listed.map((w) => w.execution.workflowId)).toEqual(expect.arrayContaining(workflowIds));
    const histories: string[] = [];
    for (const w of listed) {
      histories.push((await execFileAsync(temporalCli, ['workflow', 'show', '--workflow-id', w.execution.workflowId, '--run-id', w.execution.runId, '--address', engines.temporalAddress, '--output', 'json'], { maxBuffer: 64 << 20 })).stdout);
    }
    const dump = await plainDump(engines.ownerDatabaseUrl);
    expect(dump).toContain('CREATE TABLE public.form_submissions');

    const page = await logIn(CASE_WORKER);
    await page.goto(`${web.url}/tugas/${tasks['case-intake']}`);
    await page.getByTestId('task-submission').waitFor();
    const storage = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      indexedDb: JSON.stringify(await indexedDB.databases()),
      cookies: document.cookie,
    }));
    const cookies = JSON.stringify(await Promise.all(contexts.map((c) => c.cookies())));
    const titles = JSON.stringify(((await (await as(ADMIN)).get('/tasks?scope=jurisdiction&jurisdictionCode=32&status=all&limit=100')).body as { items: { title: unknown }[] }).items.map((t) => t.title));

    const places: Record<string, string> = {
      'pg_dump': dump,
      'API log': api.output() + processOutput.join('\n'),
      'worker log': worker.output(),
      'web server log': web.output(),
      'PostgreSQL log': engines.logs().postgres,
      'Temporal log': engines.logs().temporal,
      'workflow histories': histories.join('\n'),
      'workflow ids': listed.map((w) => w.execution.workflowId).join('\n'),
      'task titles': titles,
      URLs: urls.join('\n'),
      'error bodies': errorBodies.join('\n'),
      'browser storage': JSON.stringify(storage) + cookies,
      'e-mail': smtp.mails.map((m) => m.raw).join('\n'),
    };
    // The detector finds what it looks for, plain, as base64 and as hex (so a clean result means something).
    const authorView = JSON.stringify((await (await as(CASE_WORKER)).get(`/form-submissions/${submissions['case-intake:submitted']}`)).body);
    expect(leaks(authorView)).toEqual(MARKERS);
    expect(leaks(Buffer.from(authorView).toString('base64'))).toEqual(MARKERS);
    expect(leaks(Buffer.from(authorView).toString('hex'))).toEqual(MARKERS);
    expect(histories.length).toBeGreaterThanOrEqual(2);
    expect(errorBodies.length).toBeGreaterThan(0);
    const found = Object.fromEntries(Object.entries(places).map(([place, text]) => [place, leaks(text)]));
    expect(found).toEqual(Object.fromEntries(Object.keys(places).map((place) => [place, []])));
  });

  step('after a key rotation with the old key removed, everything still reads', async () => {
    await stopServices();
    const cli = async (dataKeys: string, command: string) => {
      const run = startService('dist/libs/server/crypto/src/data-keys.cli.js', { ...settings, DATA_ENCRYPTION_KEYS: dataKeys }, [command]);
      const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
      return { code, output: run.output() };
    };
    const rewrap = await cli(`${keys.second},${keys.first}`, 'rewrap');
    expect(rewrap).toEqual({ code: 0, output: expect.stringContaining('test-kek-2') });
    const status = await cli(keys.second, 'status');
    expect(status.code).toBe(0);
    expect(status.output).not.toContain('test-kek-1');

    await startServices(keys.second);
    const caseWorker = await as(CASE_WORKER);
    const intake = await caseWorker.get(`/form-submissions/${submissions['case-intake:submitted']}`);
    expect(intake.body.data.identity).toEqual(expect.objectContaining({ fullName: NAME, idDocument: expect.objectContaining({ number: ID_NUMBER }) }));
    const plan = await caseWorker.get(`/tasks/${tasks['reintegration-plan']}`);
    expect(JSON.stringify(plan.body.submission.data)).toContain(NAME);
    const browserTask = await caseWorker.get(`/tasks/${tasks['case-intake']}`);
    expect(browserTask.body.submission.data.identity.contact.phone).toBe(PHONE);
  });
});
