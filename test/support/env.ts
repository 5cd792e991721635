import { readEnvironment } from '@gugus/server-config';

/** Addresses of the engines the global setup started for this test run. */
export function testEnv(): { databaseUrl: string; temporalAddress: string } {
  const env = readEnvironment();
  const databaseUrl = env.GUGUS_TEST_DATABASE_URL;
  const temporalAddress = env.GUGUS_TEST_TEMPORAL_ADDRESS;
  if (!databaseUrl || !temporalAddress) throw new Error('Test engines are not running: run the tests through test/jest.config.cjs');
  return { databaseUrl, temporalAddress };
}
