import { defineSignal } from '@temporalio/workflow';
import type { ReportLevel } from '@gugus/contracts';
import type { TaskAssignee } from '../tasks/task.messages';

/** Starts a cycle: the period it reports on (default: the quarter that ended last, by the workflow's clock). */
export interface ReportCycleInput {
  period?: string;
  /** Who opened it by hand (null when the schedule did). */
  openedBy?: string | null;
}

export interface ProvinceReportInput {
  cycleId: string;
  period: string;
  provinceCode: string;
}

/** A correction of an accepted report: its new version (already created, status `open`). */
export interface ReportCorrectionInput {
  reportId: string;
}

/** How report tasks are reminded and escalated, from the periodic-report settings in force. */
export interface ReportTaskSettings {
  reminderWorkingDays: number;
  escalationWorkingDays: number;
  escalationRole: TaskAssignee['role'];
  reviewWorkingDays: number;
  revisionWorkingDays: number;
}

/** The cycle, as its workflow needs it. `owner` is false when another workflow already runs this period. */
export interface CyclePlan {
  cycleId: string;
  owner: boolean;
  /** Provinces with a task force, each reported by its own child workflow. */
  provinces: string[];
  national: { assignee: TaskAssignee | null; dueDate: string; /** When the national report opens even if some provinces are not accepted yet. */ opensAt: string; settings: ReportTaskSettings };
}

/** One task force's part of a province's cycle. */
export interface ReportingUnit {
  jurisdictionCode: string;
  name: string;
  /** Who compiles and submits its report (null: nobody holds the role; the report stays missing). */
  assignee: TaskAssignee | null;
  /** A regency/city's member agencies, each asked for its part (the focal point's own agency is not); absent in plans made before parts. */
  members?: PartMember[];
  /** When their parts are due (never after the report); absent in plans made before parts. */
  partDueDate?: string;
}

/** A member agency of a regency/city task force and who sends its part (null: nobody holds the role there). */
export interface PartMember {
  agencyId: string;
  name: string;
  assignee: TaskAssignee | null;
}

export interface ProvincePlan {
  regencies: ReportingUnit[];
  province: ReportingUnit;
  /** Reviews the regency/city reports (the province's review role). */
  reviewer: Reviewer | null;
  /** Reviews the province's report (the national analyst). */
  nationalReviewer: Reviewer | null;
  regencyDueDate: string;
  provinceDueDate: string;
  /** When the province report opens even if some regency/city reports are not accepted yet. */
  provinceOpensAt: string;
  settings: ReportTaskSettings;
}

/** A report version being worked on, as `openReport` returns it. */
export interface OpenedReport {
  reportId: string;
  cycleId: string;
  period: string;
  level: ReportLevel;
  jurisdictionCode: string;
  name: string;
  version: number;
  round: number;
  dueDate: string;
  /** The form's starting answers (regency/city reports: the figures the cases give). */
  prefill: Record<string, unknown> | null;
}

/** What a correction's workflow needs: the report, who compiles it and who reviews it (null for the national report). */
export interface CorrectionPlan {
  report: OpenedReport;
  assignee: TaskAssignee | null;
  reviewer: Reviewer | null;
  settings: ReportTaskSettings;
}

/** Who accepts or returns a report: someone at the level above (its jurisdiction is where the review task lives). */
export interface Reviewer {
  assignee: TaskAssignee;
  jurisdictionCode: string;
}

/** A regency/city's member agencies' parts, asked for by a child of the province's cycle. */
export interface RegencyPartsInput {
  cycleId: string;
  report: OpenedReport;
  members: PartMember[];
  dueDate: string;
  settings: ReportTaskSettings;
}

/** The focal point submitted: parts still open are closed as not received. */
export const closePartsSignal = defineSignal('closeParts');

/** Workflow ids: one cycle per period, one child per province, one per regency/city's parts, one workflow per correction. */
export const reportCycleWorkflowId = (period: string) => `report-cycle-${period}`;
export const provinceReportWorkflowId = (period: string, provinceCode: string) => `report-${period}-${provinceCode}`;
export const reportPartsWorkflowId = (period: string, jurisdictionCode: string) => `report-${period}-${jurisdictionCode}-parts`;
export const reportCorrectionWorkflowId = (reportId: string) => `report-correction-${reportId}`;
/** The Temporal Schedule that starts a cycle as each quarter ends. */
export const REPORT_SCHEDULE_ID = 'periodic-report-quarterly';
