/** Western Indonesia Time is UTC+7 all year (no daylight saving). */
export const WIB_OFFSET = '+07:00';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A date and a WIB clock time as the ISO instant the API takes (`2026-12-15T09:00:00+07:00`); undefined if either is malformed. */
export function wibInstant(date: string, time: string): string | undefined {
  if (!DATE.test(date) || !TIME.test(time)) return undefined;
  const iso = `${date}T${time}:00${WIB_OFFSET}`;
  const ms = Date.parse(iso);
  // Date.parse rolls 30 February over into March: only a date that reads back the same is real.
  if (Number.isNaN(ms) || new Date(ms + 7 * 3600_000).toISOString().slice(0, 10) !== date) return undefined;
  return iso;
}

/** Splits meetings into upcoming (soonest first) and past (latest first) at `now`. */
export function splitByTime<T extends { scheduledAt: string }>(items: readonly T[], now: number): { upcoming: T[]; past: T[] } {
  const upcoming = items.filter((m) => Date.parse(m.scheduledAt) >= now).sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  const past = items.filter((m) => Date.parse(m.scheduledAt) < now).sort((a, b) => Date.parse(b.scheduledAt) - Date.parse(a.scheduledAt));
  return { upcoming, past };
}
