import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repoRoot } from './engines';

/** The wrapper `bash tools/ensure.sh test` writes around Temporal's Java test server. */
export const temporalTestServerPath = join(repoRoot, '.tools/bin/temporal-test-server');

/**
 * A fresh Temporal time-skipping test server on a free port, for workflow specs with long timers.
 * `await handle.result()` (and `client.workflow.execute`) skips time while the workflow waits on timers;
 * `env.sleep('30 days')` skips it by hand; `env.currentTimeMs()` reads the server's clock. Workers use
 * `env.nativeConnection`, clients `env.client`; namespace `default`. Call `env.teardown()` in `afterAll`.
 * One environment per spec file: skipped time is global to the server, so run its workflows serially.
 */
export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!existsSync(temporalTestServerPath)) {
    throw new Error(`Temporal test server missing at ${temporalTestServerPath}: run bash tools/ensure.sh test`);
  }
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath } } });
}
