import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out here rather than imported: a landed migration must not change when other code does.
const APP_GROUP_ROLE = 'gugus_app';

/**
 * Least privilege for the running app. Migrations run as the schema owner; the API and worker connect as
 * a login role that is a member of `gugus_app`, which owns nothing and has the DML it needs everywhere
 * but only SELECT and INSERT on `audit_log`: it cannot UPDATE, DELETE or TRUNCATE the audit trail, nor
 * `ALTER TABLE … DISABLE TRIGGER` (only the owner can). Default privileges give it the same rights on
 * tables and sequences later migrations create (they run as this same owner).
 *
 * Creating the group needs CREATEROLE. Where the owner lacks it (some managed PostgreSQL services), an
 * administrator creates the role first and this migration only grants; it says so when it cannot.
 */
export class AppRole1763900001101 implements MigrationInterface {
  name = 'AppRole1763900001101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper)) THEN
            RAISE EXCEPTION 'Peran ${APP_GROUP_ROLE} belum ada dan % tidak boleh membuat peran. Minta administrator menjalankan: CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN; lalu jalankan migrasi lagi. / Role ${APP_GROUP_ROLE} does not exist and % may not create roles. Ask an administrator to run: CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN; then migrate again.', current_user, current_user;
          END IF;
          CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${APP_GROUP_ROLE}', current_schema());
      END
      $$`);
    // The audit trail is read and appended, never changed; migration bookkeeping is the owner's alone.
    await q.query(`REVOKE UPDATE, DELETE ON audit_log FROM ${APP_GROUP_ROLE}`);
    await q.query(`REVOKE ALL ON migrations FROM ${APP_GROUP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The role is cluster-wide and may serve other databases: only this database's grants are taken back.
    await q.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_GROUP_ROLE}', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${APP_GROUP_ROLE}', current_schema());
      END
      $$`);
  }
}
