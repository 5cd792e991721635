import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meeting can be moved or called off before it is held (issue 13): who cancelled it, when and why (a
 * reason is required), and the latest move (who, when, from which time, why; a reason is optional) with
 * a count of moves, so that reminders and notices of each move are told apart. The audit trail keeps
 * every move.
 */
export class MeetingCancelReschedule1763900002730 implements MigrationInterface {
  name = 'MeetingCancelReschedule1763900002730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meetings
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by uuid REFERENCES people (id),
        ADD COLUMN cancellation_reason text,
        ADD COLUMN reschedule_count integer NOT NULL DEFAULT 0,
        ADD COLUMN rescheduled_at timestamptz,
        ADD COLUMN rescheduled_by uuid REFERENCES people (id),
        ADD COLUMN reschedule_reason text,
        ADD COLUMN previous_scheduled_at timestamptz,
        ADD CONSTRAINT meetings_cancelled_with_reason CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL OR cancelled_at IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meetings
        DROP CONSTRAINT meetings_cancelled_with_reason,
        DROP COLUMN cancelled_at, DROP COLUMN cancelled_by, DROP COLUMN cancellation_reason, DROP COLUMN reschedule_count,
        DROP COLUMN rescheduled_at, DROP COLUMN rescheduled_by, DROP COLUMN reschedule_reason, DROP COLUMN previous_scheduled_at`);
  }
}
