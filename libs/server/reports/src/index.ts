// Monitoring and reporting (issue 12): aggregated figures computed from the case and plan records.
export { ReportsModule } from './lib/reports.module';
