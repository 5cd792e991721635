export { API_BASE_PATH, apiClient, contentDispositionFileName, setRequestAuthorizer, withQuery, type DownloadedFile, type RequestAuthorizer, type RequestOptions } from './lib/apiClient';
export { ApiError, ClientErrorCode, isErrorBody, toApiError } from './lib/apiError';
export { authApi } from './lib/authApi';
export { AUDIT_PAGE_SIZE, auditApi, useAuditTrail, type AuditFilter, type AuditTrailState } from './lib/useAuditTrail';
export { HEALTH_REFRESH_MS, useHealth, type HealthState } from './lib/useHealth';
export { useApiMutation, type MutationState } from './lib/useApiMutation';
export { QUERY_RETRY_MS, useApiQuery, type QueryState } from './lib/useApiQuery';
export { orgsApi, type ActiveChange, type AgencyEdit, type HolderChange, type JurisdictionFilter, type NewAgency, type NewDelegation, type NewPerson, type NewPosition, type PersonEdit, type PositionEdit } from './lib/orgsApi';
export {
  useAgencies,
  useAgenciesIn,
  useAgency,
  useAllAgencies,
  useOrgChanges,
  usePerson,
  useSetOrgActive,
  useUpdateAgency,
  useUpdatePerson,
  useUpdatePosition,
  useAssignHolder,
  useCreateAgency,
  useCreatePerson,
  useCreatePosition,
  useDelegate,
  useFormTaskForce,
  useSetSubTaskForceLead,
  useSetTaskForceChair,
  useJurisdiction,
  useJurisdictions,
  usePeople,
  usePosition,
  usePositions,
  useTaskForce,
} from './lib/useOrgs';
export {
  isSystemCheckFinished,
  SYSTEM_CHECK_POLL_MS,
  useStartSystemCheck,
  useSystemCheck,
  type StartSystemCheckState,
  type SystemCheckState,
} from './lib/useSystemCheck';
export {
  formsApi,
  type BreakingChangeDetails,
  type FormSubmissionView,
  type FormVersionDetail,
  type FormVersionStatus,
  type FormVersionView,
  type NewSubmission,
  type OverlayErrorDetails,
  type SubmissionErrorDetails,
  type SubmissionReceipt,
  type SubmissionStatus,
} from './lib/formsApi';
export { usePublishVersion, useSaveOverlay, useSubmitForm, useEffectiveForm, useFormSubmission, useFormVersion, useVariantDraft } from './lib/useForms';
export { NOTIFICATIONS_CHANGED_EVENT, notificationsApi } from './lib/notificationsApi';
export { NOTIFICATIONS_POLL_MS, useNotifications } from './lib/useNotifications';
export { usePageVisible } from './lib/usePageVisible';
export { calendarApi, type HolidayChange } from './lib/calendarApi';
export { useHolidays, usePutHoliday, useRemoveHoliday } from './lib/useCalendar';
export { processSettingsApi, type NewSettingsVersion } from './lib/processSettingsApi';
export { useProcessSettings, useSaveProcessSettings } from './lib/useProcessSettings';
export {
  tasksApi,
  type BilingualText,
  type DecisionErrorDetails,
  type InboxCounts,
  type InboxFilter,
  type InboxScope,
  type PersonRef,
  type TaskAbilities,
  type TaskAssigneeView,
  type TaskComment,
  type TaskDecision,
  type TaskDelegation,
  type TaskEventKind,
  type TaskHistoryEntry,
  type TaskInbox,
  type TaskOutcome,
  type TaskReassignment,
  type TaskStatus,
  type TaskSummary,
  type TaskView,
} from './lib/tasksApi';
export { useClaimTask, useDecideTask, useDelegateTask, useReassignTask, useSaveTaskDraft, useTask, useTaskInbox, useUnclaimTask } from './lib/useTasks';
export {
  meetingsApi,
  type ActionPointStatus,
  type ActionPointView,
  type MeetingCalendar,
  type MeetingCalendarItem,
  type MeetingInvitationView,
  type MeetingChangeActor,
  type MeetingKind,
  type MeetingMove,
  type MeetingStatus,
  type MeetingSummary,
  type MeetingView,
  type NewMeeting,
} from './lib/meetingsApi';
export { useCancelMeeting, useMeeting, useMeetingCalendar, useRescheduleMeeting, useScheduleMeeting } from './lib/useMeetings';
export { plansApi, type PlanExportFormat } from './lib/plansApi';
export {
  isPlanSettled,
  PLAN_POLL_MS,
  useClosePlanComments,
  useEndOutsideStep,
  useLivePlan,
  useOpenPlanRevision,
  usePlan,
  usePlanAnalyticsOverview,
  usePlanDiff,
  usePlanExport,
  usePlans,
  usePlanVersion,
  useRecordAllocation,
  useStartOutsideStep,
  useStartPlan,
} from './lib/usePlans';
export { casesApi, type CaseListFilter } from './lib/casesApi';
export { useCase, useCaseConsents, useCaseReferrals, useCases, useCaseTimeline, useConferenceAction, useOpenCase, usePacketLists, useRecordConsent, useReferralPacket, useSendReferral, useStartProtection, useUpdatePacketList, useCaseShares, useShareCase, useEndShare, useSharedRecord, useAgreements, useRecordAgreement, useTerminateAgreement, useReturnAssessments, useRecordReturnAssessment, useCloseCase, useReopenCase, useIdentificationDecisions, useDecideIdentification, useJusticeRecords, useRecordJustice, useServiceDirectory, useUpdateServiceProvider, useCasePlan, useAddPlanItem, useUpdatePlanItem } from './lib/useCases';
export { reportsApi, useCaseFigures, useCaseFiguresCsv, useCorrectReport, useOpenReportCycle, usePeriodicReport, useReportCycle, useReportCycles, useReportDashboard, useReportExport, useReportExportFile, useStartReportExport, usePublicFigures, type ReportCycleSummary } from './lib/useReports';
