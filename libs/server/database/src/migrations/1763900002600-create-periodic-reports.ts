import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic reports up the hierarchy (issue 12, item 1). A `report_cycles` row per period (one quarter),
 * opened by its process; a `periodic_reports` row per task force and version: the regency/city report, the
 * province's aggregate, the national one. Figures are counts only (the national quarterly case report's
 * numbers, and what the cases said when the report opened); free text stays in the sealed form
 * submission. A report accepted by the level above is locked — the database refuses to change it — and a
 * correction opens the next version, leaving the old one readable as `superseded`.
 */
export class CreatePeriodicReports1763900002600 implements MigrationInterface {
  name = 'CreatePeriodicReports1763900002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_cycles (
        id uuid PRIMARY KEY,
        period text NOT NULL UNIQUE CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
        period_from date NOT NULL,
        period_until date NOT NULL,
        workflow_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL,
        opened_by uuid REFERENCES people (id),
        closed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE periodic_reports (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES report_cycles (id),
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        level text NOT NULL CHECK (level IN ('regency', 'province', 'national')),
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('open', 'submitted', 'returned', 'accepted', 'superseded')),
        round integer NOT NULL DEFAULT 1 CHECK (round > 0),
        due_date date NOT NULL,
        computed jsonb NOT NULL,
        figures jsonb,
        counted jsonb NOT NULL DEFAULT '[]',
        task_id uuid,
        submission_id uuid,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES people (id),
        first_submitted_at timestamptz,
        review_task_id uuid,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES people (id),
        accepted_at timestamptz,
        correction_reason text CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 1000),
        corrects uuid REFERENCES periodic_reports (id),
        created_at timestamptz NOT NULL,
        UNIQUE (cycle_id, jurisdiction_code, version)
      )`);
    await q.query(`CREATE INDEX periodic_reports_cycle ON periodic_reports (cycle_id, level, jurisdiction_code)`);
    await q.query(`CREATE INDEX periodic_reports_accepted ON periodic_reports (cycle_id, jurisdiction_code) WHERE status = 'accepted'`);
    // At most one version of a task force's report is being worked on at a time.
    await q.query(`CREATE UNIQUE INDEX periodic_reports_one_open ON periodic_reports (cycle_id, jurisdiction_code) WHERE status IN ('open', 'submitted', 'returned')`);
    // Locked once accepted: only the move to superseded (a correction accepted) is allowed.
    await q.query(`
      CREATE FUNCTION periodic_report_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'periodic report % is kept (status %)', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'superseded' OR (OLD.status = 'accepted' AND (NEW.status <> 'superseded'
            OR NEW.figures IS DISTINCT FROM OLD.figures OR NEW.computed IS DISTINCT FROM OLD.computed OR NEW.counted IS DISTINCT FROM OLD.counted
            OR NEW.submission_id IS DISTINCT FROM OLD.submission_id OR NEW.version <> OLD.version OR NEW.jurisdiction_code <> OLD.jurisdiction_code)) THEN
          RAISE EXCEPTION 'periodic report % is locked (status %)', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER periodic_reports_locked BEFORE UPDATE ON periodic_reports FOR EACH ROW EXECUTE FUNCTION periodic_report_locked()`);
    await q.query(`CREATE TRIGGER periodic_reports_kept BEFORE DELETE ON periodic_reports FOR EACH ROW WHEN (OLD.status IN ('accepted', 'superseded')) EXECUTE FUNCTION periodic_report_locked()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE periodic_reports`);
    await q.query(`DROP FUNCTION periodic_report_locked()`);
    await q.query(`DROP TABLE report_cycles`);
  }
}
