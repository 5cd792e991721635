import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which roles a coordinator may move a task to: the step decides (by default only the role it was
 * assigned to), and the API refuses any other instead of trusting the client.
 */
export class TaskReassignRoles1763900001010 implements MigrationInterface {
  name = 'TaskReassignRoles1763900001010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN reassign_roles text[]`);
    await q.query(`UPDATE tasks SET reassign_roles = ARRAY[assignee_role]`);
    await q.query(`ALTER TABLE tasks ALTER COLUMN reassign_roles SET NOT NULL`);
    // Who works on a submission: the tasks that produced, review or revise it (need-to-know reads).
    await q.query(`CREATE INDEX tasks_submission_idx ON tasks (submission_id) WHERE submission_id IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_review_submission_idx ON tasks ((context->>'reviewSubmissionId'))`);
    await q.query(`CREATE INDEX tasks_revise_submission_idx ON tasks ((context->>'prefillFromSubmissionId'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_revise_submission_idx`);
    await q.query(`DROP INDEX tasks_review_submission_idx`);
    await q.query(`DROP INDEX tasks_submission_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN reassign_roles`);
  }
}
