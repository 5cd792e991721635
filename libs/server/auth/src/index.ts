export * from './lib/auth.module';
export * from './lib/auth.service';
export { ClientAddress, clientAddress, RateLimit, type RateLimitKind } from './lib/rate-limit';
