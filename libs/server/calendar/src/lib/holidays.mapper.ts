import type { HolidayView } from '@gugus/contracts';
import type { HolidayEntity } from './holiday.entity';

export const toHolidayView = (h: HolidayEntity): HolidayView => ({
  date: h.date,
  kind: h.kind,
  nameId: h.nameId,
  nameEn: h.nameEn,
  source: h.source,
  createdBy: h.createdBy,
  updatedAt: h.updatedAt.toISOString(),
});
