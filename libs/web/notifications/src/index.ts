export { NotificationBell, type NotificationBellProps } from './lib/NotificationBell';
export { NotificationsPage } from './lib/NotificationsPage';
export { NOTIFICATIONS_PATH } from './lib/paths';
