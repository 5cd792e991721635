import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { HolidayEntity } from './holiday.entity';
import { HolidaysController } from './holidays.controller';
import { HolidaysRepository } from './holidays.repository';
import { HolidaysService } from './holidays.service';
import { WorkingCalendarService } from './working-calendar.service';

/** The working-day calendar: holidays kept by administrators, and due dates computed on it. */
@Module({
  imports: [TypeOrmModule.forFeature([HolidayEntity]), AuditModule],
  controllers: [HolidaysController],
  providers: [HolidaysRepository, HolidaysService, WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class CalendarModule {}
