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

/**
 * Moves the time-skipping server's clock to `ms`. Temporal's Java test server keeps time skipping locked
 * once a run continues as new during the sleep (the new run starts with nothing pending, and the clock
 * then only moves at wall-clock pace): when the clock is seen moving no faster than the wall clock, the
 * lock that run left is given back, once per stall (`onStall` counts them).
 */
export function clockSkipper(envOf: () => TestWorkflowEnvironment, onStall: () => void = () => undefined): (ms: number) => Promise<void> {
  return async (ms: number) => {
    const env = envOf();
    const now = await env.currentTimeMs();
    if (ms <= now) return;
    const sleeping = env.sleep(ms - now).then(() => true);
    let seen = await env.currentTimeMs();
    for (;;) {
      if (await Promise.race([sleeping, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))])) return; // poll: look at the clock every 10 s
      const current = await env.currentTimeMs();
      if (current - seen < 60_000) {
        onStall();
        await (env.connection as unknown as { testService: { unlockTimeSkipping(req: object): Promise<unknown> } }).testService.unlockTimeSkipping({});
      }
      seen = current;
    }
  };
}
