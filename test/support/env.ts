import { randomBytes } from 'node:crypto';
import { readEnvironment } from '@gugus/server-config';

export interface TestEnv {
  /** The app role, as the API and worker connect: it may only read and append to `audit_log`. */
  databaseUrl: string;
  /** The owner of the schema (a superuser), for what the app must not be able to do. */
  ownerDatabaseUrl: string;
  temporalAddress: string;
  /** AUDIT_CHECKPOINT_DIR of every API and worker the tests start on the shared database. */
  auditCheckpointDir: string;
}

/** Addresses of the engines the global setup started for this test run. */
export function testEnv(): TestEnv {
  const env = readEnvironment();
  const databaseUrl = env.GUGUS_TEST_DATABASE_URL;
  const ownerDatabaseUrl = env.GUGUS_TEST_OWNER_DATABASE_URL;
  const temporalAddress = env.GUGUS_TEST_TEMPORAL_ADDRESS;
  const auditCheckpointDir = env.GUGUS_TEST_AUDIT_CHECKPOINT_DIR;
  if (!databaseUrl || !ownerDatabaseUrl || !temporalAddress || !auditCheckpointDir) throw new Error('Test engines are not running: run the tests through test/jest.config.cjs');
  return { databaseUrl, ownerDatabaseUrl, temporalAddress, auditCheckpointDir };
}

/**
 * Throwaway keys for starting a service with NODE_ENV=production, which refuses the development ones
 * (personal data and Temporal payloads). New on every call.
 */
export function productionKeys(): { DATA_ENCRYPTION_KEYS: string; TEMPORAL_PAYLOAD_KEYS: string } {
  return { DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, TEMPORAL_PAYLOAD_KEYS: `p1:${randomBytes(32).toString('base64')}` };
}
