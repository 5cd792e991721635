import { Client as PgClient } from 'pg';
import { Connection } from '@temporalio/client';
import type { SystemCheckView } from '@gugus/contracts';
import { eventually, login, serviceEnv, startApi, startWorker, temporalClient, testEnv, type RunningApi } from '../support';

/**
 * Acceptance: killing the worker while a system-check workflow waits on its activity, then starting it
 * again, completes that workflow — against the real Temporal server and the real worker process.
 */
describe('worker killed mid-activity', () => {
  const env = serviceEnv();
  const db = new PgClient({ connectionString: testEnv().databaseUrl });
  let api: RunningApi;
  let connection: Connection;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(env);
    headers = { 'content-type': 'application/json', authorization: `Bearer ${(await login(api.url, 'admin@gugus.test')).accessToken}` };
    await db.connect();
    connection = await Connection.connect({ address: testEnv().temporalAddress });
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
    await connection?.close();
  });

  it('is completed by the restarted worker, with the probe retried', async () => {
    const firstWorker = await startWorker(env);
    // holdMs exists for this test: refused only when NODE_ENV=production (see the system-check spec).
    const res = await fetch(`${api.url}/system-checks`, { method: 'POST', headers, body: JSON.stringify({ holdMs: 4000 }) });
    const { id, workflowId } = (await res.json()) as SystemCheckView;

    // Wait until the probe activity is running on the first worker, then kill that worker outright.
    const client = temporalClient(connection);
    await eventually(async () => {
      const { raw } = await client.workflow.getHandle(workflowId).describe();
      return raw.pendingActivities?.some((a) => a.activityType?.name === 'probeDatabase' && a.state === 2 /* STARTED */) || undefined;
    }, 30_000, 'probe activity to start');
    await firstWorker.kill();
    expect(firstWorker.child.signalCode).toBe('SIGKILL');

    // Nothing can progress without a worker: the server gives up on the killed worker's attempt (no
    // heartbeat) and schedules a retry that no worker picks up; the check is still running meanwhile.
    await eventually(async () => {
      const { raw } = await client.workflow.getHandle(workflowId).describe();
      return raw.pendingActivities?.some((a) => a.activityType?.name === 'probeDatabase' && (a.attempt ?? 0) >= 2 && a.state === 1 /* SCHEDULED */) || undefined;
    }, 30_000, 'the probe to be rescheduled after the lost heartbeat');
    const meanwhile = await db.query('SELECT status FROM system_checks WHERE id = $1', [id]);
    expect(meanwhile.rows[0].status).toBe('running');

    const secondWorker = await startWorker(env);
    try {
      const done = await eventually(async () => {
        const view = (await (await fetch(`${api.url}/system-checks/${id}`, { headers })).json()) as SystemCheckView;
        return view.status === 'completed' ? view : undefined;
      }, 60_000, 'the workflow to complete');
      // The probe ran twice: once on the killed worker, once on the new one.
      expect(done.attempts).toBe(2);
      const result = await client.workflow.getHandle(workflowId).result();
      expect(result).toMatchObject({ stage: 'done', attempts: 2 });
    } finally {
      await secondWorker.stop();
    }
  });
});
