import type { FormDefinition, InvalidFixture, LibraryForm, OptionList } from './engine';

import meetingModesList from '../options/meeting-modes.json';
import agendaItemPurposesList from '../options/agenda-item-purposes.json';
import rsvpResponsesList from '../options/rsvp-responses.json';
import actionPointStatusesList from '../options/action-point-statuses.json';

import meetingAgendaForm from '../library/meeting-agenda/form.json';
import meetingAgendaValidFirstWorkingGroupHybrid from '../library/meeting-agenda/fixtures/valid-first-working-group-hybrid.json';
import meetingAgendaValidHealthSubTfOnline from '../library/meeting-agenda/fixtures/valid-health-sub-tf-online.json';
import meetingAgendaValidPlenary202701 from '../library/meeting-agenda/fixtures/valid-plenary-2027-01.json';
import meetingAgendaInvalidAgendaItemRanges from '../library/meeting-agenda/fixtures/invalid-agenda-item-ranges.json';
import meetingAgendaInvalidHybridWithoutLinkAndBadTime from '../library/meeting-agenda/fixtures/invalid-hybrid-without-link-and-bad-time.json';
import meetingAgendaInvalidSubTfWithoutReviewReasonOrItems from '../library/meeting-agenda/fixtures/invalid-sub-tf-without-review-reason-or-items.json';

import meetingRsvpForm from '../library/meeting-rsvp/form.json';
import meetingRsvpValidAttendByDelegate from '../library/meeting-rsvp/fixtures/valid-attend-by-delegate.json';
import meetingRsvpValidAttend from '../library/meeting-rsvp/fixtures/valid-attend.json';
import meetingRsvpValidDecline from '../library/meeting-rsvp/fixtures/valid-decline.json';
import meetingRsvpInvalidAttendWithZeroAttendees from '../library/meeting-rsvp/fixtures/invalid-attend-with-zero-attendees.json';
import meetingRsvpInvalidAttendWithoutCount from '../library/meeting-rsvp/fixtures/invalid-attend-without-count.json';
import meetingRsvpInvalidDeclineWithoutReason from '../library/meeting-rsvp/fixtures/invalid-decline-without-reason.json';
import meetingRsvpInvalidDelegateWithoutNameOrPosition from '../library/meeting-rsvp/fixtures/invalid-delegate-without-name-or-position.json';
import meetingRsvpInvalidUnknownResponseWithoutAgency from '../library/meeting-rsvp/fixtures/invalid-unknown-response-without-agency.json';

import actionPointReportForm from '../library/action-point-report/form.json';
import actionPointReportValidBlockedNeedsSupport from '../library/action-point-report/fixtures/valid-blocked-needs-support.json';
import actionPointReportValidDoneWithEvidence from '../library/action-point-report/fixtures/valid-done-with-evidence.json';
import actionPointReportValidInProgress from '../library/action-point-report/fixtures/valid-in-progress.json';
import actionPointReportInvalidBlockedWithoutObstaclesOrSupport from '../library/action-point-report/fixtures/invalid-blocked-without-obstacles-or-support.json';
import actionPointReportInvalidDoneBadDateAndEvidence from '../library/action-point-report/fixtures/invalid-done-bad-date-and-evidence.json';
import actionPointReportInvalidDoneWithoutDateShortNarrative from '../library/action-point-report/fixtures/invalid-done-without-date-short-narrative.json';
import actionPointReportInvalidUnknownStatusSupportNotSaid from '../library/action-point-report/fixtures/invalid-unknown-status-support-not-said.json';

/** JSON modules are typed by their contents; the library spec checks their shape at test time. */
function libraryForm(definition: unknown, valid: Record<string, unknown>, invalid: Record<string, unknown>): LibraryForm {
  return { definition: definition as FormDefinition, valid, invalid: invalid as Record<string, InvalidFixture> };
}

/** Coordination meeting forms around the minutes: agenda, invitation replies, action point reports (PRODUCT.md §3.1 step 6). */
export const MEETING_FORMS: LibraryForm[] = [
  libraryForm(
    meetingAgendaForm,
    {
      'first-working-group-hybrid': meetingAgendaValidFirstWorkingGroupHybrid,
      'health-sub-tf-online': meetingAgendaValidHealthSubTfOnline,
      'plenary-2027-01': meetingAgendaValidPlenary202701,
    },
    {
      'agenda-item-ranges': meetingAgendaInvalidAgendaItemRanges,
      'hybrid-without-link-and-bad-time': meetingAgendaInvalidHybridWithoutLinkAndBadTime,
      'sub-tf-without-review-reason-or-items': meetingAgendaInvalidSubTfWithoutReviewReasonOrItems,
    },
  ),
  libraryForm(
    meetingRsvpForm,
    {
      'attend-by-delegate': meetingRsvpValidAttendByDelegate,
      'attend': meetingRsvpValidAttend,
      'decline': meetingRsvpValidDecline,
    },
    {
      'attend-with-zero-attendees': meetingRsvpInvalidAttendWithZeroAttendees,
      'attend-without-count': meetingRsvpInvalidAttendWithoutCount,
      'decline-without-reason': meetingRsvpInvalidDeclineWithoutReason,
      'delegate-without-name-or-position': meetingRsvpInvalidDelegateWithoutNameOrPosition,
      'unknown-response-without-agency': meetingRsvpInvalidUnknownResponseWithoutAgency,
    },
  ),
  libraryForm(
    actionPointReportForm,
    {
      'blocked-needs-support': actionPointReportValidBlockedNeedsSupport,
      'done-with-evidence': actionPointReportValidDoneWithEvidence,
      'in-progress': actionPointReportValidInProgress,
    },
    {
      'blocked-without-obstacles-or-support': actionPointReportInvalidBlockedWithoutObstaclesOrSupport,
      'done-bad-date-and-evidence': actionPointReportInvalidDoneBadDateAndEvidence,
      'done-without-date-short-narrative': actionPointReportInvalidDoneWithoutDateShortNarrative,
      'unknown-status-support-not-said': actionPointReportInvalidUnknownStatusSupportNotSaid,
    },
  ),
];

/** Option lists only the meeting forms use (they also use `meeting-types` and `sub-task-forces` from the plan forms). */
export const MEETING_OPTION_LISTS: OptionList[] = [
  meetingModesList,
  agendaItemPurposesList,
  rsvpResponsesList,
  actionPointStatusesList,
];
