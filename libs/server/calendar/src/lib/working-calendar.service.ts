import { Injectable } from '@nestjs/common';
import { HolidaysRepository } from './holidays.repository';
import { addWorkingDays, endOfDayJakarta, jakartaDate, workingDaysBetween, type HolidaySet } from './working-days';

/** A deadline on the working-day calendar: the Jakarta date, and the instant it ends (23:59:59 WIB). */
export interface WorkingDayDeadline {
  date: string;
  dueAt: Date;
}

/**
 * Due dates in working days on the holiday calendar kept in the database. The holidays are cached per
 * process and reloaded when the table changed (checked with one small query, so an edit made through the
 * API is seen by the worker's next due date too).
 */
@Injectable()
export class WorkingCalendarService {
  private cache: { fingerprint: string; holidays: HolidaySet } | null = null;

  constructor(private readonly repo: HolidaysRepository) {}

  /** The dates that are not working days besides weekends. */
  async holidays(): Promise<HolidaySet> {
    const fingerprint = await this.repo.fingerprint();
    if (this.cache?.fingerprint !== fingerprint) this.cache = { fingerprint, holidays: new Set(await this.repo.allDates()) };
    return this.cache.holidays;
  }

  /** Forget the cached calendar (after an edit in this process). */
  invalidate(): void {
    this.cache = null;
  }

  /**
   * `n` working days after (n < 0: before) the Jakarta date of `from`, skipping weekends, national
   * holidays and cuti bersama; `dueAt` is the end of that day in Jakarta.
   */
  async addWorkingDays(from: Date, n: number): Promise<WorkingDayDeadline> {
    const date = addWorkingDays(jakartaDate(from), n, await this.holidays());
    return { date, dueAt: endOfDayJakarta(date) };
  }

  /** Working days from the Jakarta date of `from` to that of `to`, counting `to`'s day and not `from`'s (negative backwards). */
  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return workingDaysBetween(jakartaDate(from), jakartaDate(to), await this.holidays());
  }
}
