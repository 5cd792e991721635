import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regional budget calendar after the RKA (seed 000 L1039-1054): the secretariat confirms, once the
 * DPRD has approved the draft budget (30 November), which RKA proposals were approved. That step is an
 * integration row of its own (`dprd_approval`, held by the secretariat's agency), and the allocations it
 * records name the task they came from, so a retried activity records each activity's allocation once.
 */
export class PlanBudgetCalendar1763900001500 implements MigrationInterface {
  name = 'PlanBudgetCalendar1763900001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_integrations DROP CONSTRAINT plan_integrations_document_check`);
    await q.query(`ALTER TABLE plan_integrations ADD CONSTRAINT plan_integrations_document_check CHECK (document IN ('renstra', 'renja', 'rka', 'dprd_approval'))`);
    await q.query(`ALTER TABLE plan_budget_allocations ADD COLUMN source_task_id uuid REFERENCES tasks (id)`);
    await q.query(`CREATE UNIQUE INDEX plan_budget_allocations_source_idx ON plan_budget_allocations (source_task_id, activity_id) WHERE source_task_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plan_budget_allocations_source_idx`);
    await q.query(`ALTER TABLE plan_budget_allocations DROP COLUMN source_task_id`);
    await q.query(`DELETE FROM plan_integrations WHERE document = 'dprd_approval'`);
    await q.query(`ALTER TABLE plan_integrations DROP CONSTRAINT plan_integrations_document_check`);
    await q.query(`ALTER TABLE plan_integrations ADD CONSTRAINT plan_integrations_document_check CHECK (document IN ('renstra', 'renja', 'rka'))`);
  }
}
