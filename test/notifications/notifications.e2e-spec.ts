import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Me, NotificationList, NotificationView } from '@gugus/contracts';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { NOTIFICATIONS_ENTITIES, NotificationsRepository, NotificationsService } from '@gugus/server-notifications';
import { client, databaseOfItsOwn, eventually, login, type OwnDatabase, serviceEnv, startApi, startWorker, testEnv, type RunningApi, type ServiceProcess } from '../support';
import { startSmtpCatcher, type SmtpCatcher } from './support';

const WORKER_EMAIL = 'pekerja.jabar@gugus.test';
const COORDINATOR_EMAIL = 'koordinator.jabar@gugus.test';

/** The three notification routes over the real API, and e-mail leaving from the real worker process. */
describe('notifications API and e-mail', () => {
  let api: RunningApi;
  let worker: ServiceProcess;
  let smtp: SmtpCatcher;
  let db: DataSource;
  let own: OwnDatabase;
  let service: NotificationsService;
  let me: { token: string; id: string };
  let other: { token: string; id: string };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    // A database of its own: this worker drains the whole outbox, and on the shared database it would first
    // have to send every e-mail the tests before it queued (thousands in a full run) before this one.
    own = await databaseOfItsOwn('notifications');
    const env = serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir, SMTP_URL: smtp.url, APP_URL: 'https://gugus.example.go.id', MAIL_FROM: 'Gugus <noreply@gugus.test>' });
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    const who = async (email: string) => {
      const { accessToken } = await login(api.url, email);
      return { token: accessToken, id: ((await client(api.url, accessToken).get('/auth/me')).body as Me).personId };
    };
    me = await who(WORKER_EMAIL);
    other = await who(COORDINATOR_EMAIL);
    const { temporalAddress } = testEnv();
    db = await new DataSource({ ...createDataSourceOptions(own.appUrl, 2), entities: NOTIFICATIONS_ENTITIES }).initialize();
    service = new NotificationsService(new NotificationsRepository(db), loadConfig(serverConfigSchema, { DATABASE_URL: own.appUrl, TEMPORAL_ADDRESS: temporalAddress, APP_URL: 'https://gugus.example.go.id' }));
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await smtp?.close();
    await db?.destroy();
    await own?.drop();
  });

  const notify = async (personIds: string[], titleId: string) => {
    const taskId = randomUUID();
    await service.notify({
      dedupeKey: `task:${taskId}:assigned`,
      recipients: { personIds },
      kind: 'task.assigned',
      title: { id: `Tugas baru: ${titleId}`, en: `New task: ${titleId}` },
      body: { id: 'Tenggat: 12 Januari 2027', en: 'Due: 12 January 2027' },
      link: `/tugas/${taskId}`,
    });
    return taskId;
  };

  it('lists my notifications newest first with the unread count; marks one and then all read', async () => {
    const mine = client(api.url, me.token);
    await mine.post('/notifications/read-all');
    await notify([me.id], 'Susun agenda');
    await notify([me.id, other.id], 'Kirim undangan');

    const list = await mine.get('/notifications');
    expect(list.status).toBe(200);
    const body = list.body as NotificationList;
    expect(body.unreadCount).toBe(2);
    expect(body.items.slice(0, 2).map((n) => n.title.id)).toEqual(['Tugas baru: Kirim undangan', 'Tugas baru: Susun agenda']);
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      kind: 'task.assigned',
      title: { id: 'Tugas baru: Kirim undangan', en: 'New task: Kirim undangan' },
      body: { id: 'Tenggat: 12 Januari 2027', en: 'Due: 12 January 2027' },
      link: expect.stringMatching(/^\/tugas\/[0-9a-f-]{36}$/),
      createdAt: expect.any(String),
      readAt: null,
    } satisfies NotificationView);

    const read = await mine.post(`/notifications/${body.items[1].id}/read`);
    expect(read).toMatchObject({ status: 200, body: { id: body.items[1].id, readAt: expect.any(String) } });
    const unread = (await mine.get('/notifications?unread=true')).body as NotificationList;
    expect(unread.unreadCount).toBe(1);
    expect(unread.items.map((n) => n.id)).toEqual([body.items[0].id]);

    expect(await mine.post('/notifications/read-all')).toEqual({ status: 200, body: { marked: 1 } });
    expect(((await mine.get('/notifications')).body as NotificationList).unreadCount).toBe(0);
    // The other recipient's copy is theirs: still unread.
    expect(((await client(api.url, other.token).get('/notifications?unread=true')).body as NotificationList).items.map((n) => n.title.id)).toContain('Tugas baru: Kirim undangan');
  });

  it('treats someone else’s notification as not found, and rejects a malformed id or query', async () => {
    await notify([other.id], 'Milik orang lain');
    const theirs = ((await client(api.url, other.token).get('/notifications?unread=true')).body as NotificationList).items[0];
    const mine = client(api.url, me.token);

    expect(await mine.post(`/notifications/${theirs.id}/read`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(((await client(api.url, other.token).get('/notifications?unread=true')).body as NotificationList).items.map((n) => n.id)).toContain(theirs.id);
    expect((await mine.get('/notifications')).body.items.map((n: NotificationView) => n.id)).not.toContain(theirs.id);
    expect(await mine.post(`/notifications/${randomUUID()}/read`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await mine.post('/notifications/not-a-uuid/read')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'id' }] } } });
    expect(await mine.get('/notifications?unread=maybe')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await mine.get('/notifications?limit=0')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await client(api.url).get('/notifications')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('e-mails a notification from the worker process, logging neither the address nor the text', async () => {
    const taskId = await notify([me.id], 'Notulen rapat');
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(WORKER_EMAIL) && m.text.includes(taskId)), 30_000, 'the e-mail');
    expect(mail.subject).toBe('[Gugus] Tugas baru: Notulen rapat / New task: Notulen rapat');
    expect(mail.text).toContain(`Buka di Gugus: https://gugus.example.go.id/tugas/${taskId}`);
    await eventually(async () => (/E-mail: \d+ terkirim/.test(worker.output()) ? true : undefined), 10_000, 'the worker log line');
    expect(worker.output()).not.toContain(WORKER_EMAIL);
    expect(worker.output()).not.toContain('Notulen rapat');
  });
});
