import { getUiOptions, type Registry, type UiSchema } from '@rjsf/utils';
import { useSyncExternalStore } from 'react';
import type { TypingQueue } from './typing';

/**
 * The fields the person has changed or left. Kept out of rjsf's registry on purpose: a change there
 * re-renders every field of the form (tens of milliseconds at a few hundred fields, on the first keystroke
 * into each field), while a field becoming touched concerns only itself and its groups, whose templates and
 * widgets subscribe (`useErrorsShown`).
 */
export interface TouchedFields {
  /** Whether field `id`, or one of its parts (a group counts as touched when one of its parts is), is touched. */
  has(id: string): boolean;
  add(id: string): void;
  subscribe(listener: () => void): () => void;
}

export function createTouchedFields(): TouchedFields {
  // Every id a touched id counts for: itself and each of its groups ("root_a_b" → "root_a_b", "root_a", "root").
  const covered = new Set<string>();
  const listeners = new Set<() => void>();
  return {
    has: (id) => covered.has(id),
    add: (id) => {
      if (covered.has(id)) return;
      for (let end = id.length; end > 0; end = id.lastIndexOf('_', end - 1)) covered.add(id.slice(0, end));
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** What the wrapper tells its templates and widgets (rjsf `formContext`). */
export interface SchemaFormContext {
  /** The jurisdiction the form is filled in for: the agency picker lists its agencies. */
  jurisdictionCode?: string;
  /** Where the agency picker draws from, when more than `jurisdictionCode`. */
  agencyJurisdictions?: readonly string[];
  /** After a submit attempt (or with server errors) every error shows; before, only those of touched fields. */
  showAllErrors: boolean;
  /** Fields the person has changed or left. */
  touched: TouchedFields;
  /** The form's id prefix, to link the error summary to fields. */
  idPrefix: string;
  /** "3 fields need fixing", in the reader's language. */
  summaryTitle: (count: number) => string;
  /** Text typed and not yet handed to rjsf (typing.tsx); absent when the form is read-only. */
  typing?: TypingQueue;
}

export function contextOf(registry: Registry): SchemaFormContext {
  return registry.formContext as SchemaFormContext;
}

/** Whether the errors of field `id` are shown yet (a group counts as touched when one of its parts is). */
export function errorsShown(context: SchemaFormContext, id: string): boolean {
  return context.showAllErrors || context.touched.has(id);
}

/** `errorsShown`, re-rendering the calling template or widget when field `id` becomes touched. */
export function useErrorsShown(registry: Registry, id: string): boolean {
  const context = contextOf(registry);
  const touched = useSyncExternalStore(context.touched.subscribe, () => context.touched.has(id));
  return context.showAllErrors || touched;
}

/** The uiSchema option the wrapper sets on conditional fields whose condition does not hold. */
export const INAPPLICABLE_OPTION = 'gugusInapplicable';

export function isInapplicable(uiSchema: UiSchema | undefined): boolean {
  return getUiOptions(uiSchema)[INAPPLICABLE_OPTION] === true;
}

/** Widgets that render several controls: their field is a fieldset with a legend, not a label. */
export const GROUP_WIDGETS: ReadonlySet<string> = new Set(['radio', 'checkboxes', 'region-picker', 'multi-select-search']);
