import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';

/** The Temporal CLI version the project pins (tools/ensure.sh installs it into .tools/bin). */
export const TEMPORAL_CLI_VERSION = '1.5.1';

export class TemporalDevServerError extends Error {
  override name = 'TemporalDevServerError';
}

export interface TemporalDevServerOptions {
  /** Path of the CLI binary; see {@link findTemporalCli}. */
  cli: string;
  port: number;
  /** Web UI port; omit to run headless. */
  uiPort?: number;
  /** SQLite file that keeps workflow state across restarts; omit for an in-memory server. */
  dbFile?: string;
  namespace?: string;
  onLog?: (line: string) => void;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
  /** Calls `listener` if the dev server ends without {@link stop} (killed, crashed). */
  onUnexpectedExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
}

/** The Temporal CLI: an explicit path, `.tools/bin/temporal` in the repository, or one on PATH. */
export function findTemporalCli(repoRoot: string, explicit?: string): string {
  const candidates = [explicit, join(repoRoot, '.tools/bin/temporal')].filter((c): c is string => !!c);
  for (const c of candidates) if (existsSync(c)) return resolve(c);
  const which = spawnSync('sh', ['-c', 'command -v temporal'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new TemporalDevServerError(
    `Temporal CLI tidak ditemukan; jalankan "bash tools/ensure.sh" / Temporal CLI not found; run "bash tools/ensure.sh" (installs v${TEMPORAL_CLI_VERSION} into .tools/bin).`,
  );
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new TemporalDevServerError(`Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new TemporalDevServerError(`Temporal dev server did not answer on ${address} within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Starts `temporal server start-dev` as a child process and waits until it answers gRPC calls. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', options.namespace ?? 'default', '--log-level', 'warn'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1');
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(dirname(resolve(options.dbFile)), { recursive: true });
    args.push('--db-filename', resolve(options.dbFile));
  }
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
  child.stderr?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  let stopping = false;
  return {
    address,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : null,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
    onUnexpectedExit: (listener) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        if (!stopping) queueMicrotask(() => listener(child.exitCode, child.signalCode));
        return;
      }
      child.once('exit', (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
