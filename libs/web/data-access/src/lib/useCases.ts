import type { CasePlanView, SaveCasePlanItemRequest, ServiceDirectoryView, ServiceProviderView, UpdateServiceProviderRequest, CaseIdentificationDecisionList, CaseJusticeRecordList, IdentificationDecisionView, JusticeRecordView, CaseReopenReason, CaseReturnAssessmentList, ReturnAssessmentView, AgreementList, AgreementView, CaseShareList, CaseSharedRecordView, CaseShareView, RecordAgreementRequest, ShareCaseRequest, TerminateAgreementRequest, ProtectionStarted, CaseTimelineView, CasePacketListView, CaseConferenceActionView, CaseConsentView, CaseList, CaseReferralList, CaseReferralPacketView, CaseReferralView, CaseReadPurpose, CaseView, ConsentRecorded, OpenCaseRequest } from '@gugus/contracts';
import { casesApi, type CaseListFilter } from './casesApi';
import { useApiMutation, type MutationState } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** One page of the case list. Idle while `filter` is undefined. */
export function useCases(filter: CaseListFilter | undefined): QueryState<CaseList> {
  const key = filter && `cases:${filter.jurisdictionCode ?? ''}:${filter.stage ?? ''}:${filter.risk ?? ''}:${filter.limit ?? ''}:${filter.offset ?? 0}`;
  return useApiQuery(key, (signal) => casesApi.list(filter ?? {}, signal));
}

/**
 * The case page, read for `purpose` (audited by the API). Idle until a purpose is chosen: nothing about
 * the case is asked for before the reader has said why.
 */
