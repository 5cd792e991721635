export { AgenciesPage } from './lib/agencies/AgenciesPage';
export { AgencyPage } from './lib/agencies/AgencyPage';
export { MyAgenciesRedirect } from './lib/agencies/MyAgenciesRedirect';
export { AuditPage } from './lib/audit/AuditPage';
export { JurisdictionPage } from './lib/jurisdictions/JurisdictionPage';
export { JurisdictionsPage } from './lib/jurisdictions/JurisdictionsPage';
export { PositionPage } from './lib/positions/PositionPage';
export { adminPaths } from './lib/shared/paths';
