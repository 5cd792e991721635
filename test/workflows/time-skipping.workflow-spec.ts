import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { startTimeSkippingEnv } from '../support';
import { awaitDecision, decideUpdate, decisionQuery, longSleep } from './fixtures/long-sleep.workflow';

const dayMs = 24 * 60 * 60 * 1000;

/** The time-skipping test server lets a workflow spec pass months of timers without waiting for them. */
describe('time-skipping test environment', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `ts-${randomUUID()}`;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await startTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: join(__dirname, 'fixtures/long-sleep.workflow.ts'),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('completes a workflow that sleeps 30 days, and the server clock moved by 30 days', async () => {
    const before = await env.currentTimeMs();
    const result = await env.client.workflow.execute(longSleep, { taskQueue, workflowId: `long-sleep-${randomUUID()}`, args: [30] });
    const after = await env.currentTimeMs();

    expect(result.finishedMs - result.startedMs).toBeGreaterThanOrEqual(30 * dayMs);
    expect(after - before).toBeGreaterThanOrEqual(30 * dayMs);
  });

  it('skips time by hand with env.sleep while a workflow is waiting', async () => {
    const handle = await env.client.workflow.start(longSleep, { taskQueue, workflowId: `long-sleep-${randomUUID()}`, args: [10] });
    const before = await env.currentTimeMs();
    await env.sleep('11 days');
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(11 * dayMs);
    // The timer has fired during the manual skip, so the result is there without further skipping.
    const { startedMs, finishedMs } = await handle.result();
    expect(finishedMs - startedMs).toBeGreaterThanOrEqual(10 * dayMs);
  });

  it('takes validated Updates and queries, and times out a bounded wait by skipping time', async () => {
    const decided = await env.client.workflow.start(awaitDecision, { taskQueue, workflowId: `decision-${randomUUID()}`, args: [5] });
    // A rejected Update arrives as WorkflowUpdateFailedError; the validator's message is its cause.
    await expect(decided.executeUpdate(decideUpdate, { args: [''] })).rejects.toMatchObject({ name: 'WorkflowUpdateFailedError', cause: { message: 'empty decision' } });
    await expect(decided.executeUpdate(decideUpdate, { args: ['approve'] })).resolves.toBe('accepted:approve');
    await expect(decided.executeUpdate(decideUpdate, { args: ['return'] })).rejects.toMatchObject({ cause: { message: 'already decided' } });
    await expect(decided.query(decisionQuery)).resolves.toBe('approve');
    await expect(decided.result()).resolves.toMatchObject({ decision: 'approve' });

    const before = await env.currentTimeMs();
    const ignored = await env.client.workflow.execute(awaitDecision, { taskQueue, workflowId: `decision-${randomUUID()}`, args: [5] });
    expect(ignored).toEqual({ decision: null, waitedMs: expect.any(Number) });
    expect(ignored.waitedMs).toBeGreaterThanOrEqual(5 * dayMs);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(6 * dayMs);
  });
});
