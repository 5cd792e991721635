import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and abuse (issue 9): lockout per (account, client address) instead of per e-mail, every
 * refresh token a session has used (so a reused one is recognised), an absolute session end, and the
 * browser binding of a single sign-on in flight.
 */
export class HardenSessions1763900001200 implements MigrationInterface {
  name = 'HardenSessions1763900001200';

  async up(q: QueryRunner): Promise<void> {
    // Counters only: dropping the per-e-mail locks lifts them, which is the point.
    await q.query(`DROP TABLE login_throttle`);
    // Keys are SHA-256 of the normalised e-mail (known or not) and of the client address.
    await q.query(`
      CREATE TABLE login_failures (
        email_key text NOT NULL,
        address_key text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email_key, address_key)
      )`);

    await q.query(`ALTER TABLE sessions ADD COLUMN expires_at timestamptz`);
    // Sessions from before end when their refresh token would have.
    await q.query(`UPDATE sessions SET expires_at = refresh_expires_at`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN expires_at SET NOT NULL`);
    await q.query(`
      CREATE TABLE session_used_refresh_tokens (
        refresh_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX session_used_refresh_tokens_session_idx ON session_used_refresh_tokens (session_id)`);

    // Logins in flight cannot be bound after the fact; they last ten minutes anyway.
    await q.query(`DELETE FROM oidc_logins`);
    await q.query(`ALTER TABLE oidc_logins ADD COLUMN browser_hash text NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oidc_logins DROP COLUMN browser_hash`);
    await q.query(`DROP TABLE session_used_refresh_tokens`);
    await q.query(`ALTER TABLE sessions DROP COLUMN expires_at`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`
      CREATE TABLE login_throttle (
        email_key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
