import { Fragment } from 'react';
import './LanguageSwitch.css';

export interface LanguageOption<T extends string> {
  value: T;
  /** Short visible label, e.g. "ID". */
  label: string;
  /** The language's own name, e.g. "Bahasa Indonesia", shown as a tooltip. */
  name: string;
}

export interface LanguageSwitchProps<T extends string> {
  /** Accessible name of the group, e.g. "Bahasa". */
  label: string;
  value: T;
  options: readonly LanguageOption<T>[];
  onChange: (value: T) => void;
}

/** "ID | EN" toggle buttons; the current language is marked with aria-pressed. */
export function LanguageSwitch<T extends string>({ label, value, options, onChange }: LanguageSwitchProps<T>) {
  return (
    <div className="gu-lang" role="group" aria-label={label} data-testid="language-switch">
      {options.map((option, index) => (
        <Fragment key={option.value}>
          {index > 0 && (
            <span className="gu-lang__separator" aria-hidden="true">
              |
            </span>
          )}
          <button
            type="button"
            className="gu-lang__option"
            lang={option.value}
            title={option.name}
            aria-pressed={option.value === value}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
