export * from './lib/temporal.module';
export * from './lib/temporal-dev-server';
export * from './lib/workflow-bundle';
export * from './lib/activity-failures';
export * from './lib/runtime-logger';
