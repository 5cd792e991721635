export * from './lib/domain-error';
export * from './lib/error-status';
export * from './lib/http-exception.filter';
export * from './lib/logging.module';
export * from './lib/configure-http-app';
export * from './lib/validation';
export * from './lib/params';
