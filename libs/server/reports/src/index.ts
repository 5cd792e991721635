// Monitoring and reporting (issue 12): aggregated figures computed from the case and plan records, and the periodic report cycles.
export { ReportsModule, ReportsActivitiesModule } from './lib/reports.module';
export { createReportActivities, REPORT_SETTINGS } from './lib/periodic-report.activities';
export { PeriodicReportsRepository } from './lib/periodic-reports.repository';
export { ensureReportSchedule } from './lib/report-schedule.service';
export { countCaseRecords, writeCaseRecords, type CaseRecordsQuery } from './lib/case-records-export';
