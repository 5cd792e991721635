import { join } from 'node:path';
import { repoRoot, startTestEngines, type TestEngines } from './engines';

declare global {
  var __gugusEngines: TestEngines | undefined;
}

export default async function globalSetup(): Promise<void> {
  const engines = await startTestEngines(join(repoRoot, 'tmp', 'test-engines', String(process.pid)));
  globalThis.__gugusEngines = engines;
  // Jest workers inherit the environment; tests read these through testEnv().
  process.env.GUGUS_TEST_DATABASE_URL = engines.databaseUrl;
  process.env.GUGUS_TEST_OWNER_DATABASE_URL = engines.ownerDatabaseUrl;
  process.env.GUGUS_TEST_AUDIT_CHECKPOINT_DIR = engines.auditCheckpointDir;
  process.env.GUGUS_TEST_TEMPORAL_ADDRESS = engines.temporalAddress;
  // Even if Jest is interrupted, do not leave servers running.
  const stopNow = () => void engines.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopNow);
  process.once('SIGTERM', stopNow);
}
