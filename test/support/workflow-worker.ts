import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { testEnv } from './env';

/** A worker in the test process on its own task queue of the run's dev server, and a client for it. */
export interface WorkflowWorker {
  client: Client;
  taskQueue: string;
  /** Shuts the worker down (in-flight tasks finish) and closes both connections. */
  stop(): Promise<void>;
}

/** Starts a worker with `options` (workflows, activities, interceptors) for a workflow spec. */
export async function startWorkflowWorker(options: Omit<WorkerOptions, 'connection' | 'taskQueue'>): Promise<WorkflowWorker> {
  const { temporalAddress } = testEnv();
  const taskQueue = `wf-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ ...options, connection: workerConnection, taskQueue });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: temporalAddress });
  return {
    client: new Client({ connection: clientConnection }),
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await clientConnection.close();
    },
  };
}
