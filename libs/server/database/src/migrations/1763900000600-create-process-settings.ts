import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-jurisdiction process settings (durations, who does which step) as immutable versions: a change is
 * a new version, and a running process keeps the version it started with.
 */
export class CreateProcessSettings1763900000600 implements MigrationInterface {
  name = 'CreateProcessSettings1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_settings (
        id uuid PRIMARY KEY,
        process_key text NOT NULL,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        version integer NOT NULL CHECK (version > 0),
        settings jsonb NOT NULL,
        note text,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (process_key, jurisdiction_code, version)
      )`);
    await q.query(`
      CREATE FUNCTION process_settings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'process settings version % is immutable: save a new version', OLD.id;
      END $$`);
    await q.query(`CREATE TRIGGER process_settings_immutable BEFORE UPDATE OR DELETE ON process_settings FOR EACH ROW EXECUTE FUNCTION process_settings_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE process_settings`);
    await q.query(`DROP FUNCTION process_settings_immutable`);
  }
}
