import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province's adjusted list of the data categories a service's referral packet carries (issue 11,
 * step 6). Without a row, the national default of `@gugus/cases` (DEFAULT_PACKET_CATEGORIES) applies;
 * consent narrows either for each person and agency. Codes only.
 */
export class CreateCasePacketLists1763900001900 implements MigrationInterface {
  name = 'CreateCasePacketLists1763900001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_packet_lists (
        jurisdiction_code text NOT NULL CHECK (jurisdiction_code ~ '^[0-9]{2}$'),
        service_type text NOT NULL,
        categories text[] NOT NULL,
        updated_by uuid NOT NULL REFERENCES people (id),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (jurisdiction_code, service_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_packet_lists`);
  }
}
