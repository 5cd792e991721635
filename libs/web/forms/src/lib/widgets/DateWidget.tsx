import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import type { FormData } from '../schema-form/validator';
import { widgetAria } from './widgetAria';

/**
 * A calendar date as `YYYY-MM-DD` (JSON Schema `format: date`), with the browser's date picker; read-only,
 * it reads as "20 Mei 2031" in the interface language, whatever the browser's locale (a dash when empty).
 */
export function DateWidget({ id, htmlName, value, required, disabled, readonly, autofocus, options, rawErrors, registry, onChange, onBlur, onFocus }: WidgetProps<FormData, RJSFSchema>) {
  const { language } = useLanguage();
  if (readonly) {
    // Unanswered reads as a dash, not as the browser's empty "mm/dd/yyyy" picker.
    const shown = typeof value === 'string' && value ? formatDate(value, language) : '—';
    return <input type="text" id={id} name={htmlName || id} className="gu-input gu-sf__date" value={shown} readOnly {...widgetAria(id, rawErrors, registry)} />;
  }
  return (
    <input
      type="date"
      id={id}
      name={htmlName || id}
      className="gu-input gu-sf__date"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
      {...widgetAria(id, rawErrors, registry)}
    />
  );
}
