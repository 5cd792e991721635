import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash-chained audit trail. Append-only in the database too: rewriting history takes a deliberate
 * `ALTER TABLE … DISABLE TRIGGER`, and the chain verification then names the altered entry.
 */
export class CreateAuditLog1763900000100 implements MigrationInterface {
  name = 'CreateAuditLog1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        jurisdiction_code text,
        request_id text,
        before_digest text,
        after_digest text,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_jurisdiction_idx ON audit_log (jurisdiction_code, seq DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log hanya boleh ditambah / audit_log is append-only (% refused)', TG_OP;
      END
      $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    // Row triggers do not fire on TRUNCATE.
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