export function useCase(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseView> {
  return useApiQuery(code && purpose ? `case:${code}:${purpose}` : undefined, (signal) => casesApi.view(code ?? '', purpose ?? 'case_management', signal));
}

export function useOpenCase(): MutationState<OpenCaseRequest, CaseView> {
  return useApiMutation(casesApi.open);
}

/** Where consent stands per purpose on a case, read for `purpose` (audited). Idle until both are known. */
export function useCaseConsents(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseConsentView> {
  return useApiQuery(code && purpose ? `case-consents:${code}:${purpose}` : undefined, (signal) => casesApi.consents(code ?? '', purpose ?? 'case_management', signal));
}

export function useRecordConsent(): MutationState<{ code: string; data: Record<string, unknown> }, ConsentRecorded> {
  return useApiMutation(casesApi.recordConsent);
}

/** The conference action a `conference-action` task is about (audited by the API). Idle without both ids. */
export function useConferenceAction(code: string | undefined, taskId: string | undefined): QueryState<CaseConferenceActionView> {
  return useApiQuery(code && taskId ? `case-action:${code}:${taskId}` : undefined, (signal) => casesApi.conferenceAction(code ?? '', taskId ?? '', signal));
}

/** The case's referrals, read for `purpose` (audited). */
export function useCaseReferrals(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseReferralList> {
  return useApiQuery(code && purpose ? `case-referrals:${code}:${purpose}` : undefined, (signal) => casesApi.referrals(code ?? '', purpose ?? 'case_management', signal));
}

export function useSendReferral(): MutationState<{ code: string; data: Record<string, unknown> }, CaseReferralView> {
  return useApiMutation(casesApi.sendReferral);
}

/** A referral's packet, read for `purpose` (audited). Idle without a code and a number. */
export function useReferralPacket(code: string | undefined, number: number | undefined, purpose: CaseReadPurpose): QueryState<CaseReferralPacketView> {
  return useApiQuery(code && number ? `case-packet:${code}:${number}:${purpose}` : undefined, (signal) => casesApi.referralPacket(code ?? '', number ?? 0, purpose, signal));
}

/** A province's referral packet lists. Idle without a province. */
export function usePacketLists(province: string | undefined): QueryState<CasePacketListView> {
  return useApiQuery(province ? `case-packet-lists:${province}` : undefined, (signal) => casesApi.packetLists(province ?? '', signal));
}

export function useUpdatePacketList(): MutationState<{ province: string; serviceType: string; categories: string[] | null }, CasePacketListView> {
  return useApiMutation(casesApi.updatePacketList);
}

/** The steps of the case's processes, read for `purpose` (audited). */
export function useCaseTimeline(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseTimelineView> {
  return useApiQuery(code && purpose ? `case-timeline:${code}:${purpose}` : undefined, (signal) => casesApi.timeline(code ?? '', purpose ?? 'case_management', signal));
}

export function useStartProtection(): MutationState<{ code: string; needs: string[] }, ProtectionStarted> {
  return useApiMutation(casesApi.startProtection);
}

/** The case's shares with other task forces, read for `purpose` (audited). */
export function useCaseShares(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseShareList> {
  return useApiQuery(code && purpose ? `case-shares:${code}:${purpose}` : undefined, (signal) => casesApi.shares(code ?? '', purpose ?? 'case_management', signal));
}

export function useShareCase(): MutationState<ShareCaseRequest & { code: string }, CaseShareView> {
  return useApiMutation(casesApi.share);
}

export function useEndShare(): MutationState<{ code: string; shareId: string }, CaseShareView> {
  return useApiMutation(casesApi.endShare);
}

/** What a share lets the partner read, read for `purpose` (audited). Idle without a share. */
export function useSharedRecord(code: string | undefined, shareId: string | undefined, purpose: CaseReadPurpose): QueryState<CaseSharedRecordView> {
  return useApiQuery(code && shareId ? `case-shared-record:${code}:${shareId}:${purpose}` : undefined, (signal) => casesApi.sharedRecord(code ?? '', shareId ?? '', purpose, signal));
}

/** The register of cooperation agreements. Idle while `enabled` is false. */
export function useAgreements(enabled = true): QueryState<AgreementList> {
  return useApiQuery(enabled ? 'agreements' : undefined, (signal) => casesApi.agreements(signal));
}

export function useRecordAgreement(): MutationState<RecordAgreementRequest, AgreementView> {
  return useApiMutation(casesApi.recordAgreement);
}

export function useTerminateAgreement(): MutationState<TerminateAgreementRequest & { id: string }, AgreementView> {
  return useApiMutation(casesApi.terminateAgreement);
}

/** The case's assessments before return, read for `purpose` (audited). */
export function useReturnAssessments(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseReturnAssessmentList> {
  return useApiQuery(code && purpose ? `case-returns:${code}:${purpose}` : undefined, (signal) => casesApi.returnAssessments(code ?? '', purpose ?? 'case_management', signal));
}

export function useRecordReturnAssessment(): MutationState<{ code: string; data: Record<string, unknown> }, ReturnAssessmentView> {
  return useApiMutation(casesApi.recordReturnAssessment);
}

export function useCloseCase(): MutationState<{ code: string; data: Record<string, unknown> }, CaseView> {
  return useApiMutation(casesApi.close);
}

export function useReopenCase(): MutationState<{ code: string; reason: CaseReopenReason }, CaseView> {
  return useApiMutation(casesApi.reopen);
}

/** The case's identification decisions, read for `purpose` (audited). */
export function useIdentificationDecisions(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseIdentificationDecisionList> {
  return useApiQuery(code && purpose ? `case-identification:${code}:${purpose}` : undefined, (signal) => casesApi.identificationDecisions(code ?? '', purpose ?? 'case_management', signal));
}

export function useDecideIdentification(): MutationState<{ code: string; data: Record<string, unknown> }, IdentificationDecisionView> {
  return useApiMutation(casesApi.decideIdentification);
}

/** The case's justice records, read for `purpose` (audited). */
export function useJusticeRecords(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CaseJusticeRecordList> {
  return useApiQuery(code && purpose ? `case-justice:${code}:${purpose}` : undefined, (signal) => casesApi.justiceRecords(code ?? '', purpose ?? 'case_management', signal));
}

export function useRecordJustice(): MutationState<{ code: string; data: Record<string, unknown> }, JusticeRecordView> {
  return useApiMutation(casesApi.recordJustice);
}

/** The province's directory of service providers (idle without a province). */
export function useServiceDirectory(province: string | undefined, serviceType?: string): QueryState<ServiceDirectoryView> {
  return useApiQuery(province ? `service-directory:${province}:${serviceType ?? ''}` : undefined, (signal) => casesApi.serviceDirectory(province ?? '', serviceType, signal));
}

export function useUpdateServiceProvider(): MutationState<UpdateServiceProviderRequest & { province: string; agencyId: string }, ServiceProviderView> {
  return useApiMutation(casesApi.updateServiceProvider);
}

/** The case-management plan, read for `purpose` (audited). */
export function useCasePlan(code: string | undefined, purpose: CaseReadPurpose | undefined): QueryState<CasePlanView> {
  return useApiQuery(code && purpose ? `case-plan:${code}:${purpose}` : undefined, (signal) => casesApi.plan(code ?? '', purpose ?? 'case_management', signal));
}

export function useAddPlanItem(): MutationState<SaveCasePlanItemRequest & { code: string }, CasePlanView> {
  return useApiMutation(casesApi.addPlanItem);
}

export function useUpdatePlanItem(): MutationState<SaveCasePlanItemRequest & { code: string; itemId: string }, CasePlanView> {
  return useApiMutation(casesApi.updatePlanItem);
}
