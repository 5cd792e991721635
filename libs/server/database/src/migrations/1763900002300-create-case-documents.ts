import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forms recorded on a case outside its process's tasks, in the order recorded (issue 11): the assessment
 * before a return (fear of return, non-refoulement, statelessness) first; each is a sealed form
 * submission (answers encrypted in `form_submissions`), linked here by its kind. No answer is held here.
 */
export class CreateCaseDocuments1763900002300 implements MigrationInterface {
  name = 'CreateCaseDocuments1763900002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_documents (
        seq bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]{0,59}$'),
        submission_id uuid NOT NULL UNIQUE REFERENCES form_submissions (id),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES people (id)
      )`);
    await q.query(`CREATE INDEX case_documents_case_idx ON case_documents (case_id, kind, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_documents`);
  }
}
