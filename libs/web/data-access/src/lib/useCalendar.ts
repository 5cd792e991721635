import type { HolidayView } from '@gugus/contracts';
import { calendarApi } from './calendarApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** Holidays and cuti bersama of `year`, in date order. */
export function useHolidays(year: number | undefined): QueryState<HolidayView[]> {
  return useApiQuery(year ? `holidays:${year}` : undefined, (signal) => calendarApi.holidays(year ?? 0, signal));
}

export const usePutHoliday = () => useApiMutation(calendarApi.put);
/** Resolves with the removed date once the API confirmed it. */
export const useRemoveHoliday = () => useApiMutation(async (date: string) => {
  await calendarApi.remove(date);
  return date;
});
