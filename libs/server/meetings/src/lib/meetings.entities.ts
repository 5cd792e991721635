import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CoordinationMeetingSettings } from '@gugus/contracts';
import type { MeetingKind, MeetingStatus } from '@gugus/workflows';

@Entity({ name: 'meetings' })
export class MeetingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('text') kind: MeetingKind;
  @Column({ name: 'sub_task_force_id', type: 'uuid', nullable: true }) subTaskForceId: string | null;
  @Column('text') title: string;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt: Date;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column('text') status: MeetingStatus;
  @Column({ name: 'auto_scheduled', type: 'boolean' }) autoScheduled: boolean;
  @Column({ name: 'previous_meeting_id', type: 'uuid', nullable: true }) previousMeetingId: string | null;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ name: 'settings_version', type: 'integer', nullable: true }) settingsVersion: number | null;
  @Column({ type: 'jsonb', nullable: true }) settings: CoordinationMeetingSettings | null;
  @Column({ name: 'agenda_submission_id', type: 'uuid', nullable: true }) agendaSubmissionId: string | null;
  @Column({ name: 'minutes_submission_id', type: 'uuid', nullable: true }) minutesSubmissionId: string | null;
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true }) heldAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true }) cancellationReason: string | null;
  @Column({ name: 'reschedule_count', type: 'integer' }) rescheduleCount: number;
  @Column({ name: 'rescheduled_at', type: 'timestamptz', nullable: true }) rescheduledAt: Date | null;
  @Column({ name: 'rescheduled_by', type: 'uuid', nullable: true }) rescheduledBy: string | null;
  @Column({ name: 'reschedule_reason', type: 'text', nullable: true }) rescheduleReason: string | null;
  @Column({ name: 'previous_scheduled_at', type: 'timestamptz', nullable: true }) previousScheduledAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'meeting_invitations' })
export class MeetingInvitationEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ type: 'text', nullable: true }) response: string | null;
  @Column({ name: 'rsvp_submission_id', type: 'uuid', nullable: true }) rsvpSubmissionId: string | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt: Date | null;
}

export type ActionPointStatus = 'open' | 'in_progress' | 'blocked' | 'done' | 'dropped';

@Entity({ name: 'meeting_action_points' })
export class ActionPointEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column('integer') seq: number;
  @Column('text') description: string;
  @Column({ name: 'responsible_agency_id', type: 'uuid' }) responsibleAgencyId: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column('text') status: ActionPointStatus;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ name: 'report_submission_id', type: 'uuid', nullable: true }) reportSubmissionId: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const MEETING_ENTITIES = [MeetingEntity, MeetingInvitationEntity, ActionPointEntity];
