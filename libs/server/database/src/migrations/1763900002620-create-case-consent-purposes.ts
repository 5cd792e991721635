import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where consent stands per purpose for each case (issue 12, item 5), kept beside the sealed consent forms
 * so that a case-level export can include only the cases whose consent covers its use without decrypting
 * a form per case: codes and days only (the purpose, granted / declined / withdrawn / none, since when,
 * until when), rewritten from all the case's consent forms each time one is recorded. Data sharing per
 * agency stays in the forms (the packets read it there).
 */
export class CreateCaseConsentPurposes1763900002620 implements MigrationInterface {
  name = 'CreateCaseConsentPurposes1763900002620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_consent_purposes (
        case_id uuid NOT NULL REFERENCES cases (id),
        purpose text NOT NULL CHECK (purpose ~ '^[a-z_]{1,64}$'),
        status text NOT NULL CHECK (status IN ('granted', 'declined', 'withdrawn', 'expired', 'none')),
        since date,
        valid_until date,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, purpose)
      )`);
    // The export's question: which cases may be used for research today.
    await q.query(`CREATE INDEX case_consent_purposes_granted ON case_consent_purposes (purpose, case_id) WHERE status = 'granted'`);
    // The export that reads it: de-identified case rows in the fields of the HTCDS.
    await q.query(`ALTER TABLE report_exports DROP CONSTRAINT report_exports_kind_check`);
    await q.query(`ALTER TABLE report_exports ADD CONSTRAINT report_exports_kind_check CHECK (kind IN ('periodic-reports', 'case-records'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM report_exports WHERE kind = 'case-records'`);
    await q.query(`ALTER TABLE report_exports DROP CONSTRAINT report_exports_kind_check`);
    await q.query(`ALTER TABLE report_exports ADD CONSTRAINT report_exports_kind_check CHECK (kind IN ('periodic-reports'))`);
    await q.query(`DROP TABLE case_consent_purposes`);
  }
}
