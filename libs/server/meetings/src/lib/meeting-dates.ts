import { meetingWorkflowId, type MeetingKind } from '@gugus/workflows';
import type { MeetingEntity } from './meetings.entities';

const JAKARTA_MS = 7 * 3600 * 1000;

/** The regulation: a plenary at least every 4 months (settings may plan them more often, never less). */
export const PLENARY_MAX_INTERVAL_MONTHS = 4;

/** The same Jakarta wall-clock time `months` later (clamped to the month's last day). */
export function addMonthsJakarta(at: Date, months: number): Date {
  const local = new Date(at.getTime() + JAKARTA_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay), local.getUTCHours(), local.getUTCMinutes());
  return new Date(shifted - JAKARTA_MS);
}

const KIND_TITLES: Record<MeetingKind, string> = { plenary: 'Rapat Pleno', sub_tf: 'Rapat Sub-Gugus Tugas', special: 'Rapat Khusus' };

/** A default title, e.g. "Rapat Pleno Maret 2027". */
export function meetingTitle(kind: MeetingKind, at: Date): string {
  return `${KIND_TITLES[kind]} ${at.toLocaleDateString('id-ID', { month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' })}`;
}

/** A new meeting row, before its process starts: planned, with nothing captured or recorded yet. */
export function plannedMeeting(
  values: Pick<MeetingEntity, 'id' | 'jurisdictionCode' | 'kind' | 'subTaskForceId' | 'title' | 'scheduledAt' | 'venue' | 'autoScheduled' | 'previousMeetingId' | 'createdBy'>,
): Omit<MeetingEntity, 'createdAt' | 'updatedAt'> {
  return {
    ...values,
    status: 'planned',
    workflowId: meetingWorkflowId(values.id),
    settingsVersion: null,
    settings: null,
    agendaSubmissionId: null,
    minutesSubmissionId: null,
    heldAt: null,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
    rescheduleCount: 0,
    rescheduledAt: null,
    rescheduledBy: null,
    rescheduleReason: null,
    previousScheduledAt: null,
  };
}
