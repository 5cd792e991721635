import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CookieOptions } from 'express';
import type { DataSource } from 'typeorm';
import { ErrorCode, type SessionTokens } from '@gugus/contracts';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';
import { AuditService } from '@gugus/server-audit';
import { OrgsRepository } from '@gugus/server-orgs';
import { AuthService } from './auth.service';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });
type OidcConfiguration = Awaited<ReturnType<OpenIdClient['discovery']>>;

const LOGIN_TTL_MINUTES = 10;
const HANDOFF_TTL_SECONDS = 120;
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/** Cookie that binds a single sign-on in flight to the browser that started it (against login CSRF). */
export const SSO_BROWSER_COOKIE = 'gugus_sso';

/**
 * Attributes of {@link SSO_BROWSER_COOKIE}: HttpOnly; SameSite=Lax, because the provider's redirect back
 * is a cross-site top-level navigation; sent only to the callback; Secure in production and over HTTPS.
 */
export function ssoCookieOptions(settings: ServerConfig): CookieOptions {
  const callback = new URL(settings.OIDC_REDIRECT_URI ?? 'http://localhost/auth/oidc/callback');
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.NODE_ENV === 'production' || callback.protocol === 'https:',
    path: callback.pathname,
    maxAge: LOGIN_TTL_MINUTES * 60_000,
  };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const notConfigured = () =>
  new DomainError(ErrorCode.NOT_FOUND, { id: 'Login SSO tidak diaktifkan di instalasi ini.', en: 'Single sign-on is not enabled on this installation.' });

const handoffInvalid = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, { id: 'Kode masuk SSO tidak berlaku lagi; silakan ulangi.', en: 'The sign-on code is no longer valid; please try again.' });

/**
 * OpenID Connect login (authorization code + PKCE, state and nonce checked) with `openid-client`.
 * The person is matched by the provider's verified e-mail; the browser gets a one-time hand-off code,
 * never tokens in a URL.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private configuration?: Promise<{ client: OpenIdClient; config: OidcConfiguration }>;

  constructor(
    @Inject(SERVER_CONFIG) private readonly settings: ServerConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgs: OrgsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return !!this.settings.OIDC_ISSUER_URL;
  }

  assertEnabled(): void {
    if (!this.enabled) throw notConfigured();
  }

  /**
   * Where to send the browser to log in at the identity provider, and the secret the browser keeps in
   * {@link SSO_BROWSER_COOKIE} until it comes back (only its hash is stored with the state).
   */
  async authorizationUrl(): Promise<{ url: string; browserBinding: string }> {
    const { client, config } = await this.provider();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const browserBinding = randomBytes(32).toString('base64url');
    await this.db.query(`DELETE FROM oidc_logins WHERE created_at < now() - make_interval(mins => $1)`, [LOGIN_TTL_MINUTES]);
    await this.db.query('INSERT INTO oidc_logins (state, nonce, code_verifier, browser_hash) VALUES ($1, $2, $3, $4)', [state, nonce, verifier, sha256(browserBinding)]);
    const url = client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.settings.OIDC_REDIRECT_URI as string,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
    return { url, browserBinding };
  }

  /**
   * Completes the provider's redirect; returns where to send the browser next (web login page). The
   * browser must present the binding it got when this login started: a callback URL carried into
   * another browser (login CSRF: someone else's account slipped into the victim's browser) is refused.
   */
  async callback(query: Record<string, string | undefined>, browserBinding: string | undefined): Promise<string> {
    const finish = (params: Record<string, string>) => `${this.settings.OIDC_POST_LOGIN_URL}?${new URLSearchParams(params)}`;
    const state = query.state ?? '';
    // The state is used up either way: a refused callback cannot be replayed with the right cookie later.
    const [rows] = await this.db.query(
      `DELETE FROM oidc_logins WHERE state = $1 AND created_at > now() - make_interval(mins => $2) RETURNING nonce, code_verifier, browser_hash`,
      [state, LOGIN_TTL_MINUTES],
    );
    const login = (rows as { nonce: string; code_verifier: string; browser_hash: string }[])[0];
    if (!login) return finish({ error: 'sso_expired' });
    if (!browserBinding || !sameHash(sha256(browserBinding), login.browser_hash)) {
      this.logger.warn('OIDC callback without the browser binding of its login; refused');
      return finish({ error: 'sso_browser_mismatch' });
    }
    try {
      const { client, config } = await this.provider();
      const current = new URL(this.settings.OIDC_REDIRECT_URI as string);
      for (const [k, v] of Object.entries(query)) if (v !== undefined) current.searchParams.set(k, v);
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.code_verifier, expectedState: state, expectedNonce: login.nonce });
      const idClaims = tokens.claims();
      if (!idClaims) return finish({ error: 'sso_failed' });
      // Providers that follow the spec strictly put scope claims (e-mail) in userinfo, not the ID token.
      const claims = typeof idClaims.email === 'string' ? idClaims : await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email.toLowerCase() : null;
      const person = email ? await this.orgs.findPersonByEmail(email) : null;
      if (!person?.active) return finish({ error: 'sso_no_account' });
      const code = randomBytes(32).toString('base64url');
      await this.db.query(`INSERT INTO sso_handoffs (code_hash, person_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [sha256(code), person.id, HANDOFF_TTL_SECONDS]);
      return finish({ handoff: code });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'OIDC callback failed');
      return finish({ error: 'sso_failed' });
    }
  }

  /** Turns a one-time hand-off code into a session. */
  async exchange(code: string, requestId: string | null = null): Promise<SessionTokens> {
    const [rows] = await this.db.query(
      `UPDATE sso_handoffs SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id`,
      [sha256(code)],
    );
    const handoff = (rows as { person_id: string }[])[0];
    if (!handoff) throw handoffInvalid();
    const tokens = await this.auth.startSession(handoff.person_id);
    await this.audit.record({ actorId: handoff.person_id, action: 'auth.sso_login', targetType: 'person', targetId: handoff.person_id, jurisdictionCode: null, requestId });
    return tokens;
  }

  private provider(): Promise<{ client: OpenIdClient; config: OidcConfiguration }> {
    if (!this.enabled) return Promise.reject(notConfigured());
    this.configuration ??= (async () => {
      // openid-client is an ES module; Node loads it natively.
      const client = await import('openid-client');
      const issuer = new URL(this.settings.OIDC_ISSUER_URL as string);
      // Plain HTTP only for an identity provider on this machine (development, tests).
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      const config = await client.discovery(issuer, this.settings.OIDC_CLIENT_ID as string, this.settings.OIDC_CLIENT_SECRET as string, undefined, loopback ? { execute: [client.allowInsecureRequests] } : undefined);
      return { client, config };
    })();
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }
}
