import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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

  /** Where to send the browser to log in at the identity provider. */
  async authorizationUrl(): Promise<string> {
    const { client, config } = await this.provider();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    await this.db.query(`DELETE FROM oidc_logins WHERE created_at < now() - make_interval(mins => $1)`, [LOGIN_TTL_MINUTES]);
    await this.db.query('INSERT INTO oidc_logins (state, nonce, code_verifier) VALUES ($1, $2, $3)', [state, nonce, verifier]);
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.settings.OIDC_REDIRECT_URI as string,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /** Completes the provider's redirect; returns where to send the browser next (web login page). */
  async callback(query: Record<string, string | undefined>): Promise<string> {
    const finish = (params: Record<string, string>) => `${this.settings.OIDC_POST_LOGIN_URL}?${new URLSearchParams(params)}`;
    const state = query.state ?? '';
    const [rows] = await this.db.query(
      `DELETE FROM oidc_logins WHERE state = $1 AND created_at > now() - make_interval(mins => $2) RETURNING nonce, code_verifier`,
      [state, LOGIN_TTL_MINUTES],
    );
    const login = (rows as { nonce: string; code_verifier: string }[])[0];
    if (!login) return finish({ error: 'sso_expired' });
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
