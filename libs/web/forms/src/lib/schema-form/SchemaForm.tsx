import Form, { type IChangeEvent } from '@rjsf/core';
import { TranslatableString, replaceStringParameters, type RegistryWidgetsType, type RJSFSchema, type UiSchema as RjsfUiSchema, type Widget, type WidgetProps } from '@rjsf/utils';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { FieldPathList } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { ExtraErrors, FormSchema, UiSchema } from '@gugus/forms';
import { useLanguage } from '@gugus/web-i18n';
import { SCHEMA_WIDGETS } from '../widgets/widgets';
import { inapplicableFields, markInapplicable, withoutPaths } from './conditions';
import { asErrorSchema, tidyErrors, withoutPath } from './errors';
import { createTouchedFields, useErrorsShown, type SchemaFormContext } from './formContext';
import { SCHEMA_FORM_TEMPLATES } from './templates';
import { formValidator, type FormData } from './validator';
import { TypingStringField, type TypingChannel } from './typing';
import { markWithheld, WITHHELD_FIELD, WithheldField } from './withheld';

const FIELDS = { [WITHHELD_FIELD]: WithheldField, StringField: TypingStringField };
const NOTHING_WITHHELD: readonly string[] = [];
import './SchemaForm.css';

export interface SchemaFormProps {
  /** A resolved schema (labels in the reader's language, choices as `enum`), e.g. from the forms API. */
  schema: FormSchema;
  /** Pure JSON; widgets by name (`"ui:widget": "region-picker"`), choice labels in `ui:enumNames`. */
  uiSchema: UiSchema;
  formData: FormData;
  onChange?: (data: FormData) => void;
  /** Called with valid data only; invalid data shows the errors at their fields instead. */
  onSubmit?: (data: FormData) => void;
  /** Errors from the server (a 400's `details.extraErrors`), shown at their fields until the field changes. */
  extraErrors?: ExtraErrors;
  /** The jurisdiction the form is filled in for (the agency picker lists its agencies). */
  jurisdictionCode?: string;
  /** Where the agency picker draws from when more than `jurisdictionCode` (a case's regency and its province). */
  agencyJurisdictions?: readonly string[];
  readonly?: boolean;
  /** Prefix of field ids; set it when two forms share a page. */
  idPrefix?: string;
  /** Answers the API left out for this reader (JSON pointers): shown as withheld, not as empty. */
  withheld?: readonly string[];
  /** The form's buttons. Without children the form has none (e.g. read-only or a preview). */
  children?: ReactNode;
  'data-testid'?: string;
}

/**
 * The project's widgets, each re-rendered when its field becomes touched: they mark themselves
 * `aria-invalid` once the field's errors show (`widgetAria`), and touching no longer re-renders the form.
 */
const TOUCH_AWARE_WIDGETS: RegistryWidgetsType<FormData, RJSFSchema> = Object.fromEntries(
  Object.entries(SCHEMA_WIDGETS).map(([name, Widget]) => [name, touchAware(Widget)]),
);

function touchAware(Widget: Widget<FormData, RJSFSchema>): Widget<FormData, RJSFSchema> {
  function TouchAwareWidget(props: WidgetProps<FormData, RJSFSchema>) {
    useErrorsShown(props.registry, props.id);
    return <Widget {...props} />;
  }
  return TouchAwareWidget;
}

const KEY_OF_STRING = new Map<string, keyof typeof TranslatableString>(
  Object.entries(TranslatableString).map(([key, value]) => [value, key as keyof typeof TranslatableString]),
);

/** How long typing may pause before rjsf catches up (validation, errors shown, conditional fields). */
const CATCH_UP_MS = 250;
const EXPERIMENTAL_DEFAULTS = { requiredBooleanDefault: 'skip', emptyObjectFields: 'populateRequiredDefaults' } as const;

