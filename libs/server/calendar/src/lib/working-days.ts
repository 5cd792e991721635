/**
 * Working days on the Indonesian government calendar. A date is a calendar day in Asia/Jakarta (WIB,
 * UTC+7 all year: Indonesia has no daylight saving), written `YYYY-MM-DD`. Saturdays, Sundays and the
 * dates in the holiday set (national holidays and cuti bersama) are not working days.
 */

/** Calendar dates (`YYYY-MM-DD`) that are not working days besides weekends. */
export type HolidaySet = ReadonlySet<string>;

const DAY_MS = 86_400_000;
const WIB_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Refuse absurd spans rather than loop for ages (ten years of working days is far beyond any deadline). */
export const MAX_WORKING_DAYS = 2_600;

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(date: string, holidays: HolidaySet): boolean {
  return !isWeekend(toDayNumber(date)) && !holidays.has(date);
}

/**
 * The `n`-th working day after `startDate` (n > 0) or before it (n < 0); `startDate` itself is never
 * counted, so "5 working days from a Friday" is the next Friday in an ordinary week. n = 0 returns
 * `startDate` unchanged.
 */
export function addWorkingDays(startDate: string, n: number, holidays: HolidaySet): string {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) throw new RangeError(`working days must be a whole number up to ${MAX_WORKING_DAYS}: ${n}`);
  let day = toDayNumber(startDate);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (!isWeekend(day) && !holidays.has(fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/**
 * How many working days lie between `from` and `to`, counting the day arrived at and not the day left:
 * (from, to] going forward, [to, from) going backward (then negative). The inverse of
 * {@link addWorkingDays}: `workingDaysBetween(d, addWorkingDays(d, n, h), h) === n`.
 */
export function workingDaysBetween(from: string, to: string, holidays: HolidaySet): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [first, last, sign] = start <= end ? [start + 1, end, 1] : [end, start - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day++) if (!isWeekend(day) && !holidays.has(fromDayNumber(day))) count++;
  return sign * count;
}

/** The last second of `date` in Jakarta (23:59:59 WIB), as an instant: when a task due that day becomes overdue. */
export function endOfDayJakarta(date: string): Date {
  toDayNumber(date);
  return new Date(`${date}T23:59:59+07:00`);
}

/** The Jakarta calendar date of an instant. */
export function jakartaDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
