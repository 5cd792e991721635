import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral under way when its case closes ends as `cancelled` (issue 11, step 10): the receiving
 * agency's open step is cancelled with the case, and reports can tell it from a completed service.
 */
export class CaseReferralCancelled1763900002410 implements MigrationInterface {
  name = 'CaseReferralCancelled1763900002410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_referrals DROP CONSTRAINT case_referrals_status_check`);
    await q.query(`ALTER TABLE case_referrals ADD CONSTRAINT case_referrals_status_check CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'cancelled'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_referrals DROP CONSTRAINT case_referrals_status_check`);
    await q.query(`ALTER TABLE case_referrals ADD CONSTRAINT case_referrals_status_check CHECK (status IN ('sent', 'accepted', 'declined', 'completed'))`);
  }
}
