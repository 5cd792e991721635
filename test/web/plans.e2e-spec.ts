import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Pool } from 'pg';
import type { AgencyView, PlanView } from '@gugus/contracts';
import { DECISION_ACCEPT_WAIT_MS, DECISION_RESULT_WAIT_MS } from '@gugus/server-tasks';
import { client, eventually, launchChromium, login, type RunningApi, type RunningWeb, screenshotDir, sequentialSteps, serviceEnv, type ServiceProcess, startApi, startWeb, startWorker, submitLogin, taskRowInInbox, testEnv } from '../support';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

const SECRETARIAT = 'sekretariat.jabar@gugus.test';
const DINSOS = 'dinsos.jabar@gugus.test';
const LEGAL = 'hukum.jabar@gugus.test';
const CHAIR = 'ketua.jabar@gugus.test';
const DINSOS_NAME = 'Dinas Sosial Provinsi Jawa Barat';
const DP3AKB_NAME = 'DP3AKB Provinsi Jawa Barat';
const LEGAL_NAME = 'Biro Hukum Setda Provinsi Jawa Barat';
const SOCIAL = 'social_rehabilitation_repatriation_reintegration';
/** The transaction-scoped advisory lock every audit append takes ("audit" in ASCII; see audit.repository.ts). */
const AUDIT_APPEND_LOCK = 0x6175646974;

type Api = ReturnType<typeof client>;
type TaskRow = { id: string; step: string; status: string };

/**
 * Issue 10, acceptance 3: a plan of action through the web app in Chromium. The secretariat starts a West
 * Java plan; Dinas Sosial, lead of a Sub-TF, drafts its section with two activities in the form; the
 * secretariat closes the member comment period; the legal reviewer reads round 2's changes on the review
 * page and returns it with a comment anchored to an activity; Dinas Sosial sees the comment beside that
 * activity and revises; the reviewer approves round 3; the chair's office records the decree; the plan
 * page shows the timeline and the charts. Set up through the API, as a person's other work would be: the
 * five sections the secretariat drafts and round 1 (returned with a comment, revised).
 *
 * API and worker run against the Temporal dev server: no step of this waits for a timer. The browser
 * reports no Content-Security-Policy violation on any page (the charts included).
 */
