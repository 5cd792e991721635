export * from './lib/audit.module';
export * from './lib/audit.service';
export * from './lib/audit.repository';
export * from './lib/audit-entry.entity';
export * from './lib/audit-hash';
export * from './lib/audit.mapper';
export * from './lib/verify-audit-chain';
