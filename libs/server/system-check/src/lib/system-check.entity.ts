import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SystemCheckStage } from '@gugus/contracts';

/** Read model of a system-check run, written idempotently by its activities. */
@Entity({ name: 'system_checks' })
export class SystemCheckEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId: string;

  @Column({ type: 'text' })
  status: 'running' | 'completed' | 'failed';

  @Column({ type: 'text' })
  stage: SystemCheckStage;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'hold_ms', type: 'integer', default: 0 })
  holdMs: number;

  @Column({ name: 'database_version', type: 'text', nullable: true })
  databaseVersion: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
