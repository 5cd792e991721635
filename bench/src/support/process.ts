import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@gugus/server-database';
import { stopChild } from '@gugus/server-temporal';

export { freePort };

/** The repository root (nx.json), from the TypeScript sources or from dist/. */
export const repoRoot = (() => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  throw new Error(`cannot find the repository root (nx.json) from ${__dirname}`);
})();

const startedAt = Date.now();
/** Progress goes to stderr with the time since start; the report goes to stdout. */
export function progress(message: string): void {
  process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Cleanup steps run once, last added first, each even if an earlier one failed. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | null = null;

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (let step = this.steps.pop(); step; step = this.steps.pop()) {
        try {
          await step.run();
        } catch (err) {
          progress(`cleanup: ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })();
    return this.running;
  }
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of `samples` (ms). */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { n: sorted.length, p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1], mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

/** Milliseconds with a sensible number of digits. */
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export interface ServiceProcess {
  child: ChildProcess;
  /** The last 64 KiB it wrote (stdout and stderr); the rest is drained and dropped. */
  output(): string;
  stop(): Promise<void>;
}

/** A built app (dist/…) or a tool's script as a child process; its output is drained so a full pipe never blocks it. */
export function startService(entry: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
  const script = join(repoRoot, entry);
  if (!existsSync(script)) throw new Error(`${entry} is not built: run npx nx run-many -t build first`);
  const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65536);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output, stop: () => stopChild(child) };
}

/** Waits until `probe` returns something other than undefined, checking every `everyMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A positive integer from the environment (a benchmark's size or count), else `fallback`. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** The load average over 1, 5 and 15 minutes, for a report. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The version of the Temporal CLI in .tools (a CLI found on PATH has no version file: '?'). */
export function temporalCliVersion(): string {
  try {
    return readFileSync(join(repoRoot, '.tools/bin/temporal.version'), 'utf8').trim();
  } catch {
    return '?';
  }
}

/**
 * Runs a benchmark's `body`: whatever it starts (added to `cleanup`) is stopped at the end, on failure
 * and on Ctrl-C; the report lines it returns go to stdout once all is stopped; a failure goes to stderr
 * with exit code 1.
 */
export function runBenchmark(body: (cleanup: Cleanup) => Promise<string[]>): void {
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping what was started`);
    void cleanup.runAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const run = async () => {
    try {
      return await body(cleanup);
    } finally {
      progress('stopping what was started');
      await cleanup.runAll();
    }
  };
  run().then(
    (out) => {
      process.stdout.write(`${out.join('\n')}\n`);
      process.exit(0);
    },
    (err: Error) => {
      process.stderr.write(`benchmark failed: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
