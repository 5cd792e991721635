import type { NotificationView } from '@gugus/contracts';
import type { NotificationEntity } from './notifications.entities';

export function toNotificationView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: { id: row.title.id, en: row.title.en },
    body: { id: row.body.id, en: row.body.en },
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
