import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member agencies' parts of a regency/city's periodic report (issue 12, item 1; seed 000 §4.8 "three
 * monthly reports will be submitted to the district focal point"): one row per member agency and period,
 * whatever version of the report is being worked on. `requested` while its task is open, `submitted` with
 * the agency's counts and remarks (no victim data: the form asks for counts and internal remarks only),
 * `not_received` once the focal point submitted without it, `unassigned` when nobody at the agency could
 * be asked. Submitted parts are kept as they were sent.
 */
export class CreateReportParts1763900002740 implements MigrationInterface {
  name = 'CreateReportParts1763900002740';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE periodic_report_parts (
        cycle_id uuid NOT NULL REFERENCES report_cycles (id),
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        status text NOT NULL CHECK (status IN ('requested', 'submitted', 'not_received', 'unassigned')),
        due_date date NOT NULL,
        task_id uuid REFERENCES tasks (id),
        submission_id uuid REFERENCES form_submissions (id),
        answers jsonb,
        submitted_by uuid REFERENCES people (id),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, jurisdiction_code, agency_id),
        CHECK ((status = 'submitted') = (answers IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE FUNCTION periodic_report_part_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a submitted part of a periodic report is kept as it was sent';
      END $$`);
    await q.query(`CREATE TRIGGER periodic_report_parts_kept BEFORE UPDATE OR DELETE ON periodic_report_parts FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION periodic_report_part_kept()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE periodic_report_parts`);
    await q.query(`DROP FUNCTION periodic_report_part_kept()`);
  }
}
