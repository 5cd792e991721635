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

/** Who changed a meeting: a person's id and name (null once the person is gone). */
export interface MeetingChangeActor {
  id: string;
  name: string | null;
}

export interface MeetingView extends MeetingSummary {
  settingsVersion: number | null;
  heldAt: string | null;
  /** Set once the meeting is called off: when, by whom, and why. */
  cancellation: { at: string; by: MeetingChangeActor | null; reason: string } | null;
  /** The latest move: when, by whom, from which time, why (optional), and how many moves so far. */
  lastMove: { at: string; by: MeetingChangeActor | null; from: string | null; reason: string | null; count: number } | null;
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

export interface MeetingMove {
  /** ISO date and time with its offset. */
  scheduledAt: string;
  /** A new venue; empty keeps the old one. */
  venue?: string;
  reason?: string;
}

const seg = encodeURIComponent;

/** Coordination meetings: the calendar of a jurisdiction, one meeting, and scheduling (which starts its process). */
export const meetingsApi = {
  calendar: (jurisdictionCode: string, range: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    apiClient.get<MeetingCalendar>(withQuery('/meetings', { jurisdictionCode, from: range.from, to: range.to }), { signal }),
  meeting: (id: string, signal?: AbortSignal) => apiClient.get<MeetingView>(`/meetings/${seg(id)}`, { signal }),
  /** 400 with field errors; 409 when the jurisdiction has nobody for the agenda or approval step. */
  schedule: (body: NewMeeting) => apiClient.post<MeetingView>('/meetings', body),
  /** 400 naming `scheduledAt`; 409 when the meeting was held or cancelled meanwhile. */
  reschedule: ({ id, ...body }: MeetingMove & { id: string }) => apiClient.post<MeetingView>(`/meetings/${seg(id)}/reschedule`, body),
  /** 400 naming `reason` when it is missing; 409 when the meeting was held or cancelled meanwhile. */
  cancel: ({ id, reason }: { id: string; reason: string }) => apiClient.post<MeetingView>(`/meetings/${seg(id)}/cancel`, { reason }),
};
