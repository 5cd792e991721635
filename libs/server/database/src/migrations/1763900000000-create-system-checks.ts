import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSystemChecks1763900000000 implements MigrationInterface {
  name = 'CreateSystemChecks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE system_checks (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        stage text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        hold_ms integer NOT NULL DEFAULT 0,
        database_version text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX system_checks_requested_at_idx ON system_checks (requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE system_checks`);
  }
}
