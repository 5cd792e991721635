import type { Role } from '@gugus/contracts';
import type { CasePlan, ConferenceOutcome, ReferralPlan, ReintegrationTeam, ScreeningOutcome } from './case.messages';

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
  /** A case conference is called: the case moves to the `case_conference` stage (written once, audited). */
  openConference(input: { caseId: string; round: number }): Promise<void>;
  /**
   * Reads the conference submission on the server and records it (stage `referral`, audited). Returns
   * each action's agency, service code and due date, and the follow-up conference's date: ids, codes and
   * dates, never the action's words (the agency reads those on its task page).
   */
  recordConference(input: { caseId: string; round: number; submissionId: string | null; actionRole: Role }): Promise<ConferenceOutcome>;
  /**
   * The case moves to reintegration (stage written once, audited). Returns the task force that leads it
   * when the case is shared, under an agreement in force, with one that does (the person's area of
   * origin); null when the case's own team leads. (Older histories recorded no answer here.)
   */
  openReintegration(input: { caseId: string }): Promise<ReintegrationTeam | null | void>;
  /** The partner leading the return and reintegration today (a live share under an agreement in force), or null: asked again before each later step. */
  reintegrationTeam(input: { caseId: string }): Promise<ReintegrationTeam | null>;
  /** Reads the reintegration plan (sealed) and returns its follow-up months (a child's until month 24) and whether it is a child's. */
  recordReintegrationPlan(input: { caseId: string; submissionId: string | null }): Promise<{ followUpMonths: number[]; child: boolean }>;
  /** Records the day the person was reunified or returned (the workflow's clock), once; audited. */
  recordReunification(input: { caseId: string; at: string }): Promise<void>;
  /** Records a follow-up visit (audited with its month; the answers stay sealed). */
  recordFollowUp(input: { caseId: string; month: number; submissionId: string | null }): Promise<void>;
  /** Closes the case with the closure form (reason and feedback sealed): stage `closed`, audited. */
  recordClosure(input: { caseId: string; submissionId: string | null; at: string }): Promise<void>;
  /** Resolves a referral's receiving agency holder, the coordinator and the settings in force. */
  prepareReferral(input: { referralId: string }): Promise<ReferralPlan>;
  /** Reads the receiving agency's response (sealed) and records it: `accepted` or `declined` (audited). */
  recordReferralResponse(input: { referralId: string; submissionId: string | null }): Promise<{ decision: 'accepted' | 'declined' }>;
  /**
   * The coordinator's re-referral after a decline (a `referral` form): a new referral replacing the
   * declined one, with the next number (written once for the submission, audited). Returns its id.
   */
  recordReReferral(input: { referralId: string; submissionId: string | null }): Promise<{ referralId: string }>;
  /** The outcome report closes the loop: the referral is `completed` (audited). */
  recordServiceOutcome(input: { referralId: string; submissionId: string | null }): Promise<void>;
  /** Reads a risk assessment (sealed) and makes its level the case's latest risk (a code, audited). */
  recordRisk(input: { caseId: string; submissionId: string | null }): Promise<void>;
  /** The workflow ids of the case's referral loops not yet closed (the latest referral of each chain sent, accepted or declined). */
  openReferralLoops(input: { caseId: string }): Promise<string[]>;
  /** The case closed while this referral loop was under way: every referral of the case still sent or accepted becomes `cancelled` (audited); declined and completed ones stay. */
  cancelReferral(input: { referralId: string }): Promise<void>;
}
