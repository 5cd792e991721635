import type { FormDefinition, InvalidFixture, LibraryForm, OptionList } from './engine';

import exploitationTypesList from '../options/exploitation-types.json';
import exploitationSectorsList from '../options/exploitation-sectors.json';
import traffickingActionsList from '../options/trafficking-actions.json';
import traffickingMeansList from '../options/trafficking-means.json';
import referralSourcesList from '../options/referral-sources.json';
import servicesList from '../options/services.json';
import consentPurposesList from '../options/consent-purposes.json';
import sexList from '../options/sex.json';
import ageGroupsList from '../options/age-groups.json';
import screeningResultsList from '../options/screening-results.json';
import cooperationLevelsList from '../options/cooperation-levels.json';
import declineReasonsList from '../options/decline-reasons.json';
import caseDataCategoriesList from '../options/case-data-categories.json';
import reintegrationOptionsList from '../options/reintegration-options.json';
import closureReasonsList from '../options/closure-reasons.json';
import caseNationalityGroupsList from '../options/case-nationality-groups.json';
import caseTraffickingScopesList from '../options/case-trafficking-scopes.json';
import caseGeneralIndicatorsList from '../options/case-general-indicators.json';
import caseActionIndicatorsList from '../options/case-action-indicators.json';
import caseMeansIndicatorsList from '../options/case-means-indicators.json';
import caseSexualExploitationIndicatorsList from '../options/case-sexual-exploitation-indicators.json';
import caseLabourExploitationIndicatorsList from '../options/case-labour-exploitation-indicators.json';
import caseImmediateNeedsList from '../options/case-immediate-needs.json';
import caseIdDocumentTypesList from '../options/case-id-document-types.json';
import caseTriStateList from '../options/case-tri-state.json';
import caseConsentStatusesList from '../options/case-consent-statuses.json';
import caseConsentMethodsList from '../options/case-consent-methods.json';
import caseConsentGiversList from '../options/case-consent-givers.json';
import caseReferralUrgencyList from '../options/case-referral-urgency.json';
import caseReferralDecisionsList from '../options/case-referral-decisions.json';
import caseServiceOutcomesList from '../options/case-service-outcomes.json';
import caseMeetingModesList from '../options/case-meeting-modes.json';
import caseRiskLevelsList from '../options/case-risk-levels.json';
import caseReintegrationDestinationsList from '../options/case-reintegration-destinations.json';
import caseGuardianTypesList from '../options/case-guardian-types.json';
import caseChildReintegrationPhasesList from '../options/case-child-reintegration-phases.json';
import caseContactModesList from '../options/case-contact-modes.json';
import caseVisitStatusesList from '../options/case-visit-statuses.json';
import caseWellbeingLevelsList from '../options/case-wellbeing-levels.json';
import caseRetraffickingRiskFactorsList from '../options/case-retrafficking-risk-factors.json';
import caseRegainedControlCriteriaList from '../options/case-regained-control-criteria.json';
import caseFeedbackStatusesList from '../options/case-feedback-statuses.json';
import caseSatisfactionLevelsList from '../options/case-satisfaction-levels.json';
import caseFearOfReturnReasonsList from '../options/case-fear-of-return-reasons.json';
import caseReturnRecommendationsList from '../options/case-return-recommendations.json';
import caseJusticeStagesList from '../options/case-justice-stages.json';
import caseJusticeRolesList from '../options/case-justice-roles.json';
import caseJusticeChargesList from '../options/case-justice-charges.json';
import caseJusticeVerdictsList from '../options/case-justice-verdicts.json';
import casePostTrialProtectionList from '../options/case-post-trial-protection.json';
import caseIdentificationDecisionsList from '../options/case-identification-decisions.json';
import caseSupportAdjustmentsList from '../options/case-support-adjustments.json';
import casePlanStatusesList from '../options/case-plan-statuses.json';
import casePlanHorizonsList from '../options/case-plan-horizons.json';
import serviceTargetGroupsList from '../options/service-target-groups.json';
import victimScreening from '../library/victim-screening/form.json';
import victimScreeningValidAdultLabourPresumed from '../library/victim-screening/fixtures/valid-adult-labour-presumed.json';
import victimScreeningValidChildSexualNoMeans from '../library/victim-screening/fixtures/valid-child-sexual-no-means.json';
import victimScreeningValidForeignAdultReferWithInterpreter from '../library/victim-screening/fixtures/valid-foreign-adult-refer-with-interpreter.json';
import victimScreeningInvalidAdultWithoutMeans from '../library/victim-screening/fixtures/invalid-adult-without-means.json';
import victimScreeningInvalidPresumedWithoutElements from '../library/victim-screening/fixtures/invalid-presumed-without-elements.json';
import victimScreeningInvalidChildMissingProtectionAndLanguage from '../library/victim-screening/fixtures/invalid-child-missing-protection-and-language.json';
import caseIntake from '../library/case-intake/form.json';
import caseIntakeValidIndonesianAdult from '../library/case-intake/fixtures/valid-indonesian-adult.json';
import caseIntakeValidForeignChild from '../library/case-intake/fixtures/valid-foreign-child.json';
import caseIntakeValidNameWithheld from '../library/case-intake/fixtures/valid-name-withheld.json';
import caseIntakeInvalidForeignWithoutCountry from '../library/case-intake/fixtures/invalid-foreign-without-country.json';
import caseIntakeInvalidBadNikAndEmail from '../library/case-intake/fixtures/invalid-bad-nik-and-email.json';
import caseIntakeInvalidMissingNameAndBadRegion from '../library/case-intake/fixtures/invalid-missing-name-and-bad-region.json';
import consent from '../library/consent/form.json';
import consentValidAdultSeveralPurposes from '../library/consent/fixtures/valid-adult-several-purposes.json';
import consentValidChildByGuardianWithInterpreter from '../library/consent/fixtures/valid-child-by-guardian-with-interpreter.json';
import consentValidWithdrawalOfDataSharing from '../library/consent/fixtures/valid-withdrawal-of-data-sharing.json';
import consentInvalidSharingWithoutAgencyOrCategories from '../library/consent/fixtures/invalid-sharing-without-agency-or-categories.json';
import consentInvalidNotExplainedAndNoDecisions from '../library/consent/fixtures/invalid-not-explained-and-no-decisions.json';
import consentInvalidWithdrawnWithoutDate from '../library/consent/fixtures/invalid-withdrawn-without-date.json';
import consentInvalidGuardianWithoutChildViews from '../library/consent/fixtures/invalid-guardian-without-child-views.json';
import caseConference from '../library/case-conference/form.json';
import caseConferenceValidAdultShelterWithFollowUp from '../library/case-conference/fixtures/valid-adult-shelter-with-follow-up.json';
import caseConferenceValidChildNoFollowUp from '../library/case-conference/fixtures/valid-child-no-follow-up.json';
import caseConferenceInvalidNoActions from '../library/case-conference/fixtures/invalid-no-actions.json';
import caseConferenceInvalidFollowUpWithoutDate from '../library/case-conference/fixtures/invalid-follow-up-without-date.json';
import caseConferenceInvalidActionWithoutAgencyAndMissingAgendaItem from '../library/case-conference/fixtures/invalid-action-without-agency-and-missing-agenda-item.json';
import referral from '../library/referral/form.json';
import referralValidShelterWithinConsent from '../library/referral/fixtures/valid-shelter-within-consent.json';
import referralValidLegalAidCodeOnlyWithInterpreter from '../library/referral/fixtures/valid-legal-aid-code-only-with-interpreter.json';
import referralInvalidSharesBeyondConsent from '../library/referral/fixtures/invalid-shares-beyond-consent.json';
import referralInvalidMissingReasonAndUnknownService from '../library/referral/fixtures/invalid-missing-reason-and-unknown-service.json';
import referralInvalidBadAgencyAndNoConsentList from '../library/referral/fixtures/invalid-bad-agency-and-no-consent-list.json';
import referralResponse from '../library/referral-response/form.json';
import referralResponseValidAccepted from '../library/referral-response/fixtures/valid-accepted.json';
import referralResponseValidDeclinedNoCapacity from '../library/referral-response/fixtures/valid-declined-no-capacity.json';
import referralResponseInvalidDeclinedWithoutReason from '../library/referral-response/fixtures/invalid-declined-without-reason.json';
import referralResponseInvalidAcceptedWithoutStart from '../library/referral-response/fixtures/invalid-accepted-without-start.json';
import referralResponseInvalidUnknownDecision from '../library/referral-response/fixtures/invalid-unknown-decision.json';
import serviceOutcome from '../library/service-outcome/form.json';
import serviceOutcomeValidShelterCompleted from '../library/service-outcome/fixtures/valid-shelter-completed.json';
import serviceOutcomeValidMedicalDeclined from '../library/service-outcome/fixtures/valid-medical-declined.json';
import serviceOutcomeValidCounsellingOngoing from '../library/service-outcome/fixtures/valid-counselling-ongoing.json';
import serviceOutcomeInvalidCompletedWithoutEndDate from '../library/service-outcome/fixtures/invalid-completed-without-end-date.json';
import serviceOutcomeInvalidDeclinedWithoutNoteAndFollowUpMissing from '../library/service-outcome/fixtures/invalid-declined-without-note-and-follow-up-missing.json';
import serviceOutcomeInvalidNegativeCost from '../library/service-outcome/fixtures/invalid-negative-cost.json';
import reintegrationPlan from '../library/reintegration-plan/form.json';
import reintegrationPlanValidAdultBusinessAndTraining from '../library/reintegration-plan/fixtures/valid-adult-business-and-training.json';
import reintegrationPlanValidChildFamilyReunification from '../library/reintegration-plan/fixtures/valid-child-family-reunification.json';
import reintegrationPlanInvalidNotAgreedAndNoOptions from '../library/reintegration-plan/fixtures/invalid-not-agreed-and-no-options.json';
import reintegrationPlanInvalidChildWithoutPathAndShortFollowUp from '../library/reintegration-plan/fixtures/invalid-child-without-path-and-short-follow-up.json';
import reintegrationPlanInvalidTrainingWithoutAptitude from '../library/reintegration-plan/fixtures/invalid-training-without-aptitude.json';
import followUpVisit from '../library/follow-up-visit/form.json';
import followUpVisitValidMonth3Completed from '../library/follow-up-visit/fixtures/valid-month-3-completed.json';
import followUpVisitValidMonth12WithCheck from '../library/follow-up-visit/fixtures/valid-month-12-with-check.json';
import followUpVisitValidDeclinedVisit from '../library/follow-up-visit/fixtures/valid-declined-visit.json';
import followUpVisitInvalidMonth12WithoutCheck from '../library/follow-up-visit/fixtures/invalid-month-12-without-check.json';
import followUpVisitInvalidDeclinedWithoutNote from '../library/follow-up-visit/fixtures/invalid-declined-without-note.json';
import followUpVisitInvalidCompletedWithoutWellbeingAndVisitZero from '../library/follow-up-visit/fixtures/invalid-completed-without-wellbeing-and-visit-zero.json';
import caseClosure from '../library/case-closure/form.json';
import caseClosureValidAdultRegainedControl from '../library/case-closure/fixtures/valid-adult-regained-control.json';
import caseClosureValidChildRegainedControl from '../library/case-closure/fixtures/valid-child-regained-control.json';
import caseClosureValidDeclinedFurtherAssistance from '../library/case-closure/fixtures/valid-declined-further-assistance.json';
import caseClosureInvalidRegainedWithoutCriteria from '../library/case-closure/fixtures/invalid-regained-without-criteria.json';
import caseClosureInvalidChildClosedTooEarly from '../library/case-closure/fixtures/invalid-child-closed-too-early.json';
import caseClosureInvalidFeedbackGivenWithoutSatisfaction from '../library/case-closure/fixtures/invalid-feedback-given-without-satisfaction.json';
import reunificationRisk from '../library/reunification-risk/form.json';
import reunificationRiskValidAdultFamilyLowRisk from '../library/reunification-risk/fixtures/valid-adult-family-low-risk.json';
import reunificationRiskValidChildAlternativeCareFamilySuspected from '../library/reunification-risk/fixtures/valid-child-alternative-care-family-suspected.json';
import reunificationRiskInvalidChildHomeToSuspectedFamily from '../library/reunification-risk/fixtures/invalid-child-home-to-suspected-family.json';
import reunificationRiskInvalidHighRiskWithoutMeasures from '../library/reunification-risk/fixtures/invalid-high-risk-without-measures.json';
import returnAssessment from '../library/return-assessment/form.json';
import returnAssessmentValidSafeVoluntaryReturn from '../library/return-assessment/fixtures/valid-safe-voluntary-return.json';
import returnAssessmentValidFearOfReturn from '../library/return-assessment/fixtures/valid-fear-of-return.json';
import returnAssessmentInvalidReturnDespiteFear from '../library/return-assessment/fixtures/invalid-return-despite-fear.json';
import returnAssessmentInvalidFearWithoutReasons from '../library/return-assessment/fixtures/invalid-fear-without-reasons.json';
import justiceRecord from '../library/justice-record/form.json';
import justiceRecordValidConvictionWithRestitution from '../library/justice-record/fixtures/valid-conviction-with-restitution.json';
import justiceRecordValidUnderInvestigation from '../library/justice-record/fixtures/valid-under-investigation.json';
import justiceRecordInvalidVerdictStageWithoutVerdict from '../library/justice-record/fixtures/invalid-verdict-stage-without-verdict.json';
import justiceRecordInvalidNegativeRestitution from '../library/justice-record/fixtures/invalid-negative-restitution.json';
import identificationDecision from '../library/identification-decision/form.json';
import identificationDecisionValidVerifiedAfterInterview from '../library/identification-decision/fixtures/valid-verified-after-interview.json';
import identificationDecisionValidNotConfirmedSupportContinues from '../library/identification-decision/fixtures/valid-not-confirmed-support-continues.json';
import identificationDecisionInvalidNotConfirmedWithoutAdjustment from '../library/identification-decision/fixtures/invalid-not-confirmed-without-adjustment.json';
import identificationDecisionInvalidMissingRationale from '../library/identification-decision/fixtures/invalid-missing-rationale.json';
import quarterlyCaseReport from '../library/quarterly-case-report/form.json';
import quarterlyCaseReportValidRegencyQuarter from '../library/quarterly-case-report/fixtures/valid-regency-quarter.json';
import quarterlyCaseReportValidNilReport from '../library/quarterly-case-report/fixtures/valid-nil-report.json';
import quarterlyCaseReportInvalidNegativeCountAndBadQuarter from '../library/quarterly-case-report/fixtures/invalid-negative-count-and-bad-quarter.json';
import quarterlyCaseReportInvalidMissingProsecutionAndProvinceCode from '../library/quarterly-case-report/fixtures/invalid-missing-prosecution-and-province-code.json';
import quarterlyCaseReportInvalidFractionalAndMissingBreakdown from '../library/quarterly-case-report/fixtures/invalid-fractional-and-missing-breakdown.json';
import agencyReportPart from '../library/agency-report-part/form.json';
import agencyReportPartValidHealthOffice from '../library/agency-report-part/fixtures/valid-health-office.json';
import agencyReportPartValidNilPart from '../library/agency-report-part/fixtures/valid-nil-part.json';
import agencyReportPartInvalidNegativeAndMissingPrevention from '../library/agency-report-part/fixtures/invalid-negative-and-missing-prevention.json';
import agencyReportPartInvalidFractionalAndTooLong from '../library/agency-report-part/fixtures/invalid-fractional-and-too-long.json';

