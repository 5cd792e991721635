import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox at national scale (issue 13): open tasks are a fifth of the table and what oversight reads.
 * Partial indexes on open tasks only, keyed as the inbox orders and pages them (due date, then id), so
 * the national "all open" and "overdue" views read their page and their capped counts from a small index
 * instead of sorting and counting a million rows; the jurisdiction one serves a province's open tasks the
 * same way (a province is one prefix range, as in tasks_jurisdiction_idx).
 */
export class TaskInboxOpenIndexes1763900002710 implements MigrationInterface {
  name = 'TaskInboxOpenIndexes1763900002710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_open_due_idx ON tasks (due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_jurisdiction_due_idx ON tasks (jurisdiction_code text_pattern_ops, due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_created_idx ON tasks (created_at DESC, id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_open_created_idx`);
    await q.query(`DROP INDEX tasks_open_jurisdiction_due_idx`);
    await q.query(`DROP INDEX tasks_open_due_idx`);
  }
}
