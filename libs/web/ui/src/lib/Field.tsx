import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import './Field.css';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

/** Ids of the hint and error texts a control is described by. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  return (
    <div className={error ? 'gu-field gu-field--invalid' : 'gu-field'}>
      <label className="gu-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="gu-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="gu-field__hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="gu-field__error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface FieldTextProps {
  label: string;
  /** Shown under the label, e.g. a format or a rule. */
  hint?: string;
  /** The problem with the current value, shown under the control. */
  error?: string;
}

export type TextFieldProps = FieldTextProps & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with optional hint and error text, wired for screen readers. */
export function TextField({ label, hint, error, id, className, ...input }: TextFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={input.required}>
      <input
        id={fieldId}
        className={['gu-input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export type TextAreaFieldProps = FieldTextProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, hint, error, id, className, ...textarea }: TextAreaFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={textarea.required}>
      <textarea
        id={fieldId}
        className={['gu-input', 'gu-input--multiline', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldTextProps & SelectHTMLAttributes<HTMLSelectElement>;

/** A labelled native select; pass `<option>`s as children. */
export function SelectField({ label, hint, error, id, className, children, ...select }: SelectFieldProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} required={select.required}>
      <select
        id={fieldId}
        className={['gu-input', 'gu-select', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
}

export interface CheckboxGroupProps<T extends string> {
  legend: string;
  hint?: string;
  error?: string;
  options: readonly CheckboxOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** Forwarded to each checkbox as `name`. */
  name?: string;
}

/** Several yes/no choices under one legend (e.g. Sub-TF memberships, roles). */
export function CheckboxGroup<T extends string>({ legend, hint, error, options, value, onChange, name }: CheckboxGroupProps<T>) {
  const id = useId();
  const toggle = (option: T, checked: boolean) =>
    onChange(checked ? options.map((o) => o.value).filter((v) => v === option || value.includes(v)) : value.filter((v) => v !== option));
  return (
    <fieldset className={error ? 'gu-field gu-checks gu-field--invalid' : 'gu-field gu-checks'} aria-describedby={describedBy(id, hint, error)}>
      <legend className="gu-field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="gu-field__hint">
          {hint}
        </p>
      )}
      <div className="gu-checks__list">
        {options.map((option) => (
          <label key={option.value} className="gu-checks__option">
            <input type="checkbox" name={name} value={option.value} checked={value.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="gu-field__error" data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export type CheckboxFieldProps = { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** One labelled yes/no choice. */
export function CheckboxField({ label, className, ...input }: CheckboxFieldProps) {
  return (
    <label className={['gu-checks__option', className].filter(Boolean).join(' ')}>
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}
