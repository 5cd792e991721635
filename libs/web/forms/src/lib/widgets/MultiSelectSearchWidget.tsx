import { enumOptionsIsSelected, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormData } from '../schema-form/validator';
import { widgetAria } from './widgetAria';

/** A long multiple choice: a search box filters the options; chosen ones stay listed above it. */
export function MultiSelectSearchWidget({ id, value, disabled, readonly, autofocus, options, rawErrors, registry, onChange, onBlur, onFocus }: WidgetProps<FormData, RJSFSchema>) {
  const { t } = useTranslation('forms');
  const [query, setQuery] = useState('');
  const countId = useId();
  const all = options.enumOptions ?? [];
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const needle = query.trim().toLocaleLowerCase();
  const visible = needle ? all.filter((o) => o.label.toLocaleLowerCase().includes(needle)) : all;
  const locked = disabled || readonly;
  // Keep the national order of the options, whatever order they were ticked in.
  const toggle = (optionValue: unknown, on: boolean) =>
    onChange(all.map((o) => o.value).filter((v) => (v === optionValue ? on : enumOptionsIsSelected(v, selected as never))));
  const chosen = all.filter((o) => enumOptionsIsSelected(o.value, selected as never));
  return (
    <div className="gu-sf__mss">
      {chosen.length > 0 && (
        <ul className="gu-sf__chips" aria-label={t('widgets.selected', { count: chosen.length })}>
          {chosen.map((o) => (
            <li key={String(o.value)} className="gu-sf__chip">
              <span>{o.label}</span>
              {!locked && (
                <button type="button" className="gu-sf__chip-remove" aria-label={t('widgets.removeChoice', { label: o.label })} onClick={() => toggle(o.value, false)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <div className="gu-sf__mss-search">
          <label className="gu-sf__sublabel" htmlFor={id}>
            {t('widgets.search')}
          </label>
          <input
            type="search"
            id={id}
            className="gu-input"
            value={query}
            autoFocus={autofocus}
            onChange={(e) => setQuery(e.target.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            {...widgetAria(id, rawErrors, registry)}
          />
          <p id={countId} className="gu-sf__widget-note" aria-live="polite">
            {visible.length ? t('widgets.shown', { shown: visible.length, total: all.length }) : t('widgets.noMatch')}
          </p>
        </div>
      )}
      {!locked && (
        <div className="gu-sf__mss-list">
          {visible.map((o) => (
            <label key={String(o.value)} className="gu-sf__option">
              <input type="checkbox" checked={enumOptionsIsSelected(o.value, selected as never)} onChange={(e) => toggle(o.value, e.target.checked)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
