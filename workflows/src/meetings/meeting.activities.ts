import type { ActionPointPlan, CancelMeetingRequest, MeetingPlan, MeetingStatus, OpenActionPoint, RescheduleMeetingRequest } from './meeting.messages';

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
  /** Records an answer; with `taskId`, only while that task is still the agency's invitation (a move may have reopened it). */
  recordRsvp(input: { meetingId: string; agencyId: string; submissionId: string | null; taskId?: string }): Promise<void>;
  /** The reminder shortly before the meeting. */
  remindMeeting(input: { meetingId: string }): Promise<void>;
  /** Minutes approved: their action points become rows (with who carries each out). */
  recordMinutesApproved(input: { meetingId: string; submissionId: string | null }): Promise<{ actionPoints: ActionPointPlan[] }>;
  /** An action point report: the status it reports. */
  recordActionPointReport(input: { actionPointId: string; taskId: string; submissionId: string | null }): Promise<{ status: 'open' | 'in_progress' | 'blocked' | 'done' | 'dropped' }>;
  /** Creates the next regular meeting of the same kind (plenary: `plenaryIntervalMonths` on; Sub-TF: `subTaskForceIntervalMonths`), once. */
  scheduleNextMeeting(input: { meetingId: string }): Promise<{ meetingId: string; workflowId: string; scheduledAt: string }>;
  /** The meeting was called off: status, reason, who and when; audited; invitees, secretariat and chair told. */
  recordMeetingCancelled(input: CancelMeetingRequest & { meetingId: string; /** Workflow time. */ at: string }): Promise<void>;
  /** The meeting was moved: its time (and venue), who, when and why; audited; invitees told when invitations are out. Returns the move's number. */
  recordMeetingRescheduled(input: RescheduleMeetingRequest & { meetingId: string; /** Workflow time. */ at: string }): Promise<{ rescheduleCount: number }>;
  /** After a move, each agency is asked again: its invitation points at the new task and its earlier answer is cleared. */
  reopenInvitations(input: { meetingId: string; invitations: { agencyId: string; taskId: string | null }[] }): Promise<void>;
  /** The plenary rule (at least one every 4 months): the last plenary held in the meeting's jurisdiction and the instant by which the next must be held. */
  plenaryRequirement(input: { meetingId: string }): Promise<{ lastHeldAt: string | null; dueBy: string }>;
  /** Has a plenary been held in the meeting's jurisdiction after `since` (any, when null)? */
  plenaryHeldSince(input: { meetingId: string; since: string | null }): Promise<boolean>;
  /** No plenary within 4 months: audited, and the escalation role and the secretariat are told. */
  escalateMissingPlenary(input: { meetingId: string; dueBy: string; taskId: string }): Promise<void>;
}
