import { getDefaultRegistry } from '@rjsf/core';
import { getUiOptions, type ErrorSchema, type FieldPathList, type FieldProps, type RJSFSchema } from '@rjsf/utils';
import { useCallback, useState } from 'react';
import { contextOf } from './formContext';
import type { FormData } from './validator';

/**
 * Typing into a text field without re-rendering the form. rjsf handles a change by copying the form data,
 * re-deriving its defaults, validating all of it and re-rendering every field: tens of milliseconds at a
 * few hundred fields, on every keystroke. Free-text fields (below) instead keep what is typed in their own
 * state and hand it to the wrapper, which passes the new data to the page at once and catches rjsf up —
 * validating and showing errors — when the person pauses, leaves the field or submits.
 */
export interface TypingChannel {
  /** A keystroke's new value of the field at `path` (form data path), from field `id`. */
  typed(path: FieldPathList, value: unknown, id: string): void;
  /** Catch rjsf up now (the person left a field). */
  flush(): void;
}

/** Widgets of a string field that are typed into, key by key; anything else (choices, dates, pickers) goes through rjsf at once. */
const TYPED_WIDGETS: ReadonlySet<unknown> = new Set([undefined, 'text', 'textarea', 'TextWidget', 'TextareaWidget', 'email', 'uri']);
const TYPED_FORMATS: ReadonlySet<unknown> = new Set([undefined, 'email', 'uri']);

function isTypedFreely(schema: RJSFSchema, uiSchema: FieldProps['uiSchema']): boolean {
  return (
    schema.type === 'string' &&
    schema.enum === undefined &&
    schema.const === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    TYPED_FORMATS.has(schema.format) &&
    TYPED_WIDGETS.has(getUiOptions(uiSchema).widget)
  );
}

const RjsfStringField = getDefaultRegistry<FormData, RJSFSchema>().fields.StringField;

/**
 * What the field shows while rjsf has not caught up: the newest typed value, as long as rjsf's own value is
 * still `base` or one this field typed on the way (`sent`) — rjsf catching up with an older keystroke while
 * the person types on must not put an older text back under their cursor (the next key would land in it
 * and the one in between would be lost).
 */
interface Typed {
  value: unknown;
  base: unknown;
  sent: ReadonlySet<unknown>;
}

/**
 * rjsf's StringField, except that a free-text field's keystrokes go to the wrapper's {@link TypingChannel}:
 * only this field re-renders. Once rjsf's value for the field moves on (the wrapper caught it up, or the
 * data was replaced), rjsf's value shows again.
 */
export function TypingStringField(props: FieldProps<FormData, RJSFSchema>) {
  const { schema, uiSchema, registry, formData, fieldPathId, onChange, onBlur, readonly, disabled } = props;
  const typing = contextOf(registry).typing;
  const deferred = typing !== undefined && !readonly && !disabled && isTypedFreely(schema, uiSchema);
  const [typed, setTyped] = useState<Typed | undefined>(undefined);
  const current = typed && (typed.base === formData || typed.sent.has(formData)) ? typed : undefined;

  const handleChange = useCallback(
    (value: unknown, path: FieldPathList, errorSchema?: ErrorSchema<FormData>, id?: string) => {
      if (!deferred || !typing) return onChange(value as FormData, path, errorSchema, id);
      // Still ahead of rjsf: keep the base and remember this value too; caught up (or replaced): start again from rjsf's value.
      setTyped((prev) => (prev && prev.value !== formData && (prev.base === formData || prev.sent.has(formData)) ? { value, base: prev.base, sent: new Set([...prev.sent, value]) } : { value, base: formData, sent: new Set([value]) }));
      typing.typed(path, value, id ?? fieldPathId.$id);
    },
    [deferred, typing, onChange, formData, fieldPathId],
  );
  const handleBlur = useCallback(
    (id: string, value: unknown) => {
      // The data the person typed reaches rjsf (and its errors show) when they leave the field.
      if (deferred) typing?.flush();
      onBlur(id, value);
    },
    [deferred, typing, onBlur],
  );

  return <RjsfStringField {...props} formData={(current ? current.value : formData) as FormData} onChange={handleChange} onBlur={handleBlur} />;
}
