export * from './lib/meetings.module';
export * from './lib/meetings.repository';
export * from './lib/meetings.activities';
export * from './lib/meetings.ports';
