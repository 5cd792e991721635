import { proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { SystemCheckActivities } from './system-check.activities';
import { systemCheckStateQuery, type SystemCheckInput, type SystemCheckState } from './system-check.messages';

// A health check that cannot finish within minutes has found what it looks for: it fails, and says so,
// instead of waiting out an outage like a process does.
const CHECK_BOUND = '10 minutes';

const { recordSystemCheckStarted, recordSystemCheckCompleted } = proxyActivities<SystemCheckActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: CHECK_BOUND,
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

const { probeDatabase } = proxyActivities<SystemCheckActivities>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: CHECK_BOUND,
  // A lost worker stops heartbeating; the probe is retried elsewhere within seconds, not minutes.
  heartbeatTimeout: '3 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * The health of the process engine: API → Temporal → worker → PostgreSQL and back. Kept as a real
 * workflow so operators can prove the chain works (and survives a worker restart) at any time.
 */
export async function systemCheck(input: SystemCheckInput): Promise<SystemCheckState> {
  const state: SystemCheckState = { stage: 'started', attempts: 0, databaseVersion: null };
  setHandler(systemCheckStateQuery, () => state);

  await recordSystemCheckStarted({ checkId: input.checkId, workflowId: workflowInfo().workflowId, holdMs: input.holdMs });
  state.stage = 'probing';
  const probe = await probeDatabase({ checkId: input.checkId, holdMs: input.holdMs });
  state.attempts = probe.attempt;
  state.databaseVersion = probe.databaseVersion;
  state.stage = 'recording';
  await recordSystemCheckCompleted({ checkId: input.checkId, databaseVersion: probe.databaseVersion });
  state.stage = 'done';
  return state;
}
