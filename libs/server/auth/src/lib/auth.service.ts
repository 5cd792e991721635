import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type Me, type SessionTokens } from '@gugus/contracts';
import { grantableScopes, SessionResolver, verifyPassword, type AuthUser } from '@gugus/server-access';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';
import { AuditService } from '@gugus/server-audit';
import { OrgsRepository } from '@gugus/server-orgs';
import type { SessionEntity } from './auth.entities';
import { AuthRepository } from './auth.repository';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Today's date in Indonesia (WIB), which decides whether a Plt. delegation applies. */
export function jakartaDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// One message for a wrong password and an unknown e-mail: the API must not reveal which e-mails exist.
const invalidCredentials = () =>
  new DomainError(ErrorCode.INVALID_CREDENTIALS, { id: 'E-mail atau kata sandi salah.', en: 'Wrong e-mail or password.' });

const tooManyAttempts = (until: Date) =>
  new DomainError(
    ErrorCode.TOO_MANY_ATTEMPTS,
    {
      id: `Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah ${until.toISOString()}.`,
      en: `Too many failed logins. Try again after ${until.toISOString()}.`,
    },
    { retryAfter: until.toISOString() },
  );

const sessionEnded = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, { id: 'Sesi berakhir; silakan masuk kembali.', en: 'The session has ended; please log in again.' });

/**
 * Local accounts: argon2 passwords, lockout per (account, address), opaque tokens whose sessions can be
 * ended, end at an absolute time, and end at once when a used refresh token comes back.
 */
@Injectable()
export class AuthService extends SessionResolver {
  constructor(
    private readonly repo: AuthRepository,
    private readonly orgs: OrgsRepository,
    private readonly audit: AuditService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {
    super();
  }

  /** Sign-in events carry no e-mail in clear: failures name the hashed e-mail key only. */
  private async log(action: string, actorId: string | null, target: { type: string; id: string | null; jurisdictionCode?: string | null }, requestId: string | null): Promise<void> {
    await this.audit.record({ actorId, action, targetType: target.type, targetId: target.id, jurisdictionCode: target.jurisdictionCode ?? null, requestId });
  }

  /**
   * Password login from `address`. Failures are counted per (account, address): an address that keeps
   * failing is blocked for that account only, so nobody elsewhere can lock the person out.
   */
  async login(email: string, password: string, address: string, requestId: string | null = null): Promise<SessionTokens & { personId: string }> {
    const normalised = email.trim().toLowerCase();
    const key = sha256(normalised);
    const addressKey = sha256(address);
    const blocked = await this.repo.blockedUntil(key, addressKey);
    if (blocked) {
      await this.log('auth.login_refused', null, { type: 'account', id: key.slice(0, 16) }, requestId);
      throw tooManyAttempts(blocked);
    }
    const person = await this.orgs.findPersonByEmail(normalised);
    const hash = person?.active ? await this.repo.passwordHashFor(person.id) : null;
    // Always verify (against a decoy when there is no account) so timing does not tell either.
    const ok = await verifyPassword(hash, password);
    if (!ok || !person) {
      const blockedNow = await this.repo.recordFailure(key, addressKey, this.config.AUTH_LOCKOUT_THRESHOLD, this.config.AUTH_LOCKOUT_MINUTES);
      await this.log(blockedNow ? 'auth.lockout' : 'auth.login_failed', null, { type: 'account', id: key.slice(0, 16) }, requestId);
      if (blockedNow) throw tooManyAttempts(blockedNow);
      throw invalidCredentials();
    }
    await this.repo.clearFailures(key, addressKey);
    const tokens = await this.startSession(person.id);
    await this.log('auth.login', person.id, { type: 'person', id: person.id, jurisdictionCode: person.agency?.jurisdictionCode }, requestId);
    return { ...tokens, personId: person.id };
  }

  /** A new session for a person already authenticated (password or single sign-on). */
  async startSession(personId: string): Promise<SessionTokens> {
    const expiresAt = new Date(Date.now() + this.config.AUTH_SESSION_MAX_HOURS * 3_600_000);
    const tokens = this.issueTokens(expiresAt);
    await this.repo.createSession({ id: randomUUID(), personId, endedAt: null, expiresAt, ...tokens.stored });
    return tokens.plain;
  }

  /**
   * Exchanges a live refresh token for new tokens; the old refresh token stops working. A refresh token
   * that was already exchanged is a sign it was stolen (or raced): the whole session ends.
   */
  async refresh(refreshToken: string, requestId: string | null = null): Promise<SessionTokens> {
    const oldHash = sha256(refreshToken);
    const session = await this.repo.findLiveByRefresh(oldHash);
    if (session) {
      const tokens = this.issueTokens(session.expiresAt);
      if (await this.repo.rotate(session.id, oldHash, tokens.stored)) return tokens.plain;
      // Another request exchanged the same token a moment ago: that is a second use too.
      await this.endReused(session, requestId);
      throw sessionEnded();
    }
    const reused = await this.repo.sessionOfUsedRefresh(oldHash);
    if (reused) await this.endReused(reused, requestId);
    throw sessionEnded();
  }

  private async endReused(session: SessionEntity, requestId: string | null): Promise<void> {
    if (!(await this.repo.end(session.id))) return;
    const person = await this.orgs.findPerson(session.personId);
    await this.log('auth.refresh_reuse', null, { type: 'person', id: session.personId, jurisdictionCode: person?.agency?.jurisdictionCode }, requestId);
  }

  /** Ends the session: its access and refresh tokens stop working immediately. */
  async logout(user: AuthUser): Promise<void> {
    await this.repo.end(user.sessionId);
    await this.log('auth.logout', user.personId, { type: 'person', id: user.personId }, user.requestId ?? null);
  }

  async resolve(accessToken: string): Promise<AuthUser | null> {
    if (accessToken.length > 200) return null;
    const session = await this.repo.findLiveByAccess(sha256(accessToken));
    if (!session) return null;
    const person = await this.orgs.findPerson(session.personId);
    if (!person?.active) return null;
    const grants = await this.orgs.grantsFor(person.id, jakartaDate());
    return { personId: person.id, sessionId: session.id, name: person.fullName, email: person.email, grants };
  }

  /** Who is calling, their grants, and (from the grant table) which roles they may hand out where, so the web offers only those. */
  me(user: AuthUser): Me {
    return { personId: user.personId, name: user.name, email: user.email, grants: user.grants, grantableRoles: grantableScopes(user.grants) };
  }

  /** Fresh tokens that never outlive the session's absolute end. */
  private issueTokens(sessionEnd: Date) {
    const accessToken = newToken();
    const refreshToken = newToken();
    const now = Date.now();
    const end = sessionEnd.getTime();
    const accessExpiresAt = new Date(Math.min(now + this.config.AUTH_ACCESS_TTL_MINUTES * 60_000, end));
    return {
      plain: { accessToken, refreshToken, expiresIn: Math.max(1, Math.floor((accessExpiresAt.getTime() - now) / 1000)) },
      stored: {
        accessHash: sha256(accessToken),
        accessExpiresAt,
        refreshHash: sha256(refreshToken),
        refreshExpiresAt: new Date(Math.min(now + this.config.AUTH_REFRESH_TTL_HOURS * 3_600_000, end)),
      },
    };
  }
}
