import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { systemCheckWorkflowId } from '@gugus/contracts';
import { createDataSourceOptions } from '@gugus/server-database';
import { createSystemCheckActivities, SystemCheckEntity, SystemCheckRepository } from '@gugus/server-system-check';
import { workflowSource } from '@gugus/server-temporal';
import { systemCheck, systemCheckStateQuery } from '@gugus/workflows';
import { eventually, startWorkflowWorker, testEnv, type WorkflowWorker } from '../support';

/** The workflow against the real dev server, with its real activities writing to PostgreSQL. */
describe('systemCheck workflow', () => {
  let dataSource: DataSource;
  let worker: WorkflowWorker;
  let client: Client;
  let taskQueue: string;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    dataSource = await new DataSource({ ...createDataSourceOptions(testEnv().databaseUrl, 2), entities: [SystemCheckEntity] }).initialize();
    const repository = new SystemCheckRepository(dataSource.getRepository(SystemCheckEntity));
    worker = await startWorkflowWorker({ ...workflowSource(), activities: createSystemCheckActivities(repository) });
    ({ client, taskQueue } = worker);
  });

  afterAll(async () => {
    await worker?.stop();
    await dataSource?.destroy();
  });

  it('can be queried while probing, then records its result', async () => {
    const checkId = randomUUID();
    const handle = await client.workflow.start(systemCheck, { taskQueue, workflowId: systemCheckWorkflowId(checkId), args: [{ checkId, holdMs: 1500 }] });

    const probing = await eventually(async () => {
      const state = await handle.query(systemCheckStateQuery);
      return state.stage === 'probing' ? state : undefined;
    });
    expect(probing).toEqual({ stage: 'probing', attempts: 0, databaseVersion: null });

    const result = await handle.result();
    expect(result).toEqual({ stage: 'done', attempts: 1, databaseVersion: expect.stringContaining('PostgreSQL') });
    const [row] = await dataSource.query('SELECT status, stage, attempts, hold_ms FROM system_checks WHERE id = $1', [checkId]);
    expect(row).toEqual({ status: 'completed', stage: 'done', attempts: 1, hold_ms: 1500 });
  });

  it('writes its read model idempotently when an activity is repeated', async () => {
    const checkId = randomUUID();
    const repository = new SystemCheckRepository(dataSource.getRepository(SystemCheckEntity));
    await repository.recordStarted(checkId, systemCheckWorkflowId(checkId), 0);
    await repository.recordStarted(checkId, systemCheckWorkflowId(checkId), 0);
    await repository.recordCompleted(checkId, 'PostgreSQL test');
    await repository.recordCompleted(checkId, 'PostgreSQL other');
    const rows = await dataSource.query('SELECT status, database_version FROM system_checks WHERE id = $1', [checkId]);
    expect(rows).toEqual([{ status: 'completed', database_version: 'PostgreSQL test' }]);
  });
});