/** JSON imports are typed loosely (strings, not unions); the library spec checks their shape. */
function form(definition: unknown, valid: Record<string, unknown>, invalid: Record<string, unknown>): LibraryForm {
  return { definition: definition as FormDefinition, valid, invalid: invalid as Record<string, InvalidFixture> };
}

/** Victim identification, referral and case forms (PRODUCT.md §3.2, §3.3). */
export const CASE_FORMS: LibraryForm[] = [
  form(
    victimScreening,
    {
      'adult-labour-presumed': victimScreeningValidAdultLabourPresumed,
      'child-sexual-no-means': victimScreeningValidChildSexualNoMeans,
      'foreign-adult-refer-with-interpreter': victimScreeningValidForeignAdultReferWithInterpreter,
    },
    {
      'adult-without-means': victimScreeningInvalidAdultWithoutMeans,
      'presumed-without-elements': victimScreeningInvalidPresumedWithoutElements,
      'child-missing-protection-and-language': victimScreeningInvalidChildMissingProtectionAndLanguage,
    },
  ),
  form(
    caseIntake,
    {
      'indonesian-adult': caseIntakeValidIndonesianAdult,
      'foreign-child': caseIntakeValidForeignChild,
      'name-withheld': caseIntakeValidNameWithheld,
    },
    {
      'foreign-without-country': caseIntakeInvalidForeignWithoutCountry,
      'bad-nik-and-email': caseIntakeInvalidBadNikAndEmail,
      'missing-name-and-bad-region': caseIntakeInvalidMissingNameAndBadRegion,
    },
  ),
  form(
    consent,
    {
      'adult-several-purposes': consentValidAdultSeveralPurposes,
      'child-by-guardian-with-interpreter': consentValidChildByGuardianWithInterpreter,
      'withdrawal-of-data-sharing': consentValidWithdrawalOfDataSharing,
    },
    {
      'sharing-without-agency-or-categories': consentInvalidSharingWithoutAgencyOrCategories,
      'not-explained-and-no-decisions': consentInvalidNotExplainedAndNoDecisions,
      'withdrawn-without-date': consentInvalidWithdrawnWithoutDate,
      'guardian-without-child-views': consentInvalidGuardianWithoutChildViews,
    },
  ),
  form(
    caseConference,
    {
      'adult-shelter-with-follow-up': caseConferenceValidAdultShelterWithFollowUp,
      'child-no-follow-up': caseConferenceValidChildNoFollowUp,
    },
    {
      'no-actions': caseConferenceInvalidNoActions,
      'follow-up-without-date': caseConferenceInvalidFollowUpWithoutDate,
      'action-without-agency-and-missing-agenda-item': caseConferenceInvalidActionWithoutAgencyAndMissingAgendaItem,
    },
  ),
  form(
    referral,
    {
      'shelter-within-consent': referralValidShelterWithinConsent,
      'legal-aid-code-only-with-interpreter': referralValidLegalAidCodeOnlyWithInterpreter,
    },
    {
      'shares-beyond-consent': referralInvalidSharesBeyondConsent,
      'missing-reason-and-unknown-service': referralInvalidMissingReasonAndUnknownService,
      'bad-agency-and-no-consent-list': referralInvalidBadAgencyAndNoConsentList,
    },
  ),
  form(
    referralResponse,
    {
      accepted: referralResponseValidAccepted,
      'declined-no-capacity': referralResponseValidDeclinedNoCapacity,
    },
    {
      'declined-without-reason': referralResponseInvalidDeclinedWithoutReason,
      'accepted-without-start': referralResponseInvalidAcceptedWithoutStart,
      'unknown-decision': referralResponseInvalidUnknownDecision,
    },
  ),
  form(
    serviceOutcome,
    {
      'shelter-completed': serviceOutcomeValidShelterCompleted,
      'medical-declined': serviceOutcomeValidMedicalDeclined,
      'counselling-ongoing': serviceOutcomeValidCounsellingOngoing,
    },
    {
      'completed-without-end-date': serviceOutcomeInvalidCompletedWithoutEndDate,
      'declined-without-note-and-follow-up-missing': serviceOutcomeInvalidDeclinedWithoutNoteAndFollowUpMissing,
      'negative-cost': serviceOutcomeInvalidNegativeCost,
    },
  ),
  form(
    reintegrationPlan,
    {
      'adult-business-and-training': reintegrationPlanValidAdultBusinessAndTraining,
      'child-family-reunification': reintegrationPlanValidChildFamilyReunification,
    },
    {
      'not-agreed-and-no-options': reintegrationPlanInvalidNotAgreedAndNoOptions,
      'child-without-path-and-short-follow-up': reintegrationPlanInvalidChildWithoutPathAndShortFollowUp,
      'training-without-aptitude': reintegrationPlanInvalidTrainingWithoutAptitude,
    },
  ),
  form(
    followUpVisit,
    {
      'month-3-completed': followUpVisitValidMonth3Completed,
      'month-12-with-check': followUpVisitValidMonth12WithCheck,
      'declined-visit': followUpVisitValidDeclinedVisit,
    },
    {
      'month-12-without-check': followUpVisitInvalidMonth12WithoutCheck,
      'declined-without-note': followUpVisitInvalidDeclinedWithoutNote,
      'completed-without-wellbeing-and-visit-zero': followUpVisitInvalidCompletedWithoutWellbeingAndVisitZero,
    },
  ),
  form(
    caseClosure,
    {
      'adult-regained-control': caseClosureValidAdultRegainedControl,
      'child-regained-control': caseClosureValidChildRegainedControl,
      'declined-further-assistance': caseClosureValidDeclinedFurtherAssistance,
    },
    {
      'regained-without-criteria': caseClosureInvalidRegainedWithoutCriteria,
      'child-closed-too-early': caseClosureInvalidChildClosedTooEarly,
      'feedback-given-without-satisfaction': caseClosureInvalidFeedbackGivenWithoutSatisfaction,
    },
  ),
  form(
    reunificationRisk,
    {
      'adult-family-low-risk': reunificationRiskValidAdultFamilyLowRisk,
      'child-alternative-care-family-suspected': reunificationRiskValidChildAlternativeCareFamilySuspected,
    },
    {
      'child-home-to-suspected-family': reunificationRiskInvalidChildHomeToSuspectedFamily,
      'high-risk-without-measures': reunificationRiskInvalidHighRiskWithoutMeasures,
    },
  ),
  form(
    returnAssessment,
    {
      'safe-voluntary-return': returnAssessmentValidSafeVoluntaryReturn,
      'fear-of-return': returnAssessmentValidFearOfReturn,
    },
    {
      'return-despite-fear': returnAssessmentInvalidReturnDespiteFear,
      'fear-without-reasons': returnAssessmentInvalidFearWithoutReasons,
    },
  ),
  form(
    justiceRecord,
    {
      'conviction-with-restitution': justiceRecordValidConvictionWithRestitution,
      'under-investigation': justiceRecordValidUnderInvestigation,
    },
    {
      'verdict-stage-without-verdict': justiceRecordInvalidVerdictStageWithoutVerdict,
      'negative-restitution': justiceRecordInvalidNegativeRestitution,
    },
  ),
  form(
    identificationDecision,
    {
      'verified-after-interview': identificationDecisionValidVerifiedAfterInterview,
      'not-confirmed-support-continues': identificationDecisionValidNotConfirmedSupportContinues,
    },
    {
      'not-confirmed-without-adjustment': identificationDecisionInvalidNotConfirmedWithoutAdjustment,
      'missing-rationale': identificationDecisionInvalidMissingRationale,
    },
  ),
  form(
    quarterlyCaseReport,
    {
      'regency-quarter': quarterlyCaseReportValidRegencyQuarter,
      'nil-report': quarterlyCaseReportValidNilReport,
    },
    {
      'negative-count-and-bad-quarter': quarterlyCaseReportInvalidNegativeCountAndBadQuarter,
      'missing-prosecution-and-province-code': quarterlyCaseReportInvalidMissingProsecutionAndProvinceCode,
      'fractional-and-missing-breakdown': quarterlyCaseReportInvalidFractionalAndMissingBreakdown,
    },
  ),
  // A member agency's part of the regency/city report, sent to the focal point (seed 000 §4.8).
  form(
    agencyReportPart,
    { 'health-office': agencyReportPartValidHealthOffice, 'nil-part': agencyReportPartValidNilPart },
    { 'negative-and-missing-prevention': agencyReportPartInvalidNegativeAndMissingPrevention, 'fractional-and-too-long': agencyReportPartInvalidFractionalAndTooLong },
  ),
];

