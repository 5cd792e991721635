export * from './lib/system-check.module';
export * from './lib/system-check.activities';
export * from './lib/system-check.repository';
export * from './lib/system-check.entity';
