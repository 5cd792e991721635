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
