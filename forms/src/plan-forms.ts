import type { FormDefinition, InvalidFixture, LibraryForm, OptionList } from './engine';

import subTaskForcesList from '../options/sub-task-forces.json';
import budgetSourcesList from '../options/budget-sources.json';
import activityStatusList from '../options/activity-status.json';
import indicatorUnitsList from '../options/indicator-units.json';
import meetingTypesList from '../options/meeting-types.json';
import oecdDacCriteriaList from '../options/oecd-dac-criteria.json';
import reviewDecisionsList from '../options/review-decisions.json';
import planningDocumentsList from '../options/planning-documents.json';
import agencyKindsList from '../options/agency-kinds.json';
import planCommentAnchorsList from '../options/plan-comment-anchors.json';
import planPauseReasonsList from '../options/plan-pause-reasons.json';
import planDecreeTypesList from '../options/plan-decree-types.json';
import planSignatoryCapacitiesList from '../options/plan-signatory-capacities.json';
import planFrequenciesList from '../options/plan-frequencies.json';
import planFundingBasesList from '../options/plan-funding-bases.json';
import planBudgetMilestonesList from '../options/plan-budget-milestones.json';
import budgetCostCategoriesList from '../options/budget-cost-categories.json';
import planActionPointStatusesList from '../options/plan-action-point-statuses.json';
import evaluationRatingsList from '../options/evaluation-ratings.json';
import performanceReportTypesList from '../options/performance-report-types.json';
import performanceReportScopesList from '../options/performance-report-scopes.json';

import poaSectionForm from '../library/poa-section/form.json';
import poaSectionValidWestJavaPrevention from '../library/poa-section/fixtures/valid-west-java-prevention.json';
import poaSectionValidWestJavaSocialRehabilitation from '../library/poa-section/fixtures/valid-west-java-social-rehabilitation.json';
import poaSectionValidWestJavaCooperation from '../library/poa-section/fixtures/valid-west-java-cooperation.json';
import poaSectionInvalidMissingSmartElements from '../library/poa-section/fixtures/invalid-missing-smart-elements.json';
import poaSectionInvalidLumpSumAndBadBudgetLines from '../library/poa-section/fixtures/invalid-lump-sum-and-bad-budget-lines.json';
import poaSectionInvalidPercentOver100AndBadTimeFrame from '../library/poa-section/fixtures/invalid-percent-over-100-and-bad-time-frame.json';
import poaSectionInvalidUnknownSubTfAndNoActivities from '../library/poa-section/fixtures/invalid-unknown-sub-tf-and-no-activities.json';

import legalReviewDecisionForm from '../library/legal-review-decision/form.json';
import legalReviewDecisionValidReturnedRound1 from '../library/legal-review-decision/fixtures/valid-returned-round-1.json';
import legalReviewDecisionValidApprovedRound3WithPauses from '../library/legal-review-decision/fixtures/valid-approved-round-3-with-pauses.json';
import legalReviewDecisionInvalidReturnedWithoutComments from '../library/legal-review-decision/fixtures/invalid-returned-without-comments.json';
import legalReviewDecisionInvalidCommentWithoutAnchorReference from '../library/legal-review-decision/fixtures/invalid-comment-without-anchor-reference.json';
import legalReviewDecisionInvalidPauseWithoutEvidence from '../library/legal-review-decision/fixtures/invalid-pause-without-evidence.json';

import endorsementDecreeForm from '../library/endorsement-decree/form.json';
import endorsementDecreeValidWestJava20262030 from '../library/endorsement-decree/fixtures/valid-west-java-2026-2030.json';
import endorsementDecreeValidRegencyRevision20292031 from '../library/endorsement-decree/fixtures/valid-regency-revision-2029-2031.json';
import endorsementDecreeInvalidFourYearPeriod from '../library/endorsement-decree/fixtures/invalid-four-year-period.json';
import endorsementDecreeInvalidMissingNumberBadDateNoSources from '../library/endorsement-decree/fixtures/invalid-missing-number-bad-date-no-sources.json';
import endorsementDecreeInvalidUnknownFrequencyDuplicateSource from '../library/endorsement-decree/fixtures/invalid-unknown-frequency-duplicate-source.json';

