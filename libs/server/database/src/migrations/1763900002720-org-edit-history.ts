import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies, positions and people can be edited and deactivated (issue 13), never deleted: tasks, the audit
 * trail and holder histories keep pointing at them.
 * - `active` on agencies and positions (people had it): an inactive one gives no rights and gets no new tasks.
 * - `version`: a counter raised by every change, so an edit made on a stale copy is refused (409), not lost.
 * - `org_changes`: what changed, field by field (before → after), who changed it and when, shown on the
 *   record's page. Staff data only; the audit trail keeps digests of the same changes.
 */
export class OrgEditHistory1763900002720 implements MigrationInterface {
  name = 'OrgEditHistory1763900002720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE positions ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE people ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE org_changes (
        id bigserial PRIMARY KEY,
        subject_type text NOT NULL CHECK (subject_type IN ('agency', 'position', 'person')),
        subject_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('update', 'deactivate', 'reactivate')),
        actor_id uuid REFERENCES people (id),
        at timestamptz NOT NULL DEFAULT now(),
        changes jsonb NOT NULL,
        reason text
      )`);
    await q.query(`CREATE INDEX org_changes_subject_idx ON org_changes (subject_type, subject_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_changes`);
    await q.query(`ALTER TABLE people DROP COLUMN version`);
    await q.query(`ALTER TABLE positions DROP COLUMN active, DROP COLUMN version`);
    await q.query(`ALTER TABLE agencies DROP COLUMN active, DROP COLUMN version`);
  }
}
