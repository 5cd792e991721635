import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { TaskContextKind } from '@gugus/contracts';
import type { TaskView } from '@gugus/web-data-access';

/**
 * How a process shows what its task context says (the meeting and its time, the plan section, …) on the
 * generic task page: a component per context `kind`, registered by the process's feature library where the
 * app puts the task page together. It renders `<div>`s of `<dt>`/`<dd>` pairs, or nothing.
 */
export type TaskContextView = ComponentType<{ view: TaskView }>;
export type TaskContextViews = Partial<Record<TaskContextKind, TaskContextView>>;

const Views = createContext<TaskContextViews>({});

export function TaskContextViewsProvider({ views, children }: { views: TaskContextViews; children: ReactNode }) {
  return <Views.Provider value={views}>{children}</Views.Provider>;
}

/** The view registered for `kind`, if any process registered one. */
export function useTaskContextView(kind: TaskContextKind): TaskContextView | undefined {
  return useContext(Views)[kind];
}
