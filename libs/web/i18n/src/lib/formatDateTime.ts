import { LOCALES, type Language } from './languages';

/** Task forces work in Western Indonesia Time; every timestamp is shown in it, whatever the device says. */
export const DISPLAY_TIME_ZONE = 'Asia/Jakarta';

/** Date and time in Asia/Jakarta for the language, e.g. "23 November 2025 pukul 14.05.12" (or "… 14.05" without seconds). */
export function formatDateTime(iso: string, language: Language, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: DISPLAY_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: options.seconds === false ? undefined : '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A whole number in the language's notation (thousands separators differ between id and en). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** A calendar date ("2026-12-01" or a full ISO time) as "1 Desember 2026", read in Asia/Jakarta. */
export function formatDate(isoDate: string, language: Language): string {
  // A bare date is a calendar day, not an instant: pin it to midday in Jakarta so no time zone shifts it.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00+07:00` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: DISPLAY_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Compact date and time in Asia/Jakarta for tables, e.g. "23/11/2026 14.05.12". */
export function formatShortDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: DISPLAY_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Today's date in Asia/Jakarta as YYYY-MM-DD (the calendar the task forces work in). */
export function jakartaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
