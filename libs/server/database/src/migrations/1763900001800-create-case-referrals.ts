import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals of a case to services (issue 11, step 6). Each row links the sealed `referral` form (and
 * later the receiving agency's response and its outcome report, also sealed form submissions) to the
 * case, with the codes the process and the reports need: service, receiving agency, status, dates. No
 * answer about the person is held here. A re-referral after a decline is a new row naming the one it
 * replaces.
 */
export class CreateCaseReferrals1763900001800 implements MigrationInterface {
  name = 'CreateCaseReferrals1763900001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_referrals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        number integer NOT NULL CHECK (number > 0),
        service_type text NOT NULL,
        receiving_agency_id uuid NOT NULL REFERENCES agencies (id),
        status text NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'completed')),
        referral_submission_id uuid NOT NULL UNIQUE REFERENCES form_submissions (id),
        response_submission_id uuid REFERENCES form_submissions (id),
        outcome_submission_id uuid REFERENCES form_submissions (id),
        replaces_id uuid REFERENCES case_referrals (id),
        sent_at timestamptz NOT NULL,
        sent_by uuid NOT NULL REFERENCES people (id),
        responded_at timestamptz,
        completed_at timestamptz,
        UNIQUE (case_id, number)
      )`);
    // The receiving agency's view: its referrals, open first.
    await q.query(`CREATE INDEX case_referrals_agency_idx ON case_referrals (receiving_agency_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_referrals`);
  }
}
