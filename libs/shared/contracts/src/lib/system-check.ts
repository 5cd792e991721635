/**
 * The system check is a small real workflow kept as the health of the process engine: it runs an
 * activity that writes to PostgreSQL through the worker, so a completed check proves the whole chain
 * API → Temporal → worker → PostgreSQL works.
 */
export type SystemCheckStatus = 'requested' | 'running' | 'completed' | 'failed';
export type SystemCheckStage = 'started' | 'probing' | 'recording' | 'done';

/** Longest simulated slow dependency a caller may ask for (used by resilience tests and drills). */
export const SYSTEM_CHECK_MAX_HOLD_MS = 60_000;

export interface StartSystemCheckRequest {
  /** Keep the database probe busy this long (ms), to rehearse worker restarts. Default 0. */
  holdMs?: number;
}

export interface SystemCheckView {
  id: string;
  workflowId: string;
  status: SystemCheckStatus;
  stage: SystemCheckStage | null;
  /** How many times the probe activity was attempted (more than 1 means a worker was lost mid-way). */
  attempts: number;
  databaseVersion: string | null;
  requestedAt: string | null;
  completedAt: string | null;
}

export const systemCheckWorkflowId = (checkId: string): string => `system-check-${checkId}`;
