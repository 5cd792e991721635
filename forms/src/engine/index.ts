export * from './types';
export * from './ajv';
export * from './resolve';
export * from './overlay';
export * from './submission';
export * from './sensitivity';
export * from './references';
export * from './safety';
