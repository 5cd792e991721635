export { TaskInboxPage } from './lib/inbox/TaskInboxPage';
export { TaskPage } from './lib/task/TaskPage';
export { taskPaths } from './lib/shared/paths';
