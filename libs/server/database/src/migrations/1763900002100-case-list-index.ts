import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list reads newest first across a province and its regencies (a scope matched by pattern, so
 * the per-jurisdiction index does not order it): an index in the list's own order lets PostgreSQL stop at
 * the page instead of sorting every case of the province (bench:cases, 10,000 cases).
 */
export class CaseListIndex1763900002100 implements MigrationInterface {
  name = 'CaseListIndex1763900002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_newest_idx ON cases (opened_at DESC, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_newest_idx`);
  }
}
