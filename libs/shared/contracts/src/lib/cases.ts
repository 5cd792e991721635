/**
 * The case record (issue 11, step 1 "Entry"). A case is known everywhere by its coded id
 * (`32.04-2027-0042`): the only thing about it in workflow ids, URLs, task titles, notifications and
 * logs. Nothing here identifies the person; identifying data comes only through sealed form submissions.
 */

/**
 * Where a case is in the referral process (PRODUCT.md §3.2). A new case starts at `intake`. The database
 * checks the same list (migration 1763900001600); a new stage needs a migration too.
 */
/** Risk levels a case team assesses (`case-risk-levels` option list; the database checks the same list). */
export const CASE_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type CaseRiskLevel = (typeof CASE_RISK_LEVELS)[number];

export const CASE_STAGES = ['intake', 'screening', 'protection', 'case_conference', 'referral', 'reintegration', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * Why someone reads a case page; required on every read and written to the audit trail with it.
 * - `case_management`: working the case (coordinator, case worker);
 * - `supervision`: a supervisor's or province's oversight;
 * - `referral_follow_up`: following up a referral to or from another agency.
 */
export const CASE_READ_PURPOSES = ['case_management', 'supervision', 'referral_follow_up'] as const;
export type CaseReadPurpose = (typeof CASE_READ_PURPOSES)[number];

/**
 * A coded case id: `<jurisdiction code>-<year>-<sequence, at least 4 digits>`, the jurisdiction being a
 * province (`32`) or a regency/city (`32.04`) and the year that of the opening date in Asia/Jakarta.
 */
export const CASE_CODE_PATTERN = /^\d{2}(\.\d{2})?-\d{4}-\d{4,}$/;

/** `POST /cases`. */
export interface OpenCaseRequest {
  /** The task force's region: a province (`32`) or a regency/city (`32.04`). */
  jurisdictionCode: string;
  /** A member agency of that jurisdiction's task force, through which the case is opened. */
  intakeAgencyId: string;
  /** How the case came in: a code of the national `referral-sources` option list (`police`, `hotline` …). */
  intakeChannel: string;
}

/** One case in the coordinators' list: coded id and process data only, never a name. */
export interface CaseSummary {
  code: string;
  jurisdictionCode: string;
  stage: CaseStage;
  /** One of `IDENTIFICATION_STATUSES` of `@gugus/cases`; null until the screening result is recorded. */
  identificationStatus: string | null;
  intakeChannel: string;
  openedAt: string;
  closedAt: string | null;
  /** The earliest due date of the case's open steps (its own and its referrals'); null when none is open. */
  nextDueAt: string | null;
  /** The latest risk level the case team assessed (conference, before reunification, follow-up); null until one is. */
  riskLevel: CaseRiskLevel | null;
}

/** `GET /cases`. */
export interface CaseList {
  items: CaseSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** `GET /cases/:code`: the case page. */
export interface CaseView extends CaseSummary {
  year: number;
  seq: number;
  intakeAgency: { id: string; name: string | null };
  /** The staff member who opened the case (a person id, never the victim). */
  openedBy: string;
  /** When the person was reunified or returned (follow-ups count from it); null before. */
  reunifiedAt: string | null;
  /**
   * `team`: the reader is on the case's own team; `partner`: on the team of a task force the case is
   * shared with under a cooperation agreement, who sees the record, the steps and the shared data only.
   */
  access: CaseAccess;
  /** The jurisdictions whose agencies the case's forms may name: its team's, and those of the partners of agreements in force. */
  agencyJurisdictions: string[];
}

export type CaseAccess = 'team' | 'partner';

// ---------------------------------------------------------------------------------------------------
// Consent (issue 11, step 4): per purpose, by whom and how, revocable at any time.

/** Where consent for one purpose (or to share with one agency) stands today. */
export type ConsentStatus = 'granted' | 'declined' | 'withdrawn' | 'expired' | 'none';

/** `POST /cases/:code/consents`: the consent form's answers (`forms/library/consent`). */
export interface RecordConsentRequest {
  data: Record<string, unknown>;
}

/** The answer to `POST /cases/:code/consents`. */
export interface ConsentRecorded {
  submissionId: string;
  formVersionId: string;
  recordedAt: string;
}

/** Consent to share data with one named agency. */
export interface AgencyConsentView {
  agencyId: string;
  /** The agency's name (an organisation, never a person); null if it is no longer known. */
  agencyName: string | null;
  status: ConsentStatus;
  /** Codes of `case-data-categories` that may be shared (empty unless granted). */
  categories: string[];
  /** The day of the decision that applies. */
  decidedOn: string | null;
  withdrawnOn: string | null;
  validUntil: string | null;
  /** Who gave it: a `case-consent-givers` code (`person`, `guardian` …), never a name. */
  givenBy: string | null;
  /** How: a `case-consent-methods` code. */
  method: string | null;
}

/** Consent for one purpose (`consent-purposes` code). */
export interface PurposeConsentView {
  purpose: string;
  status: ConsentStatus;
  /** The day the status applies from (the decision day; the withdrawal day when withdrawn). */
  since: string | null;
  givenBy: string | null;
  method: string | null;
  /** Data sharing only: one row per named agency. */
  agencies?: AgencyConsentView[];
}

/** One recorded consent form, as the history lists it (codes and dates, no notes). */
export interface ConsentHistoryEntry {
  submissionId: string;
  recordedAt: string;
  givenBy: string | null;
  decisions: { purpose: string; status: string; agencyId: string | null; decidedOn: string; withdrawnOn: string | null }[];
}

/** `GET /cases/:code/consents?purpose=`. */
export interface CaseConsentView {
  caseCode: string;
  /** The day the state was judged on (Asia/Jakarta). */
  asOf: string;
  purposes: PurposeConsentView[];
  /** Every recorded consent form, oldest first. */
  history: ConsentHistoryEntry[];
}

// ---------------------------------------------------------------------------------------------------
// Case conference (issue 11, step 5): each action the conference assigns is a task at the agency named.

/**
 * `GET /cases/:code/conference-actions/:taskId`: the one action a conference-action task is about, for
 * whoever holds that task (and the case team). Only this action's words: not the rest of the conference
 * record (its agenda holds risk and health notes the acting agency does not need).
 */
export interface CaseConferenceActionView {
  caseCode: string;
  taskId: string;
  /** 1 for the first conference, 2 for its follow-up, … */
  round: number;
  /** The action's place in the conference's list, from 1. */
  number: number;
  description: string;
  /** A code of the `services` option list, or null; with its label. */
  service: string | null;
  serviceLabel: { id: string; en: string } | null;
  dueDate: string;
  conferenceDate: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Referrals (issue 11, step 6): closed loop — sent, accepted or declined (re-referred), outcome.

/** Where a referral stands. `declined` ones are followed by the coordinator's re-referral (a new referral). */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** `POST /cases/:code/referrals`: the `referral` form's answers. */
export interface SendReferralRequest {
  data: Record<string, unknown>;
}

/** One referral of a case, as the case team and the receiving agency see it: codes, ids, dates. */
export interface CaseReferralView {
  caseCode: string;
  /** From 1, per case: "referral 2" in titles and URLs. */
  number: number;
  serviceType: string;
  receivingAgency: { id: string; name: string | null };
  status: ReferralStatus;
  /** The referral this one replaces (the number of a declined one), when it is a re-referral. */
  replacesNumber: number | null;
  sentAt: string;
  respondedAt: string | null;
  completedAt: string | null;
}

/** `GET /cases/:code/referrals`. */
export interface CaseReferralList {
  caseCode: string;
  items: CaseReferralView[];
}

/**
 * `GET /cases/:code/referrals/:number/packet?purpose=`: what the receiving agency may see — only the
 * answers whose data category the service needs and the person's consent for that agency covers
 * (`@gugus/cases` buildPacket), with what is held back and why. Every read is audited with its purpose.
 */
export interface CaseReferralPacketView {
  referral: CaseReferralView;
  /** The referral's own terms (no answer about the person): urgency and the start asked for. */
  urgency: string | null;
  urgencyLabel: { id: string; en: string } | null;
  requestedStartDate: string | null;
  categories: string[];
  withheld: string[];
  /** The label of each category named in `categories` and `withheld`. */
  categoryLabels: Record<string, { id: string; en: string }>;
  consent: { status: 'granted' | 'declined' | 'withdrawn' | 'expired' | 'none'; decidedOn?: string; withdrawnOn?: string; validUntil?: string };
  /** Per form, the shared answers; `fields` lists them one per answer (JSON pointer, the field's label, the value as stored and, for a coded answer, its label) to show them by. */
  documents: { formKey: string; title: { id: string; en: string }; data: Record<string, unknown>; fields: { pointer: string; label: { id: string; en: string }; value: string | number | boolean | null; valueLabel?: { id: string; en: string } }[] }[];
  notice?: { id: string; en: string };
}

/**
 * `GET /case-packet-lists/:province`: what each service's referral packet carries in a province — the
 * national default or the province's adjusted list — before consent narrows it for a person and agency.
 */
export interface CasePacketListView {
  jurisdictionCode: string;
  items: {
    serviceType: string;
    serviceLabel: { id: string; en: string };
    /** The national default (`@gugus/cases` DEFAULT_PACKET_CATEGORIES). */
    defaults: string[];
    /** What applies in the province. */
    categories: string[];
    adjusted: boolean;
    updatedAt: string | null;
  }[];
  /** Every data category, in order, with its label. */
  allCategories: { code: string; label: { id: string; en: string } }[];
  /** Whether the reader may adjust the lists (the province's administrators). */
  canEdit: boolean;
}

/** `PUT /case-packet-lists/:province/:serviceType`: the categories the service's packet carries (null: back to the national default). */
export interface UpdateCasePacketListRequest {
  categories: string[] | null;
}

/** `GET /cases/:code/timeline?purpose=`: the steps of a case's processes, oldest first (titles hold the coded id only). */
export interface CaseTimelineView {
  caseCode: string;
  items: {
    taskId: string;
    step: string;
    title: { id: string; en: string };
    status: string;
    agency: { id: string; name: string | null };
    createdAt: string;
    dueAt: string;
    completedAt: string | null;
  }[];
}

/** `POST /cases/:code/immediate-protection`: needs to meet at once, before the screening is finished. */
export interface StartProtectionRequest {
  /** Codes of the `case-immediate-needs` option list. */
  needs: string[];
}

/** The answer: the needs asked for (each opens its task once). */
export interface ProtectionStarted {
  caseCode: string;
  needs: string[];
}

// ---------------------------------------------------------------------------------------------------
// Cross-region cases (issue 11, step 9): a register of cooperation agreements (MoU) between task forces,
// and cases shared under one with a member agency of the other party's task force.

/** Where an agreement stands on a day: in force, not yet in force, past its end, or terminated. */
export const AGREEMENT_STATUSES = ['active', 'pending', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** `POST /agreements`: an agreement entered into the register. */
export interface RecordAgreementRequest {
  /** The agreement's number (`119/PKS/DP3AKB/2026`). */
  reference: string;
  title: string;
  /** The two parties' task forces: provinces (`32`) or regencies/cities (`21.71`), neither covering the other. */
  partyA: string;
  partyB: string;
  /** What may pass between them: data categories of the `case-data-categories` list (consent narrows it per person). */
  dataCategories: string[];
  /** YYYY-MM-DD. */
  signedOn: string;
  validFrom: string;
  validUntil: string;
}

/** `POST /agreements/:id/termination`. */
export interface TerminateAgreementRequest {
  /** YYYY-MM-DD: from this day the agreement no longer carries any share. */
  terminatedOn: string;
  reason: string;
}

export interface AgreementView {
  id: string;
  reference: string;
  title: string;
  parties: { code: string; name: string | null }[];
  dataCategories: string[];
  signedOn: string;
  validFrom: string;
  validUntil: string;
  terminatedOn: string | null;
  terminationReason: string | null;
  /** Today, in Asia/Jakarta. */
  status: AgreementStatus;
  recordedAt: string;
  /** Whether the reader may terminate it (the secretariat or administrators of a party). */
  canTerminate: boolean;
}

/** `GET /agreements`. */
export interface AgreementList {
  items: AgreementView[];
  /** Every data category, in order, with its label (for the scope). */
  allCategories: { code: string; label: { id: string; en: string } }[];
}

/** `POST /cases/:code/shares`: share the case under an agreement with a member agency of the other party. */
export interface ShareCaseRequest {
  agreementId: string;
  partnerAgencyId: string;
  /** The partner's task force leads the return and reintegration (plan, reunification, follow-ups, closure). */
  leadsReintegration: boolean;
}

export interface CaseShareView {
  id: string;
  caseCode: string;
  agreement: { id: string; reference: string; title: string; status: AgreementStatus; terminatedOn: string | null; validUntil: string };
  partnerAgency: { id: string; name: string | null; jurisdictionCode: string };
  leadsReintegration: boolean;
  sharedAt: string;
  endedAt: string | null;
  /** Not ended and its agreement in force today. */
  active: boolean;
}

/** `GET /cases/:code/shares`. */
export interface CaseShareList {
  caseCode: string;
  items: CaseShareView[];
  /** For the case's own team: the agreements in force it can be shared under (empty for a partner). */
  agreements: AgreementView[];
}

/**
 * `GET /cases/:code/shares/:id/record`: what the partner sees — the answers whose category the agreement
 * covers and the person's consent for the partner agency covers, from the case's forms, built at each read.
 */
export interface CaseSharedRecordView {
  share: CaseShareView;
  categories: string[];
  withheld: string[];
  categoryLabels: Record<string, { id: string; en: string }>;
  consent: CaseReferralPacketView['consent'];
  documents: CaseReferralPacketView['documents'];
  notice?: { id: string; en: string };
}

// ---------------------------------------------------------------------------------------------------
// The foreign national path (issue 11, step 8): an assessment before any return.

/** `POST /cases/:code/return-assessments`: the `return-assessment` form's answers. */
export interface RecordReturnAssessmentRequest {
  data: Record<string, unknown>;
}

/** What an assessment allows (`@gugus/cases` returnOutcome): codes only. */
export interface ReturnOutcomeView {
  returnAllowed: boolean;
  /** Codes: not_voluntary, fear_of_return, serious_harm, stateless, not_recommended. */
  blocks: string[];
  /** What to offer instead of a return. */
  offer: 'international_protection' | null;
}

export interface ReturnAssessmentView {
  submissionId: string;
  recordedAt: string;
  assessmentDate: string | null;
  /** A `case-return-recommendations` code. */
  recommendation: string | null;
  outcome: ReturnOutcomeView;
}

/** `GET /cases/:code/return-assessments`: every assessment, oldest first; the latest decides. */
export interface CaseReturnAssessmentList {
  caseCode: string;
  items: ReturnAssessmentView[];
}

// ---------------------------------------------------------------------------------------------------
// Closure at any time for a recorded reason, and reopening (issue 11, step 10).

/** `POST /cases/:code/closure`: the `case-closure` form's answers (reason, feedback …). */
export interface CloseCaseRequest {
  data: Record<string, unknown>;
}

/** Why a closed case is reopened (codes; no free text about the person). */
export const CASE_REOPEN_REASONS = ['new_needs', 'retrafficking_risk', 'new_information', 'closed_in_error'] as const;
export type CaseReopenReason = (typeof CASE_REOPEN_REASONS)[number];

/** `POST /cases/:code/reopening`. */
export interface ReopenCaseRequest {
  reason: CaseReopenReason;
}

// ---------------------------------------------------------------------------------------------------
// Identification status decisions (issue 11, step 2) and the justice track (step 11).

/** `POST /cases/:code/identification-decisions` and `POST /cases/:code/justice-records`: the form's answers. */
export interface RecordCaseFormRequest {
  data: Record<string, unknown>;
}

/** One identification decision, in codes (the rationale stays sealed). */
export interface IdentificationDecisionView {
  submissionId: string;
  recordedAt: string;
  decidedOn: string | null;
  /** verified, confirmed or not_confirmed. */
  status: string | null;
  /** For not_confirmed: how support is adjusted (a `case-support-adjustments` code). */
  supportAdjustment: string | null;
}

export interface CaseIdentificationDecisionList {
  caseCode: string;
  identificationStatus: string | null;
  items: IdentificationDecisionView[];
}

/** One justice record: the figures reports count (stage, charges, verdict, sentence, restitution); the note stays sealed. */
export interface JusticeRecordView {
  submissionId: string;
  recordedAt: string;
  recordedOn: string | null;
  stage: string | null;
  charges: string[];
  suspectsCount: number | null;
  verdict: string | null;
  sentenceMonths: number | null;
  restitutionOrderedIdr: number | null;
  restitutionPaidIdr: number | null;
}

export interface CaseJusticeRecordList {
  caseCode: string;
  items: JusticeRecordView[];
}
