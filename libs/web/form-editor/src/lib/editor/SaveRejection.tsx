import { useTranslation } from 'react-i18next';
import type { FieldError } from '@gugus/contracts';
import type { Language } from '@gugus/forms';
import type { OverlayErrorDetails } from '@gugus/web-data-access';
import { Alert } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';

export interface SaveRejectionProps {
  details: OverlayErrorDetails;
  /** `details.fields`: the API's message per field, in the reader's language. */
  fields: readonly FieldError[];
  rows: readonly FieldRow[];
  language: Language;
}

/** A 400 on saving: each refused part, naming the field and the rule, with the API's message. */
export function SaveRejection({ details, fields, rows, language }: SaveRejectionProps) {
  const { t } = useTranslation('formEditor');
  const rules = new Map((details.conflicts ?? []).map((c) => [c.path, c.rule]));
  const ruleText = (rule: string) => (t(`rules.${rule}` as 'rules.core-field', { defaultValue: rule }) as string);
  return (
    <Alert tone="error" title={t('save.rejected')} data-testid="save-rejected">
      <ul className="gu-fe__conflicts">
        {fields.map((f, i) => {
          const rule = rules.get(f.field);
          const label = rows.find((r) => r.path === f.field)?.label[language] ?? f.field;
          return (
            <li key={`${f.field}|${i}`} data-path={f.field} data-rule={rule}>
              <strong>{rule ? t('save.item', { field: label, rule: ruleText(rule) }) : label}</strong> <code className="gu-fe__code">{f.field}</code>: {f.message}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
