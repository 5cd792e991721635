import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { findTemporalCli, startTemporalDevServer, type RunningTemporal } from '@gugus/server-temporal';
import { Cleanup, freePort, progress, repoRoot, startService, until, type ServiceProcess } from './process';

/** An API call from a benchmark: status and parsed body (bodies are whatever the route answers). */
export type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function api(baseUrl: string, token?: string): Api {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Logs a demo user in (the demo password) and returns their API caller. */
export async function login(baseUrl: string, email: string): Promise<Api> {
  const res = await api(baseUrl)('POST', '/auth/login', { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
  return api(baseUrl, res.body.accessToken as string);
}

/** The built API (dist/apps/api) on a free port, once it answers /health. */
export async function startApi(env: Record<string, string>, cleanup: Cleanup): Promise<string> {
  const port = await freePort();
  const service = startService('dist/apps/api/src/main.js', { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' });
  cleanup.add('API', () => service.stop());
  const url = `http://127.0.0.1:${port}`;
  await until(
    'the API to answer /health',
    async () => {
      if (service.child.exitCode !== null) throw new Error(`API exited (${service.child.exitCode}):\n${service.output()}`);
      return fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
        () => true,
        () => undefined,
      );
    },
    120_000,
    200,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${service.output()}`);
  });
  return url;
}

/** The built worker (dist/apps/worker), once it polls its task queue. */
export async function startWorker(env: Record<string, string>, cleanup: Cleanup): Promise<ServiceProcess> {
  const service = startService('dist/apps/worker/src/main.js', env);
  cleanup.add('worker', () => service.stop());
  await until(
    'the worker to poll its task queue',
    async () => {
      if (service.child.exitCode !== null) throw new Error(`worker exited (${service.child.exitCode}):\n${service.output()}`);
      return /Worker polling task queue/.test(service.output()) ? true : undefined;
    },
    240_000,
    200,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${service.output()}`);
  });
  return service;
}

export interface ProcessEngine {
  temporal: RunningTemporal;
  apiUrl: string;
  worker: ServiceProcess;
  /** The environment the API and worker run with (production mode, the bench's own task queue). */
  env: Record<string, string>;
}

/**
 * A Temporal dev server of the benchmark's own, and the built API and worker on `databaseUrl` (the app
 * role's login) and that server, in production mode — keys of this run, not the development ones it
 * refuses — on a task queue of their own; all stopped by `cleanup`.
 */
export async function startProcessEngine(databaseUrl: string, cleanup: Cleanup): Promise<ProcessEngine> {
  const temporal = await startTemporalDevServer({ cli: findTemporalCli(repoRoot), port: await freePort() });
  cleanup.add('Temporal dev server', () => temporal.stop());
  progress(`Temporal dev server on ${temporal.address}`);
  const env = {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    AUTH_ACCESS_TTL_MINUTES: '240',
    DATA_ENCRYPTION_KEYS: `bench-data:${randomBytes(32).toString('base64')}`,
    TEMPORAL_PAYLOAD_KEYS: `bench-payload:${randomBytes(32).toString('base64')}`,
    AUDIT_HMAC_KEY: `bench-audit:${randomBytes(32).toString('base64url')}`,
    AUDIT_CHECKPOINT_DIR: join(repoRoot, 'tmp/bench-audit-checkpoints'),
  };
  const [apiUrl, worker] = await Promise.all([startApi(env, cleanup), startWorker(env, cleanup)]);
  progress('API and worker started');
  return { temporal, apiUrl, worker, env };
}
