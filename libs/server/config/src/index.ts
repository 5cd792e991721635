export * from './lib/server-config';
export * from './lib/devstack-config';
export * from './lib/load-config';
export * from './lib/config.module';
export * from './lib/keyring';
