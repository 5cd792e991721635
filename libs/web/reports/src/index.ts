// Monitoring and reporting screens (issue 12).
export { CaseFiguresPage } from './lib/CaseFiguresPage';
export { canReadReports, figureJurisdictions } from './lib/grants';
export { reportPaths } from './lib/paths';
