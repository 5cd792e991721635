export { MeetingsPage } from './lib/list/MeetingsPage';
export { MeetingPage } from './lib/meeting/MeetingPage';
export { canReadMeetings } from './lib/grants';
export { meetingPaths } from './lib/paths';
export { MeetingTaskFacts } from './lib/MeetingTaskFacts';
