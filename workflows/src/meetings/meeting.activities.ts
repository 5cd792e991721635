import type { ActionPointPlan, MeetingPlan, MeetingStatus, OpenActionPoint } from './meeting.messages';

/** Activities of the coordination-meeting process; implemented in libs/server/meetings. All idempotent. */
export interface MeetingActivities {
  /** Resolves secretariat, chair, member agencies and the jurisdiction's process settings (captured now). */
  prepareMeeting(input: { meetingId: string }): Promise<MeetingPlan>;
  /** Action points of earlier meetings of this jurisdiction that are not done yet: the agenda and the minutes open with them. */
  openActionPoints(input: { meetingId: string }): Promise<OpenActionPoint[]>;
  /** Stores the agenda; the agenda may move the date: returns the date in force. */
  recordAgenda(input: { meetingId: string; submissionId: string | null }): Promise<{ scheduledAt: string }>;
  recordMeetingStatus(input: { meetingId: string; status: MeetingStatus; /** Workflow time. */ at: string }): Promise<void>;
  /** Tells the member agencies (and the secretariat) about the meeting. */
  sendInvitations(input: { meetingId: string; invitations: { agencyId: string; taskId: string | null }[] }): Promise<void>;
  recordRsvp(input: { meetingId: string; agencyId: string; submissionId: string | null }): Promise<void>;
  /** The reminder shortly before the meeting. */
  remindMeeting(input: { meetingId: string }): Promise<void>;
  /** Minutes approved: their action points become rows (with who carries each out). */
  recordMinutesApproved(input: { meetingId: string; submissionId: string | null }): Promise<{ actionPoints: ActionPointPlan[] }>;
  /** An action point report: the status it reports. */
  recordActionPointReport(input: { actionPointId: string; taskId: string; submissionId: string | null }): Promise<{ status: 'open' | 'in_progress' | 'blocked' | 'done' | 'dropped' }>;
  /** Creates the next regular meeting of the same kind (plenary: `plenaryIntervalMonths` on; Sub-TF: `subTaskForceIntervalMonths`), once. */
  scheduleNextMeeting(input: { meetingId: string }): Promise<{ meetingId: string; workflowId: string; scheduledAt: string }>;
}
