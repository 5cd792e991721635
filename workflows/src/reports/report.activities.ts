import type { ReportLevel } from '@gugus/contracts';
import type { CorrectionPlan, CyclePlan, OpenedReport, ProvincePlan } from './report.messages';

/** Activities of the periodic report cycle; implemented in libs/server/reports. All idempotent. */
export interface ReportActivities {
  /** Creates the period's cycle once; `owner` is false when another workflow already holds it. */
  openCycle(input: { period: string; workflowId: string; openedBy: string | null; at: string }): Promise<CyclePlan>;
  /** A province's task forces, who reports and reviews, and the due dates (working days after the period ends). */
  prepareProvince(input: { cycleId: string; provinceCode: string }): Promise<ProvincePlan>;
  /**
   * The task force's report for this round: created with the figures computed now (a regency/city's from
   * its cases; a province's or the nation's from the accepted reports below plus its own cases), or the
   * returned one reopened as the next round with its figures computed again. `reportId` names an existing
   * version (a correction).
   */
  openReport(input: { cycleId: string; jurisdictionCode: string; level: ReportLevel; reportId?: string }): Promise<OpenedReport>;
  /** The report is submitted: its figures are read from the form (regency/city) or are the computed ones (province, nation). */
  recordSubmitted(input: { reportId: string; taskId: string; submissionId: string | null; by: string | null; at: string }): Promise<void>;
  /** The level above accepted (locked; a corrected version supersedes the one before) or returned it. */
  recordReviewed(input: { reportId: string; taskId: string | null; outcome: 'accepted' | 'returned'; by: string | null; at: string }): Promise<void>;
  /** The correction's version and who works on it. */
  prepareCorrection(input: { reportId: string }): Promise<CorrectionPlan>;
  closeCycle(input: { cycleId: string; at: string }): Promise<void>;
}
