import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ProcessSettingsOverview } from '@gugus/contracts';
import type { Locator, Page } from 'playwright-core';
import { browserSession, client, eventually, login, type BrowserSession, type RunningApi, type RunningWeb, sequentialSteps, serviceEnv, type ServiceProcess, startApi, startTimeSkippingEnv, startWeb, startWorker, taskRowInInbox, VIEWPORTS } from '../support';

const DAY = 24 * 3600 * 1000;
const WIB = 7 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);

const SECRETARIAT = 'sekretariat.jabar@gugus.test';
const CHAIR = 'ketua.jabar@gugus.test';
const DINSOS = 'dinsos.jabar@gugus.test';
const DINSOS_NAME = 'Dinas Sosial Provinsi Jawa Barat';
const DP3AKB_NAME = 'DP3AKB Provinsi Jawa Barat';

/**
 * Issue 5, acceptance 5: a coordination meeting through the web app in Chromium, every step by a demo
 * user in the browser: the secretariat schedules a plenary and drafts its agenda from the inbox; Dinas
 * Sosial answers the invitation; the secretariat writes the minutes with an action point; the steering
 * chair returns them once with a comment on that action point, then approves the revision; Dinas Sosial
 * reports the action point done from its inbox; the meeting page shows it done.
 *
 * The API and worker run against Temporal's time-skipping test server, so the two weeks until the
 * invitations and the meeting pass in seconds (`env.sleep`); the browser sees the tasks they create.
 */
