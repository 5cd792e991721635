export * from './lib/plans.module';
export * from './lib/plans.repository';
export * from './lib/plans.activities';