/** `data` with `value` at `path` (property names and array indexes), copying only the objects on the path. */
function setAt(data: unknown, path: FieldPathList, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const holder = data !== null && typeof data === 'object' ? data : typeof head === 'number' ? [] : {};
  const copy = (Array.isArray(holder) ? [...(holder as unknown[])] : { ...holder }) as Record<string | number, unknown>;
  // Own members only, as rjsf sets them: a key such as `__proto__` is data, never the prototype.
  Object.defineProperty(copy, head, { value: setAt(copy[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The form's buttons, re-rendered on their own: the memoised rjsf form is not re-rendered for them. */
interface Slot {
  get: () => ReactNode;
  set: (node: ReactNode) => void;
  subscribe: (listener: () => void) => () => void;
}

function createSlot(initial: ReactNode): Slot {
  let node = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => node,
    set: (next) => {
      if (next === node) return;
      node = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function SlotContent({ slot }: { slot: Slot }) {
  return <>{useSyncExternalStore(slot.subscribe, slot.get)}</>;
}

/**
 * The one rjsf wrapper: Gugus widgets by name, templates, the validator with the server's ajv
 * configuration and ajv-i18n messages, and rjsf's own strings in the reader's language. Validates live;
 * errors of untouched fields stay quiet until the first submit attempt.
 *
 * A keystroke in a free-text field re-renders that field only (`TypingStringField`): the page receives the
 * new data at once, while rjsf — validation, errors, conditional fields — catches up when typing pauses
 * ({@link CATCH_UP_MS}), when the field is left, or before a submit (which validates everything).
 */
export function SchemaForm({ schema, uiSchema, formData, onChange, onSubmit, extraErrors, jurisdictionCode, agencyJurisdictions, readonly, idPrefix = 'root', withheld = NOTHING_WITHHELD, children, ...rest }: SchemaFormProps) {
  const { t } = useTranslation('forms');
  const { language } = useLanguage();
  const validator = formValidator(language);
  const [touched] = useState(createTouchedFields);
  const [attempted, setAttempted] = useState(false);
  // Server errors are pruned field by field as the person fixes them.
  const [serverErrors, setServerErrors] = useState<{ from: ExtraErrors | undefined; errors: ExtraErrors | undefined }>({ from: extraErrors, errors: extraErrors });
  const currentServerErrors = serverErrors.from === extraErrors ? serverErrors.errors : extraErrors;

  // The data rjsf holds. Data the page passes back after a keystroke (the wrapper made it) does not reach
  // rjsf until it catches up; any other data (a reset, a pre-fill, a change through rjsf) reaches it at once.
  const [held, setHeld] = useState<{ prop: FormData; data: FormData }>({ prop: formData, data: formData });
  const [typedData] = useState(() => new WeakSet<object>());
  let rjsfData = held.data;
  if (formData !== held.prop) {
    rjsfData = typedData.has(formData) ? held.data : formData;
    setHeld({ prop: formData, data: rjsfData });
  }
  // The newest data: the page's, or what typing made since.
  const latest = useRef(formData);
  const seenProp = useRef(formData);
  if (formData !== seenProp.current) {
    seenProp.current = formData;
    latest.current = formData;
  }

  // Typed against rjsf's enum: a string rjsf adds fails the typecheck until it is translated.
  const strings = useMemo<Record<keyof typeof TranslatableString, string>>(() => t('rjsf', { returnObjects: true }), [t]);
  const translateString = useCallback(
    (text: TranslatableString, params?: string[]) => {
      const key = KEY_OF_STRING.get(text);
      return replaceStringParameters(key ? strings[key] : text, params);
    },
    [strings],
  );

  const touch = useCallback(
    (id: string | undefined) => {
      if (id) touched.add(id);
    },
    [touched],
  );

  const inapplicable = useCallback(
    (data: FormData) => inapplicableFields(schema, data, (condition, value) => validator.isValid(condition as RJSFSchema, value, schema as RJSFSchema)),
    [schema, validator],
  );

  // What the handlers below read: this render's props and state (they are created once, for the memoised form).
  const live = useRef({ onChange, onSubmit, extraErrors, currentServerErrors, inapplicable });
  live.current = { onChange, onSubmit, extraErrors, currentServerErrors, inapplicable };

  const pruneServerErrors = useCallback((paths: readonly FieldPathList[]) => {
    const { extraErrors: from, currentServerErrors: errors } = live.current;
    if (!errors || !paths.length) return;
    setServerErrors({ from, errors: paths.reduce<ExtraErrors | undefined>((left, path) => withoutPath(left, path.map(String)), errors) });
  }, []);

  // Fields typed into since rjsf last caught up (id → data path), and the timer that catches it up.
  const [pending] = useState(() => new Map<string, FieldPathList>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useMemo<TypingChannel>(() => {
    const flush = () => {
      clearTimeout(timer.current);
      if (!pending.size) return;
      const paths = [...pending.values()];
      for (const id of pending.keys()) touched.add(id);
      pending.clear();
      pruneServerErrors(paths);
      setHeld((h) => ({ prop: h.prop, data: latest.current }));
    };
    return {
      typed: (path, value, id) => {
        const data = setAt(latest.current, path, value) as FormData;
        // Answers to questions that no longer apply are dropped, as the server would drop them.
        const kept = withoutPaths(data, live.current.inapplicable(data));
        latest.current = kept;
        typedData.add(kept);
        pending.set(id, path);
        clearTimeout(timer.current);
        timer.current = setTimeout(flush, CATCH_UP_MS);
        live.current.onChange?.(kept);
      },
      flush,
    };
  }, [pending, touched, typedData, pruneServerErrors]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const agencyKey = agencyJurisdictions?.join(' ');
  const formContext = useMemo<SchemaFormContext>(
    () => ({
      jurisdictionCode,
      agencyJurisdictions,
      touched,
      showAllErrors: attempted || Boolean(currentServerErrors),
      idPrefix,
      summaryTitle: (count: number) => t('schemaForm.summary', { count }),
      typing: readonly ? undefined : typing,
    }),
    // agencyJurisdictions by its codes: a page may pass a fresh array with every render.
    [jurisdictionCode, agencyKey, touched, attempted, currentServerErrors, idPrefix, t, readonly, typing],
  );

  const effectiveUiSchema = useMemo(() => {
    const marked = markInapplicable(markWithheld(uiSchema, withheld), inapplicable(rjsfData)) as RjsfUiSchema<FormData, RJSFSchema>;
    // Read-only lists show their items, not add/remove/move buttons that cannot be used.
    return readonly ? { ...marked, 'ui:globalOptions': { ...(marked['ui:globalOptions'] ?? {}), addable: false, removable: false, orderable: false, copyable: false } } : marked;
  }, [uiSchema, withheld, rjsfData, inapplicable, readonly]);

  const handleChange = useCallback(
    (event: IChangeEvent<FormData, RJSFSchema>, id?: string) => {
      touch(id);
      if (id) pruneServerErrors([id.slice(idPrefix.length + 1).split('_').filter(Boolean)]);
      let data = event.formData ?? {};
      // What was typed and rjsf has not caught up with yet stays in the data.
      for (const path of pending.values()) data = setAt(data, path, path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], latest.current)) as FormData;
      // Answers to questions that no longer apply are dropped, as the server would drop them.
      const kept = withoutPaths(data, live.current.inapplicable(data));
      latest.current = kept;
      live.current.onChange?.(kept);
    },
    [touch, pruneServerErrors, idPrefix, pending],
  );
  const transformErrors = useCallback((errors: Parameters<typeof tidyErrors>[0]) => tidyErrors(errors, language), [language]);
  const handleError = useCallback(() => setAttempted(true), []);
  const handleSubmit = useCallback((event: IChangeEvent<FormData, RJSFSchema>) => {
    setAttempted(true);
    live.current.onSubmit?.(event.formData ?? {});
  }, []);

  const [slot] = useState(() => createSlot(children));
  useLayoutEffect(() => slot.set(children));

  const form = useMemo(
    () => (
      <Form<FormData, RJSFSchema>
        schema={schema as RJSFSchema}
        uiSchema={effectiveUiSchema}
        formData={rjsfData}
        validator={validator}
        widgets={TOUCH_AWARE_WIDGETS}
        fields={FIELDS}
        templates={SCHEMA_FORM_TEMPLATES}
        translateString={translateString}
        formContext={formContext}
        extraErrors={asErrorSchema(currentServerErrors)}
        transformErrors={transformErrors}
        idPrefix={idPrefix}
        readonly={readonly}
        // A yes/no question stays unanswered until answered, and optional groups stay absent until filled in.
        experimental_defaultFormStateBehavior={EXPERIMENTAL_DEFAULTS}
        liveValidate="onChange"
        showErrorList="top"
        focusOnFirstError
        noHtml5Validate
        onChange={handleChange}
        onBlur={touch}
        onError={handleError}
        onSubmit={handleSubmit}
      >
        <SlotContent slot={slot} />
      </Form>
    ),
    [schema, effectiveUiSchema, rjsfData, validator, translateString, formContext, currentServerErrors, transformErrors, idPrefix, readonly, handleChange, touch, handleError, handleSubmit, slot],
  );

  return (
    <div
      className={readonly ? 'gu-sf gu-sf--readonly' : 'gu-sf'}
      data-testid={rest['data-testid']}
      // A submit validates everything the person typed: rjsf catches up first.
      onSubmitCapture={() => {
        if (pending.size) flushSync(typing.flush);
      }}
    >
      {form}
    </div>
  );
}