import agencyIntegrationForm from '../library/agency-integration/form.json';
import agencyIntegrationValidSocialAffairs2027 from '../library/agency-integration/fixtures/valid-social-affairs-2027.json';
import agencyIntegrationValidPoliceCentralBudget from '../library/agency-integration/fixtures/valid-police-central-budget.json';
import agencyIntegrationValidEducationPartlyFunded from '../library/agency-integration/fixtures/valid-education-partly-funded.json';
import agencyIntegrationInvalidRegionalWithoutIntegration from '../library/agency-integration/fixtures/invalid-regional-without-integration.json';
import agencyIntegrationInvalidCentralWithoutNote from '../library/agency-integration/fixtures/invalid-central-without-note.json';
import agencyIntegrationInvalidBadProposalValues from '../library/agency-integration/fixtures/invalid-bad-proposal-values.json';

import budgetApprovalForm from '../library/budget-approval/form.json';
import budgetApprovalValidWestJava2028 from '../library/budget-approval/fixtures/valid-west-java-2028.json';
import budgetApprovalInvalidApprovedWithoutAmount from '../library/budget-approval/fixtures/invalid-approved-without-amount.json';

import quarterlyActivityProgressForm from '../library/quarterly-activity-progress/form.json';
import quarterlyActivityProgressValidSocialAffairs2027Q2 from '../library/quarterly-activity-progress/fixtures/valid-social-affairs-2027-q2.json';
import quarterlyActivityProgressValidEducation2026Q4 from '../library/quarterly-activity-progress/fixtures/valid-education-2026-q4.json';
import quarterlyActivityProgressValidSecretariatFinalQuarter from '../library/quarterly-activity-progress/fixtures/valid-secretariat-final-quarter.json';
import quarterlyActivityProgressInvalidOffTrackWithoutConstraints from '../library/quarterly-activity-progress/fixtures/invalid-off-track-without-constraints.json';
import quarterlyActivityProgressInvalidBadQuarterNegativeSpending from '../library/quarterly-activity-progress/fixtures/invalid-bad-quarter-negative-spending.json';
import quarterlyActivityProgressInvalidUnknownStatusNoAgency from '../library/quarterly-activity-progress/fixtures/invalid-unknown-status-no-agency.json';

import meetingMinutesForm from '../library/meeting-minutes/form.json';
import meetingMinutesValidPlenary202609 from '../library/meeting-minutes/fixtures/valid-plenary-2026-09.json';
import meetingMinutesValidHealthSubTf from '../library/meeting-minutes/fixtures/valid-health-sub-tf.json';
import meetingMinutesValidSpecialReturnees from '../library/meeting-minutes/fixtures/valid-special-returnees.json';
import meetingMinutesInvalidActionPointWithoutOwnerOrDueDate from '../library/meeting-minutes/fixtures/invalid-action-point-without-owner-or-due-date.json';
import meetingMinutesInvalidSubTfMeetingWithoutSubTf from '../library/meeting-minutes/fixtures/invalid-sub-tf-meeting-without-sub-tf.json';
import meetingMinutesInvalidSpecialMeetingWithoutMatter from '../library/meeting-minutes/fixtures/invalid-special-meeting-without-matter.json';

import annualEvaluationForm from '../library/annual-evaluation/form.json';
import annualEvaluationValidWestJava2027 from '../library/annual-evaluation/fixtures/valid-west-java-2027.json';
import annualEvaluationValidRegencyMinimal from '../library/annual-evaluation/fixtures/valid-regency-minimal.json';
import annualEvaluationInvalidMissingCriterionBadRating from '../library/annual-evaluation/fixtures/invalid-missing-criterion-bad-rating.json';
import annualEvaluationInvalidNoRecommendationsNoFindings from '../library/annual-evaluation/fixtures/invalid-no-recommendations-no-findings.json';

import annualPerformanceReportForm from '../library/annual-performance-report/form.json';
import annualPerformanceReportValidSocialRehabilitation2027 from '../library/annual-performance-report/fixtures/valid-social-rehabilitation-2027.json';
import annualPerformanceReportValidWestJavaCompiled2027 from '../library/annual-performance-report/fixtures/valid-west-java-compiled-2027.json';
import annualPerformanceReportValidEndOfPeriod20272031 from '../library/annual-performance-report/fixtures/valid-end-of-period-2027-2031.json';
import annualPerformanceReportInvalidSubTfWithoutSubTfAndYear from '../library/annual-performance-report/fixtures/invalid-sub-tf-without-sub-tf-and-year.json';
import annualPerformanceReportInvalidEndOfPeriodBadValues from '../library/annual-performance-report/fixtures/invalid-end-of-period-bad-values.json';

