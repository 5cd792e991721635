import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { Runtime } from '@temporalio/worker';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@gugus/contracts';
import { createDataSourceOptions } from '@gugus/server-database';
import { DomainError, logSerializers } from '@gugus/server-http';
import { activityFailureInterceptor, workerRuntimeOptions, workflowSource } from '@gugus/server-temporal';
import { eventually, startWorkflowWorker, testEnv, type WorkflowWorker } from '../support';
import { failingQueryStep, flakyQueryStep, refusedStep, type FailingActivities } from './fixtures/activity-failure.workflow';

/** A value that stands for a victim's answer: it must reach neither a workflow history nor a log line. */
const MARKER = `Siti-MARKER-${randomUUID().slice(0, 8)}`;

/** History as text, payloads decoded, so a value anywhere in it would show. */
function historyText(history: temporal.api.history.v1.IHistory): string {
  return JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
}

const startedAttempts = (history: temporal.api.history.v1.IHistory) => (history.events ?? []).flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes] : []));

/**
 * The worker's activity interceptor against the real dev server, with the processes' real retry policy:
 * a DomainError fails its activity once with its code, a database error is retried, and neither a
 * failure in the history nor the worker's "Activity failed" log line carries the values involved.
 */
describe('activity failures', () => {
  const logLines: string[] = [];
  let dataSource: DataSource;
  let worker: WorkflowWorker;
  let client: Client;
  let taskQueue: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    Runtime.install(workerRuntimeOptions(pino({ level: 'info', serializers: logSerializers }, sink)));
    dataSource = await new DataSource(createDataSourceOptions(testEnv().databaseUrl, 2)).initialize();
    const activities: FailingActivities = {
      async refuse() {
        throw new DomainError(ErrorCode.NOT_FOUND, { id: 'Rapat 0f1e tidak ditemukan.', en: 'Meeting 0f1e was not found.' }, { submitted: { namaLengkap: MARKER } });
      },
      async badQuery(okFrom) {
        const { attempt } = Context.current().info;
        if (attempt >= okFrom) return attempt;
        // PostgreSQL answers `invalid input syntax for type uuid: "<the value>"`.
        await dataSource.query('SELECT $1::uuid', [MARKER]);
        return attempt;
      },
    };
    worker = await startWorkflowWorker({
      ...workflowSource(),
      workflowsPath: join(__dirname, 'fixtures/activity-failure.workflow.ts'),
      activities,
      interceptors: { activity: [activityFailureInterceptor] },
    });
    ({ client, taskQueue } = worker);
  });

  afterAll(async () => {
    await worker?.stop();
    await dataSource?.destroy();
  });

  it('fails a DomainError once, non-retryably, with its code and without its details', async () => {
    const handle = await client.workflow.start(refusedStep, { taskQueue, workflowId: `refused-${randomUUID()}` });
    const failure = await handle.result().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activity = (failure as WorkflowFailedError).cause as ActivityFailure;
    expect(activity).toBeInstanceOf(ActivityFailure);
    expect(activity.retryState).toBe(RetryState.NON_RETRYABLE_FAILURE);
    expect(activity.cause).toBeInstanceOf(ApplicationFailure);
    expect(activity.cause).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true, message: 'Meeting 0f1e was not found.', details: [] });

    const history = await handle.fetchHistory();
    expect(startedAttempts(history).map((s) => s.attempt)).toEqual([1]);
    expect(historyText(history)).not.toContain(MARKER);
  });

  it('retries a database error and then succeeds, recording the failure without the value', async () => {
    const handle = await client.workflow.start(flakyQueryStep, { taskQueue, workflowId: `flaky-${randomUUID()}`, args: [3] });
    await expect(handle.result()).resolves.toBe(3);
    const history = await handle.fetchHistory();
    const [started] = startedAttempts(history);
    expect(started.attempt).toBe(3);
    expect(started.lastFailure).toMatchObject({
      message: 'PostgreSQL error invalid_text_representation (22P02)',
      applicationFailureInfo: { type: 'DatabaseError', nonRetryable: false },
    });
    expect(started.lastFailure?.stackTrace).toMatch(/\n\s+at /);
    expect(historyText(history)).not.toContain(MARKER);
  });

  it('fails a database error that outlasts its retries as retryable, naming only the PostgreSQL condition', async () => {
    const handle = await client.workflow.start(failingQueryStep, { taskQueue, workflowId: `failing-${randomUUID()}` });
    const failure = (await handle.result().catch((err: unknown) => err)) as WorkflowFailedError;
    const activity = failure.cause as ActivityFailure;
    expect(activity.retryState).toBe(RetryState.MAXIMUM_ATTEMPTS_REACHED);
    expect(activity.cause).toMatchObject({ type: 'DatabaseError', nonRetryable: false, message: 'PostgreSQL error invalid_text_representation (22P02)' });
    expect(historyText(await handle.fetchHistory())).not.toContain(MARKER);
  });

  it("logs each failed attempt through the worker's serializer, without the value", async () => {
    const activityFailures = () => logLines.map((line) => JSON.parse(line) as { msg: string; error?: { type: string } }).filter((l) => l.msg === 'Activity failed');
    // One refusal, two failed attempts of the flaky query, two of the failing one. The SDK buffers its
    // lines briefly to merge them with Core's, so the last may still be on its way.
    const failed = await eventually(async () => (activityFailures().length >= 5 ? activityFailures() : undefined), 10_000, 'five "Activity failed" lines');
    expect(failed).toHaveLength(5);
    expect(new Set(failed.map((l) => l.error?.type))).toEqual(new Set(['ApplicationFailure']));
    expect(logLines.join('\n')).not.toContain(MARKER);
  });
});
