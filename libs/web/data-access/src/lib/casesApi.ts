import type { CasePlanView, SaveCasePlanItemRequest, ServiceDirectoryView, ServiceProviderView, UpdateServiceProviderRequest, CaseIdentificationDecisionList, CaseJusticeRecordList, IdentificationDecisionView, JusticeRecordView, CaseReopenReason, CaseReturnAssessmentList, ReturnAssessmentView, AgreementList, AgreementView, CaseShareList, CaseSharedRecordView, CaseShareView, RecordAgreementRequest, ShareCaseRequest, TerminateAgreementRequest, ProtectionStarted, CaseTimelineView, CasePacketListView, CaseConferenceActionView, CaseConsentView, CaseList, CaseReferralList, CaseReferralPacketView, CaseReferralView, CaseReadPurpose, CaseRiskLevel, CaseStage, CaseView, ConsentRecorded, OpenCaseRequest } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';

/** `GET /cases`: this jurisdiction and those below it (none: all the reader may see), newest first. */
export interface CaseListFilter {
  jurisdictionCode?: string;
  stage?: CaseStage;
  risk?: CaseRiskLevel;
  limit?: number;
  offset?: number;
}

const seg = encodeURIComponent;

/** The case record: coded ids and process data only (never a name); every page read carries its purpose. */
export const casesApi = {
  list: (filter: CaseListFilter, signal?: AbortSignal) => apiClient.get<CaseList>(withQuery('/cases', { ...filter }), { signal }),
  /** The case page; the API writes the read to the audit trail with `purpose` before answering. */
  view: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseView>(withQuery(`/cases/${seg(code)}`, { purpose }), { signal }),
  /** 400 with `details.fields` (jurisdictionCode, intakeAgencyId, intakeChannel). */
  open: (body: OpenCaseRequest) => apiClient.post<CaseView>('/cases', body),
  /** Consent per purpose and its history; the read is audited with `purpose`. */
  consents: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseConsentView>(withQuery(`/cases/${seg(code)}/consents`, { purpose }), { signal }),
  /** Records a consent form (a withdrawal too); 400 with `details.extraErrors` for the form's fields. */
  /** The one conference action a task is about, for the task's holder or the case team (audited). */
  conferenceAction: (code: string, taskId: string, signal?: AbortSignal) => apiClient.get<CaseConferenceActionView>(`/cases/${seg(code)}/conference-actions/${seg(taskId)}`, { signal }),
  /** Opens immediate-need tasks before the screening is finished (needs: codes of case-immediate-needs). */
  startProtection: ({ code, needs }: { code: string; needs: string[] }) => apiClient.post<ProtectionStarted>(`/cases/${seg(code)}/immediate-protection`, { needs }),
  /** The steps of the case's processes (tasks, no answers); the read is audited with `purpose`. */
  timeline: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseTimelineView>(withQuery(`/cases/${seg(code)}/timeline`, { purpose }), { signal }),
  /** The case's referrals and where each stands (audited with `purpose`). */
  referrals: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseReferralList>(withQuery(`/cases/${seg(code)}/referrals`, { purpose }), { signal }),
  /** Sends a referral (the referral form); 400 with `details.extraErrors`, a category consent does not cover included. */
  sendReferral: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<CaseReferralView>(`/cases/${seg(code)}/referrals`, { data }),
  /** The packet of referral `number`: only what the service needs and consent covers (audited with `purpose`). */
  referralPacket: (code: string, number: number, purpose: CaseReadPurpose, signal?: AbortSignal) =>
    apiClient.get<CaseReferralPacketView>(withQuery(`/cases/${seg(code)}/referrals/${number}/packet`, { purpose }), { signal }),
  /** What each service's referral packet carries in a province (before consent narrows it). */
  /** The province's directory of service providers (only those offering `serviceType`, when given). */
  serviceDirectory: (province: string, serviceType: string | undefined, signal?: AbortSignal) => apiClient.get<ServiceDirectoryView>(withQuery(`/service-directory/${seg(province)}`, { serviceType }), { signal }),
  /** What one agency offers; 400 names services/n, targetGroups/n, capacity, contactPoint, referralProtocol. */
  updateServiceProvider: ({ province, agencyId, ...body }: UpdateServiceProviderRequest & { province: string; agencyId: string }) =>
    apiClient.put<ServiceProviderView>(`/service-directory/${seg(province)}/agencies/${seg(agencyId)}`, body),
  /** The case-management plan with its history (audited with `purpose`). */
  plan: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CasePlanView>(withQuery(`/cases/${seg(code)}/plan`, { purpose }), { signal }),
  /** Adds a service; 400 names item/<field>; 409 when the plan changed since `expectedVersion`. */
  addPlanItem: ({ code, ...body }: SaveCasePlanItemRequest & { code: string }) => apiClient.post<CasePlanView>(`/cases/${seg(code)}/plan/items`, body),
  updatePlanItem: ({ code, itemId, ...body }: SaveCasePlanItemRequest & { code: string; itemId: string }) => apiClient.put<CasePlanView>(`/cases/${seg(code)}/plan/items/${seg(itemId)}`, body),
  packetLists: (province: string, signal?: AbortSignal) => apiClient.get<CasePacketListView>(`/case-packet-lists/${seg(province)}`, { signal }),
  /** Adjusts one service's packet list (`null`: back to the national default); 400 names unknown categories. */
  updatePacketList: ({ province, serviceType, categories }: { province: string; serviceType: string; categories: string[] | null }) =>
    apiClient.put<CasePacketListView>(`/case-packet-lists/${seg(province)}/${seg(serviceType)}`, { categories }),
  recordConsent: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<ConsentRecorded>(`/cases/${seg(code)}/consents`, { data }),
  /** The case's shares with other task forces (audited with `purpose`); for its team, the agreements it can be shared under. */
  shares: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseShareList>(withQuery(`/cases/${seg(code)}/shares`, { purpose }), { signal }),
  /** Shares the case under an agreement in force; 400 names agreementId, partnerAgencyId or leadsReintegration. */
  share: ({ code, ...body }: ShareCaseRequest & { code: string }) => apiClient.post<CaseShareView>(`/cases/${seg(code)}/shares`, body),
  endShare: ({ code, shareId }: { code: string; shareId: string }) => apiClient.post<CaseShareView>(`/cases/${seg(code)}/shares/${seg(shareId)}/end`, {}),
  /** What the partner reads through a share: the agreement's scope ∩ the consent for the partner agency (audited with `purpose`). */
  sharedRecord: (code: string, shareId: string, purpose: CaseReadPurpose, signal?: AbortSignal) =>
    apiClient.get<CaseSharedRecordView>(withQuery(`/cases/${seg(code)}/shares/${seg(shareId)}/record`, { purpose }), { signal }),
  /** The register of cooperation agreements of the reader's task forces. */
  agreements: (signal?: AbortSignal) => apiClient.get<AgreementList>('/agreements', { signal }),
  /** 400 with `details.fields` (partyA, partyB, dataCategories/n, signedOn, validFrom, validUntil). */
  recordAgreement: (body: RecordAgreementRequest) => apiClient.post<AgreementView>('/agreements', body),
  terminateAgreement: ({ id, ...body }: TerminateAgreementRequest & { id: string }) => apiClient.post<AgreementView>(`/agreements/${seg(id)}/termination`, body),
  /** Records an assessment before return; 400 with `details.extraErrors` for the form's fields. */
  recordReturnAssessment: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<ReturnAssessmentView>(`/cases/${seg(code)}/return-assessments`, { data }),
  /** The case's assessments before return, outcomes in codes (audited with `purpose`). */
  returnAssessments: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseReturnAssessmentList>(withQuery(`/cases/${seg(code)}/return-assessments`, { purpose }), { signal }),
  /** Closes the case for a recorded reason (the case-closure form); 400 with `details.extraErrors`, 409 when already closed. */
  close: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<CaseView>(`/cases/${seg(code)}/closure`, { data }),
  /** Reopens a closed case; it goes back to the case conference. */
  reopen: ({ code, reason }: { code: string; reason: CaseReopenReason }) => apiClient.post<CaseView>(`/cases/${seg(code)}/reopening`, { reason }),
  /** Records an identification decision; 400 with `details.extraErrors` (the interview, the order of statuses included). */
  decideIdentification: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<IdentificationDecisionView>(`/cases/${seg(code)}/identification-decisions`, { data }),
  identificationDecisions: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) =>
    apiClient.get<CaseIdentificationDecisionList>(withQuery(`/cases/${seg(code)}/identification-decisions`, { purpose }), { signal }),
  /** Records a step of the justice track; 400 with `details.extraErrors`. */
  recordJustice: ({ code, data }: { code: string; data: Record<string, unknown> }) => apiClient.post<JusticeRecordView>(`/cases/${seg(code)}/justice-records`, { data }),
  justiceRecords: (code: string, purpose: CaseReadPurpose, signal?: AbortSignal) => apiClient.get<CaseJusticeRecordList>(withQuery(`/cases/${seg(code)}/justice-records`, { purpose }), { signal }),
};
