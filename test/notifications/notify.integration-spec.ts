import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@gugus/contracts';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { NOTIFICATIONS_ENTITIES, NotificationsRepository, NotificationsService, type NotifyInput } from '@gugus/server-notifications';
import { testEnv } from '../support';
import { jakartaDay, OrgFixture } from './support';

const title = { id: 'Tugas baru: Susun agenda rapat pleno', en: 'New task: Draft the plenary meeting agenda' };
const body = { id: 'Tenggat: 12 Januari 2027', en: 'Due: 12 January 2027' };

/** `notify` against a real PostgreSQL with every migration: who gets what, once. */
describe('NotificationsService.notify', () => {
  let db: DataSource;
  let service: NotificationsService;
  let org: OrgFixture;

  beforeAll(async () => {
    const { databaseUrl, temporalAddress } = testEnv();
    db = await new DataSource({ ...createDataSourceOptions(databaseUrl, 4), entities: NOTIFICATIONS_ENTITIES }).initialize();
    const config = loadConfig(serverConfigSchema, { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, APP_URL: 'https://gugus.example.go.id' });
    service = new NotificationsService(new NotificationsRepository(db), config);
    org = new OrgFixture(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const input = (recipients: NotifyInput['recipients'], extra: Partial<NotifyInput> = {}): NotifyInput => ({
    dedupeKey: `task:${randomUUID()}:assigned`,
    recipients,
    kind: 'task.assigned',
    title,
    body,
    link: `/tugas/${randomUUID()}`,
    ...extra,
  });
  const recipientsOf = async (dedupeKey: string): Promise<string[]> =>
    (await db.query('SELECT recipient_person_id FROM notifications WHERE dedupe_key = $1 ORDER BY recipient_person_id', [dedupeKey])).map((r: { recipient_person_id: string }) => r.recipient_person_id);
  const outboxOf = (dedupeKey: string): Promise<{ to_email: string; subject: string; body_text: string; status: string }[]> =>
    db.query('SELECT o.to_email, o.subject, o.body_text, o.status FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.dedupe_key = $1 ORDER BY o.to_email', [dedupeKey]);

  it('notifies given people once per dedupe key, however often it is called, with one e-mail each', async () => {
    const agency = await org.agency();
    const [a, b] = [await org.person(agency), await org.person(agency)];
    const request = input({ personIds: [a.id, b.id, a.id] });

    await expect(service.notify(request)).resolves.toEqual({ created: 2 });
    await expect(service.notify(request)).resolves.toEqual({ created: 0 });
    await expect(Promise.all([service.notify(request), service.notify(request)])).resolves.toEqual([{ created: 0 }, { created: 0 }]);

    expect(await recipientsOf(request.dedupeKey)).toEqual([a.id, b.id].sort());
    const mails = await outboxOf(request.dedupeKey);
    expect(mails.map((m) => m.to_email)).toEqual([a.email, b.email].sort());
    expect(mails.every((m) => m.status === 'pending')).toBe(true);
    expect(mails[0].subject).toBe(`[Gugus] ${title.id} / ${title.en}`);
    expect(mails[0].body_text).toContain(`https://gugus.example.go.id${request.link}`);
  });

  it('resolves agency + role to the holders and to acting officials (Plt.) within their dates only, skipping inactive people', async () => {
    const agency = await org.agency();
    const holder = await org.person(agency);
    const secretary = await org.person(agency);
    const actingNow = await org.person(agency);
    const actingEnded = await org.person(agency);
    const actingLater = await org.person(agency);
    const actingToday = await org.person(agency);
    const inactive = await org.person(agency, { active: false });
    const elsewhere = await org.person(await org.agency());

    await org.position(agency, [Role.AGENCY_OFFICER], holder.id);
    await org.position(agency, [Role.SECRETARIAT], secretary.id);
    await org.position(agency, [Role.AGENCY_OFFICER], inactive.id);
    const vacant = await org.position(agency, [Role.AGENCY_OFFICER, Role.CASE_WORKER], null);
    await org.delegation(vacant, actingNow.id, jakartaDay(-3), jakartaDay(3));
    await org.delegation(vacant, actingEnded.id, jakartaDay(-10), jakartaDay(-1));
    await org.delegation(vacant, actingLater.id, jakartaDay(1), jakartaDay(10));
    await org.delegation(vacant, actingToday.id, jakartaDay(0), jakartaDay(0));
    // Acting for a secretariat position gives the secretariat role only.
    const secretariat = await org.position(agency, [Role.SECRETARIAT], null);
    await org.delegation(secretariat, elsewhere.id, jakartaDay(-1), jakartaDay(1));

    const officers = input({ agencyId: agency, role: Role.AGENCY_OFFICER });
    await expect(service.notify(officers)).resolves.toEqual({ created: 3 });
    expect(await recipientsOf(officers.dedupeKey)).toEqual([holder.id, actingNow.id, actingToday.id].sort());

    const secretaries = input({ agencyId: agency, role: Role.SECRETARIAT });
    await expect(service.notify(secretaries)).resolves.toEqual({ created: 2 });
    expect(await recipientsOf(secretaries.dedupeKey)).toEqual([secretary.id, elsewhere.id].sort());

    const everyone = input({ agencyId: agency });
    await service.notify(everyone);
    expect(await recipientsOf(everyone.dedupeKey)).toEqual([holder.id, secretary.id, actingNow.id, actingToday.id, elsewhere.id].sort());
  });

  it('gives a person named directly and also reached through the agency one notification', async () => {
    const agency = await org.agency();
    const holder = await org.person(agency);
    await org.position(agency, [Role.CHAIR], holder.id);
    const request = input({ personIds: [holder.id], agencyId: agency, role: Role.CHAIR });
    await expect(service.notify(request)).resolves.toEqual({ created: 1 });
    expect(await outboxOf(request.dedupeKey)).toHaveLength(1);
  });

  it('queues no e-mail when asked for in-app only', async () => {
    const agency = await org.agency();
    const person = await org.person(agency);
    const request = input({ personIds: [person.id] }, { email: false });
    await expect(service.notify(request)).resolves.toEqual({ created: 1 });
    expect(await outboxOf(request.dedupeKey)).toEqual([]);
  });

  it('creates nothing for an agency where nobody holds the role', async () => {
    await expect(service.notify(input({ agencyId: await org.agency(), role: Role.LEGAL_REVIEWER }))).resolves.toEqual({ created: 0 });
  });

  it.each([
    ['link', { link: '/kasus?nama=x' }],
    ['link', { link: 'https://elsewhere.example/x' }],
    ['dedupeKey', { dedupeKey: '' }],
    ['title', { title: { id: 'Judul', en: '' } }],
    ['recipients', { recipients: {} }],
    ['recipients.role', { recipients: { personIds: [randomUUID()], role: Role.CHAIR } }],
    ['recipients.personIds', { recipients: { personIds: ['not-a-uuid'] } }],
  ])('rejects a bad %s and stores nothing', async (field, extra) => {
    const request = input({ personIds: [randomUUID()] }, extra as Partial<NotifyInput>);
    await expect(service.notify(request)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: { fields: [expect.objectContaining({ field })] } });
    expect(await recipientsOf(request.dedupeKey)).toEqual([]);
  });

  it('lists a person’s own notifications newest first with the unread count, and marks them read', async () => {
    const agency = await org.agency();
    const [me, other] = [await org.person(agency), await org.person(agency)];
    const first = input({ personIds: [me.id] }, { title: { id: 'Pertama', en: 'First' } });
    const second = input({ personIds: [me.id, other.id] }, { title: { id: 'Kedua', en: 'Second' } });
    await service.notify(first);
    await service.notify(second);

    const list = await service.list(me.id, { unreadOnly: false, limit: 50 });
    expect(list.unreadCount).toBe(2);
    expect(list.items.map((n) => n.title.id)).toEqual(['Kedua', 'Pertama']);

    const read = await service.markRead(me.id, list.items[1].id);
    expect(read.readAt).not.toBeNull();
    expect((await service.markRead(me.id, list.items[1].id)).readAt).toBe(read.readAt);
    expect((await service.list(me.id, { unreadOnly: true, limit: 50 })).items.map((n) => n.title.id)).toEqual(['Kedua']);

    await expect(service.markRead(other.id, list.items[1].id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(service.markAllRead(me.id)).resolves.toEqual({ marked: 1 });
    expect((await service.list(me.id, { unreadOnly: false, limit: 50 })).unreadCount).toBe(0);
    expect((await service.list(other.id, { unreadOnly: false, limit: 50 })).unreadCount).toBe(1);
  });
});
