export * from './lib/permissions';
export * from './lib/auth-user';
export * from './lib/coverage';
export * from './lib/ability';
export * from './lib/session-resolver';
export * from './lib/access.guard';
export * from './lib/access.module';
export * from './lib/passwords';
