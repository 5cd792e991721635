import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHolidays } from '@gugus/server-calendar';
import { ensureAppLogin, freePort, runMigrations, startEmbeddedPostgres, type RunningPostgres } from '@gugus/server-database';
import { loadNationalForms } from '@gugus/server-forms';
import { loadReferenceData } from '@gugus/server-orgs';
import { findTemporalCli, startTemporalDevServer, type RunningTemporal } from '@gugus/server-temporal';

export const repoRoot = resolve(__dirname, '../..');
export { freePort };

export interface TestEngines {
  /** The app role (what the API and worker connect as): may only read and append to the audit log. */
  databaseUrl: string;
  /** The owner (a superuser): migrations, and tests that must do what the app cannot. */
  ownerDatabaseUrl: string;
  temporalAddress: string;
  /** Where the test run's API and worker processes keep their audit checkpoints. */
  auditCheckpointDir: string;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL with every migration applied (as the owner) and the app's login role, and a
 * headless in-memory Temporal dev server. Reference data is loaded as the app role, as the migrate job does.
 */
export async function startTestEngines(workDir: string): Promise<TestEngines> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  let pg: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  const stop = async () => {
    await temporal?.stop();
    await pg?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    [pg, temporal] = await Promise.all([
      freePort().then((port) => startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port, database: 'gugus_test', ephemeral: true })),
      freePort().then((port) => startTemporalDevServer({ cli: findTemporalCli(repoRoot), port })),
    ]);
    await runMigrations(pg.url);
    const appUrl = await ensureAppLogin(pg.url);
    await loadReferenceData(appUrl, { demo: true });
    await loadNationalForms(appUrl);
    await loadHolidays(appUrl);
    return { databaseUrl: appUrl, ownerDatabaseUrl: pg.url, temporalAddress: temporal.address, auditCheckpointDir: join(workDir, 'audit-checkpoints'), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

