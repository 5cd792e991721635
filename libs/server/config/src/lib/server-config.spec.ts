import { ConfigError, loadConfig } from './load-config';
import { requiredVariables, serverConfigSchema } from './server-config';

const minimal = { DATABASE_URL: 'postgres://u:p@localhost:5432/gugus', TEMPORAL_ADDRESS: 'localhost:7233' };

describe('serverConfigSchema', () => {
  it('fills every default from a minimal environment', () => {
    const config = loadConfig(serverConfigSchema, minimal);
    expect(config).toMatchObject({ API_PORT: 3000, API_BODY_LIMIT: '1mb', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'gugus' });
  });

  it('requires exactly the database URL and the Temporal address', () => {
    expect(requiredVariables(serverConfigSchema).sort()).toEqual(['DATABASE_URL', 'TEMPORAL_ADDRESS']);
  });

  it.each([
    [{ TEMPORAL_ADDRESS: 'localhost:7233' }, 'DATABASE_URL: wajib diisi'],
    [{ ...minimal, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: harus berupa URL postgres://'],
    [{ ...minimal, TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS: harus berbentuk host:port'],
    [{ ...minimal, API_PORT: '70000' }, 'API_PORT'],
    [{ ...minimal, API_BODY_LIMIT: 'lots' }, 'API_BODY_LIMIT: harus seperti 512kb'],
    // A hop count or `true` would believe a forged X-Forwarded-For from anyone reaching the API directly.
    [{ ...minimal, API_TRUST_PROXY: '1' }, 'API_TRUST_PROXY'],
    [{ ...minimal, API_TRUST_PROXY: 'true' }, 'API_TRUST_PROXY'],
    [{ ...minimal, API_TRUST_PROXY: 'nginx' }, 'API_TRUST_PROXY'],
    [{ ...minimal, THROTTLE_LOGIN_PER_ADDRESS: '0' }, 'THROTTLE_LOGIN_PER_ADDRESS'],
    [{ ...minimal, AUTH_SESSION_MAX_HOURS: '0' }, 'AUTH_SESSION_MAX_HOURS'],
  ])('rejects %j naming the variable', (env, expected) => {
    expect(() => loadConfig(serverConfigSchema, env)).toThrow(ConfigError);
    expect(() => loadConfig(serverConfigSchema, env)).toThrow(expected);
  });

  it.each(['uniquelocal', 'loopback, 10.0.0.0/8', '172.18.0.5', 'fd00::/8,::1'])('accepts the proxy list %j', (value) => {
    expect(loadConfig(serverConfigSchema, { ...minimal, API_TRUST_PROXY: value }).API_TRUST_PROXY).toBe(value);
  });

  it('trusts no proxy and throttles with sensible limits by default', () => {
    const config = loadConfig(serverConfigSchema, minimal);
    expect(config.API_TRUST_PROXY).toBeUndefined();
    expect(config).toMatchObject({
      AUTH_SESSION_MAX_HOURS: 12,
      THROTTLE_LOGIN_PER_ADDRESS: 100,
      THROTTLE_WRITES_PER_PERSON: 240,
    });
  });

  it('treats an empty value as unset so the default applies', () => {
    expect(loadConfig(serverConfigSchema, { ...minimal, API_PORT: '' }).API_PORT).toBe(3000);
  });
});

describe('OIDC settings', () => {
  it('are all required once the issuer is set, each named', () => {
    const env = { ...minimal, OIDC_ISSUER_URL: 'https://sso.example.go.id/realms/gugus', OIDC_CLIENT_ID: 'gugus' };
    expect(() => loadConfig(serverConfigSchema, env)).toThrow('OIDC_CLIENT_SECRET: wajib diisi bila OIDC_ISSUER_URL diatur');
    expect(() => loadConfig(serverConfigSchema, env)).toThrow('OIDC_POST_LOGIN_URL');
  });

  it('are optional while the issuer is unset', () => {
    expect(loadConfig(serverConfigSchema, minimal).OIDC_ISSUER_URL).toBeUndefined();
  });
});

describe('audit and database-role settings', () => {
  const key = 'k2:a-production-secret-of-at-least-32-characters';
  const production = {
    ...minimal,
    NODE_ENV: 'production',
    AUDIT_HMAC_KEY: key,
    AUDIT_CHECKPOINT_DIR: '/var/lib/gugus/audit-checkpoints',
    DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    TEMPORAL_PAYLOAD_KEYS: `p1:${Buffer.alloc(32, 9).toString('base64')}`,
  };

  it('has a development key, marked as such, outside production', () => {
    expect(loadConfig(serverConfigSchema, minimal).AUDIT_HMAC_KEY).toContain('DEV-ONLY');
    expect(loadConfig(serverConfigSchema, production)).toMatchObject({ AUDIT_HMAC_KEY: key });
  });

  it.each([
    [{ ...production, AUDIT_HMAC_KEY: undefined }, 'AUDIT_HMAC_KEY: kunci pengembangan tidak boleh dipakai di produksi'],
    [{ ...production, AUDIT_HMAC_OLD_KEYS: 'dev:DEV-ONLY-audit-hmac-key-do-not-use-in-production' }, 'AUDIT_HMAC_OLD_KEYS: kunci pengembangan'],
    [{ ...production, AUDIT_CHECKPOINT_DIR: undefined }, 'AUDIT_CHECKPOINT_DIR: wajib diisi di produksi'],
    [{ ...production, DATABASE_URL: 'postgres://gugus_service:DEV-ONLY-gugus-service@postgres:5432/gugus' }, 'DATABASE_URL: kata sandi pengembangan tidak boleh dipakai di produksi'],
    [{ ...minimal, AUDIT_HMAC_KEY: 'k1:too-short' }, 'AUDIT_HMAC_KEY: harus berbentuk <id>:<rahasia minimal 32 karakter>'],
    [{ ...minimal, AUDIT_HMAC_KEY: 'no-id-secret-of-at-least-32-characters-long' }, 'AUDIT_HMAC_KEY'],
    [{ ...minimal, AUDIT_HMAC_OLD_KEYS: 'k1:ok-secret-of-at-least-32-characters-long,k0' }, 'AUDIT_HMAC_OLD_KEYS: harus berupa daftar'],
    [{ ...production, AUDIT_HMAC_OLD_KEYS: 'k2:another-secret-of-at-least-32-characters-long' }, 'AUDIT_HMAC_OLD_KEYS: setiap id kunci harus unik'],
  ])('refuses %j naming the variable', (env, expected) => {
    expect(() => loadConfig(serverConfigSchema, env)).toThrow(expected);
  });

  it('keeps retired keys for verification', () => {
    const config = loadConfig(serverConfigSchema, { ...production, AUDIT_HMAC_OLD_KEYS: 'k1:first-secret-of-at-least-32-characters, k0:zeroth-secret-of-at-least-32-characters' });
    expect(config.AUDIT_HMAC_OLD_KEYS).toContain('k0:');
  });
});
