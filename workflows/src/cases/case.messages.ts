import { defineSignal } from '@temporalio/workflow';
import type { BilingualText, CaseManagementSettings, CaseStage, Role } from '@gugus/contracts';
import type { IdentificationStatus, ScreeningResult } from '@gugus/cases';
import type { TaskAssignee, TaskRequest } from '../tasks/task.messages';

/** The task process key and the process-settings key of a case's process. */
export const CASE_PROCESS_KEY = 'case-management';

/**
 * A case's workflow id: the coded case id and nothing else (`case-32.04-2027-0042`). It is the only thing
 * about the case in workflow ids, search and logs (PRODUCT §5.2).
 */
export const caseWorkflowId = (caseCode: string) => `case-${caseCode}`;

/** What a case's process starts with: ids only, never an answer about the person. */
export interface CaseProcessInput {
  caseId: string;
  caseCode: string;
  /** A closed case reopened by its team: the process starts again at the case conference. */
  reopened?: boolean;
}

/** Who does each step and the settings in force, resolved once when the process starts (kept in its history). */
export interface CasePlan {
  caseId: string;
  caseCode: string;
  jurisdictionCode: string;
  /** Intake and screening: the intake agency's case worker (or the nearest agency up the task forces with one). */
  intake: TaskAssignee;
  /** Immediate protection: the jurisdiction's case coordinator (or the province's). */
  protection: TaskAssignee;
  /** The case conference: the jurisdiction's case coordinator (or the province's). Absent in plans made before conferences. */
  conference?: TaskAssignee;
  /** Follow-up visits: the intake agency's case worker, or the nearest with the role. Absent in older plans. */
  followUp?: TaskAssignee;
  settings: CaseManagementSettings;
  settingsVersion: number;
}

/** An immediate need recorded in the screening: its code and its option-list label (never free text). */
export interface ImmediateNeed {
  code: string;
  label: BilingualText;
}

/** What a recorded screening led to, in codes: the answers themselves stay sealed in PostgreSQL. */
export interface ScreeningOutcome {
  result: ScreeningResult;
  identificationStatus: IdentificationStatus | null;
  stage: CaseStage;
  /** The needs to meet at once; empty unless the person is presumed a victim. */
  immediateNeeds: ImmediateNeed[];
}

/** One action a case conference assigned: to an agency, by a date, optionally for a service (codes only). */
export interface ConferenceAction {
  index: number;
  agencyId: string;
  /** Who at that agency acts: the settings' action role, or the case role someone there holds when nobody holds that one. */
  role: Role;
  /** YYYY-MM-DD. */
  dueDate: string;
  service: string | null;
  /** The service's label in its option list (for the task title), null without a service. */
  serviceLabel: BilingualText | null;
}

/** The partner task force leading a shared case's return and reintegration: its region and who does its steps. */
export interface ReintegrationTeam {
  jurisdictionCode: string;
  /** Reintegration plan, reunification and closure: the partner's case coordinator (or the nearest with the role). */
  convener: TaskAssignee;
  /** Follow-up visits: the partner's case worker (or the nearest with the role). */
  visitor: TaskAssignee;
}

/** What a recorded conference asks for next. */
export interface ConferenceOutcome {
  actions: ConferenceAction[];
  /** The follow-up conference's date (YYYY-MM-DD) when the conference called one, else null. */
  followUpDate: string | null;
}

/** A referral's workflow id: the coded case id and the referral's number (`case-32.04-2027-0042-referral-2`). */
export const caseReferralWorkflowId = (caseCode: string, number: number) => `case-${caseCode}-referral-${number}`;

/** What a referral's process starts with: ids only. */
export interface CaseReferralInput {
  caseId: string;
  caseCode: string;
  referralId: string;
}

/** Who answers a referral and the settings in force, resolved when the referral's process starts. */
export interface ReferralPlan {
  referralId: string;
  number: number;
  /** The sealed `referral` form as sent (a re-referral starts from it). */
  referralSubmissionId: string;
  jurisdictionCode: string;
  serviceType: string;
  serviceLabel: BilingualText;
  /** The receiving agency's holder of the referral role (else its case worker or coordinator). */
  receiver: TaskAssignee;
  /** The case coordinator, who re-refers after a decline. */
  coordinator: TaskAssignee;
  settings: CaseManagementSettings;
}

/** What every task of a case's processes shares: its region, and reminders and escalation as the settings say. */
export function caseTaskDefaults(jurisdictionCode: string, s: CaseManagementSettings): Pick<TaskRequest, 'jurisdictionCode' | 'reminderWorkingDays' | 'escalationWorkingDays' | 'escalationRole'> {
  return { jurisdictionCode, reminderWorkingDays: s.taskReminderWorkingDays, escalationWorkingDays: s.escalationWorkingDays, escalationRole: s.roles.escalation };
}

/**
 * Immediate protection asked for before the screening is finished (PRODUCT §3.2 step 3: "as soon as there
 * are reasonable grounds"): the needs' codes and labels, checked by the API. Each need opens its task once;
 * the screening's needs later add only the ones not yet open.
 */
export const startProtectionSignal = defineSignal<[{ needs: ImmediateNeed[] }]>('startProtection');

/**
 * The case team closed the case for a reason of its own (the `case-closure` form, stored and checked by
 * the API): every open step is cancelled and the case closes.
 */
export const closeCaseSignal = defineSignal<[{ submissionId: string }]>('closeCase');

/**
 * The case the referral belongs to has closed: the referral's open step (the receiving agency's answer or
 * outcome report, or the coordinator's re-referral) is cancelled and a referral still under way ends as
 * `cancelled`.
 */
export const endReferralSignal = defineSignal('endReferral');
