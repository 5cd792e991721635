import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import type { RuntimeOptions } from '@temporalio/worker';
import type { Logger as Pino } from 'pino';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * Temporal's Runtime logger on top of the process's pino logger (`Runtime.install({ logger })`), so the
 * SDK's own lines — "Activity failed", "Workflow failed", Core's warnings — are JSON like every other
 * line and their `error` goes through the same serializer, instead of the default logger's
 * `util.inspect`, which prints every field an error carries (a query's parameters included).
 */
export function pinoRuntimeLogger(pino: Pino): Logger {
  const temporal = pino.child({ context: 'Temporal' });
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    // Symbol keys (the SDK's timestamp) are for its own logger; pino stamps its own time.
    const fields = meta ? Object.fromEntries(Object.entries(meta)) : {};
    temporal[LEVELS[level]](fields, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

/**
 * Options for `Runtime.install` in a worker process: the SDK's lines through {@link pinoRuntimeLogger},
 * and Core's (Rust) warnings forwarded there too instead of written to stderr in their own format.
 */
export function workerRuntimeOptions(pino: Pino): RuntimeOptions {
  return { logger: pinoRuntimeLogger(pino), telemetryOptions: { logging: { forward: {} } } };
}
