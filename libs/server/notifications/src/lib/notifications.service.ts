import { Inject, Injectable } from '@nestjs/common';
import { ROLES, type NotificationList, type NotificationsMarkedRead, type NotificationView, type Role } from '@gugus/contracts';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import type { BilingualText } from '@gugus/server-http';
import { jakartaDate } from '@gugus/server-calendar';
import { APP_PATH, composeNotificationEmail } from './notification-email';
import { invalidNotification, notificationNotFound } from './notifications.errors';
import { toNotificationView } from './notifications.mapper';
import { NotificationsRepository, type Recipient } from './notifications.repository';

/** What a process asks to tell people. */
export interface NotifyInput {
  /**
   * Identifies this notice across retries: the same key for the same person creates one notification
   * (e.g. `task:<taskId>:reminder`). At most 200 characters.
   */
  dedupeKey: string;
  /**
   * Given people, and/or everyone who holds a position in `agencyId` — with `role` when given — or acts
   * for one as Plt. today (Jakarta date). Inactive people are skipped.
   */
  recipients: { personIds?: string[]; agencyId?: string; role?: Role };
  /** What kind of notice, for filtering and icons (e.g. `task.assigned`, `task.reminder`). */
  kind: string;
  /** Shown and e-mailed as given: a task title and a due date, never names or case data. */
  title: BilingualText;
  body: BilingualText;
  /** An app path such as `/tugas/<uuid>` (no query string). */
  link?: string;
  /** Also queue an e-mail to each new recipient (default true). */
  email?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (id: string, en: string) => ({ id, en });

function assertBilingual(field: string, value: BilingualText | undefined, max: number): void {
  const ok = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
  if (!value || !ok(value.id) || !ok(value.en)) {
    throw invalidNotification(field, text(`wajib diisi dalam bahasa Indonesia dan Inggris, paling banyak ${max} karakter`, `required in Indonesian and English, at most ${max} characters`));
  }
}

function validate(input: NotifyInput): void {
  if (typeof input.dedupeKey !== 'string' || !input.dedupeKey || input.dedupeKey.length > 200) {
    throw invalidNotification('dedupeKey', text('wajib diisi, paling banyak 200 karakter', 'required, at most 200 characters'));
  }
  if (typeof input.kind !== 'string' || !/^[a-z][a-z0-9._-]{0,63}$/.test(input.kind)) {
    throw invalidNotification('kind', text('harus seperti task.assigned', 'must look like task.assigned'));
  }
  assertBilingual('title', input.title, 200);
  assertBilingual('body', input.body, 2000);
  if (input.link !== undefined && !APP_PATH.test(input.link)) {
    throw invalidNotification('link', text('harus berupa path aplikasi seperti /tugas/<id>', 'must be an app path such as /tugas/<id>'));
  }
  const { personIds = [], agencyId, role } = input.recipients ?? {};
  if (!personIds.length && !agencyId) throw invalidNotification('recipients', text('sebutkan orang atau instansi', 'name people or an agency'));
  if (personIds.some((id) => !UUID.test(id))) throw invalidNotification('recipients.personIds', text('harus berupa UUID', 'must be UUIDs'));
  if (agencyId !== undefined && !UUID.test(agencyId)) throw invalidNotification('recipients.agencyId', text('harus berupa UUID', 'must be a UUID'));
  if (role !== undefined && (!agencyId || !ROLES.includes(role))) {
    throw invalidNotification('recipients.role', text('peran yang dikenal, bersama instansi', 'a known role, together with an agency'));
  }
}

/** In-app notifications and their e-mail (through the outbox the worker drains). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  /**
   * Notifies every resolved recipient once per `dedupeKey` (safe to call again from a retried activity)
   * and queues an e-mail to each new one. Returns how many notifications were created by this call.
   */
  async notify(input: NotifyInput): Promise<{ created: number }> {
    validate(input);
    const recipients = await this.resolve(input.recipients, jakartaDate(new Date()));
    const link = input.link ?? null;
    const email = input.email === false ? null : composeNotificationEmail({ title: input.title, body: input.body, link }, this.config.APP_URL);
    const created = await this.repo.insertForRecipients(recipients, { dedupeKey: input.dedupeKey, kind: input.kind, title: input.title, body: input.body, link, email });
    return { created };
  }

  private async resolve(recipients: NotifyInput['recipients'], onDate: string): Promise<Recipient[]> {
    const { personIds = [], agencyId, role } = recipients;
    const found = [...(await this.repo.peopleByIds([...new Set(personIds)])), ...(agencyId ? await this.repo.peopleInAgency(agencyId, role, onDate) : [])];
    return [...new Map(found.map((r) => [r.personId, r])).values()];
  }

  /** The caller's notifications, newest first, and their unread count. */
  async list(personId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationList> {
    const [rows, unreadCount] = await Promise.all([this.repo.list(personId, options), this.repo.countUnread(personId)]);
    return { items: rows.map(toNotificationView), unreadCount };
  }

  /** Marks one of the caller's notifications read; someone else's is "not found". */
  async markRead(personId: string, id: string): Promise<NotificationView> {
    const row = await this.repo.markRead(id, personId);
    if (!row) throw notificationNotFound(id);
    return toNotificationView(row);
  }

  async markAllRead(personId: string): Promise<NotificationsMarkedRead> {
    return { marked: await this.repo.markAllRead(personId) };
  }
}
