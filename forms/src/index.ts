import type { BilingualText, LibraryForm, OptionList } from './engine';
import { CASE_FORMS, CASE_OPTION_LISTS } from './case-forms';

export { CASE_RECORD_FORM_KEYS } from './case-forms';
import { PLAN_FORMS, PLAN_OPTION_LISTS } from './plan-forms';
import { MEETING_FORMS, MEETING_OPTION_LISTS } from './meeting-forms';

export * from './engine';

/** Every national form with its fixtures. */
export const FORM_LIBRARY: readonly LibraryForm[] = [...CASE_FORMS, ...PLAN_FORMS, ...MEETING_FORMS];

/** Every shared option list, by key. */
export const OPTION_LISTS: ReadonlyMap<string, OptionList> = new Map([...CASE_OPTION_LISTS, ...PLAN_OPTION_LISTS, ...MEETING_OPTION_LISTS].map((l) => [l.key, l]));

/** The labels of option list `key`'s codes, in both languages (empty for an unknown list). */
export function optionLabels(key: string): ReadonlyMap<string, BilingualText> {
  return new Map((OPTION_LISTS.get(key)?.options ?? []).map((o) => [o.code, o.label]));
}
