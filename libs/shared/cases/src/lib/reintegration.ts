// Reintegration and closure (PRODUCT.md §3.2 step 10; seed 004 L181-185): follow-up visits count in
// calendar months from the day the person was reunified or returned (Asia/Jakarta), and a child's case
// is followed for at least two years before it can close as "regained control".

import { civilFromDays, daysFromCivil, jakartaDayOfMs } from './civil-calendar';

const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/** The months after reunification a child is followed at least. */
export const CHILD_FOLLOW_UP_MONTHS = 24;

const daysInMonth = (y: number, m: number) => daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toMs(iso: string): number {
  const match = ISO_UTC.exec(iso);
  if (!match) throw new RangeError(`Bukan waktu ISO UTC / not an ISO UTC time: ${iso}`);
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number);
  const ms = Number((match[7] ?? '0').padEnd(3, '0'));
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

function toIso(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor(rest / 60_000) % 60)}:${pad(Math.floor(rest / 1000) % 60)}.${pad(rest % 1000, 3)}Z`;
}

/**
 * `iso` (as `toISOString` writes it) moved by `months` calendar months in Asia/Jakarta, at the same
 * time of day; a day the target month does not have becomes its last day (31 January + 1 month = 28 or
 * 29 February).
 */
export function addMonths(iso: string, months: number): string {
  const local = toMs(iso) + WIB_MS;
  const days = Math.floor(local / DAY_MS);
  const timeOfDay = local - days * DAY_MS;
  const [y, m, d] = civilFromDays(days);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return toIso(daysFromCivil(ty, tm, td) * DAY_MS + timeOfDay - WIB_MS);
}

/** The day (YYYY-MM-DD, Asia/Jakarta) of `iso`. */
export function jakartaDay(iso: string): string {
  return jakartaDayOfMs(toMs(iso));
}

/** The first day a child's case may close as "regained control": two years after reunification. */
export function earliestChildClosure(reunifiedAt: string): string {
  return jakartaDay(addMonths(reunifiedAt, CHILD_FOLLOW_UP_MONTHS));
}

/**
 * The follow-up months of a reintegration plan, as the process schedules them: whole months from 1,
 * each once, in order; for a child, month 24 is added when the plan stops short of it.
 */
export function followUpSchedule(months: unknown, child: boolean): number[] {
  const list = Array.isArray(months) ? months.filter((m): m is number => Number.isInteger(m) && m >= 1 && m <= 60) : [];
  const set = new Set(list.length ? list : [1, 3, 6, 12]);
  if (child && Math.max(...set) < CHILD_FOLLOW_UP_MONTHS) set.add(CHILD_FOLLOW_UP_MONTHS);
  return [...set].sort((a, b) => a - b);
}
