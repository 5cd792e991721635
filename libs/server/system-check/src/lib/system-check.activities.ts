import { Context } from '@temporalio/activity';
import type { SystemCheckActivities } from '@gugus/workflows';
import type { SystemCheckRepository } from './system-check.repository';

const HEARTBEAT_EVERY_MS = 500;

/** Activity implementations for the system-check workflow, backed by the Nest-managed repository. */
export function createSystemCheckActivities(repository: SystemCheckRepository): SystemCheckActivities {
  return {
    async recordSystemCheckStarted({ checkId, workflowId, holdMs }) {
      await repository.recordStarted(checkId, workflowId, holdMs);
    },

    async probeDatabase({ checkId, holdMs }) {
      const ctx = Context.current();
      const attempt = ctx.info.attempt;
      await repository.recordProbeAttempt(checkId, attempt);
      const databaseVersion = await repository.databaseVersion();
      for (let waited = 0; waited < holdMs; waited += HEARTBEAT_EVERY_MS) {
        ctx.heartbeat({ waited });
        // Context.sleep rejects when the activity is cancelled, ending the hold early.
        await ctx.sleep(Math.min(HEARTBEAT_EVERY_MS, holdMs - waited));
      }
      return { databaseVersion, attempt };
    },

    async recordSystemCheckCompleted({ checkId, databaseVersion }) {
      await repository.recordCompleted(checkId, databaseVersion);
    },
  };
}
