import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The codes of each justice record (issue 12, item 1: prosecution figures from the cases' justice track):
 * the day it was recorded for, the stage reached and the verdict — written beside the sealed form when a
 * record is made, so a quarter's prosecution figures are counted without decrypting a form. No note, no
 * charge text, no sentence, nothing that describes a person.
 */
export class CreateCaseJusticeFacts1763900002630 implements MigrationInterface {
  name = 'CreateCaseJusticeFacts1763900002630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_justice_facts (
        submission_id uuid PRIMARY KEY REFERENCES form_submissions (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        recorded_on date NOT NULL,
        stage text CHECK (stage IS NULL OR stage ~ '^[a-z_]{1,40}$'),
        verdict text CHECK (verdict IS NULL OR verdict ~ '^[a-z_]{1,40}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_justice_facts_case_idx ON case_justice_facts (case_id, recorded_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_justice_facts`);
  }
}
