import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list shows each case's risk (issue 11, screens): the latest risk level the case team assessed
 * — at a conference (danger from the traffickers), before a reunification or return, or at a follow-up
 * visit (re-trafficking check) — as a code, with when it was assessed. Never anything about the person.
 */
export class CaseRiskLevel1763900002420 implements MigrationInterface {
  name = 'CaseRiskLevel1763900002420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN risk_level text CHECK (risk_level IN ('low', 'medium', 'high')), ADD COLUMN risk_assessed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN risk_assessed_at, DROP COLUMN risk_level`);
  }
}