describe('web app: a plan of action from start to decree', () => {
  let api: RunningApi;
  let worker: ServiceProcess;
  let web: RunningWeb;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const browsers: Browser[] = [];
  const violations: string[] = [];
  const as: Record<string, Api> = {};
  const agencyId: Record<string, string> = {};
  const suffix = randomBytes(3).toString('hex');
  const title = `RAD Uji Peramban ${suffix} 2027–2031`;
  let planId = '';
  const step = sequentialSteps();

  const settings = serviceEnv();
  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(settings), launchChromium()]);
    [web, worker] = await Promise.all([startWeb(api.url), startWorker(settings)]);
    for (const [who, email] of Object.entries({ secretariat: SECRETARIAT, dinsos: DINSOS, legal: LEGAL, chair: CHAIR })) as[who] = client(api.url, (await login(api.url, email)).accessToken);
    for (const a of (await as.secretariat.get('/agencies?jurisdictionCode=32')).body as AgencyView[]) agencyId[a.name] = a.id;
    // Dinas Sosial leads the social rehabilitation Sub-TF: its section task is Dinas Sosial's own.
    const lead = await as.secretariat.put(`/task-forces/32/sub-task-forces/${SOCIAL}/lead`, { agencyId: agencyId[DINSOS_NAME] });
    expect(lead.status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all(browsers.map((b) => b.close()));
    await browser?.close();
    await Promise.all([web?.stop(), worker?.stop()]);
    await api?.stop();
  });

  /** A logged-in page whose CSP violations are collected (the browser's own `securitypolicyviolation` events). */
  async function logIn(email: string): Promise<Page> {
    // A browser of each person's own: one window each, so no window sits behind another (two check runs
    // saw an action wait 30 s for a frame that never came in a window left behind the others).
    const own = contexts.length ? await launchChromium() : browser;
    if (own !== browser) browsers.push(own);
    const context = await own.newContext({ viewport: LAPTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(context);
    await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.documentURI}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    await page.goto(`${web.url}/tugas`);
    await page.waitForURL(/\/masuk$/);
    await submitLogin(page, email);
    await page.waitForURL((url) => url.pathname === '/tugas');
    return page;
  }

  /** The page at laptop and at phone width, whole. */
  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(screenshotDir, `plans-${name}-laptop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, `plans-${name}-phone.png`), fullPage: true });
    await page.setViewportSize(LAPTOP);
  }

  const field = (scope: Locator | Page, id: string) => scope.locator(`[data-field="${id}"]`);
  /** Item `id` of a list field, added with the list's own button (the last one inside it) unless the form already has it. */
  async function item(list: Locator, id: string): Promise<Locator> {
    const found = field(list, id);
    if (!(await found.count())) await list.getByRole('button', { name: 'Tambah butir' }).last().click();
    await found.waitFor();
    return found;
  }

  async function plan(): Promise<PlanView> {
    const res = await as.secretariat.get(`/plans/${planId}`);
    expect(res.status).toBe(200);
    return res.body as PlanView;
  }
  const planWhen = (test: (p: PlanView) => boolean, what: string) => eventually(async () => ((p) => (test(p) ? p : undefined))(await plan()), 90_000, what);
  const openTasks = async (who: string, name: string) => ((await as[who].get(`/tasks?processId=${planId}&status=open&limit=100`)).body.items as TaskRow[]).filter((t) => t.step === name);
  const tasksOf = (who: string, name: string, n: number) => eventually(async () => ((list) => (list.length === n ? list : undefined))(await openTasks(who, name)), 90_000, `${who}: ${n} open ${name} task(s)`);

  /** Opens the inbox from the navigation and the task whose title contains `text` (reloading, as a person would, until it arrives). */
  async function openFromInbox(page: Page, text: string): Promise<void> {
    // Several people's windows are open at once; this person switches back to theirs first.
    await page.bringToFront();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tugas', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tugas');
    const row = await taskRowInInbox(page, text);
    await row.first().getByRole('link').first().click();
    await page.waitForURL(/\/tugas\/[0-9a-f-]{36}$/);
    await page.getByTestId('task-facts').waitFor();
  }

  /** A section as the five Sub-TFs the secretariat drafts send it (two activities, budgets as units × unit cost). */
  function sectionData(kind: string, index: number): Record<string, unknown> {
    return {
      subTaskForce: kind,
      leadAgencyId: agencyId[DP3AKB_NAME],
      problemStatement: `Masalah utama bagian ${index + 1}, berbasis data agregat.`,
      activities: [1, 2].map((i) => ({
        code: `${index + 1}.${i}`,
        activity: `Kegiatan ${index + 1}.${i}`,
        indicator: 'Jumlah peserta',
        indicatorUnit: 'people',
        baseline: 0,
        target: 100 * i,
        startQuarter: '2027-Q1',
        endQuarter: '2031-Q4',
        responsibleAgencyId: agencyId[DP3AKB_NAME],
        budgetLines: [{ description: 'Honorarium narasumber', units: 10 * i, unitName: 'orang', unitCost: 500_000, budgetSource: 'apbd_province', costCategory: kind === 'cooperation_coordination' ? 'administrative' : 'operational', fiscalYear: 2027 + (i - 1) }],
        genderResponsive: true,
      })),
    };
  }

  step('the secretariat starts the plan in the browser: period, title and Working Group', async () => {
    const page = await logIn(SECRETARIAT);
    // The secretariat's daily sections and "Lainnya" in one row at 1366 px, none wrapped (every role: navigation.e2e-spec.ts).
    const navItems = page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('listitem');
    const tops = await navItems.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(5);
    expect(new Set(tops).size).toBe(1);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'RAD', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/rad');
    await page.getByTestId('plans-list').waitFor();
    await page.getByTestId('start-plan-open').click();
    const form = page.getByTestId('start-plan');
    // The API's own check first: an agency left out comes back from the form, before anything is sent.
    await page.getByTestId('start-submit').click();
    await form.getByTestId('field-error').first().waitFor();
    await form.getByLabel('Tahun pertama periode').fill('2027');
    await form.getByLabel('Lama periode').selectOption({ label: '5 tahun' });
    await form.getByLabel('Judul (opsional)').fill(title);
    const members = form.getByTestId('wg-member');
    await members.nth(0).getByLabel('Instansi').selectOption({ label: DP3AKB_NAME });
    await members.nth(0).getByLabel('Jabatan').fill('Sekretaris Gugus Tugas');
    await members.nth(1).getByLabel('Instansi').selectOption({ label: DINSOS_NAME });
    await members.nth(1).getByLabel('Jabatan').fill('Kepala Seksi Perlindungan Sosial');
    await page.getByTestId('wg-add').click();
    await members.nth(2).getByLabel('Instansi').selectOption({ label: LEGAL_NAME });
    await members.nth(2).getByLabel(/^Peran/).selectOption({ label: 'Narasumber' });
    await members.nth(2).getByLabel('Jabatan').fill('Analis Hukum');
    await shoot(page, 'start-form');
    await page.getByTestId('start-submit').click();
    await page.waitForURL(/\/rad\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: title }).waitFor();
    // Where it is now: drafting, the open stretch marked; the Working Group as given.
    await page.locator('[data-testid="timeline-span"][data-open="true"][data-stage="drafting"]').waitFor();
    await page.getByTestId('plan-working-group').getByText('Analis Hukum').waitFor();
    await shoot(page, 'plan-started');
  });

  step('Dinas Sosial, the Sub-TF lead, drafts its section with two activities in the form', async () => {
    // The five sections without a staffed lead are the secretariat's; they send theirs as any other day.
    const p = await plan();
    const secretariatTasks = await tasksOf('secretariat', 'section', 5);
    for (const t of secretariatTasks) {
      const kind = (await as.secretariat.get(`/tasks/${t.id}`)).body.context.subTaskForce as string;
      const res = await as.secretariat.post(`/tasks/${t.id}/decision`, { outcome: 'completed', data: sectionData(kind, p.sectionKinds.indexOf(kind as never)) });
      expect(res.status).toBe(200);
    }
    const page = await logIn(DINSOS);
    await openFromInbox(page, 'Susun bagian RAD');
    await page.getByTestId('plan-task-facts').getByTestId('task-plan-section').filter({ hasText: 'Rehabilitasi Sosial' }).waitFor();
    const form = page.getByTestId('schema-form');
    await field(form, 'root_problemStatement').locator('textarea').fill('Korban TPPO yang dipulangkan ke Jawa Barat belum seluruhnya mendapat rehabilitasi sosial dan pendampingan reintegrasi.');
    const activities = field(form, 'root_activities');
    const activity = [
      { code: '3.1', name: 'Rehabilitasi sosial korban di rumah perlindungan sosial', indicator: 'Jumlah korban yang direhabilitasi', target: '150', units: '10', cost: '500000' },
      { code: '3.2', name: 'Pendampingan reintegrasi korban di desa asal', indicator: 'Jumlah korban yang didampingi', target: '120', units: '20', cost: '750000' },
    ];
    for (const [i, a] of activity.entries()) {
      const at = await item(activities, `root_activities_${i}`);
      const f = (name: string) => field(at, `root_activities_${i}_${name}`);
      await f('code').locator('input').fill(a.code);
      await f('activity').locator('textarea').fill(a.name);
      await f('indicator').locator('input').fill(a.indicator);
      await f('indicatorUnit').locator('select').selectOption({ label: 'Orang' });
      await f('baseline').locator('input').fill('0');
      await f('target').locator('input').fill(a.target);
      await f('startQuarter').locator('input').fill('2027-Q1');
      await f('endQuarter').locator('input').fill('2031-Q4');
      await f('responsibleAgencyId').locator('select').selectOption({ label: DINSOS_NAME });
      const line = await item(f('budgetLines'), `root_activities_${i}_budgetLines_0`);
      await field(line, `root_activities_${i}_budgetLines_0_description`).locator('input').fill('Honorarium pendamping');
      await field(line, `root_activities_${i}_budgetLines_0_fiscalYear`).locator('input').fill('2027');
      await field(line, `root_activities_${i}_budgetLines_0_units`).locator('input').fill(a.units);
      await field(line, `root_activities_${i}_budgetLines_0_unitCost`).locator('input').fill(a.cost);
      await field(line, `root_activities_${i}_budgetLines_0_budgetSource`).locator('select').selectOption({ label: 'APBD provinsi' });
      await field(line, `root_activities_${i}_budgetLines_0_costCategory`).getByRole('radio', { name: /^Operasional/ }).check();
      await f('genderResponsive').getByRole('radio', { name: 'Ya' }).check();
    }
    await shoot(page, 'section-task');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    const v1 = await planWhen((x) => x.versions.length === 1 && x.stage === 'member_comments', 'version 1 compiled, member comments open');
    const social = v1.current?.content.sections.find((s) => s.subTaskForce === SOCIAL);
    expect(social?.activities.map((a) => [a.answers.code, a.answers.target])).toEqual([
      ['3.1', 150],
      ['3.2', 120],
    ]);
    expect(v1.current?.budget.sections.find((s) => s.subTaskForce === SOCIAL)?.total).toBe(10 * 500_000 + 20 * 750_000);
  });

  step('the secretariat closes the member comment period from the plan page; legal review begins', async () => {
    const page = contexts[0].pages()[0];
    await page.goto(`${web.url}/rad/${planId}`);
    await page.locator('[data-testid="plan-stage"][data-stage="member_comments"]').first().waitFor();
    await page.getByTestId('plan-document').locator('[data-testid="plan-activity"][data-code="3.2"]').waitFor();
    await page.getByTestId('close-comments').click();
    await planWhen((x) => x.stage === 'legal_review', 'legal review round 1');
    // The page follows the plan on its own (it asks again every few seconds while the plan moves): no reload.
    await page.locator('[data-testid="timeline-span"][data-open="true"][data-stage="legal_review"]').waitFor();
  });

  let social: { id31: string; id32: string } = { id31: '', id32: '' };
  step('round 1 (set up): returned with a comment on activity 3.1; Dinas Sosial revises its budget → version 2', async () => {
    const p = await plan();
    const acts = p.current?.content.sections.find((s) => s.subTaskForce === SOCIAL)?.activities ?? [];
    social = { id31: acts[0].activityId, id32: acts[1].activityId };
    const [review] = await tasksOf('legal', 'legal-review', 1);
    const returned = await as.legal.post(`/tasks/${review.id}/decision`, { outcome: 'returned', comments: [{ field: `/sections/${SOCIAL}/activities/${social.id31}`, text: 'Rinci honorarium per kabupaten/kota.' }] });
    expect(returned.status).toBe(200);
    const [revision] = await tasksOf('dinsos', 'section-revision', 1);
    const data = (await as.dinsos.get(`/tasks/${revision.id}`)).body.initialData as { activities: { budgetLines: { units: number; description: string }[] }[] };
    data.activities[0].budgetLines[0] = { ...data.activities[0].budgetLines[0], units: 27, description: 'Honorarium pendamping 27 kabupaten/kota' };
    expect((await as.dinsos.post(`/tasks/${revision.id}/decision`, { outcome: 'completed', data })).status).toBe(200);
    await planWhen((x) => x.versions.length === 2 && x.stage === 'legal_review' && x.round === 2, 'version 2 in legal review round 2');
  });

  step('the legal reviewer reads round 2 on the review page (the change and the addressed comment in place) and returns it with a comment on activity 3.2', async () => {
    const page = await logIn(LEGAL);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'RAD', exact: true }).click();
    await page.getByTestId('plan-row').filter({ hasText: title }).getByRole('link', { name: title }).click();
    await page.getByTestId('review-link').click();
    await page.waitForURL(/\/telaah$/);
    const changed = page.locator(`[data-testid="plan-activity"][data-activity-id="${social.id31}"]`);
    await page.locator(`[data-testid="plan-activity"][data-activity-id="${social.id31}"][data-state="changed"]`).waitFor();
    await changed.locator('[data-pointer="/budgetLines/0/units"]').filter({ hasText: '27' }).waitFor();
    await expect(changed.locator('[data-testid="plan-comment"]').getAttribute('data-addressed')).resolves.toBe('true');
    await expect(page.locator('[data-testid="plan-activity"][data-state="changed"]').count()).resolves.toBe(1);
    await shoot(page, 'review-round-2');
    // The decision is taken on the review task's page, which the review page links to.
    await page.getByTestId('review-task-link').click();
    await page.waitForURL(/\/tugas\/[0-9a-f-]{36}$/);
    await page.getByTestId('task-review-link').waitFor();
    await page.getByTestId('add-comment').click();
    const draft = page.getByTestId('comment-draft').first();
    const target = draft.getByLabel('Bagian yang dimaksud');
    const option = await target.locator('option', { hasText: '3.2 Pendampingan reintegrasi' }).getAttribute('value');
    expect(option).toBe(`/sections/${SOCIAL}/activities/${social.id32}`);
    await target.selectOption(option ?? '');
    await draft.getByLabel('Isi komentar').fill('Target 120 korban belum didukung data pemulangan; sesuaikan.');
    await shoot(page, 'review-task');
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-done').waitFor();
  });

  step('Dinas Sosial sees the comment beside activity 3.2 on its revision task and revises the target', async () => {
    const page = contexts[1].pages()[0];
    await openFromInbox(page, 'Perbaiki bagian RAD sesuai telaah hukum');
    const returned = page.getByTestId('returned-comments');
    const beside = returned.locator('[data-testid="plan-activity"][data-code="3.2"]').getByTestId('returned-comment-notes');
    await beside.getByText('Target 120 korban belum didukung data pemulangan; sesuaikan.').waitFor();
    await expect(returned.locator('[data-testid="plan-activity"][data-code="3.1"]').getByTestId('returned-comment-notes').count()).resolves.toBe(0);
    await shoot(page, 'revision-task');
    const form = page.getByTestId('schema-form');
    await field(form, 'root_activities_1_target').locator('input').fill('90');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    await planWhen((x) => x.versions.length === 3 && x.stage === 'legal_review' && x.round === 3, 'version 3 in legal review round 3');
  });

  step('the reviewer approves round 3 from the inbox while the worker dies recording it: the page says the approval is being recorded, then that it is done once a worker is back', async () => {
    const page = contexts[2].pages()[0];
    await openFromInbox(page, 'Telaah hukum RAD putaran 3');
    // Hold the audit append lock: the worker's transaction recording the approval waits there, and dies there.
    const owner = new Pool({ connectionString: testEnv().ownerDatabaseUrl, max: 2 });
    const lock = await owner.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [AUDIT_APPEND_LOCK]);
      await page.getByTestId('task-approve').click();
      await eventually(
        async () => ((await owner.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND strpos(query, 'pg_advisory_xact_lock') > 0`)).rowCount ? true : undefined),
        30_000,
        "the worker's recording transaction to wait on the audit lock",
      );
      await worker.kill();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [AUDIT_APPEND_LOCK]);
      lock.release();
      await owner.end();
    }
    // Accepted by the workflow before the kill: after the API's bounded wait the page says so, in Indonesian, and offers no second press.
    const processing = page.getByTestId('task-processing');
    await processing.waitFor({ timeout: DECISION_ACCEPT_WAIT_MS + DECISION_RESULT_WAIT_MS + 15_000 });
    expect(await processing.innerText()).toContain('sedang dicatat');
    expect(await page.getByTestId('task-approve').count()).toBe(0);
    await shoot(page, 'review-being-recorded');
    worker = await startWorker(settings);
    // The page looks again by itself and turns to "approved" once the new worker has recorded it.
    await page.getByTestId('task-done').waitFor({ timeout: 120_000 });
    expect(await processing.count()).toBe(0);
    await planWhen((x) => x.stage === 'endorsement', 'the plan awaiting the decree');
    const history = ((await as.legal.get(`/tasks/${page.url().split('/').pop()}`)).body.history as { kind: string }[]).map((h) => h.kind);
    expect(history.filter((k) => k === 'approved')).toEqual(['approved']);
  });

  step("the chair's office records the decree in its form", async () => {
    const page = await logIn(CHAIR);
    await openFromInbox(page, 'Catat keputusan kepala daerah');
    const form = page.getByTestId('schema-form');
    await field(form, 'root_instrumentType').locator('select').selectOption({ label: 'Keputusan Gubernur' });
    await field(form, 'root_decreeNumber').locator('input').fill(`463/Kep.${suffix}-DP3AKB/2027`);
    await field(form, 'root_decreeDate').locator('input').fill('2027-01-15');
    await field(form, 'root_signedByPosition').locator('input').fill('Gubernur Jawa Barat');
    await field(form, 'root_monitoringFrequency').locator('select').selectOption({ label: 'Triwulanan (tiga bulanan)' });
    await field(form, 'root_reportingFrequency').locator('select').selectOption({ label: 'Tahunan' });
    await field(form, 'root_budgetSources').getByRole('checkbox', { name: 'APBD provinsi' }).check();
    await field(form, 'root_documentRef').locator('input').fill(`JDIH Jabar: kepgub-463-${suffix}.pdf`);
    await shoot(page, 'decree-task');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    const endorsed = await planWhen((x) => x.status === 'endorsed', 'the plan endorsed');
    expect(endorsed.decree).toEqual(expect.objectContaining({ number: `463/Kep.${suffix}-DP3AKB/2027`, versionSeq: 3 }));
  });

  step('the secretariat records an allocation against the endorsed plan in its form; the API refuses an amount out of range, in its words', async () => {
    const page = contexts[0].pages()[0];
    await page.goto(`${web.url}/rad/${planId}`);
    await page.locator('[data-testid="plan-status"][data-status="endorsed"]').first().waitFor();
    await expect(page.getByTestId('plan-allocations').count()).resolves.toBe(0);
    const form = page.getByTestId('allocation-form');
    await form.locator('summary').click();
    await form.getByLabel('Kegiatan').selectOption({ label: '3.1 Rehabilitasi sosial korban di rumah perlindungan sosial' });
    await form.getByLabel('Tahun anggaran').selectOption('2027');
    await form.getByLabel('Sumber').selectOption({ label: 'APBD provinsi' });
    await form.getByLabel(/Sudah disetujui DPRD/).check();
    // Whole rupiah as people write it; the form checks only that, the API the range.
    await form.getByLabel('Jumlah').fill('90.071.992.547.409.920');
    await form.getByTestId('allocation-submit').click();
    await form.getByTestId('allocation-refused').getByText('Ada isian yang tidak valid.').waitFor();
    await form.getByTestId('field-error').filter({ hasText: /tidak boleh lebih dari 9007199254740991/i }).waitFor();
    await shoot(page, 'allocation-refused');
    await form.getByLabel('Jumlah').fill('9.000.000');
    await form.getByTestId('allocation-submit').click();
    await form.getByTestId('allocation-recorded').filter({ hasText: 'Alokasi dicatat: 3.1 · 2027 · Rp 9.000.000.' }).waitFor();
    await expect(form.getByTestId('allocation-refused').count()).resolves.toBe(0);
    // The plan page reloads: the allocation in its table, as the API keeps it.
    await page.getByTestId('plan-allocations').getByText('Rp 9.000.000').waitFor();
    const [allocation] = (await plan()).allocations;
    expect(allocation).toEqual(expect.objectContaining({ versionSeq: 3, activityId: social.id31, fiscalYear: 2027, amount: 9_000_000, budgetSource: 'apbd_province', approvedByParliament: true }));
  });

  step('the plan page shows the endorsed plan: timeline, decree, the comments beside their activities, and the charts', async () => {
    const page = contexts[0].pages()[0];
    await page.goto(`${web.url}/rad/${planId}`);
    await page.locator('[data-testid="plan-status"][data-status="endorsed"]').first().waitFor();
    await page.getByTestId('plan-allocations').getByText('Rp 9.000.000').waitFor();
    await page.getByTestId('decree-number').filter({ hasText: `463/Kep.${suffix}-DP3AKB/2027` }).waitFor();
    const stages = await page.getByTestId('timeline-span').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-stage')));
    expect(stages).toEqual(expect.arrayContaining(['drafting', 'member_comments', 'legal_review', 'legal_revision', 'endorsement']));
    await expect(page.locator('[data-testid="timeline-span"][data-open="true"]').count()).resolves.toBe(1);
    // Drafting was held by several agencies at once: the timeline names each one's part (the secretariat's sections, Dinas Sosial's).
    const parts = page.locator('[data-testid="timeline-span"][data-stage="drafting"] [data-testid="span-holder"]');
    await expect(parts.count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(parts.filter({ hasText: 'Dinas Sosial' }).first().textContent()).resolves.toMatch(/Menyusun bagian · 1 tugas · \d+ hari kerja/);
    // The budget per section against allocations, drawn by ECharts in SVG: one bar per section (in the primary colour), each section named.
    const budgetBars = page.getByTestId('chart-budget').locator('svg path[fill="#17426e"]');
    await budgetBars.first().waitFor();
    await expect(budgetBars.count()).resolves.toBeGreaterThanOrEqual(6);
    await page.getByTestId('chart-budget').locator('svg text', { hasText: 'Rehabilitasi' }).first().waitFor();
    await expect(page.getByTestId('chart-budget').getAttribute('aria-label')).resolves.toBe('Anggaran / Dialokasikan');
    // What the chart draws, as its table: the social rehabilitation section's budget and the money allocated to it.
    const socialRow = page.getByTestId('plan-budget').locator('details tr').filter({ hasText: 'Rehabilitasi Sosial' });
    await expect(socialRow.textContent()).resolves.toMatch(/Rp 28\.500\.000.*Rp 9\.000\.000/);
    // The coordination section budgets only meetings: a non-blocking warning names it, and the table splits the categories.
    await page.getByTestId('plan-budget').locator('[data-testid="budget-warning"][data-section="cooperation_coordination"]').getByText(/^Bagian Kerja Sama dan Koordinasi: biaya administrasi/).waitFor();
    await expect(page.getByTestId('plan-budget').getByTestId('budget-warning').count()).resolves.toBe(1);
    await page.getByTestId('plan-budget').locator('details summary').first().click();
    await expect(socialRow.textContent()).resolves.toMatch(/Rp 28\.500\.000.*Rp 9\.000\.000.*Rp 0.*Rp 28\.500\.000.*Rp 0/);
    // Budget per year: 2027 and 2028 planned; the 9 000 000 approved by the DPRD counts in 2027 only.
    await expect(page.getByTestId('budget-year').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-year')))).resolves.toEqual(['2027', '2028']);
    await expect(page.locator('[data-testid="budget-year"][data-year="2027"]').textContent()).resolves.toMatch(/Rp 9\.000\.000Rp 0$/);
    await expect(page.locator('[data-testid="budget-year"][data-year="2028"]').textContent()).resolves.toMatch(/Rp 0Rp 0$/);
    await page.getByTestId('plan-budget').screenshot({ path: join(screenshotDir, 'plans-budget-panel-laptop.png') });
    const doc = page.getByTestId('plan-document');
    await doc.locator('[data-testid="plan-activity"][data-code="3.2"]').getByText('Target 120 korban belum didukung data pemulangan; sesuaikan.').waitFor();
    await shoot(page, 'plan-endorsed');
    // The exports come with the session (a plain link could not carry it) and are saved under the API's name.
    for (const [button, extension, magic] of [['export-pdf', '.pdf', '%PDF'], ['export-xlsx', '.xlsx', 'PK']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      expect(download.suggestedFilename().endsWith(extension)).toBe(true);
      const saved = await download.path();
      expect(saved && readFileSync(saved).subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-v3\\${extension}$`));
    }
    // Reading an earlier version, the exports are of that version.
    await page.goto(`${web.url}/rad/${planId}?versi=1`);
    await page.locator('[data-testid="plan-version"][data-seq="1"][aria-current="true"]').waitFor();
    await page.locator('[data-testid="plan-exports"][data-version="1"]').getByText('Berkas versi 1, versi yang sedang dibaca.').waitFor();
    const [older] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(older.suggestedFilename()).toMatch(/-v1\.pdf$/);
    await page.goto(`${web.url}/rad/analitik?wilayah=32`);
    await page.locator(`[data-testid="analytics-plan"][data-plan-id="${planId}"]`).getByTestId('chart-stage-days').locator('svg path[fill="#17426e"]').first().waitFor({ state: 'attached' }); // a stage of 0 days is a bar of no width
    await expect(page.locator(`[data-testid="analytics-plan"][data-plan-id="${planId}"]`).getByTestId('analytics-rounds').textContent()).resolves.toBe('3');
    // Time with each agency in the parallel stages (not "several agencies"), and each agency's totals over the plans.
    const card = page.locator(`[data-testid="analytics-plan"][data-plan-id="${planId}"]`);
    await expect(card.locator('[data-testid="analytics-holder"][data-stage="drafting"][data-step="section"]').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(card.locator('[data-testid="analytics-holder"]').filter({ hasText: 'Beberapa instansi sekaligus' }).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage')))).resolves.toEqual(['integration']);
    await page.getByTestId('analytics-holder-totals').locator('[data-testid="holder-total"][data-stage="drafting"]').first().waitFor();
    await shoot(page, 'analytics');
  });

  step('no page broke the Content-Security-Policy (charts included)', async () => {
    expect(violations).toEqual([]);
  });
});
