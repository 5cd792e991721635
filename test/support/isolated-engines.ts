import { readFileSync } from 'node:fs';
import { startService } from './services';

/** A PostgreSQL and a Temporal dev server of one test file's own, whose logs it can read. */
export interface IsolatedEngines {
  /** The app role, as the API and worker connect. */
  databaseUrl: string;
  /** The schema owner (a superuser): a full dump, what the app may not do. */
  ownerDatabaseUrl: string;
  /** AUDIT_CHECKPOINT_DIR for the services started on these engines. */
  auditCheckpointDir: string;
  temporalAddress: string;
  /** Everything each engine has logged so far. */
  logs(): { postgres: string; temporal: string };
  stop(): Promise<void>;
}

/**
 * Starts engines for one test file in a child process (see isolated-engines-process.cjs): for tests that must
 * dump the whole database, read every engine log or restart services with other keys, without touching
 * the engines the other test files share.
 */
export async function startIsolatedEngines(workDir: string): Promise<IsolatedEngines> {
  const service = startService('test/support/isolated-engines-process.cjs', {}, [workDir]);
  await service.waitForOutput(/"databaseUrl"/, 180_000);
  const line = service.output().split('\n').find((l) => l.startsWith('{"databaseUrl"')) as string;
  const { databaseUrl, ownerDatabaseUrl, auditCheckpointDir, temporalAddress, logs } = JSON.parse(line) as Omit<IsolatedEngines, 'logs' | 'stop'> & { logs: { postgres: string; temporal: string } };
  return {
    databaseUrl,
    ownerDatabaseUrl,
    auditCheckpointDir,
    temporalAddress,
    logs: () => ({ postgres: readFileSync(logs.postgres, 'utf8'), temporal: readFileSync(logs.temporal, 'utf8') }),
    stop: () => service.stop(),
  };
}