import performanceReportPlenaryForm from '../library/performance-report-plenary/form.json';
import performanceReportPlenaryValidWestJava2028 from '../library/performance-report-plenary/fixtures/valid-west-java-2028-plenary.json';
import performanceReportPlenaryValidMinimal from '../library/performance-report-plenary/fixtures/valid-minimal.json';
import performanceReportPlenaryInvalidNoMinutesBadDate from '../library/performance-report-plenary/fixtures/invalid-no-minutes-bad-date.json';

import performanceReportReleaseForm from '../library/performance-report-release/form.json';
import performanceReportReleaseValidWestJava2028 from '../library/performance-report-release/fixtures/valid-west-java-2028.json';
import performanceReportReleaseValidNotYetPublished from '../library/performance-report-release/fixtures/valid-not-yet-published.json';
import performanceReportReleaseInvalidPublishedWithoutDate from '../library/performance-report-release/fixtures/invalid-published-without-date.json';
import performanceReportReleaseInvalidUnpublishedWithoutReason from '../library/performance-report-release/fixtures/invalid-unpublished-without-reason.json';

/** JSON modules are typed by their contents; the library spec checks their shape at test time. */
function libraryForm(definition: unknown, valid: Record<string, unknown>, invalid: Record<string, unknown>): LibraryForm {
  return { definition: definition as FormDefinition, valid, invalid: invalid as Record<string, InvalidFixture> };
}

