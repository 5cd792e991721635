export * from './coordination-meeting.workflow';
export * from './meeting.messages';
export type * from './meeting.activities';
