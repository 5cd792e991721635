export * from './lib/health.module';
export { APP_VERSION } from './lib/version';
