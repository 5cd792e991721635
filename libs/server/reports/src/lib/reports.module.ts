import { Module, type Provider } from '@nestjs/common';
import { AuditModule } from '@gugus/server-audit';
import { CalendarModule } from '@gugus/server-calendar';
import { ProcessSettingsModule, ProcessSettingsService } from '@gugus/server-process-settings';
import { NotificationsModule } from '@gugus/server-notifications';
import { TasksModule } from '@gugus/server-tasks';
import { CaseFiguresController } from './case-figures.controller';
import { CaseFiguresService } from './case-figures.service';
import { REPORT_SETTINGS } from './periodic-report.activities';
import { PeriodicReportsController } from './periodic-reports.controller';
import { PeriodicReportsRepository } from './periodic-reports.repository';
import { PeriodicReportsService } from './periodic-reports.service';
import { PublicFiguresController } from './public-figures.controller';
import { PublicFiguresService } from './public-figures.service';
import { ReportDashboardService } from './report-dashboard.service';
import { ReportExportsService } from './report-exports.service';
import { ReportScheduleService } from './report-schedule.service';

const settingsSource: Provider = { provide: REPORT_SETTINGS, useExisting: ProcessSettingsService };

/** Reports (issue 12): a quarter's case figures, and the periodic report cycles up the hierarchy with their quarterly Schedule. */
@Module({
  imports: [AuditModule, TasksModule, ProcessSettingsModule, CalendarModule, NotificationsModule],
  controllers: [CaseFiguresController, PeriodicReportsController, PublicFiguresController],
  providers: [CaseFiguresService, PeriodicReportsRepository, PeriodicReportsService, ReportDashboardService, ReportExportsService, ReportScheduleService, PublicFiguresService, settingsSource],
})
export class ReportsModule {}

/** Worker side: what the report cycle's activities need. */
@Module({
  imports: [ProcessSettingsModule],
  providers: [PeriodicReportsRepository, settingsSource],
  exports: [PeriodicReportsRepository, REPORT_SETTINGS],
})
export class ReportsActivitiesModule {}
