import { LOCALES, type Language } from './languages';

/** Task forces work in Western Indonesia Time; every timestamp is shown in it, whatever the device says. */
export const DISPLAY_TIME_ZONE = 'Asia/Jakarta';

/** Date and time in Asia/Jakarta for the language, e.g. "23 November 2025 pukul 14.05.12". */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: DISPLAY_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A whole number in the language's notation (thousands separators differ between id and en). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}
