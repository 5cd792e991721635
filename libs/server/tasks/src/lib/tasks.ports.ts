import { Context } from '@temporalio/activity';
import { DomainError } from '@gugus/server-http';
import type { NotificationsService } from '@gugus/server-notifications';

/** The working-day calendar, as the tasks module needs it (implemented by `@gugus/server-calendar`). */
export interface TaskCalendar {
  /** `n` working days after (or, negative, before) the Jakarta date of `from`: that date and the end of it. */
  addWorkingDays(from: Date, n: number): Promise<{ date: string; dueAt: Date }>;
  /** Working days between the Jakarta dates of two instants (the later day counted, the earlier not). */
  workingDaysBetween(from: Date, to: Date): Promise<number>;
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

/**
 * Notifies from an activity (deduplicated, so safe to repeat on a retry). A notification the
 * notifications module refuses must not stall the process — the task is in the inbox either way — so the
 * refusal is logged; anything else (the database down) fails the attempt, which is retried.
 */
export async function notifyOrLog(notifier: TaskNotifier, input: Parameters<TaskNotifier['notify']>[0]): Promise<void> {
  try {
    await notifier.notify(input);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    Context.current().log.warn('Notification refused', { kind: input.kind, code: err.code });
  }
}
