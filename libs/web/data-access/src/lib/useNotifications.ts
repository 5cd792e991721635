import { useEffect } from 'react';
import type { NotificationList } from '@gugus/contracts';
import { NOTIFICATIONS_CHANGED_EVENT, notificationsApi } from './notificationsApi';
import { usePolling, type PollingState } from './usePolling';

/** How often the bell asks for new notifications. */
export const NOTIFICATIONS_POLL_MS = 60_000;

/**
 * The caller's notifications (undefined `key`: idle, e.g. logged out), refreshed every
 * {@link NOTIFICATIONS_POLL_MS} and at once when this tab marks something read.
 */
export function useNotifications(key: string | undefined, options: { unreadOnly?: boolean; limit?: number } = {}): PollingState<NotificationList> {
  const { unreadOnly, limit } = options;
  const state = usePolling((signal) => notificationsApi.list({ unreadOnly, limit }, signal), {
    key: key === undefined ? undefined : `${key}:${unreadOnly ? 'unread' : 'all'}:${limit ?? ''}`,
    enabled: key !== undefined,
    intervalMs: NOTIFICATIONS_POLL_MS,
  });
  const { refresh } = state;
  useEffect(() => {
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
  }, [refresh]);
  return state;
}
