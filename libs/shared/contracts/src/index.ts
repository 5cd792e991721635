export * from './lib/error-body';
export * from './lib/health';
export * from './lib/system-check';
export * from './lib/temporal';
export * from './lib/access';
export * from './lib/jurisdiction';
export * from './lib/audit';
export * from './lib/orgs';
