// The app's navigation bar needs only who may open the meetings and where they live: this entry keeps the
// meeting screens out of the app's first chunk (they load when a route opens them; issue 13).
export { canReadMeetings } from './lib/grants';
export { meetingPaths } from './lib/paths';