/** Plan of action, meeting and reporting forms (PRODUCT.md §3.1, §3.3). */
export const PLAN_FORMS: LibraryForm[] = [
  libraryForm(
    poaSectionForm,
    {
      'west-java-prevention': poaSectionValidWestJavaPrevention,
      'west-java-social-rehabilitation': poaSectionValidWestJavaSocialRehabilitation,
      'west-java-cooperation': poaSectionValidWestJavaCooperation,
    },
    {
      'missing-smart-elements': poaSectionInvalidMissingSmartElements,
      'lump-sum-and-bad-budget-lines': poaSectionInvalidLumpSumAndBadBudgetLines,
      'percent-over-100-and-bad-time-frame': poaSectionInvalidPercentOver100AndBadTimeFrame,
      'unknown-sub-tf-and-no-activities': poaSectionInvalidUnknownSubTfAndNoActivities,
    },
  ),
  libraryForm(
    legalReviewDecisionForm,
    {
      'returned-round-1': legalReviewDecisionValidReturnedRound1,
      'approved-round-3-with-pauses': legalReviewDecisionValidApprovedRound3WithPauses,
    },
    {
      'returned-without-comments': legalReviewDecisionInvalidReturnedWithoutComments,
      'comment-without-anchor-reference': legalReviewDecisionInvalidCommentWithoutAnchorReference,
      'pause-without-evidence': legalReviewDecisionInvalidPauseWithoutEvidence,
    },
  ),
  libraryForm(
    endorsementDecreeForm,
    {
      'west-java-2026-2030': endorsementDecreeValidWestJava20262030,
      'regency-revision-2029-2031': endorsementDecreeValidRegencyRevision20292031,
    },
    {
      'four-year-period': endorsementDecreeInvalidFourYearPeriod,
      'missing-number-bad-date-no-sources': endorsementDecreeInvalidMissingNumberBadDateNoSources,
      'unknown-frequency-duplicate-source': endorsementDecreeInvalidUnknownFrequencyDuplicateSource,
    },
  ),
  libraryForm(
    agencyIntegrationForm,
    {
      'social-affairs-2027': agencyIntegrationValidSocialAffairs2027,
      'police-central-budget': agencyIntegrationValidPoliceCentralBudget,
      'education-partly-funded': agencyIntegrationValidEducationPartlyFunded,
    },
    {
      'regional-without-integration': agencyIntegrationInvalidRegionalWithoutIntegration,
      'central-without-note': agencyIntegrationInvalidCentralWithoutNote,
      'bad-proposal-values': agencyIntegrationInvalidBadProposalValues,
    },
  ),
  libraryForm(budgetApprovalForm, { 'west-java-2028': budgetApprovalValidWestJava2028 }, { 'approved-without-amount': budgetApprovalInvalidApprovedWithoutAmount }),
  libraryForm(
    quarterlyActivityProgressForm,
    {
      'social-affairs-2027-q2': quarterlyActivityProgressValidSocialAffairs2027Q2,
      'education-2026-q4': quarterlyActivityProgressValidEducation2026Q4,
      'secretariat-final-quarter': quarterlyActivityProgressValidSecretariatFinalQuarter,
    },
    {
      'off-track-without-constraints': quarterlyActivityProgressInvalidOffTrackWithoutConstraints,
      'bad-quarter-negative-spending': quarterlyActivityProgressInvalidBadQuarterNegativeSpending,
      'unknown-status-no-agency': quarterlyActivityProgressInvalidUnknownStatusNoAgency,
    },
  ),
  libraryForm(
    meetingMinutesForm,
    {
      'plenary-2026-09': meetingMinutesValidPlenary202609,
      'health-sub-tf': meetingMinutesValidHealthSubTf,
      'special-returnees': meetingMinutesValidSpecialReturnees,
    },
    {
      'action-point-without-owner-or-due-date': meetingMinutesInvalidActionPointWithoutOwnerOrDueDate,
      'sub-tf-meeting-without-sub-tf': meetingMinutesInvalidSubTfMeetingWithoutSubTf,
      'special-meeting-without-matter': meetingMinutesInvalidSpecialMeetingWithoutMatter,
    },
  ),
  libraryForm(
    annualEvaluationForm,
    { 'west-java-2027': annualEvaluationValidWestJava2027, 'regency-minimal': annualEvaluationValidRegencyMinimal },
    { 'missing-criterion-bad-rating': annualEvaluationInvalidMissingCriterionBadRating, 'no-recommendations-no-findings': annualEvaluationInvalidNoRecommendationsNoFindings },
  ),
  libraryForm(
    annualPerformanceReportForm,
    {
      'social-rehabilitation-2027': annualPerformanceReportValidSocialRehabilitation2027,
      'west-java-compiled-2027': annualPerformanceReportValidWestJavaCompiled2027,
      'end-of-period-2027-2031': annualPerformanceReportValidEndOfPeriod20272031,
    },
    { 'sub-tf-without-sub-tf-and-year': annualPerformanceReportInvalidSubTfWithoutSubTfAndYear, 'end-of-period-bad-values': annualPerformanceReportInvalidEndOfPeriodBadValues },
  ),
  libraryForm(
    performanceReportPlenaryForm,
    { 'west-java-2028-plenary': performanceReportPlenaryValidWestJava2028, minimal: performanceReportPlenaryValidMinimal },
    { 'no-minutes-bad-date': performanceReportPlenaryInvalidNoMinutesBadDate },
  ),
  libraryForm(
    performanceReportReleaseForm,
    { 'west-java-2028': performanceReportReleaseValidWestJava2028, 'not-yet-published': performanceReportReleaseValidNotYetPublished },
    { 'published-without-date': performanceReportReleaseInvalidPublishedWithoutDate, 'unpublished-without-reason': performanceReportReleaseInvalidUnpublishedWithoutReason },
  ),
];

/** Option lists the plan forms use. */
export const PLAN_OPTION_LISTS: OptionList[] = [
  subTaskForcesList,
  budgetSourcesList,
  budgetCostCategoriesList,
  activityStatusList,
  indicatorUnitsList,
  meetingTypesList,
  oecdDacCriteriaList,
  reviewDecisionsList,
  planningDocumentsList,
  agencyKindsList,
  planCommentAnchorsList,
  planPauseReasonsList,
  planDecreeTypesList,
  planSignatoryCapacitiesList,
  planFrequenciesList,
  planFundingBasesList,
  planBudgetMilestonesList,
  planActionPointStatusesList,
  evaluationRatingsList,
  performanceReportTypesList,
  performanceReportScopesList,
];
