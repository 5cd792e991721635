export * from './engines';
export * from './env';
export * from './services';
export * from './browser';
export * from './auth';
export * from './time-skipping';
export * from './workflow-worker';
