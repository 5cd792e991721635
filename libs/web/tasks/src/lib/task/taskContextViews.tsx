import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { TaskContextKind } from '@gugus/contracts';
import type { TaskView } from '@gugus/web-data-access';
import type { FieldTarget } from '../shared/fieldPaths';

/**
 * How a process shows what its task context says (the meeting and its time, the plan section, …) on the
 * generic task page: a component per context `kind`, registered by the process's feature library where the
 * app puts the task page together. It renders its facts (a `<dl>` of `<div>`s with `<dt>`/`<dd>` pairs), or nothing.
 */
export type TaskContextView = ComponentType<{ view: TaskView }> & {
  /**
   * The view shows a revision's returned comments in place itself (e.g. beside the plan activities they
   * are anchored to, which are not fields of the task's form), so the page does not list them again.
   */
  showsReturnedComments?: boolean;
  /**
   * A hook giving the places of the process's own work a decision's comment can point at (e.g. a plan's
   * sections and activities, `/sections/<kind>/activities/<id>`), besides the fields of a reviewed form.
   */
  useCommentTargets?: (view: TaskView) => readonly FieldTarget[];
};
export type TaskContextViews = Partial<Record<TaskContextKind, TaskContextView>>;

const Views = createContext<TaskContextViews>({});

export function TaskContextViewsProvider({ views, children }: { views: TaskContextViews; children: ReactNode }) {
  return <Views.Provider value={views}>{children}</Views.Provider>;
}

/** The view registered for `kind`, if any process registered one. */
export function useTaskContextView(kind: TaskContextKind): TaskContextView | undefined {
  return useContext(Views)[kind];
}
