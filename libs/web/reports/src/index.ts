// Monitoring and reporting screens (issue 12).
export { CaseFiguresPage } from './lib/CaseFiguresPage';
export { PeriodicReportsPage } from './lib/periodic/PeriodicReportsPage';
export { PeriodicReportPage } from './lib/periodic/PeriodicReportPage';
export { PublicFiguresPage } from './lib/PublicFiguresPage';
export { DashboardPage as ReportDashboardPage } from './lib/dashboard/DashboardPage';
export { ReportTaskFacts } from './lib/periodic/ReportTaskFacts';
export { canReadReports, figureJurisdictions } from './lib/grants';
export { reportPaths } from './lib/paths';
