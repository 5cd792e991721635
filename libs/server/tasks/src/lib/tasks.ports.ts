import type { NotificationsService } from '@gugus/server-notifications';

/** The working-day calendar, as the tasks module needs it (implemented by `@gugus/server-calendar`). */
export interface TaskCalendar {
  /** `n` working days after (or, negative, before) the Jakarta date of `from`: that date and the end of it. */
  addWorkingDays(from: Date, n: number): Promise<{ date: string; dueAt: Date }>;
}

/** Notifications, as the tasks module needs them: `NotificationsService.notify`. */
export type TaskNotifier = Pick<NotificationsService, 'notify'>;
