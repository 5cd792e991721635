import { useLanguage } from '@gugus/web-i18n';
import { tasksApi, type InboxFilter, type TaskInbox, type TaskView } from './tasksApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** One page of the inbox for `filter`; asked again whenever the filter changes. Idle while undefined. */
export function useTaskInbox(filter: InboxFilter | undefined): QueryState<TaskInbox> {
  const key = filter && `task-inbox:${JSON.stringify(filter)}`;
  return useApiQuery(key, (signal) => tasksApi.inbox(filter ?? {}, signal));
}

/** The task page; its forms come back in the reader's language, so it is asked again when the language changes. */
export function useTask(id: string | undefined): QueryState<TaskView> {
  const { language } = useLanguage();
  return useApiQuery(id ? `task:${id}:${language}` : undefined, (signal) => tasksApi.task(id ?? '', signal));
}

export const useClaimTask = () => useApiMutation(tasksApi.claim);
export const useUnclaimTask = () => useApiMutation(tasksApi.unclaim);
export const useSaveTaskDraft = () => useApiMutation(tasksApi.saveDraft);
export const useDecideTask = () => useApiMutation(tasksApi.decide);
export const useReassignTask = () => useApiMutation(tasksApi.reassign);
export const useDelegateTask = () => useApiMutation(tasksApi.delegate);
