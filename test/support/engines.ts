import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHolidays } from '@gugus/server-calendar';
import { freePort, runMigrations, startEmbeddedPostgres, type RunningPostgres } from '@gugus/server-database';
import { loadNationalForms } from '@gugus/server-forms';
import { loadReferenceData } from '@gugus/server-orgs';
import { findTemporalCli, startTemporalDevServer, type RunningTemporal } from '@gugus/server-temporal';

export const repoRoot = resolve(__dirname, '../..');
export { freePort };

export interface TestEngines {
  databaseUrl: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL with every migration applied and a headless in-memory Temporal dev server. */
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
    await loadReferenceData(pg.url, { demo: true });
    await loadNationalForms(pg.url);
    await loadHolidays(pg.url);
    return { databaseUrl: pg.url, temporalAddress: temporal.address, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

