import { ariaDescribedByIds, type Registry } from '@rjsf/utils';
import { contextOf, errorsShown } from '../schema-form/formContext';

/** `aria-describedby` (description, errors, help) and `aria-invalid` once the field's errors are shown. */
export function widgetAria(id: string, rawErrors: readonly string[] | undefined, registry: Registry) {
  const invalid = Boolean(rawErrors?.length) && errorsShown(contextOf(registry), id);
  return { 'aria-describedby': ariaDescribedByIds(id), 'aria-invalid': invalid || undefined };
}
