import type { CasePlan, ScreeningOutcome } from './case.messages';

/** Activities of a case's process; implemented in libs/server/cases. All idempotent. */
export interface CaseActivities {
  /** Resolves the case's jurisdiction, who does each step, and the case-management settings in force. */
  prepareCase(input: { caseId: string }): Promise<CasePlan>;
  /** The intake is recorded: the case moves on to screening (stage written once, audited). */
  recordIntake(input: { caseId: string; submissionId: string | null }): Promise<void>;
  /**
   * Reads the screening submission on the server, applies the screening and identification rules and
   * records the case's stage and identification status (audited). Returns codes only.
   */
  recordScreening(input: { caseId: string; submissionId: string | null }): Promise<ScreeningOutcome>;
}
