import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar: national holidays and cuti bersama, kept by administrators. The dates
 * themselves are data, loaded after migrations from the calendar lib's file (one year at a time, once:
 * `holiday_seed_years` remembers which), so an administrator's edits are never overwritten.
 */
export class CreateHolidays1763900000500 implements MigrationInterface {
  name = 'CreateHolidays1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holidays (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('national_holiday', 'cuti_bersama')),
        name_id text NOT NULL,
        name_en text NOT NULL,
        source text NOT NULL DEFAULT '',
        created_by uuid REFERENCES people (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE holiday_seed_years (
        year integer PRIMARY KEY,
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday_seed_years`);
    await q.query(`DROP TABLE holidays`);
  }
}
