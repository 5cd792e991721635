import { Connection } from '@temporalio/client';
import { REPORT_SCHEDULE_ID } from '@gugus/workflows';
import { eventually, serviceEnv, startApi, temporalClient, testEnv, type RunningApi } from '../support';

/**
 * Issue 12, item 1: "a Temporal Schedule starts each" cycle. The API makes sure the quarterly schedule
 * exists on the real Temporal server when it starts: 00:05 WIB on the first day of each quarter, starting
 * the report cycle workflow (which reports on the quarter just ended). A second start keeps it as it is.
 */
describe('the quarterly report schedule', () => {
  let api: RunningApi;
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv().temporalAddress });
  });
  afterAll(async () => {
    await api?.stop();
    await connection?.close();
  });

  it('is created when the API starts, fires on the first day of each quarter in Jakarta, and starts the report cycle', async () => {
    api = await startApi(serviceEnv());
    const handle = temporalClient(connection).schedule.getHandle(REPORT_SCHEDULE_ID);
    const schedule = await eventually(() => handle.describe().catch(() => undefined), 30_000, 'the schedule');
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reportCycle' });
    expect(schedule.spec.timezone).toBe('Asia/Jakarta');
    const next = schedule.info.nextActionTimes.map((t) => new Date(t.getTime() + 7 * 3600_000).toISOString().slice(5, 16));
    expect(next.length).toBeGreaterThan(0);
    for (const when of next) expect(when).toMatch(/^(01|04|07|10)-01T00:05$/);
    // The next firing is the start of the next quarter.
    const now = new Date(Date.now() + 7 * 3600_000);
    const month = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
    const expected = month === 12 ? `${now.getUTCFullYear() + 1}-01-01T00:05` : `${now.getUTCFullYear()}-${String(month + 1).padStart(2, '0')}-01T00:05`;
    expect(new Date(schedule.info.nextActionTimes[0].getTime() + 7 * 3600_000).toISOString().slice(0, 16)).toBe(expected);
    // A restart keeps the schedule (an operator may have paused it in the Temporal UI).
    await handle.pause('uji: dijeda oleh operator / test: paused by an operator');
    await api.stop();
    api = await startApi(serviceEnv());
    // The API makes sure of the schedule after it starts; it says so once it found it there.
    await api.waitForOutput(/quarterly report schedule already there/, 30_000);
    expect((await handle.describe()).state.paused).toBe(true);
    await handle.unpause();
  });
});
