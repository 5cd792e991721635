import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { z } from 'zod';

/** Thrown at boot when the environment does not satisfy a config schema; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Konfigurasi tidak valid / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Lihat .env.example untuk daftar variabel / See .env.example for every variable.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * The process environment, with values from a `.env` file in the working directory filled in
 * underneath (real environment variables always win). This is the only place that reads `process.env`.
 */
export function readEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** Parses `env` with `schema` once at boot; fails fast with a readable list of problems. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = readEnvironment()): z.infer<S> {
  // Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}
