import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent per purpose (issue 11, step 4): each recorded consent form is a sealed form submission
 * (`form_submissions`, answers encrypted there); this table only links it to its case, in the order
 * recorded. No answer is held here.
 */
export class CreateCaseConsents1763900001700 implements MigrationInterface {
  name = 'CreateCaseConsents1763900001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_consents (
        seq bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        submission_id uuid NOT NULL UNIQUE REFERENCES form_submissions (id),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES people (id)
      )`);
    await q.query(`CREATE INDEX case_consents_case_idx ON case_consents (case_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_consents`);
  }
}
