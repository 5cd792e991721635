import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { SessionEntity } from './auth.entities';

/** Longest block of one address for one account, and how long failures are remembered without a new one. */
const MAX_BLOCK_MINUTES = 24 * 60;

export type TokenPair = Pick<SessionEntity, 'accessHash' | 'accessExpiresAt' | 'refreshHash' | 'refreshExpiresAt'>;

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async passwordHashFor(personId: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT password_hash FROM people WHERE id = $1 AND active', [personId]);
    return row?.password_hash ?? null;
  }

  /** Until when this address may not try this e-mail key, if it is blocked now. */
  async blockedUntil(emailKey: string, addressKey: string): Promise<Date | null> {
    const [row] = await this.db.query('SELECT locked_until FROM login_failures WHERE email_key = $1 AND address_key = $2 AND locked_until > now()', [emailKey, addressKey]);
    return row?.locked_until ?? null;
  }

  /**
   * Counts a failure of this address for this e-mail key. From the `threshold`-th failure on, each one
   * blocks the pair for `firstBlockMinutes`, doubled for every further failure (at most a day). Failures
   * older than a day are forgotten. Returns the end of the block, if there is one now.
   */
  async recordFailure(emailKey: string, addressKey: string, threshold: number, firstBlockMinutes: number): Promise<Date | null> {
    const [row] = await this.db.query(
      `INSERT INTO login_failures AS f (email_key, address_key, failures, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (email_key, address_key) DO UPDATE SET
         failures = CASE WHEN f.updated_at < now() - make_interval(mins => $3) THEN 1 ELSE f.failures + 1 END,
         updated_at = now()
       RETURNING failures`,
      [emailKey, addressKey, MAX_BLOCK_MINUTES],
    );
    const failures = Number(row.failures);
    if (failures < threshold) return null;
    const minutes = Math.min(MAX_BLOCK_MINUTES, firstBlockMinutes * 2 ** Math.min(failures - threshold, 20));
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows] = await this.db.query(
      `UPDATE login_failures SET locked_until = now() + make_interval(mins => $3) WHERE email_key = $1 AND address_key = $2 RETURNING locked_until`,
      [emailKey, addressKey, minutes],
    );
    return rows[0].locked_until;
  }

  async clearFailures(emailKey: string, addressKey: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE email_key = $1 AND address_key = $2', [emailKey, addressKey]);
  }

  async createSession(session: SessionEntity): Promise<void> {
    await this.db.manager.insert(SessionEntity, session);
  }

  findLiveByAccess(accessHash: string): Promise<SessionEntity | null> {
    const now = new Date();
    return this.db.manager.findOneBy(SessionEntity, { accessHash, endedAt: IsNull(), accessExpiresAt: MoreThan(now), expiresAt: MoreThan(now) });
  }

  findLiveByRefresh(refreshHash: string): Promise<SessionEntity | null> {
    const now = new Date();
    return this.db.manager.findOneBy(SessionEntity, { refreshHash, endedAt: IsNull(), refreshExpiresAt: MoreThan(now), expiresAt: MoreThan(now) });
  }

  /** The session a refresh token was once rotated away from, live or not. */
  async sessionOfUsedRefresh(refreshHash: string): Promise<SessionEntity | null> {
    const [row] = await this.db.query('SELECT session_id FROM session_used_refresh_tokens WHERE refresh_hash = $1', [refreshHash]);
    return row ? this.db.manager.findOneBy(SessionEntity, { id: row.session_id }) : null;
  }

  /**
   * Replaces both tokens only if the old refresh token is still the current one (no double use), and
   * remembers the old one as used, in one statement.
   */
  async rotate(id: string, oldRefreshHash: string, next: TokenPair): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH rotated AS (
         UPDATE sessions SET access_hash = $3, access_expires_at = $4, refresh_hash = $5, refresh_expires_at = $6
         WHERE id = $1 AND refresh_hash = $2 AND ended_at IS NULL
         RETURNING id
       )
       INSERT INTO session_used_refresh_tokens (refresh_hash, session_id) SELECT $2, id FROM rotated RETURNING session_id`,
      [id, oldRefreshHash, next.accessHash, next.accessExpiresAt, next.refreshHash, next.refreshExpiresAt],
    );
    return rows.length === 1;
  }

  /** Ends a session; true if it was still live until now. */
  async end(id: string): Promise<boolean> {
    const result = await this.db.manager.update(SessionEntity, { id, endedAt: IsNull() }, { endedAt: new Date() });
    return (result.affected ?? 0) === 1;
  }
}
