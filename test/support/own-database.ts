import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { testEnv } from './env';

/** `server`'s URL with another database name (same host, port and login). */
export function withDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One SQL statement on its own connection. */
export async function sql(url: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

export interface OwnDatabase {
  /** As the app's login role (what the API and worker use). */
  appUrl: string;
  /** As the owner (migrations, tampering). */
  ownerUrl: string;
  /**
   * Audit checkpoints of this database's own chain: give it as AUDIT_CHECKPOINT_DIR to every service
   * started on it, or its checkpoints land beside the shared chain's and make that chain look rewritten.
   */
  checkpointDir: string;
  drop(): Promise<void>;
}

/**
 * A database of the test's own on the shared test PostgreSQL, prepared like the shared one (migrations,
 * app role, reference and demo data, national forms, holidays). For tests whose code acts on every row
 * of a table — an outbox drained, a chain verified — which must not touch, or be touched by, the rows of
 * tests running beside them.
 */
export async function databaseOfItsOwn(prefix: string): Promise<OwnDatabase> {
  const database = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  await sql(testEnv().ownerDatabaseUrl, `CREATE DATABASE ${database}`);
  const ownerUrl = withDatabase(testEnv().ownerDatabaseUrl, database);
  // In plain Node: Jest cannot load the idn-area-data ES module the reference data comes from.
  const script = `require(${JSON.stringify(join(__dirname, 'prepare-database.cjs'))}).prepareDatabase(process.argv[1]).then((url) => process.stdout.write(url), (err) => { console.error(err); process.exit(1); })`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, ownerUrl], { maxBuffer: 16 * 1024 * 1024 });
  const appUrl = stdout.trim().split('\n').pop() as string;
  const checkpointDir = mkdtempSync(join(tmpdir(), `${prefix}-checkpoints-`));
  return {
    appUrl,
    ownerUrl,
    checkpointDir,
    drop: async () => {
      await sql(testEnv().ownerDatabaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      rmSync(checkpointDir, { recursive: true, force: true });
    },
  };
}
