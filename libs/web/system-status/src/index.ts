export { SystemStatusPage } from './lib/SystemStatusPage';
