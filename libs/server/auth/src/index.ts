export * from './lib/auth.module';
export * from './lib/auth.service';
