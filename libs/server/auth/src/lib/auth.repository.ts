import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { SessionEntity } from './auth.entities';

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async passwordHashFor(personId: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT password_hash FROM people WHERE id = $1 AND active', [personId]);
    return row?.password_hash ?? null;
  }

  /** The current lock of an e-mail key, if any. */
  async lockedUntil(emailKey: string): Promise<Date | null> {
    const [row] = await this.db.query('SELECT locked_until FROM login_throttle WHERE email_key = $1 AND locked_until > now()', [emailKey]);
    return row?.locked_until ?? null;
  }

  /** Counts a failure atomically; locks the key when the threshold is reached. Returns the lock end. */
  async recordFailure(emailKey: string, threshold: number, lockMinutes: number): Promise<Date | null> {
    const [row] = await this.db.query(
      `INSERT INTO login_throttle AS t (email_key, failures, updated_at) VALUES ($1, 1, now())
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN NULL ELSE t.locked_until END,
         updated_at = now()
       RETURNING failures`,
      [emailKey],
    );
    if (row.failures < threshold) return null;
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows] = await this.db.query(
      `UPDATE login_throttle SET locked_until = now() + make_interval(mins => $2), failures = 0 WHERE email_key = $1 RETURNING locked_until`,
      [emailKey, lockMinutes],
    );
    return rows[0].locked_until;
  }

  async clearFailures(emailKey: string): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE email_key = $1', [emailKey]);
  }

  async createSession(session: SessionEntity): Promise<void> {
    await this.db.manager.insert(SessionEntity, session);
  }

  findLiveByAccess(accessHash: string): Promise<SessionEntity | null> {
    return this.db.manager.findOneBy(SessionEntity, { accessHash, endedAt: IsNull(), accessExpiresAt: MoreThan(new Date()) });
  }

  findLiveByRefresh(refreshHash: string): Promise<SessionEntity | null> {
    return this.db.manager.findOneBy(SessionEntity, { refreshHash, endedAt: IsNull(), refreshExpiresAt: MoreThan(new Date()) });
  }

  /** Replaces both tokens only if the old refresh token is still the current one (no double use). */
  async rotate(id: string, oldRefreshHash: string, next: Pick<SessionEntity, 'accessHash' | 'accessExpiresAt' | 'refreshHash' | 'refreshExpiresAt'>): Promise<boolean> {
    const result = await this.db.manager.update(SessionEntity, { id, refreshHash: oldRefreshHash, endedAt: IsNull() }, next);
    return (result.affected ?? 0) === 1;
  }

  async end(id: string): Promise<void> {
    await this.db.manager.update(SessionEntity, { id, endedAt: IsNull() }, { endedAt: new Date() });
  }
}
