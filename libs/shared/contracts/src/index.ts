export * from './lib/error-body';
export * from './lib/health';
export * from './lib/system-check';
export * from './lib/temporal';