/**
 * The case forms whose answers are about one person: what a referral packet may draw on. Each of their
 * restricted and identifying fields has an `x-data-category` (library.spec.ts), so consent can cover it.
 * (The quarterly case report is aggregate counts, not a case record.)
 */
export const CASE_RECORD_FORM_KEYS: readonly string[] = [
  'victim-screening',
  'case-intake',
  'consent',
  'case-conference',
  'referral',
  'referral-response',
  'service-outcome',
  'reintegration-plan',
  'follow-up-visit',
  'case-closure',
  'return-assessment',
  'justice-record',
  'identification-decision',
];

/** Option lists of the case forms (`options/<key>.json`). */
export const CASE_OPTION_LISTS: OptionList[] = [
  exploitationTypesList,
  exploitationSectorsList,
  traffickingActionsList,
  traffickingMeansList,
  referralSourcesList,
  servicesList,
  consentPurposesList,
  sexList,
  ageGroupsList,
  screeningResultsList,
  cooperationLevelsList,
  declineReasonsList,
  caseDataCategoriesList,
  reintegrationOptionsList,
  closureReasonsList,
  caseNationalityGroupsList,
  caseTraffickingScopesList,
  caseGeneralIndicatorsList,
  caseActionIndicatorsList,
  caseMeansIndicatorsList,
  caseSexualExploitationIndicatorsList,
  caseLabourExploitationIndicatorsList,
  caseImmediateNeedsList,
  caseIdDocumentTypesList,
  caseTriStateList,
  caseConsentStatusesList,
  caseConsentMethodsList,
  caseConsentGiversList,
  caseReferralUrgencyList,
  caseReferralDecisionsList,
  caseServiceOutcomesList,
  caseMeetingModesList,
  caseRiskLevelsList,
  caseReintegrationDestinationsList,
  caseGuardianTypesList,
  caseChildReintegrationPhasesList,
  caseContactModesList,
  caseVisitStatusesList,
  caseWellbeingLevelsList,
  caseRetraffickingRiskFactorsList,
  caseRegainedControlCriteriaList,
  caseFeedbackStatusesList,
  caseSatisfactionLevelsList,
  caseFearOfReturnReasonsList,
  caseReturnRecommendationsList,
  caseJusticeStagesList,
  caseJusticeRolesList,
  caseJusticeChargesList,
  caseJusticeVerdictsList,
  casePostTrialProtectionList,
  caseIdentificationDecisionsList,
  caseSupportAdjustmentsList,
  casePlanStatusesList,
  casePlanHorizonsList,
  serviceTargetGroupsList,
];
