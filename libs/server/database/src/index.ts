export * from './lib/data-source-options';
export * from './lib/database.module';
export * from './lib/run-migrations';
export * from './lib/embedded-postgres';
export * from './lib/port-check';
export * from './lib/app-role';
