import type { Role } from '@gugus/contracts';
import type { BilingualText } from '@gugus/workflows';

/** The working-day calendar, as the tasks module needs it (implemented by `@gugus/server-calendar`). */
export interface TaskCalendar {
  /** `n` working days after (or, negative, before) the Jakarta date of `from`: that date and the end of it. */
  addWorkingDays(from: Date, n: number): Promise<{ date: string; dueAt: Date }>;
}

/** Notifications, as the tasks module needs them (implemented by `@gugus/server-notifications`). */
export interface TaskNotifier {
  notify(input: {
    dedupeKey: string;
    recipients: { personIds?: string[]; agencyId?: string; role?: Role };
    kind: string;
    title: BilingualText;
    body: BilingualText;
    link?: string;
    email?: boolean;
  }): Promise<unknown>;
}

export const TASK_CALENDAR = Symbol('TASK_CALENDAR');
export const TASK_NOTIFIER = Symbol('TASK_NOTIFIER');
