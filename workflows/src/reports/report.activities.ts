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
  /** The member agencies' parts of a regency/city's report are asked for: one row per agency (task null: nobody to ask). Idempotent. */
  requestParts(input: { cycleId: string; jurisdictionCode: string; dueDate: string; parts: { agencyId: string; taskId: string | null }[] }): Promise<void>;
  /** A member agency sent its part: its counts and remarks are kept as sent. */
  recordPart(input: { cycleId: string; jurisdictionCode: string; agencyId: string; submissionId: string | null; by: string | null; at: string }): Promise<void>;
  /** The focal point submitted: parts still asked for are listed as not received. */
  closeParts(input: { cycleId: string; jurisdictionCode: string }): Promise<void>;
  /** The correction's version and who works on it. */
  prepareCorrection(input: { reportId: string }): Promise<CorrectionPlan>;
  closeCycle(input: { cycleId: string; at: string }): Promise<void>;
}
