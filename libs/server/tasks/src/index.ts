export * from './lib/tasks.module';
export * from './lib/tasks.repository';
export * from './lib/inbox-cursor';
export * from './lib/tasks.service';
export * from './lib/tasks.activities';
export * from './lib/tasks.ports';
export * from './lib/tasks.entities';
export * from './lib/legacy-sealer';
