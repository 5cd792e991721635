import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the person was reunified or returned (issue 11, step 10): follow-up visits count from it, and a
 * child's case cannot close as "regained control" less than two years after it.
 */
export class CaseReunification1763900002000 implements MigrationInterface {
  name = 'CaseReunification1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN reunified_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN reunified_at`);
  }
}
