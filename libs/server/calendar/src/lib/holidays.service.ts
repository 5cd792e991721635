import { Injectable } from '@nestjs/common';
import { ErrorCode, NATIONAL_CODE, type HolidayInput, type HolidayView } from '@gugus/contracts';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';
import { toHolidayView } from './holidays.mapper';
import { HolidaysRepository } from './holidays.repository';
import { WorkingCalendarService } from './working-calendar.service';
import { jakartaDate } from './working-days';

/** The holiday calendar as administrators keep it: one national list, every change audited. */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly repo: HolidaysRepository,
    private readonly calendar: WorkingCalendarService,
    private readonly audit: AuditService,
  ) {}

  /** Holidays and cuti bersama of `year` (default: this year in Jakarta), in date order. */
  async list(year?: number): Promise<HolidayView[]> {
    return (await this.repo.listYear(year ?? Number(jakartaDate(new Date()).slice(0, 4)))).map(toHolidayView);
  }

  /** Adds the date, or changes its kind and names. */
  async put(user: AuthUser, date: string, input: HolidayInput): Promise<HolidayView> {
    const saved = await this.repo.transaction(async (tx) => {
      const before = await this.repo.find(date, tx);
      const row = await this.repo.upsert({ date, kind: input.kind, nameId: input.nameId.trim(), nameEn: input.nameEn.trim(), source: input.source?.trim() ?? before?.source ?? '', createdBy: user.personId }, tx);
      await this.audit.record(
        {
          actorId: user.personId,
          action: before ? 'holiday.update' : 'holiday.create',
          targetType: 'holiday',
          targetId: date,
          jurisdictionCode: NATIONAL_CODE,
          requestId: user.requestId ?? null,
          before: before ? toHolidayView(before) : undefined,
          after: toHolidayView(row),
        },
        tx,
      );
      return row;
    });
    this.calendar.invalidate();
    return toHolidayView(saved);
  }

  /** Makes the date a working day again (unless it is a weekend). */
  async remove(user: AuthUser, date: string): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const before = await this.repo.find(date, tx);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, { id: `Tanggal ${date} tidak ada di kalender libur.`, en: `${date} is not in the holiday calendar.` });
      await this.repo.remove(date, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'holiday.delete', targetType: 'holiday', targetId: date, jurisdictionCode: NATIONAL_CODE, requestId: user.requestId ?? null, before: toHolidayView(before) },
        tx,
      );
    });
    this.calendar.invalidate();
  }
}
