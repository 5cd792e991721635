import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvironment } from '@gugus/server-config';
import { stopChild } from '@gugus/server-temporal';
import { freePort, repoRoot } from './engines';
import { testEnv } from './env';

/** A service process started from the built apps in dist/ (the same files production runs). */
export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when a line matching `pattern` has been written. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function startService(entry: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
  const script = join(repoRoot, entry);
  if (!existsSync(script)) throw new Error(`${entry} is not built: run the test command (it builds first)`);
  const child = spawn(process.execPath, [script, ...args], {
    cwd: repoRoot,
    env: { PATH: readEnvironment().PATH, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((l) => l());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    waitForOutput: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            cleanup();
            resolve();
          } else if (child.exitCode !== null) {
            cleanup();
            reject(new Error(`${entry} exited (${child.exitCode}) before printing ${pattern}:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${entry} did not print ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', check);
        };
        listeners.add(check);
        child.on('exit', check);
        check();
      }),
    stop: () => stopChild(child),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/**
 * Environment for an API or worker of one test file, on its own task queue so files do not interfere;
 * connected as the app role, with the run's audit checkpoint directory (never the developer's .data/).
 */
export function serviceEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const { databaseUrl, temporalAddress, auditCheckpointDir } = testEnv();
  return { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`, AUDIT_CHECKPOINT_DIR: auditCheckpointDir, ...overrides };
}

export interface RunningApi extends ServiceProcess {
  url: string;
}

/** Starts the built API on a free port and waits until it answers /health. */
export async function startApi(env: Record<string, string>, port?: number): Promise<RunningApi> {
  port ??= await freePort();
  const service = startService('dist/apps/api/src/main.js', { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (service.child.exitCode !== null) throw new Error(`API exited (${service.child.exitCode}):\n${service.output()}`);
    try {
      // Any HTTP answer means it listens; a dependency may be down on purpose (health tests).
      await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      return { ...service, url };
    } catch {
      if (Date.now() > deadline) {
        await service.kill();
        throw new Error(`API did not answer within 60 s:\n${service.output()}`);
      }
      await new Promise((r) => setTimeout(r, 200)); // poll interval: ask /health again
    }
  }
}

/** Starts the built worker and waits until it polls its task queue. */
export async function startWorker(env: Record<string, string>): Promise<ServiceProcess> {
  const service = startService('dist/apps/worker/src/main.js', env);
  await service.waitForOutput(/Worker polling task queue/);
  return service;
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250)); // poll interval between two probes
  }
}

/**
 * `it` for steps that build on each other: once one fails, the following ones fail at once naming it,
 * instead of each waiting out its own timeout.
 */
export function sequentialSteps(): (name: string, body: () => Promise<void>) => void {
  let broken = '';
  return (name, body) =>
    it(name, async () => {
      if (broken) throw new Error(`skipped: an earlier step failed (${broken})`);
      try {
        await body();
      } catch (err) {
        broken = name;
        throw err;
      }
    });
}
