import { meetingsApi, type MeetingCalendar, type MeetingView } from './meetingsApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** Meetings of a jurisdiction from a month ago to six months ahead (the API's default range). Idle while undefined. */
export function useMeetingCalendar(jurisdictionCode: string | undefined): QueryState<MeetingCalendar> {
  return useApiQuery(jurisdictionCode && `meetings:${jurisdictionCode}`, (signal) => meetingsApi.calendar(jurisdictionCode ?? '', {}, signal));
}

export function useMeeting(id: string | undefined): QueryState<MeetingView> {
  return useApiQuery(id && `meeting:${id}`, (signal) => meetingsApi.meeting(id ?? '', signal));
}

export const useScheduleMeeting = () => useApiMutation(meetingsApi.schedule);
export const useRescheduleMeeting = () => useApiMutation(meetingsApi.reschedule);
export const useCancelMeeting = () => useApiMutation(meetingsApi.cancel);
