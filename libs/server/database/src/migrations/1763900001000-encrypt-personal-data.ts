import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Envelope encryption of personal data at rest. Each record that holds restricted or identifying answers,
 * drafts, staged data or free-text comments gets its own data key (`data_keys`, wrapped by a
 * key-encryption key from configuration); the sealed parts live in `bytea` columns next to the plain,
 * non-sensitive ones, so aggregates never need to decrypt. The old plain columns stay for rows written
 * before this migration, which the worker seals on start (see LegacySealer).
 */
export class EncryptPersonalData1763900001000 implements MigrationInterface {
  name = 'EncryptPersonalData1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_keys (
        id uuid PRIMARY KEY,
        kek_id text NOT NULL,
        wrapped bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      )`);
    await q.query(`CREATE INDEX data_keys_kek_idx ON data_keys (kek_id)`);
    // Submissions: `data` keeps the public and internal answers; `sealed` the restricted and identifying ones.
    await q.query(`ALTER TABLE form_submissions ADD COLUMN data_key_id uuid REFERENCES data_keys (id), ADD COLUMN sealed bytea, ADD COLUMN needs_sealing boolean NOT NULL DEFAULT false`);
    // Rows stored before this migration hold every answer in plain `data`: the worker seals them.
    await q.query(`UPDATE form_submissions SET needs_sealing = true`);
    await q.query(`CREATE INDEX form_submissions_needs_sealing_idx ON form_submissions (created_at) WHERE needs_sealing`);
    // Tasks: drafts, staged data and comments are sealed whole with the task's own data key.
    await q.query(`
      ALTER TABLE tasks
        ADD COLUMN data_key_id uuid REFERENCES data_keys (id),
        ADD COLUMN draft_sealed bytea,
        ADD COLUMN staged_sealed bytea,
        ADD COLUMN comments_sealed bytea,
        ADD COLUMN staged_comments_sealed bytea`);
    // Free text in a task's history (comments, hand-over notes) is sealed with the task's key.
    await q.query(`ALTER TABLE task_events ADD COLUMN detail_sealed bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task_events DROP COLUMN detail_sealed`);
    await q.query(`ALTER TABLE tasks DROP COLUMN staged_comments_sealed, DROP COLUMN comments_sealed, DROP COLUMN staged_sealed, DROP COLUMN draft_sealed, DROP COLUMN data_key_id`);
    await q.query(`ALTER TABLE form_submissions DROP COLUMN needs_sealing, DROP COLUMN sealed, DROP COLUMN data_key_id`);
    await q.query(`DROP TABLE data_keys`);
  }
}
