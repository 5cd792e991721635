import { Client } from 'pg';
import type { SystemCheckView } from '@gugus/contracts';
import { eventually, login, serviceEnv, startApi, startWorker, testEnv, type RunningApi, type ServiceProcess } from '../support';

/** API → Temporal → worker → PostgreSQL, through the real built processes. */
describe('system check through the whole stack', () => {
  let api: RunningApi;
  let worker: ServiceProcess;
  const db = new Client({ connectionString: testEnv().databaseUrl });

  beforeAll(async () => {
    const env = serviceEnv();
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
  });

  it('starts a workflow whose activity writes to PostgreSQL, and reports it completed', async () => {
    // Any logged-in person may run a check; nobody anonymous.
    expect((await fetch(`${api.url}/system-checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${(await login(api.url, 'dinsos.batam@gugus.test')).accessToken}` };
    const res = await fetch(`${api.url}/system-checks`, { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(202);
    const started = (await res.json()) as SystemCheckView;
    expect(started).toMatchObject({ status: 'requested', workflowId: `system-check-${started.id}` });

    const done = await eventually(async () => {
      const view = (await (await fetch(`${api.url}/system-checks/${started.id}`, { headers })).json()) as SystemCheckView;
      return view.status === 'completed' ? view : undefined;
    });
    expect(done).toMatchObject({ stage: 'done', attempts: 1, databaseVersion: expect.stringContaining('PostgreSQL') });

    const { rows } = await db.query('SELECT status, workflow_id FROM system_checks WHERE id = $1', [started.id]);
    expect(rows).toEqual([{ status: 'completed', workflow_id: started.workflowId }]);
  });

  it('stops cleanly on SIGTERM (graceful shutdown)', async () => {
    const env = serviceEnv();
    const extra = await startWorker(env);
    await extra.stop();
    expect(extra.child.exitCode).toBe(0);
    expect(extra.output()).toContain('Worker stopped');
  });
});
