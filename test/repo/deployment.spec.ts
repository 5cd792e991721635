import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { devstackConfigSchema, requiredVariables, serverConfigSchema } from '@gugus/server-config';
import { APP_GROUP_ROLE } from '@gugus/server-database';
import { CONTENT_SECURITY_POLICY, WEB_SECURITY_HEADERS } from '@gugus/contracts';
import { repoRoot } from '../support';

interface ComposeService {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };
const services = compose.services;
const serverKeys = Object.keys(serverConfigSchema.shape);

/** docker-compose.yml cannot run here (no Docker), so it is checked against the code instead. */
describe('docker-compose.yml', () => {
  it('has the production topology', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'web', 'worker']);
  });

  it.each(['api', 'worker', 'migrate'])('sets every variable the config schema requires for %s, and no unknown one', (name) => {
    const env = services[name].environment ?? {};
    for (const key of requiredVariables(serverConfigSchema)) expect({ key, value: env[key] }).toEqual({ key, value: expect.anything() });
    expect(Object.keys(env).filter((k) => !serverKeys.includes(k))).toEqual([]);
  });

  it.each(['api', 'worker', 'migrate'])('starts %s with entry points the build produces', (name) => {
    const entries = (services[name].command ?? []).flatMap((part) => part.match(/dist\/\S+\.js/g) ?? []);
    expect(entries.length).toBeGreaterThan(0);
    // The test command builds before it tests, so the files must exist now.
    for (const entry of entries) expect({ entry, exists: existsSync(join(repoRoot, entry)) }).toEqual({ entry, exists: true });
  });

  it('points api and worker at the Temporal and PostgreSQL services it defines', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name].environment ?? {};
      expect(String(env.TEMPORAL_ADDRESS)).toBe('temporal:7233');
      expect(String(env.DATABASE_URL)).toMatch(/@postgres:5432\//);
      expect(Object.keys(services[name].depends_on ?? {})).toEqual(expect.arrayContaining(['migrate', 'temporal']));
    }
  });

  describe('database roles', () => {
    /** The user of a postgres:// URL as compose resolves it with the defaults of its `${VAR:-default}`s. */
    const userOf = (url: unknown) => /^postgres:\/\/\$\{(\w+):-([^}]*)\}:/.exec(String(url))?.slice(1) ?? [];
    const postgresEnv = services.postgres.environment ?? {};

    it('connects api and worker as the app role and migrates as the owner', () => {
      for (const name of ['api', 'worker', 'migrate']) expect(userOf(services[name].environment?.DATABASE_URL)).toEqual(['POSTGRES_APP_USER', 'gugus_service']);
      for (const name of ['api', 'worker']) expect(services[name].environment).not.toHaveProperty('DATABASE_OWNER_URL');
      expect(userOf(services.migrate.environment?.DATABASE_OWNER_URL)).toEqual(['POSTGRES_USER', 'gugus']);
      expect(String(services.migrate.environment?.DATABASE_OWNER_URL)).toContain('${POSTGRES_PASSWORD:-gugus}@postgres:5432/${POSTGRES_DB:-gugus}');
    });

    it('creates the app role when PostgreSQL initialises its volume, with the user and password api and worker use', () => {
      expect(services.postgres.volumes).toContain('./deploy/postgres:/docker-entrypoint-initdb.d:ro');
      expect(String(postgresEnv.POSTGRES_APP_USER)).toBe('${POSTGRES_APP_USER:-gugus_service}');
      const password = /:(\$\{POSTGRES_APP_PASSWORD:-[^}]*\})@/.exec(String(services.api.environment?.DATABASE_URL))?.[1];
      expect(String(postgresEnv.POSTGRES_APP_PASSWORD)).toBe(password);
      const script = readFileSync(join(repoRoot, 'deploy/postgres/10-gugus-app-role.sh'), 'utf8');
      expect(script).toMatch(/^#!\/bin\/sh\n/);
      expect(script).toContain(`CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN`);
      expect(script).toContain(`GRANT ${APP_GROUP_ROLE} TO %I`);
      for (const variable of ['POSTGRES_APP_USER', 'POSTGRES_APP_PASSWORD', 'POSTGRES_USER']) expect(script).toContain(`"$${variable}"`);
    });

    it('never puts a development password into production unmarked', () => {
      expect(String(postgresEnv.POSTGRES_APP_PASSWORD)).toContain('DEV-ONLY');
    });
  });

  it('keeps audit checkpoints of api and worker in a volume of their own, where the image lets them write', () => {
    const dir = String(services.api.environment?.AUDIT_CHECKPOINT_DIR);
    expect(dir).toMatch(/^\//);
    for (const name of ['api', 'worker']) {
      expect(services[name].environment?.AUDIT_CHECKPOINT_DIR).toBe(dir);
      expect(services[name].volumes).toContain(`audit-checkpoints:${dir}`);
    }
    expect(Object.keys(compose.volumes ?? {})).toContain('audit-checkpoints');
    expect(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8')).toContain(`mkdir -p ${dir} && chown node:node ${dir}`);
  });

  it('demands real keys for personal data and Temporal payloads from the deployment (no default)', () => {
    for (const name of ['api', 'worker']) {
      for (const variable of ['DATA_ENCRYPTION_KEYS', 'TEMPORAL_PAYLOAD_KEYS']) expect(String(services[name].environment?.[variable])).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    }
  });

  it('gives every long-running service a health check', () => {
    const longRunning = Object.keys(services).filter((s) => s !== 'migrate');
    expect(longRunning.filter((s) => !services[s].healthcheck)).toEqual([]);
  });

  it('publishes the API on the port it listens on, as nginx expects it', () => {
    const api = services.api;
    const port = String(api.environment?.API_PORT);
    // On the host's loopback only: everyone else comes through nginx, whose X-Forwarded-For the API believes.
    expect(api.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(api.environment?.API_TRUST_PROXY).toBeTruthy();
    expect(api.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
    expect(readFileSync(join(repoRoot, 'deploy/nginx.conf'), 'utf8')).toContain(`proxy_pass http://api:${port}/;`);
  });

  it('has nginx send the web app the same security headers as vite preview, the strict CSP among them', () => {
    const nginx = readFileSync(join(repoRoot, 'deploy/nginx.conf'), 'utf8');
    // Server-level headers only (indented once); locations with an add_header of their own inherit none.
    const serverLevel = Object.fromEntries([...nginx.matchAll(/^ {2}add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]));
    expect(serverLevel).toEqual(WEB_SECURITY_HEADERS);
    expect(serverLevel['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    // nginx names the client itself instead of passing on what the client claims.
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
  });

  it('builds from Dockerfile targets that exist', () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    for (const service of Object.values(services)) if (service.build) expect(targets).toContain(service.build.target);
  });
});

describe('.env.example', () => {
  const listed = readFileSync(join(repoRoot, '.env.example'), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split('=')[0]);

  it('lists every variable the code reads', () => {
    const all = [...serverKeys, ...Object.keys(devstackConfigSchema.shape)];
    expect(all.filter((k) => !listed.includes(k))).toEqual([]);
  });

  it('lists every variable docker-compose.yml interpolates', () => {
    const text = readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8');
    const used = [...new Set([...text.matchAll(/\$\{([A-Z_]+)(:[-?][^}]*)?\}/g)].map((m) => m[1]))];
    expect(used.filter((k) => !listed.includes(k))).toEqual([]);
  });
});
