import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { useLayoutEffect, useRef } from 'react';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import type { FormData } from '../schema-form/validator';
import { caretAfterDigits, parseRupiah } from './money';
import { widgetAria } from './widgetAria';

/** An amount in whole rupiah: shown as "Rp 1.250.000", stored as the integer 1250000. */
export function MoneyIdrWidget({ id, htmlName, value, required, disabled, readonly, autofocus, options, rawErrors, registry, onChange, onBlur, onFocus }: WidgetProps<FormData, RJSFSchema>) {
  const { language } = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | undefined>(undefined);
  const shown = typeof value === 'number' ? formatNumber(value, language) : '';

  // Thousands separators appear while typing; keep the caret next to the digit just typed.
  useLayoutEffect(() => {
    if (caret.current !== undefined && input.current && document.activeElement === input.current) {
      const at = caretAfterDigits(shown, caret.current);
      input.current.setSelectionRange(at, at);
    }
    caret.current = undefined;
  }, [shown]);

  return (
    <div className="gu-sf__money">
      <span className="gu-sf__money-prefix" aria-hidden="true">
        Rp
      </span>
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        id={id}
        name={htmlName || id}
        className="gu-input gu-sf__money-input"
        value={shown}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        onChange={(e) => {
          const text = e.target.value;
          caret.current = text.slice(0, e.target.selectionStart ?? text.length).replace(/\D/g, '').length;
          const amount = parseRupiah(text);
          onChange(amount === undefined ? options.emptyValue : amount);
        }}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
        {...widgetAria(id, rawErrors, registry)}
      />
    </div>
  );
}
