export { TaskInboxPage } from './lib/inbox/TaskInboxPage';
export { TaskPage } from './lib/task/TaskPage';
export { taskPaths } from './lib/shared/paths';
export { TaskContextViewsProvider, type TaskContextView, type TaskContextViews } from './lib/task/taskContextViews';
export { CaseTaskFacts } from './lib/task/CaseTaskFacts';
export { TaskList } from './lib/inbox/TaskList';
export { InboxCount } from './lib/shared/InboxCount';
