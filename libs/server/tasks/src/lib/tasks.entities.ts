import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role, TaskContext } from '@gugus/contracts';
import type { BilingualText, TaskComment, TaskOutcome } from '@gugus/workflows';

export type TaskStatus = 'open' | TaskOutcome | 'cancelled';

/** The inbox row of a human task (the workflow is the truth; activities write this idempotently). */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ name: 'process_key', type: 'text' }) processKey: string;
  @Column({ name: 'process_id', type: 'uuid' }) processId: string;
  @Column('text') step: string;
  @Column('jsonb') title: BilingualText;
  @Column({ name: 'form_key', type: 'text', nullable: true }) formKey: string | null;
  @Column({ name: 'form_version_id', type: 'uuid', nullable: true }) formVersionId: string | null;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column({ name: 'assignee_agency_id', type: 'uuid' }) assigneeAgencyId: string;
  @Column({ name: 'assignee_role', type: 'text' }) assigneeRole: Role;
  @Column({ name: 'assignee_position_id', type: 'uuid', nullable: true }) assigneePositionId: string | null;
  @Column('text') status: TaskStatus;
  @Column({ type: 'text', array: true }) outcomes: TaskOutcome[];
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true }) claimedBy: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  /** Plain draft of a row from before encryption (new drafts are in `draftSealed`). */
  @Column({ name: 'draft_data', type: 'jsonb', nullable: true }) draftData: Record<string, unknown> | null;
  @Column({ name: 'draft_saved_by', type: 'uuid', nullable: true }) draftSavedBy: string | null;
  @Column({ name: 'draft_saved_at', type: 'timestamptz', nullable: true }) draftSavedAt: Date | null;
  /** Plain staged data of a row from before encryption (new staged data is in `stagedSealed`). */
  @Column({ name: 'staged_data', type: 'jsonb', nullable: true }) stagedData: Record<string, unknown> | null;
  @Column({ name: 'staged_by', type: 'uuid', nullable: true }) stagedBy: string | null;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId: string | null;
  /** Plain comments of a row from before encryption (new comments are in `commentsSealed`). */
  @Column('jsonb') comments: TaskComment[];
  /** The task's own data key: drafts, staged data, comments and notes are sealed with it. */
  @Column({ name: 'data_key_id', type: 'uuid', nullable: true }) dataKeyId: string | null;
  /** The unfinished form data, sealed (any shape: drafts are not validated). */
  @Column({ name: 'draft_sealed', type: 'bytea', nullable: true }) draftSealed: Buffer | null;
  /** Checked form data waiting for the workflow to accept the decision (then stored as a submission), sealed. */
  @Column({ name: 'staged_sealed', type: 'bytea', nullable: true }) stagedSealed: Buffer | null;
  /** The decision's comments waiting with the staged data: the workflow never carries people's words. */
  @Column({ name: 'staged_comments_sealed', type: 'bytea', nullable: true }) stagedCommentsSealed: Buffer | null;
  /** The comments the task was decided with (approval or return), sealed. */
  @Column({ name: 'comments_sealed', type: 'bytea', nullable: true }) commentsSealed: Buffer | null;
  /** Roles a coordinator may move this task to (the step decides; by default only its own role). */
  @Column({ name: 'reassign_roles', type: 'text', array: true }) reassignRoles: Role[];
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true }) remindAt: Date | null;
  @Column({ name: 'escalate_at', type: 'timestamptz', nullable: true }) escalateAt: Date | null;
  @Column({ name: 'escalation_role', type: 'text' }) escalationRole: Role;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  /** As the workflow gave it; read it with `readTaskContext` (older rows have no `kind`). */
  @Column('jsonb') context: TaskContext;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export type TaskEventKind = 'created' | 'claimed' | 'unclaimed' | 'draft_saved' | 'completed' | 'approved' | 'returned' | 'reassigned' | 'delegated' | 'reminded' | 'escalated' | 'cancelled' | 'rescheduled';

/** One thing that happened to a task (its history on the task page). */
@Entity({ name: 'task_events' })
export class TaskEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column('text') kind: TaskEventKind;
  @Column({ name: 'actor_person_id', type: 'uuid', nullable: true }) actorPersonId: string | null;
  /** Ids and codes; free text (comments, notes) is in `detailSealed`. */
  @Column('jsonb') detail: Record<string, unknown>;
  /** The free text of the event (comments, hand-over notes), sealed with the task's data key. */
  @Column({ name: 'detail_sealed', type: 'bytea', nullable: true }) detailSealed: Buffer | null;
  /** Activities are retried: an event written by one carries a key so it is written once. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

export const TASK_ENTITIES = [TaskEntity, TaskEventEntity];
