import type { NotificationsService } from '@gugus/server-notifications';

/** The working-day calendar, as the tasks module needs it (implemented by `@gugus/server-calendar`). */
export interface TaskCalendar {
  /** `n` working days after (or, negative, before) the Jakarta date of `from`: that date and the end of it. */
  addWorkingDays(from: Date, n: number): Promise<{ date: string; dueAt: Date }>;
}

/** Notifications, as the tasks module needs them: `NotificationsService.notify`. */
export type TaskNotifier = Pick<NotificationsService, 'notify'>;

/** Notification titles are at most this long (the notifications module refuses longer ones). */
export const NOTIFICATION_TITLE_MAX = 200;

/** A title clipped to fit a notification (task titles quote action points of up to 500 characters). */
export function notificationTitle(title: { id: string; en: string }): { id: string; en: string } {
  const clip = (text: string) => (text.length <= NOTIFICATION_TITLE_MAX ? text : `${text.slice(0, NOTIFICATION_TITLE_MAX - 1)}…`);
  return { id: clip(title.id), en: clip(title.en) };
}
