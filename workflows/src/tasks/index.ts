export * from './human-task';
export * from './task.messages';
export type * from './task.activities';
export * from './review-loop';
