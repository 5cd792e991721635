export * from './lib/cases.module';
export * from './lib/case-code';
export * from './lib/cases.activities';
export * from './lib/cases.ports';
export * from './lib/cases.repository';
