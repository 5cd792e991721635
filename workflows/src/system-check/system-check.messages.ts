import { defineQuery } from '@temporalio/workflow';
import type { SystemCheckStage } from '@gugus/contracts';

export interface SystemCheckInput {
  checkId: string;
  holdMs: number;
}

export interface SystemCheckState {
  stage: SystemCheckStage;
  /** Attempt number of the probe that succeeded, or 0 while it has not. */
  attempts: number;
  databaseVersion: string | null;
}

/** Current stage of a system check, answered from workflow state (no database round trip). */
export const systemCheckStateQuery = defineQuery<SystemCheckState>('systemCheckState');
