import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-region cases (issue 11, step 9). `cooperation_agreements` is the register of agreements (MoU /
 * perjanjian kerja sama) between two task forces — its parties, its scope (the data categories that may
 * pass between them), its duration and its termination — across levels: the seeds' example is West Java
 * province with Kota Batam. `case_shares` records that a case is shared, under one agreement, with a
 * member agency of the other party's task force; what that side may read is the agreement's scope ∩ the
 * person's consent for that agency, computed at each read. Codes, ids and dates only: nothing here
 * identifies a person.
 */
export class CreateCooperationAgreements1763900002200 implements MigrationInterface {
  name = 'CreateCooperationAgreements1763900002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cooperation_agreements (
        id uuid PRIMARY KEY,
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 120),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        party_a text NOT NULL REFERENCES jurisdictions (code),
        party_b text NOT NULL REFERENCES jurisdictions (code),
        data_categories text[] NOT NULL,
        signed_on date NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        terminated_on date,
        termination_reason text CHECK (termination_reason IS NULL OR length(termination_reason) BETWEEN 1 AND 1000),
        recorded_by uuid NOT NULL REFERENCES people (id),
        recorded_at timestamptz NOT NULL,
        terminated_by uuid REFERENCES people (id),
        CHECK (party_a <> party_b),
        CHECK (valid_until >= valid_from),
        CHECK ((terminated_on IS NULL) = (termination_reason IS NULL)),
        UNIQUE (reference, party_a, party_b)
      )`);
    await q.query(`CREATE INDEX cooperation_agreements_party_a_idx ON cooperation_agreements (party_a)`);
    await q.query(`CREATE INDEX cooperation_agreements_party_b_idx ON cooperation_agreements (party_b)`);
    await q.query(`
      CREATE TABLE case_shares (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        agreement_id uuid NOT NULL REFERENCES cooperation_agreements (id),
        partner_agency_id uuid NOT NULL REFERENCES agencies (id),
        partner_jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        leads_reintegration boolean NOT NULL,
        shared_at timestamptz NOT NULL,
        shared_by uuid NOT NULL REFERENCES people (id),
        ended_at timestamptz,
        ended_by uuid REFERENCES people (id),
        CHECK (ended_at IS NULL OR ended_at >= shared_at)
      )`);
    // One live share per case and partner agency, and one live share leading the reintegration.
    await q.query(`CREATE UNIQUE INDEX case_shares_live_idx ON case_shares (case_id, partner_agency_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX case_shares_lead_idx ON case_shares (case_id) WHERE ended_at IS NULL AND leads_reintegration`);
    // The partner's case list: the cases shared with its jurisdictions.
    await q.query(`CREATE INDEX case_shares_partner_idx ON case_shares (partner_jurisdiction_code) WHERE ended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_shares`);
    await q.query(`DROP TABLE cooperation_agreements`);
  }
}
