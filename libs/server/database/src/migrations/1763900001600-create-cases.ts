import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out here rather than imported: a landed migration must not change when other code does.
// They equal CASE_STAGES (@gugus/contracts) and IDENTIFICATION_STATUSES (@gugus/cases); a spec in
// libs/server/cases checks that.
const STAGES = ['intake', 'screening', 'protection', 'case_conference', 'referral', 'reintegration', 'closed'];
const IDENTIFICATION_STATUSES = ['screened', 'presumed', 'verified', 'confirmed', 'not_confirmed'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The case record (issue 11, step 1): a coded id (`32.04-2027-0042`) and process data, and no field that
 * identifies the person (that comes through sealed form submissions). Coded ids are numbered per
 * jurisdiction and Jakarta year from a counter row that the opening transaction increments, so
 * concurrent openings never share a number, and a rolled-back opening gives its number back.
 *
 * The intake channel is a code of the `referral-sources` option list, which province variants may
 * extend: the application checks the list, the database only the shape of a code.
 */
export class CreateCases1763900001600 implements MigrationInterface {
  name = 'CreateCases1763900001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_code_counters (
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        last integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (jurisdiction_code, year)
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        seq integer NOT NULL CHECK (seq > 0),
        intake_channel text NOT NULL CHECK (intake_channel ~ '^[a-z][a-z0-9_]{0,59}$'),
        intake_agency_id uuid NOT NULL REFERENCES agencies (id),
        stage text NOT NULL DEFAULT 'intake' CHECK (stage IN (${list(STAGES)})),
        identification_status text CHECK (identification_status IN (${list(IDENTIFICATION_STATUSES)})),
        opened_at timestamptz NOT NULL,
        opened_by uuid NOT NULL REFERENCES people (id),
        closed_at timestamptz,
        UNIQUE (jurisdiction_code, year, seq),
        CHECK (code = jurisdiction_code || '-' || year || '-' || lpad(seq::text, greatest(4, length(seq::text)), '0')),
        CHECK (closed_at IS NULL OR closed_at >= opened_at)
      )`);
    await q.query(`CREATE INDEX cases_jurisdiction_idx ON cases (jurisdiction_code, opened_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE case_code_counters`);
  }
}
