import type { MigrationInterface, QueryRunner } from 'typeorm';

/** OpenID Connect logins in flight, and one-time hand-off codes that turn into sessions. */
export class CreateOidcLogins1763900000300 implements MigrationInterface {
  name = 'CreateOidcLogins1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oidc_logins (
        state text PRIMARY KEY,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sso_handoffs (
        code_hash text PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES people (id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_handoffs`);
    await q.query(`DROP TABLE oidc_logins`);
  }
}
