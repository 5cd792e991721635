export * from './lib/aead';
export * from './lib/data-keys.repository';
export * from './lib/record-cipher';
export * from './lib/crypto.module';
export * from './lib/payload-codec';
