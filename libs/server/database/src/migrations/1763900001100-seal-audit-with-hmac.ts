import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyed audit entries. New entries are sealed with HMAC-SHA-256 under a configured key (`hash_version`
 * 2, `key_id` naming the key so keys can rotate) and may carry the purpose of a read. Entries already
 * written stay unkeyed (`hash_version` 1) and verify as before; the first keyed entry links to them.
 * From now on only keyed entries can be appended: the CHECK is NOT VALID, so it binds new rows only.
 */
export class SealAuditWithHmac1763900001100 implements MigrationInterface {
  name = 'SealAuditWithHmac1763900001100';

  async up(q: QueryRunner): Promise<void> {
    // Adding columns with a constant default rewrites no row, so the append-only triggers are not involved.
    await q.query(`ALTER TABLE audit_log ADD COLUMN purpose text, ADD COLUMN hash_version smallint NOT NULL DEFAULT 1, ADD COLUMN key_id text`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN hash_version DROP DEFAULT`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_keyed CHECK (hash_version = 2 AND key_id IS NOT NULL) NOT VALID`);
    await q.query(`CREATE INDEX audit_log_reads_idx ON audit_log (seq DESC) WHERE action LIKE '%.read' OR action = 'person.list'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_reads_idx`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN key_id, DROP COLUMN hash_version, DROP COLUMN purpose`);
  }
}
