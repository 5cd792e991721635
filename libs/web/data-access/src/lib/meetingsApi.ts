import { apiClient, withQuery } from './apiClient';

export type MeetingKind = 'plenary' | 'sub_tf' | 'special';
export type MeetingStatus = 'planned' | 'agenda_ready' | 'invited' | 'held' | 'minutes_approved' | 'closed' | 'cancelled';
export type ActionPointStatus = 'open' | 'in_progress' | 'blocked' | 'done' | 'dropped';

export interface MeetingSummary {
  id: string;
  jurisdictionCode: string;
  kind: MeetingKind;
  title: string;
  scheduledAt: string;
  venue: string | null;
  status: MeetingStatus;
  /** Scheduled by the process when the previous plenary ended. */
  autoScheduled: boolean;
  previousMeetingId: string | null;
}

export interface MeetingCalendarItem extends MeetingSummary {
  actionPoints: { open: number; done: number };
}

export interface MeetingCalendar {
  items: MeetingCalendarItem[];
  from: string;
  to: string;
}

export interface ActionPointView {
  id: string;
  seq: number;
  description: string;
  responsibleAgency: { id: string; name: string | null };
  /** YYYY-MM-DD */
  dueDate: string;
  status: ActionPointStatus;
  overdue: boolean;
  taskId: string | null;
}

export interface MeetingInvitationView {
  agency: { id: string; name: string | null };
  /** `attend`, `attend_by_delegate`, `decline`, or null while unanswered. */
  response: string | null;
  respondedAt: string | null;
  taskId: string | null;
}

export interface MeetingView extends MeetingSummary {
  settingsVersion: number | null;
  heldAt: string | null;
  agendaSubmissionId: string | null;
  minutesSubmissionId: string | null;
  invitations: MeetingInvitationView[];
  actionPoints: ActionPointView[];
  openActionPointsFromEarlierMeetings: (ActionPointView & { meetingId: string; meetingTitle: string })[];
}

export interface NewMeeting {
  jurisdictionCode: string;
  kind: MeetingKind;
  /** ISO date and time with its offset, e.g. `2026-12-15T09:00:00+07:00`. */
  scheduledAt: string;
  title?: string;
  venue?: string;
  subTaskForceId?: string;
}

const seg = encodeURIComponent;

/** Coordination meetings: the calendar of a jurisdiction, one meeting, and scheduling (which starts its process). */
export const meetingsApi = {
  calendar: (jurisdictionCode: string, range: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    apiClient.get<MeetingCalendar>(withQuery('/meetings', { jurisdictionCode, from: range.from, to: range.to }), { signal }),
  meeting: (id: string, signal?: AbortSignal) => apiClient.get<MeetingView>(`/meetings/${seg(id)}`, { signal }),
  /** 400 with field errors; 409 when the jurisdiction has nobody for the agenda or approval step. */
  schedule: (body: NewMeeting) => apiClient.post<MeetingView>('/meetings', body),
};
