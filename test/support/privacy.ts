import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './engines';

/**
 * Every marker found in `text`, also inside base64 runs (payloads, tokens) and as hex (bytea columns in a
 * dump): a plain copy stored in any encoding counts as a leak.
 */
export function markersIn(text: string, markers: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const decoded = (text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((run) => Buffer.from(run, 'base64').toString('latin1').toLowerCase()).join('\n');
  return markers.filter((m) => {
    const needle = m.toLowerCase();
    return lower.includes(needle) || decoded.includes(needle) || lower.includes(Buffer.from(m, 'utf8').toString('hex'));
  });
}

/** A plain-text pg_dump of the database at `ownerUrl` (the client tools `bash tools/ensure.sh test` installs). */
export async function plainDump(ownerUrl: string): Promise<string> {
  return (await promisify(execFile)(join(repoRoot, '.tools/postgresql/bin/pg_dump'), ['--no-owner', '--format=plain', ownerUrl], { maxBuffer: 512 << 20 })).stdout;
}
