import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { UiSchema } from '@gugus/forms';
import type { FormData } from './validator';

/** The rjsf field name that stands in for an answer the reader may not see. */
export const WITHHELD_FIELD = 'withheld';

/**
 * A copy of `uiSchema` where every withheld answer (JSON pointers from the API; array indexes apply to
 * the list's items) is drawn by {@link WithheldField}: a reader sees that the question exists and that
 * its answer is kept from them, not an empty field that reads as "not filled in".
 */
export function markWithheld(uiSchema: UiSchema, pointers: readonly string[]): UiSchema {
  if (!pointers.length) return uiSchema;
  const copy = structuredClone(uiSchema);
  for (const pointer of pointers) {
    let node = copy;
    for (const part of pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? 'items' : p.replace(/~1/g, '/').replace(/~0/g, '~')))) {
      if (!Object.hasOwn(node, part) || typeof node[part] !== 'object' || node[part] === null) Object.defineProperty(node, part, { value: {}, enumerable: true, writable: true, configurable: true });
      node = node[part] as UiSchema;
    }
    node['ui:field'] = WITHHELD_FIELD;
  }
  return copy;
}

/** The label of a question and a note that its answer is withheld (need to know). */
export function WithheldField({ schema, fieldPathId }: FieldProps<FormData, RJSFSchema>) {
  const { t } = useTranslation('forms');
  return (
    <div className="gu-sf__withheld" id={fieldPathId.$id} data-testid="field-withheld">
      {schema.title && <span className="gu-sf__withheld-label">{schema.title}</span>}
      <span className="gu-sf__withheld-note">{t('schemaForm.withheld')}</span>
    </div>
  );
}
