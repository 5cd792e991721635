import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The codes quarterly reports break cases down by (issue 12 groundwork), one row per case, written by the
 * case process from the sealed intake and screening forms: sex, age group, nationality, internal or
 * international, area of origin and where identified (region codes), exploitation types, sectors and means.
 * Codes only (`@gugus/cases` case-facts.ts lets nothing else through): reports count them without
 * decrypting a single form, and nothing here names or describes a person.
 */
export class CreateCaseFacts1763900002500 implements MigrationInterface {
  name = 'CreateCaseFacts1763900002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_facts (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        sex text,
        age_group text,
        age_uncertain boolean,
        nationality_group text,
        nationality text CHECK (nationality IS NULL OR nationality ~ '^[A-Z]{2}$'),
        trafficking_scope text,
        origin_region text CHECK (origin_region IS NULL OR origin_region ~ '^[0-9]{2}([.][0-9]{2})?$'),
        identified_in_region text CHECK (identified_in_region IS NULL OR identified_in_region ~ '^[0-9]{2}([.][0-9]{2})?$'),
        exploitation_types text[],
        sectors text[],
        means text[],
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_facts`);
  }
}
