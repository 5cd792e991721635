import type { HolidayInput, HolidayView } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';

/** A change to one date of the working-day calendar. */
export interface HolidayChange extends HolidayInput {
  /** YYYY-MM-DD */
  date: string;
}

const seg = encodeURIComponent;

/** The working-day calendar: national holidays and cuti bersama (changes: system administrator only). */
export const calendarApi = {
  holidays: (year: number, signal?: AbortSignal) => apiClient.get<HolidayView[]>(withQuery('/holidays', { year }), { signal }),
  put: ({ date, ...input }: HolidayChange) => apiClient.put<HolidayView>(`/holidays/${seg(date)}`, input),
  remove: (date: string) => apiClient.delete(`/holidays/${seg(date)}`),
};
