import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Form definitions and runs kept apart: versions (national base versions and province variants as
 * overlays) are immutable once published; submissions are pinned to the exact version they used.
 */
export class CreateForms1763900000400 implements MigrationInterface {
  name = 'CreateForms1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE form_versions (
        id uuid PRIMARY KEY,
        form_key text NOT NULL,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        number integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
        library_version text,
        base_version_id uuid REFERENCES form_versions (id),
        overlay jsonb,
        definition jsonb NOT NULL,
        option_lists jsonb NOT NULL,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES people (id),
        published_at timestamptz,
        UNIQUE (form_key, jurisdiction_code, number)
      )`);
    await q.query(`CREATE UNIQUE INDEX form_versions_one_draft ON form_versions (form_key, jurisdiction_code) WHERE status = 'draft'`);
    await q.query(`CREATE UNIQUE INDEX form_versions_one_published ON form_versions (form_key, jurisdiction_code) WHERE status = 'published'`);
    // A published version never changes; the only move left is published → retired.
    await q.query(`
      CREATE FUNCTION form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.overlay IS DISTINCT FROM OLD.overlay
            OR NEW.option_lists IS DISTINCT FROM OLD.option_lists OR NOT (OLD.status = 'published' AND NEW.status IN ('published', 'retired'))) THEN
          RAISE EXCEPTION 'form version % is % and cannot be changed', OLD.id, OLD.status;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER form_versions_immutable BEFORE UPDATE ON form_versions FOR EACH ROW EXECUTE FUNCTION form_versions_immutable()`);
    await q.query(`
      CREATE TABLE form_submissions (
        id uuid PRIMARY KEY,
        form_version_id uuid NOT NULL REFERENCES form_versions (id),
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        status text NOT NULL CHECK (status IN ('draft', 'submitted')),
        data jsonb NOT NULL,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX form_submissions_version_idx ON form_submissions (form_version_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE form_submissions`);
    await q.query(`DROP TABLE form_versions`);
    await q.query(`DROP FUNCTION form_versions_immutable`);
  }
}
