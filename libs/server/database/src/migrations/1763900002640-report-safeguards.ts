import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a review of the reports found (issue 12):
 * - `public_figure_years`: a year's public figures are published ONCE, when the year is final (its four
 *   quarterly cycles closed), and served from here ever after. Recomputing them as reports change would let
 *   anyone difference two releases and recover a hidden small cell.
 * - `case_consent_purposes.recheck_on`: the earliest decision dated after the day the state was computed; on
 *   and after that day the stored state may be stale, and the research export leaves the case out.
 * - `case_justice_facts.entered_on`: the day (Jakarta) the record was entered; the prosecution figures count
 *   the later of it and the day the record speaks of, so a backdated record never moves a case into a quarter
 *   already reported.
 */
export class ReportSafeguards1763900002640 implements MigrationInterface {
  name = 'ReportSafeguards1763900002640';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_figure_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL CHECK (status IN ('published', 'withheld')),
        content jsonb,
        published_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE case_consent_purposes ADD COLUMN recheck_on date`);
    await q.query(`ALTER TABLE case_justice_facts ADD COLUMN entered_on date`);
    await q.query(`
      UPDATE case_justice_facts j SET entered_on = (d.recorded_at AT TIME ZONE 'Asia/Jakarta')::date
        FROM case_documents d WHERE d.submission_id = j.submission_id`);
    await q.query(`UPDATE case_justice_facts SET entered_on = recorded_on WHERE entered_on IS NULL`);
    await q.query(`ALTER TABLE case_justice_facts ALTER COLUMN entered_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_justice_facts DROP COLUMN entered_on`);
    await q.query(`ALTER TABLE case_consent_purposes DROP COLUMN recheck_on`);
    await q.query(`DROP TABLE public_figure_years`);
  }
}
