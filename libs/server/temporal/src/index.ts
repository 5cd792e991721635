export * from './lib/temporal.module';
export * from './lib/temporal-dev-server';
export * from './lib/workflow-bundle';
