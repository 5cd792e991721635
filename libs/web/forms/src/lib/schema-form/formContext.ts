import { getUiOptions, type Registry, type UiSchema } from '@rjsf/utils';

/** What the wrapper tells its templates and widgets (rjsf `formContext`). */
export interface SchemaFormContext {
  /** The jurisdiction the form is filled in for: the agency picker lists its agencies. */
  jurisdictionCode?: string;
  /** After a submit attempt (or with server errors) every error shows; before, only those of touched fields. */
  showAllErrors: boolean;
  /** Ids of fields the person has changed or left. */
  touched: readonly string[];
  /** The form's id prefix, to link the error summary to fields. */
  idPrefix: string;
  /** "3 fields need fixing", in the reader's language. */
  summaryTitle: (count: number) => string;
}

export function contextOf(registry: Registry): SchemaFormContext {
  return registry.formContext as SchemaFormContext;
}

/** Whether the errors of field `id` are shown yet (a group counts as touched when one of its parts is). */
export function errorsShown(context: SchemaFormContext, id: string): boolean {
  return context.showAllErrors || context.touched.some((t) => t === id || t.startsWith(`${id}_`));
}

/** The uiSchema option the wrapper sets on conditional fields whose condition does not hold. */
export const INAPPLICABLE_OPTION = 'gugusInapplicable';

export function isInapplicable(uiSchema: UiSchema | undefined): boolean {
  return getUiOptions(uiSchema)[INAPPLICABLE_OPTION] === true;
}

/** Widgets that render several controls: their field is a fieldset with a legend, not a label. */
export const GROUP_WIDGETS: ReadonlySet<string> = new Set(['radio', 'checkboxes', 'region-picker', 'multi-select-search']);
