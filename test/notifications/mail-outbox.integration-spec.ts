import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { MailOutboxDispatcher, MAX_MAIL_ATTEMPTS, NOTIFICATIONS_ENTITIES, NotificationsRepository, NotificationsService } from '@gugus/server-notifications';
import { databaseOfItsOwn, type OwnDatabase, testEnv } from '../support';
import { OrgFixture, startSmtpCatcher, type SmtpCatcher } from './support';

const title = { id: 'Pengingat: Notulen rapat pleno', en: 'Reminder: Plenary meeting minutes' };
const body = { id: 'Tenggat: 3 Februari 2027 (2 hari kerja lagi)', en: 'Due: 3 February 2027 (2 working days left)' };

/** The outbox dispatcher against a real SMTP server on loopback and a real PostgreSQL. */
describe('mail outbox dispatcher', () => {
  let db: DataSource;
  let smtp: SmtpCatcher;
  let org: OrgFixture;
  let repo: NotificationsRepository;
  const rejected = new Set<string>();
  // The dispatcher drains the whole outbox: on the shared database it would send other tests' e-mails
  // to this test's SMTP server (the notifications e2e test's worker then never gets its own). So this
  // test has a database of its own.
  let own: OwnDatabase;
  const configWith = (extra: Record<string, string>) => {
    const { temporalAddress } = testEnv();
    return loadConfig(serverConfigSchema, { DATABASE_URL: own.appUrl, TEMPORAL_ADDRESS: temporalAddress, APP_URL: 'https://gugus.example.go.id', MAIL_FROM: 'Gugus <noreply@gugus.test>', ...extra });
  };

  beforeAll(async () => {
    own = await databaseOfItsOwn('mail_outbox');
    db = await new DataSource({ ...createDataSourceOptions(own.appUrl, 6), entities: NOTIFICATIONS_ENTITIES }).initialize();
    smtp = await startSmtpCatcher({ rejectRecipient: (a) => rejected.has(a) });
    org = new OrgFixture(db);
    repo = new NotificationsRepository(db);
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.destroy();
    await own?.drop();
  });

  const notifyNewPerson = async (options: { email?: boolean } = {}) => {
    const person = await org.person(await org.agency());
    const taskId = randomUUID();
    const service = new NotificationsService(repo, configWith({}));
    await service.notify({ dedupeKey: `task:${taskId}:reminder`, recipients: { personIds: [person.id] }, kind: 'task.reminder', title, body, link: `/tugas/${taskId}`, ...options });
    return { person, taskId };
  };
  const outboxRow = async (email: string) =>
    (await db.query('SELECT status, attempts, last_error, sent_at, next_attempt_at - now() > interval \'20 seconds\' AS later FROM notification_outbox WHERE to_email = $1', [email]))[0];

  it('sends the caller’s title and text in both languages plus the link, and nothing else', async () => {
    const { person, taskId } = await notifyNewPerson();
    const dispatcher = new MailOutboxDispatcher(repo, configWith({ SMTP_URL: smtp.url }));
    const result = await dispatcher.dispatchOnce();
    await dispatcher.stop();
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const mail = smtp.mails.find((m) => m.to.includes(person.email));
    expect(mail).toBeDefined();
    expect(mail?.from).toBe('noreply@gugus.test');
    expect(mail?.subject).toBe(`[Gugus] ${title.id} / ${title.en}`);
    const link = `https://gugus.example.go.id/tugas/${taskId}`;
    expect(mail?.text.trim().split('\n')).toEqual([
      title.id, '', body.id, '', `Buka di Gugus: ${link}`, '', '---', '', title.en, '', body.en, '', `Open in Gugus: ${link}`, '', '--',
      'Pesan otomatis dari Gugus; mohon tidak membalas. / Automatic message from Gugus; please do not reply.',
    ]);
    // The recipient's own name and address appear only in the envelope and To header, never in the text.
    const [{ full_name: name }] = await db.query('SELECT full_name FROM people WHERE id = $1', [person.id]);
    expect(mail?.text).not.toContain(name);
    expect(mail?.text).not.toContain(person.email);
    expect(await outboxRow(person.email)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) });

    // Sent mail is not sent again.
    await new MailOutboxDispatcher(repo, configWith({ SMTP_URL: smtp.url })).dispatchOnce();
    expect(smtp.mails.filter((m) => m.to.includes(person.email))).toHaveLength(1);
  });

  it('sends each e-mail once when several dispatchers run at the same time', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => notifyNewPerson()));
    const dispatchers = [1, 2, 3].map(() => new MailOutboxDispatcher(repo, configWith({ SMTP_URL: smtp.url })));
    await Promise.all(dispatchers.map((d) => d.dispatchOnce()));
    await Promise.all(dispatchers.map((d) => d.stop()));
    for (const { person } of people) expect({ to: person.email, count: smtp.mails.filter((m) => m.to.includes(person.email)).length }).toEqual({ to: person.email, count: 1 });
  });

  it('retries a rejected e-mail later, stores the error without the address, and gives up after the last attempt', async () => {
    const { person } = await notifyNewPerson();
    rejected.add(person.email);
    const dispatcher = new MailOutboxDispatcher(repo, configWith({ SMTP_URL: smtp.url }));
    await dispatcher.dispatchOnce();
    const first = await outboxRow(person.email);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, later: true });
    expect(first.last_error).toContain('550');
    expect(first.last_error).not.toContain(person.email);

    // Not due yet: nothing happens.
    await dispatcher.dispatchOnce();
    expect((await outboxRow(person.email)).attempts).toBe(1);

    await db.query(`UPDATE notification_outbox SET attempts = $2, next_attempt_at = now() WHERE to_email = $1`, [person.email, MAX_MAIL_ATTEMPTS - 1]);
    await dispatcher.dispatchOnce();
    expect(await outboxRow(person.email)).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });
    await dispatcher.stop();
    expect(smtp.mails.filter((m) => m.to.includes(person.email))).toEqual([]);
  });

  it('without SMTP_URL says once that e-mail is off and leaves the mail pending', async () => {
    const { person } = await notifyNewPerson();
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const dispatcher = new MailOutboxDispatcher(repo, configWith({}));
      dispatcher.start(10);
      dispatcher.start(10);
      await expect(dispatcher.dispatchOnce()).resolves.toEqual({ sent: 0, retrying: 0, failed: 0 });
      await dispatcher.stop();
      expect(log.mock.calls.filter(([message]) => String(message).includes('SMTP_URL'))).toHaveLength(1);
    } finally {
      log.mockRestore();
    }
    expect(await outboxRow(person.email)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
