import { randomBytes, randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Page } from 'playwright-core';
import { FORM_LIBRARY } from '@gugus/forms';
import { browserSession, type BrowserSession, client, eventually, login, type RunningApi, type RunningWeb, sequentialSteps, serviceEnv, type ServiceProcess, startApi, startTimeSkippingEnv, sql, startWeb, startWorker, taskRowInInbox, temporalClient, databaseOfItsOwn, type OwnDatabase, clockSkipper } from '../support';

const DAY = 24 * 3600 * 1000;
const WIB = 7 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);

const SECRETARIAT = 'sekretariat.jabar@gugus.test';
const DINSOS = 'dinsos.jabar@gugus.test';

const fixture = (key: string) => structuredClone(Object.values(FORM_LIBRARY.find((f) => f.definition.key === key)?.valid ?? {})[0]) as Record<string, unknown>;

/**
 * Issue 13, item 6 (second gap), in Chromium: the secretariat reschedules one meeting (a date in the past
 * is refused at the field first) and cancels another (a missing reason is refused at the field first);
 * Dinas Sosial, invited to the cancelled one, follows its notification to the meeting and reads that it
 * was cancelled, by whom and why. An auto-scheduled plenary cancelled in the browser says that the 4-month
 * rule stands, and when it passes with no plenary held, the secretariat finds the task in its inbox. API
 * and worker run on Temporal's time-skipping server and a database of the test's own (the plenary rule
 * reads every plenary of West Java, which other tests hold too).
 */
