import type { NotificationList, NotificationsMarkedRead, NotificationView } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';

/** Browser event fired after this tab changed notifications, so the bell and the list agree at once. */
export const NOTIFICATIONS_CHANGED_EVENT = 'gugus:notifications-changed';

const changed = <T>(result: T): T => {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
  return result;
};

export const notificationsApi = {
  /** The caller's notifications, newest first, with their unread count. */
  list: (options: { unreadOnly?: boolean; limit?: number } = {}, signal?: AbortSignal) =>
    apiClient.get<NotificationList>(withQuery('/notifications', { unread: options.unreadOnly ? 'true' : undefined, limit: options.limit }), { signal }),
  markRead: (id: string) => apiClient.post<NotificationView>(`/notifications/${encodeURIComponent(id)}/read`, {}).then(changed),
  markAllRead: () => apiClient.post<NotificationsMarkedRead>('/notifications/read-all', {}).then(changed),
};
