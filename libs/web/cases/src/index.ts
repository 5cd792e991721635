export { CasesPage } from './lib/list/CasesPage';
export { CasePage } from './lib/case/CasePage';
export { canReadCases } from './lib/grants';
export { casePaths } from './lib/paths';
export { PacketListsPage } from './lib/packet-lists/PacketListsPage';
export { AgreementsPage } from './lib/agreements/AgreementsPage';
export { ServiceDirectoryPage } from './lib/directory/ServiceDirectoryPage';
