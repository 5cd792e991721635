import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background exports of reports (issue 12, item 3): who asked, what (the kind and its query, codes and
 * periods only), how far it is, and where the finished file is. A file is handed only to whoever asked.
 */
export class CreateReportExports1763900002610 implements MigrationInterface {
  name = 'CreateReportExports1763900002610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_exports (
        id uuid PRIMARY KEY,
        requested_by uuid NOT NULL REFERENCES people (id),
        kind text NOT NULL CHECK (kind IN ('periodic-reports')),
        query jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        total_rows integer,
        rows_written integer NOT NULL DEFAULT 0,
        file_name text,
        file_path text,
        error text,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX report_exports_requester ON report_exports (requested_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_exports`);
  }
}
