import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CoordinationMeetingSettings, OpenActionPointContext } from '@gugus/contracts';
import type { TaskAssignee } from '../tasks/task.messages';

export type MeetingKind = 'plenary' | 'sub_tf' | 'special';
export type MeetingStatus = 'planned' | 'agenda_ready' | 'invited' | 'held' | 'minutes_approved' | 'closed' | 'cancelled';

export interface CoordinationMeetingInput {
  meetingId: string;
}

/** Everything the workflow needs about a meeting, resolved once when it starts (settings captured then). */
export interface MeetingPlan {
  meetingId: string;
  jurisdictionCode: string;
  kind: MeetingKind;
  /** For a Sub-TF meeting: which Sub-TF (its code, as the forms' `sub-task-forces` list has it). */
  subTaskForce: string | null;
  title: string;
  scheduledAt: string;
  autoScheduled: boolean;
  /** Drafts the agenda. */
  secretariat: TaskAssignee;
  /** Writes the minutes. */
  minutesTaker: TaskAssignee;
  /** Approves the minutes (the steering chair). */
  chair: TaskAssignee;
  /** Member agencies and who answers the invitation for each (null: nobody holds a fitting position). */
  members: { agencyId: string; assignee: TaskAssignee | null }[];
  settings: CoordinationMeetingSettings;
  settingsVersion: number;
}

export interface ActionPointPlan {
  id: string;
  seq: number;
  description: string;
  dueDate: string;
  assignee: TaskAssignee;
}

/** An action point still open from an earlier meeting, as the next agenda and minutes show it (status as the minutes' review list codes it). */
export type OpenActionPoint = OpenActionPointContext;

export interface MeetingState {
  status: MeetingStatus;
  scheduledAt: string;
  minutesRound: number;
  openActionPoints: number;
}

export const meetingStateQuery = defineQuery<MeetingState>('meetingState');

/** Why the meeting process refused a change (the API maps each to a status). */
export const MeetingRefusal = {
  /** Held, or cancelled already: nothing to move or call off. */
  WRONG_STAGE: 'MeetingWrongStage',
  /** The new time is not in the future by the workflow's clock. */
  PAST: 'MeetingTimePast',
} as const;

/** Calls a meeting off before it is held (a reason is required). */
export interface CancelMeetingRequest {
  actorId: string;
  reason: string;
  requestId: string | null;
}

/** Moves a meeting that has not been held yet (a reason is optional; a venue, when given, replaces the old one). */
export interface RescheduleMeetingRequest {
  actorId: string;
  scheduledAt: string;
  venue: string | null;
  reason: string | null;
  requestId: string | null;
}

export const cancelMeetingUpdate = defineUpdate<{ status: 'cancelled' }, [CancelMeetingRequest]>('cancelMeeting');
export const rescheduleMeetingUpdate = defineUpdate<{ scheduledAt: string }, [RescheduleMeetingRequest]>('rescheduleMeeting');
