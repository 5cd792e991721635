export { CalendarModule } from './lib/calendar.module';
export { HolidayEntity } from './lib/holiday.entity';
export { HolidaysRepository } from './lib/holidays.repository';
export { HolidaysService } from './lib/holidays.service';
export { WorkingCalendarService, type WorkingDayDeadline } from './lib/working-calendar.service';
export { addWorkingDays, endOfDayJakarta, isIsoDate, isWorkingDay, jakartaDate, MAX_WORKING_DAYS, workingDaysBetween, type HolidaySet } from './lib/working-days';
export { HOLIDAY_SEED, loadHolidays, syncHolidays, type HolidaySeedRow } from './lib/holiday-seed';
