import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stopChild } from '@gugus/server-temporal';

/** A failure a person can act on: printed as-is, without a stack trace. */
export class StartupError extends Error {}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** One readable line from a pino JSON line (or the line itself when it is not JSON). */
export function formatLogLine(name: string, line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; context?: string; req?: { method?: string; path?: string }; res?: { statusCode?: number }; responseTime?: number; err?: { message?: string } };
    const level = LEVELS[entry.level ?? 30] ?? 'INFO';
    const http = entry.req && entry.res ? ` ${entry.req.method} ${entry.req.path} → ${entry.res.statusCode} (${entry.responseTime} ms)` : '';
    const err = entry.err?.message ? ` — ${entry.err.message}` : '';
    return `[${name}] ${level.padEnd(5)} ${entry.context ? `${entry.context}: ` : ''}${entry.msg ?? ''}${http}${err}`;
  } catch {
    return `[${name}] ${line}`;
  }
}

type Stopper = { name: string; stop: () => Promise<void> };

/** Everything the launcher started, stopped in reverse order exactly once. */
export class Stack {
  private readonly stoppers: Stopper[] = [];
  private readonly children = new Set<ChildProcess>();
  private stopping: Promise<void> | null = null;

  constructor(private readonly print: (line: string) => void) {
    // Last resort if the launcher dies without a clean stop: never leave servers behind.
    process.on('exit', () => this.children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
  }

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  add(name: string, stop: () => Promise<void>): void {
    this.stoppers.push({ name, stop });
  }

  /**
   * Runs a service as its own process group (so Ctrl-C reaches only the launcher, which then stops
   * services in order), prefixing its output and keeping a copy in `logFile`.
   */
  spawnService(name: string, command: string, args: string[], env: Record<string, string | undefined>, logFile: string, onUnexpectedExit: (code: number | null) => void): ChildProcess {
    const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.add(child);
    const relay = (chunk: Buffer) => {
      log.write(chunk);
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.print(formatLogLine(name, line));
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    child.once('exit', (code) => {
      this.children.delete(child);
      log.end();
      if (!this.isStopping) onUnexpectedExit(code);
    });
    this.add(name, () => stopChild(child));
    return child;
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, stop } of [...this.stoppers].reverse()) {
        try {
          await stop();
          this.print(`  ✓ ${name} berhenti / stopped`);
        } catch (err) {
          this.print(`  ! ${name}: ${(err as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }
}