describe('web app: a meeting rescheduled and another cancelled with a reason', () => {
  let env: TestWorkflowEnvironment;
  const skipTo = clockSkipper(() => env);
  let own: OwnDatabase;
  let taskQueue = '';
  let api: RunningApi;
  let worker: ServiceProcess;
  let web: RunningWeb;
  let session: BrowserSession;
  const suffix = randomBytes(3).toString('hex');
  const moved = `Rapat Khusus Dipindah ${suffix}`;
  const called = `Rapat Khusus Dibatalkan ${suffix}`;
  let movedId = '';
  let calledId = '';
  let secretariatPage: Page;
  let newDate = '';

  const step = sequentialSteps();

  beforeAll(async () => {
    [env, own] = await Promise.all([startTimeSkippingEnv(), databaseOfItsOwn('meeting_cancel_web')]);
    const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir });
    taskQueue = settings['TEMPORAL_TASK_QUEUE'];
    [api, session] = await Promise.all([startApi(settings), browserSession()]);
    [web, worker] = await Promise.all([startWeb(api.url), startWorker(settings)]);
    const secretariat = client(api.url, (await login(api.url, SECRETARIAT)).accessToken);
    const now = await env.currentTimeMs();
    newDate = jakartaDate(now + 24 * DAY);
    const a = await secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'special', scheduledAt: new Date(`${jakartaDate(now + 20 * DAY)}T09:00:00+07:00`).toISOString(), title: moved, venue: 'Aula DP3AKB' });
    expect(a.status).toBe(201);
    movedId = a.body.id;
    // The other is five days out: once its agenda is done its invitations go out at once.
    const date = jakartaDate(now + 5 * DAY);
    const b = await secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'special', scheduledAt: new Date(`${date}T09:00:00+07:00`).toISOString(), title: called, venue: 'Aula DP3AKB' });
    expect(b.status).toBe(201);
    calledId = b.body.id;
    const agenda = await eventually(async () => {
      const res = await secretariat.get(`/tasks?processId=${calledId}&status=open&limit=10`);
      return (res.body.items as { id: string; step: string }[]).find((t) => t.step === 'agenda');
    }, 60_000, 'the agenda task');
    const dp3akb = (await sql(own.appUrl, `SELECT id FROM agencies WHERE name = 'DP3AKB Provinsi Jawa Barat'`))[0]?.['id'];
    const data = fixture('meeting-agenda');
    Object.assign(data, { meetingType: 'special', meetingDate: date, startTime: '09:00', meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Koordinasi kasus lintas wilayah', presenterAgencyId: dp3akb, durationMinutes: 30, purpose: 'discussion' }];
    const done = await secretariat.post(`/tasks/${agenda.id}/decision`, { outcome: 'completed', data });
    expect({ status: done.status, body: done.status === 200 ? undefined : done.body }).toEqual({ status: 200, body: undefined });
    const dinsos = client(api.url, (await login(api.url, DINSOS)).accessToken);
    await eventually(async () => {
      const res = await dinsos.get(`/tasks?processId=${calledId}&status=open&limit=10`);
      return (res.body.items as { step: string }[]).some((t) => t.step === 'rsvp') ? true : undefined;
    }, 60_000, 'Dinas Sosial invited');
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([web?.stop(), worker?.stop()]);
    await api?.stop();
    await env?.teardown();
    await own?.drop();
  });

  step('the secretariat reschedules a meeting: a past date is refused at the field, then the new time and reason show', async () => {
    secretariatPage = await session.open(web.url, { as: SECRETARIAT, path: `/rapat/${movedId}` });
    const page = secretariatPage;
    await page.getByRole('heading', { name: moved }).waitFor();
    await page.getByTestId('meeting-reschedule-open').click();
    const form = page.getByTestId('meeting-reschedule');
    await form.getByLabel('Tanggal baru').fill(jakartaDate(Date.now() - 2 * DAY));
    await page.getByTestId('meeting-reschedule-submit').click();
    await form.getByTestId('field-error').filter({ hasText: 'satu jam' }).waitFor();
    await form.getByLabel('Tanggal baru').fill(newDate);
    await form.getByLabel('Jam mulai (WIB)').fill('13:30');
    await form.getByLabel('Tempat baru (opsional)').fill('Ruang Rapat Gedung Sate');
    await form.getByLabel('Alasan (opsional)').fill('Bertepatan dengan kunjungan kerja gubernur');
    await session.shot(page, 'meeting-reschedule-form');
    await page.getByTestId('meeting-reschedule-submit').click();
    const notice = page.getByTestId('meeting-last-move');
    await notice.filter({ hasText: 'Bertepatan dengan kunjungan kerja gubernur' }).waitFor();
    await page.getByText('Ruang Rapat Gedung Sate').waitFor();
    await page.locator('time').filter({ hasText: '13.30' }).or(page.locator('time').filter({ hasText: '13:30' })).first().waitFor();
    await session.shot(page, 'meeting-rescheduled');
  });

  step('the secretariat cancels another meeting: the reason is required, then the meeting reads "Dibatalkan" with the reason', async () => {
    const page = secretariatPage;
    await page.goto(`${web.url}/rapat/${calledId}`);
    await page.getByRole('heading', { name: called }).waitFor();
    await page.getByTestId('meeting-cancel-open').click();
    const form = page.getByTestId('meeting-cancel');
    await page.getByTestId('meeting-cancel-submit').click();
    await form.getByTestId('field-error').filter({ hasText: 'wajib diisi' }).waitFor();
    await form.getByLabel('Alasan pembatalan').fill('Anggaran perjalanan belum tersedia');
    await session.shot(page, 'meeting-cancel-form');
    await page.getByTestId('meeting-cancel-submit').click();
    await page.getByTestId('meeting-status').filter({ hasText: 'Dibatalkan' }).waitFor();
    await page.getByTestId('meeting-cancellation-reason').filter({ hasText: 'Anggaran perjalanan belum tersedia' }).waitFor();
    // Nothing left to change on a cancelled meeting.
    expect(await page.getByTestId('meeting-change-actions').count()).toBe(0);
    await session.shot(page, 'meeting-cancelled');
  });

  step('Dinas Sosial, invited, follows its notification to the meeting and reads why it was cancelled', async () => {
    const page = await session.open(web.url, { as: DINSOS, path: '/notifikasi' });
    const note = page.getByTestId('notification').filter({ hasText: `Rapat dibatalkan: ${called}` });
    let first = true;
    await eventually(
      async () => {
        if (!first) await page.reload();
        first = false;
        await page.getByTestId('notifications-page').waitFor();
        return (await note.count()) ? true : undefined;
      },
      60_000,
      'the cancellation notice',
    );
    await note.getByText('Anggaran perjalanan belum tersedia').waitFor();
    await session.shot(page, 'meeting-cancelled-notification');
    await note.getByTestId('notification-open').click();
    await page.waitForURL((url) => url.pathname === `/rapat/${calledId}`);
    await page.getByTestId('meeting-cancellation').filter({ hasText: 'Rapat ini dibatalkan.' }).waitFor();
    await page.getByTestId('meeting-cancellation-reason').filter({ hasText: 'Anggaran perjalanan belum tersedia' }).waitFor();
    // An invitee does not organise meetings: no way to change it is offered.
    expect(await page.getByTestId('meeting-cancel-open').count()).toBe(0);
    await session.shot(page, 'meeting-cancelled-invitee');
  });

  step('an auto-scheduled plenary cancelled in the browser keeps the 4-month rule: when it passes, the secretariat has the task', async () => {
    // The last plenary was held on the 10th about three months ago; the process scheduled the next four months after it.
    const now = await env.currentTimeMs();
    const [y, m] = jakartaDate(now - 92 * DAY).split('-').map(Number);
    const heldAt = new Date(Date.UTC(y, m - 1, 10, 2));
    const dueBy = new Date(Date.UTC(y, m - 1 + 4, 10, 2));
    const previous = randomUUID();
    const next = randomUUID();
    const plenary = `Rapat Pleno Otomatis ${suffix}`;
    await sql(own.appUrl, `INSERT INTO meetings (id, jurisdiction_code, kind, title, scheduled_at, status, auto_scheduled, workflow_id, held_at) VALUES ($1, '32', 'plenary', 'Rapat Pleno Sebelumnya', $2, 'closed', false, $3, $2)`, [previous, heldAt, `meeting-${previous}`]);
    await sql(own.appUrl, `INSERT INTO meetings (id, jurisdiction_code, kind, title, scheduled_at, venue, status, auto_scheduled, previous_meeting_id, workflow_id) VALUES ($1, '32', 'plenary', $2, $3, 'Aula DP3AKB', 'planned', true, $4, $5)`, [
      next,
      plenary,
      dueBy,
      previous,
      `meeting-${next}`,
    ]);
    await temporalClient(env.connection).workflow.start('coordinationMeeting', { workflowId: `meeting-${next}`, taskQueue, args: [{ meetingId: next }] });

    const page = secretariatPage;
    await page.goto(`${web.url}/rapat/${next}`);
    await page.getByRole('heading', { name: plenary }).waitFor();
    await page.getByTestId('meeting-cancel-open').click();
    const form = page.getByTestId('meeting-cancel');
    await form.getByText('Rapat pleno tetap wajib diadakan').waitFor();
    await form.getByLabel('Alasan pembatalan').fill('Ruang rapat direnovasi');
    await page.getByTestId('meeting-cancel-submit').click();
    const notice = page.getByTestId('meeting-cancellation');
    await notice.getByText('Rapat pleno tetap wajib diadakan').waitFor();
    await session.shot(page, 'meeting-plenary-cancelled');

    await skipTo(dueBy.getTime() + 3600_000);
    const taskTitle = `Rapat pleno belum diadakan dalam 4 bulan: jadwalkan segera (${plenary} dibatalkan)`;
    await page.goto(`${web.url}/tugas`);
    const row = await taskRowInInbox(page, taskTitle);
    await row.getByRole('link', { name: taskTitle }).click();
    await page.waitForURL(/\/tugas\/[0-9a-f-]{36}$/);
    await page.getByTestId('task-context').getByText('Batas rapat pleno (4 bulan)').waitFor();
    await session.shot(page, 'meeting-plenary-overdue-task');
  });
});