describe('web app: a coordination meeting from scheduling to a completed action point', () => {
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let worker: ServiceProcess;
  let web: RunningWeb;
  let browser: BrowserSession;
  /** Each person's window, in the order they logged in: the secretariat, Dinas Sosial, the chair. */
  const windows: Page[] = [];
  const suffix = randomBytes(3).toString('hex');
  const title = `Rapat Pleno Uji ${suffix}`;
  const actionPoint = `Menyusun daftar rumah aman ${suffix}`;
  let meetingId = '';
  let meetingDate = '';
  let meetingAt = 0;
  /** Days before the meeting its invitations go out, as West Java's settings say today. */
  let invitationLeadDays = 14;

  const step = sequentialSteps();

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    // API and worker share the task queue serviceEnv() draws, and the time-skipping server.
    const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default' });
    [api, browser] = await Promise.all([startApi(settings), browserSession()]);
    [web, worker] = await Promise.all([startWeb(api.url), startWorker(settings)]);
    meetingDate = jakartaDate((await env.currentTimeMs()) + 16 * DAY);
    meetingAt = Date.parse(`${meetingDate}T09:00:00+07:00`);
    const secretariat = client(api.url, (await login(api.url, SECRETARIAT)).accessToken);
    invitationLeadDays = ((await secretariat.get('/process-settings/coordination-meeting?jurisdictionCode=32')).body as ProcessSettingsOverview).effective.settings.invitationLeadDays;
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), worker?.stop()]);
    await api?.stop();
    await env?.teardown();
  });

  async function logIn(email: string, viewport: 'laptop' | 'phone' = 'laptop'): Promise<Page> {
    const page = await browser.open(web.url, { as: email, path: '/tugas', viewport });
    windows.push(page);
    return page;
  }

  const shot = (page: Page, name: string) => browser.shot(page, name);
  const field = (scope: Locator | Page, id: string) => scope.locator(`[data-field="${id}"]`);

  /** Opens the inbox from the navigation and waits (reloading, as a person would) until the task shows up. */
  async function openFromInbox(page: Page, taskTitle: string, screenshot?: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tugas', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tugas');
    const row = await taskRowInInbox(page, taskTitle);
    if (screenshot) await shot(page, screenshot);
    await row.getByRole('link', { name: taskTitle }).click();
    await page.waitForURL(/\/tugas\/[0-9a-f-]{36}$/);
    await page.getByTestId('task-facts').waitFor();
  }

  /** Item `id` of a list field; added with the list's button unless the form already has it (a list with minItems starts with its first item). */
  async function item(list: Locator, id: string): Promise<Locator> {
    const found = field(list, id);
    if (!(await found.count())) await list.getByRole('button', { name: 'Tambah butir' }).click();
    await found.waitFor();
    return found;
  }

  async function complete(page: Page): Promise<void> {
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    await page.getByTestId('task-status').first().filter({ hasText: 'Selesai' }).waitFor();
  }

  step('the secretariat schedules a plenary 16 days ahead in the browser', async () => {
    const page = await logIn(SECRETARIAT);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Rapat', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/rapat');
    await page.getByTestId('schedule-open').click();
    const form = page.getByTestId('schedule-meeting');
    // The API's own check first: a date in the past comes back as an error at the date field.
    await form.getByLabel('Jenis rapat').selectOption({ label: 'Rapat pleno' });
    await form.getByLabel('Tanggal').fill(jakartaDate(Date.now() - 2 * DAY));
    await form.getByLabel('Jam mulai (WIB)').fill('09:00');
    await form.getByLabel('Judul (opsional)').fill(title);
    await form.getByLabel('Tempat (opsional)').fill('Aula DP3AKB');
    await page.getByTestId('schedule-submit').click();
    await form.getByTestId('field-error').filter({ hasText: 'satu jam' }).waitFor();
    await form.getByLabel('Tanggal').fill(meetingDate);
    await page.getByTestId('schedule-submit').click();
    await page.waitForURL(/\/rapat\/[0-9a-f-]{36}$/);
    meetingId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('[data-testid="meeting-stages"] [aria-current="step"]').filter({ hasText: 'Dijadwalkan' }).waitFor();
  });

  step('drafts the agenda from the inbox: a saved draft survives a reload, then the agenda is completed', async () => {
    const page = windows[0];
    await openFromInbox(page, `Susun agenda: ${title}`, 'inbox-laptop');
    const form = page.getByTestId('schema-form');
    // Where the process already knows the answer, the form starts filled in.
    await expect(field(form, 'root_meetingDate').locator('input').inputValue()).resolves.toBe(meetingDate);
    await expect(field(form, 'root_startTime').locator('input').inputValue()).resolves.toBe('09:00');
    await field(form, 'root_meetingMode').getByRole('radio', { name: 'Tatap muka (luring)' }).check();
    await field(form, 'root_venue').locator('input').fill('Aula DP3AKB');
    await field(form, 'root_chairPosition').locator('input').fill('Ketua Harian Gugus Tugas');
    await page.getByTestId('task-save-draft').click();
    await page.getByTestId('draft-saved').filter({ hasText: 'WIB' }).waitFor();
    await page.reload();
    await expect(field(page.getByTestId('schema-form'), 'root_chairPosition').locator('input').inputValue()).resolves.toBe('Ketua Harian Gugus Tugas');
    await page.getByTestId('draft-saved').waitFor();

    // Completing without an agenda item is refused at the field, here in the browser.
    await page.getByTestId('task-complete').click();
    await page.getByTestId('form-error-summary').waitFor();
    const items = await item(field(page.getByTestId('schema-form'), 'root_agendaItems'), 'root_agendaItems_0');
    await field(items, 'root_agendaItems_0_topic').locator('input').fill('Tindak lanjut rapat sebelumnya');
    await field(items, 'root_agendaItems_0_presenterAgencyId').locator('select').selectOption({ label: DP3AKB_NAME });
    await field(items, 'root_agendaItems_0_durationMinutes').locator('input').fill('30');
    await field(items, 'root_agendaItems_0_purpose').getByRole('radio', { name: 'Pembahasan' }).check();
    await shot(page, 'task-page-laptop');
    await complete(page);
    // Done: the submission is shown read-only, and the way back leads to the inbox.
    await page.getByTestId('task-submission').waitFor();
    await page.getByTestId('back-to-inbox').click();
    await page.waitForURL((url) => url.pathname === '/tugas');
  });

  step('two weeks before the meeting the invitations are out; Dinas Sosial answers "Hadir" from its inbox on a phone', async () => {
    // A few hours after the invitations went out (about two weeks before the meeting).
    await env.sleep(meetingAt - invitationLeadDays * DAY + 3 * 3600_000 - (await env.currentTimeMs()));
    const page = await logIn(DINSOS, 'phone');
    await openFromInbox(page, `Konfirmasi kehadiran: ${title}`, 'inbox-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    // The agenda it is invited to is there to read.
    await page.getByTestId('task-review').getByText('Lihat Agenda rapat koordinasi Gugus Tugas').click();
    await page.getByTestId('review-form').getByText('Tindak lanjut rapat sebelumnya').waitFor();
    const form = page.getByTestId('schema-form');
    await field(form, 'root_response').getByRole('radio', { name: 'Hadir', exact: true }).check();
    await field(form, 'root_attendeeCount').locator('input').fill('2');
    await shot(page, 'task-rsvp-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await complete(page);
  });

  step('after the meeting the secretariat writes minutes with an action point for Dinas Sosial', async () => {
    await env.sleep(meetingAt - (await env.currentTimeMs()) + 3600_000);
    const page = windows[0];
    await openFromInbox(page, `Susun notulen: ${title}`);
    const form = page.getByTestId('schema-form');
    await field(form, 'root_chairPosition').locator('input').fill('Ketua Harian Gugus Tugas');
    const present = field(form, 'root_attendance_presentAgencyIds');
    await (await item(present, 'root_attendance_presentAgencyIds_0')).locator('select').selectOption({ label: DP3AKB_NAME });
    await (await item(present, 'root_attendance_presentAgencyIds_1')).locator('select').selectOption({ label: DINSOS_NAME });
    await (await item(field(form, 'root_agendaItems'), 'root_agendaItems_0')).locator('[data-field="root_agendaItems_0_topic"] input').fill('Tindak lanjut rapat sebelumnya');
    const points = field(form, 'root_actionPoints');
    await item(points, 'root_actionPoints_0');
    await field(points, 'root_actionPoints_0_description').locator('input').fill(actionPoint);
    // The agency picker lists the agencies of the meeting's jurisdiction.
    await field(points, 'root_actionPoints_0_responsibleAgencyId').locator('select').selectOption({ label: DINSOS_NAME });
    await field(points, 'root_actionPoints_0_dueDate').locator('input').fill(jakartaDate(meetingAt + 30 * DAY));
    await complete(page);
  });

  step('the steering chair returns the minutes with a comment on the action point', async () => {
    const page = await logIn(CHAIR);
    await openFromInbox(page, `Setujui notulen: ${title}`);
    const review = page.getByTestId('review-form');
    await field(review, 'tinjau_actionPoints_0_description').locator('input').waitFor();
    await expect(field(review, 'tinjau_actionPoints_0_description').locator('input').inputValue()).resolves.toBe(actionPoint);
    // Returning needs a comment.
    await page.getByTestId('task-return').click();
    await page.getByTestId('decision-problem').filter({ hasText: 'paling sedikit satu komentar' }).waitFor();
    await page.getByTestId('add-comment').click();
    const comment = page.getByTestId('comment-draft');
    await comment.getByLabel('Bagian yang dimaksud').selectOption({ label: 'Rencana tindak lanjut #1' });
    await comment.getByLabel('Isi komentar').fill('Sebutkan kabupaten/kota yang didahulukan.');
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-done').filter({ hasText: 'Dikembalikan' }).waitFor();
  });

  step('the secretariat sees the comment at the action point, revises and completes again', async () => {
    const page = windows[0];
    await openFromInbox(page, `Perbaiki notulen: ${title}`);
    const returned = page.getByTestId('returned-comments');
    await returned.getByText('Rencana tindak lanjut #1').waitFor();
    await returned.getByText('Sebutkan kabupaten/kota yang didahulukan.').waitFor();
    // The revision starts from the minutes as they were sent.
    const description = field(page.getByTestId('schema-form'), 'root_actionPoints_0_description').locator('input');
    await expect(description.inputValue()).resolves.toBe(actionPoint);
    await returned.getByRole('button', { name: 'Ke isian' }).click();
    // The comment also shows at the field itself, under the strict Content-Security-Policy vite preview sends.
    const marker = await field(page.getByTestId('schema-form'), 'root_actionPoints_0').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(marker).toContain('Sebutkan kabupaten/kota yang didahulukan.');
    await shot(page, 'task-returned-laptop');
    await description.fill(`${actionPoint}, mulai dari Kabupaten Bandung`);
    await complete(page);
  });

  step('the steering chair approves the revised minutes on the task page', async () => {
    const page = windows[2];
    await openFromInbox(page, `Setujui notulen: ${title}`);
    await expect(field(page.getByTestId('review-form'), 'tinjau_actionPoints_0_description').locator('input').inputValue()).resolves.toBe(`${actionPoint}, mulai dari Kabupaten Bandung`);
    await shot(page, 'task-approval-laptop');
    await page.getByTestId('task-approve').click();
    await page.getByTestId('task-done').filter({ hasText: 'Disetujui' }).waitFor();
    await page.getByTestId('task-status').first().filter({ hasText: 'Disetujui' }).waitFor();
  });

  step('Dinas Sosial reports the action point done from its inbox', async () => {
    const page = windows[1];
    await openFromInbox(page, `Tindak lanjut #1: ${actionPoint}, mulai dari Kabupaten Bandung`);
    const form = page.getByTestId('schema-form');
    await field(form, 'root_status').getByRole('radio', { name: 'Selesai', exact: true }).check();
    await field(form, 'root_completedOn').locator('input').fill(jakartaDate(meetingAt + 7 * DAY));
    await field(form, 'root_narrative').locator('textarea').fill('Daftar rumah aman 27 kabupaten/kota disusun dan dikirim ke sekretariat.');
    await field(form, 'root_needsCoordinationSupport').getByRole('radio', { name: 'Tidak', exact: true }).check();
    await complete(page);
  });

  step('the meeting page shows the invitation answered and the action point done', async () => {
    const page = windows[0];
    await page.goto(`${web.url}/rapat/${meetingId}`);
    const point = page.getByTestId('action-point').filter({ hasText: actionPoint });
    // The report reaches the meeting's read model through the worker.
    await eventually(
      async () => {
        if ((await point.getAttribute('data-status', { timeout: 10_000 }))?.startsWith('done')) return true;
        await page.reload();
        return undefined;
      },
      60_000,
      'the action point shown as done',
    );
    await point.getByTestId('point-status').filter({ hasText: 'Selesai' }).waitFor();
    await expect(point.textContent()).resolves.toContain(DINSOS_NAME);
    await page.getByTestId('invitation').filter({ hasText: DINSOS_NAME }).filter({ hasText: 'Hadir' }).waitFor();
    await page.locator('[data-testid="meeting-stages"] [data-stage="closed"][data-state="done"]').waitFor();
    await shot(page, 'meeting-page-laptop');
    // English second: the same page after the language switch.
    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: /^Action points/ }).waitFor();
    await point.getByTestId('point-status').filter({ hasText: 'Done' }).waitFor();
    await page.getByTestId('language-switch').getByRole('button', { name: 'ID' }).click();
  });
});
