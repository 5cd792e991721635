import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision's checked form data and comments wait here, one row per API request, until the workflow's
 * recording activity takes them (or the request lets go of them). With one slot on the task row, a
 * second press while the first was still being recorded (a worker lost mid-way) overwrote the first's
 * comments, or cleared them when the workflow refused it.
 */
export class TaskStagedDecisions1763900001400 implements MigrationInterface {
  name = 'TaskStagedDecisions1763900001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_staged_decisions (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks (id),
        data_sealed bytea,
        comments_sealed bytea NOT NULL,
        staged_by uuid NOT NULL REFERENCES people (id),
        staged_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_staged_decisions_task_idx ON task_staged_decisions (task_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_staged_decisions`);
  }
}
