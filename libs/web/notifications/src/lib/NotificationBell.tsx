import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotifications } from '@gugus/web-data-access';
import { NOTIFICATIONS_PATH } from './paths';
import './NotificationBell.css';

export interface NotificationBellProps {
  /** Whose notifications (the logged-in person's ID); the count reloads when it changes. */
  personId: string;
}

/** Header link to the notification list, with the number of unread notifications. */
export function NotificationBell({ personId }: NotificationBellProps) {
  const { t } = useTranslation('notifications');
  // Only the count is needed here: ask for the smallest page.
  const { data } = useNotifications(`bell:${personId}`, { unreadOnly: true, limit: 1 });
  const count = data?.unreadCount ?? 0;
  const label = count > 0 ? t('bell.unread', { count }) : t('bell.none');
  return (
    <Link className="gu-bell" to={NOTIFICATIONS_PATH} aria-label={label} title={label} data-testid="notification-bell">
      <svg className="gu-bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="gu-bell__count" data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
