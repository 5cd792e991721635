import Form, { type IChangeEvent } from '@rjsf/core';
import { TranslatableString, replaceStringParameters, type RegistryWidgetsType, type RJSFSchema, type UiSchema as RjsfUiSchema, type Widget, type WidgetProps } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraErrors, FormSchema, UiSchema } from '@gugus/forms';
import { useLanguage } from '@gugus/web-i18n';
import { SCHEMA_WIDGETS } from '../widgets/widgets';
import { inapplicableFields, markInapplicable, withoutPaths } from './conditions';
import { asErrorSchema, tidyErrors, withoutPath } from './errors';
import { createTouchedFields, useErrorsShown, type SchemaFormContext } from './formContext';
import { StableObjectField } from './stableSchema';
import { SCHEMA_FORM_TEMPLATES } from './templates';
import { createTypingQueue, DeferredTextareaWidget, DeferredTextWidget } from './typing';
import { formValidator, type FormData } from './validator';
import { markWithheld, WITHHELD_FIELD, WithheldField } from './withheld';

const FIELDS = { [WITHHELD_FIELD]: WithheldField, ObjectField: StableObjectField };
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
const TOUCH_AWARE_WIDGETS: RegistryWidgetsType<FormData, RJSFSchema> = {
  ...Object.fromEntries(Object.entries(SCHEMA_WIDGETS).map(([name, Widget]) => [name, touchAware(Widget)])),
  // rjsf's own text input and text area, typing painted before rjsf catches up (typing.tsx).
  TextWidget: DeferredTextWidget,
  TextareaWidget: DeferredTextareaWidget,
};

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

/**
 * The one rjsf wrapper: Gugus widgets by name, templates, the validator with the server's ajv
 * configuration and ajv-i18n messages, and rjsf's own strings in the reader's language. Validates live;
 * errors of untouched fields stay quiet until the first submit attempt.
 *
 * A keystroke in a free-text field is painted first and reaches rjsf right after that frame (typing.tsx); rjsf
 * stays the one holder of the answers, and gets any text it lacks before a submit, a press, Enter, leaving the
 * field or a change elsewhere. Each change re-renders the fields it concerns only (stableSchema.tsx).
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

  // Typed against rjsf's enum: a string rjsf adds fails the typecheck until it is translated. Memoised: i18next
  // returns a new object each time, and a new `translateString` gives rjsf a new registry, which every field compares.
  const strings = useMemo<Record<keyof typeof TranslatableString, string>>(() => t('rjsf', { returnObjects: true }), [t, language]);
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

  // Text typed and not yet in rjsf's state (typing.tsx): handed over before anything reads or replaces the answers.
  const [typing] = useState(createTypingQueue);
  useEffect(() => {
    // A press anywhere on the page (a button outside the form, a link) comes before its click: the answers are
    // complete by then. Keyboard paths leave the field first (blur) or press Enter (both flush below).
    const flush = () => typing.flush();
    window.addEventListener('pointerdown', flush, { capture: true });
    return () => window.removeEventListener('pointerdown', flush, { capture: true });
  }, [typing]);

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
    [jurisdictionCode, agencyJurisdictions, touched, attempted, currentServerErrors, idPrefix, t, readonly, typing],
  );

  const inapplicable = useCallback(
    (data: FormData) => inapplicableFields(schema, data, (condition, value) => validator.isValid(condition as RJSFSchema, value, schema as RJSFSchema)),
    [schema, validator],
  );
  const effectiveUiSchema = useMemo(() => {
    const marked = markInapplicable(markWithheld(uiSchema, withheld), inapplicable(formData)) as RjsfUiSchema<FormData, RJSFSchema>;
    // Read-only lists show their items, not add/remove/move buttons that cannot be used.
    return readonly ? { ...marked, 'ui:globalOptions': { ...(marked['ui:globalOptions'] ?? {}), addable: false, removable: false, orderable: false, copyable: false } } : marked;
  }, [uiSchema, withheld, formData, inapplicable, readonly]);

  const handleChange = (event: IChangeEvent<FormData, RJSFSchema>, id?: string) => {
    typing.committed(id);
    touch(id);
    if (id && currentServerErrors) {
      const path = id.slice(idPrefix.length + 1).split('_').filter(Boolean);
      setServerErrors({ from: extraErrors, errors: withoutPath(currentServerErrors, path) });
    }
    // Answers to questions that no longer apply are dropped, as the server would drop them.
    const data = event.formData ?? {};
    onChange?.(withoutPaths(data, inapplicable(data)));
  };

  const transformErrors = useCallback((errors: Parameters<typeof tidyErrors>[0]) => tidyErrors(errors, language), [language]);
  // Capture phase: before the event's own handlers (rjsf's submit, another field's change) queue theirs.
  const flushAll = () => typing.flush();
  const flushOthers = (event: SyntheticEvent) => typing.flush((event.target as Partial<HTMLElement>).id);
  const flushOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter') typing.flush();
  };

  return (
    <div
      className={readonly ? 'gu-sf gu-sf--readonly' : 'gu-sf'}
      data-testid={rest['data-testid']}
      onSubmitCapture={flushAll}
      onBlurCapture={flushAll}
      onKeyDownCapture={flushOnEnter}
      onChangeCapture={flushOthers}
    >
      <Form<FormData, RJSFSchema>
        schema={schema as RJSFSchema}
        uiSchema={effectiveUiSchema}
        formData={formData}
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
        experimental_defaultFormStateBehavior={{ requiredBooleanDefault: 'skip', emptyObjectFields: 'populateRequiredDefaults' }}
        liveValidate="onChange"
        showErrorList="top"
        focusOnFirstError
        noHtml5Validate
        onChange={handleChange}
        onBlur={touch}
        onError={() => setAttempted(true)}
        onSubmit={(event) => {
          setAttempted(true);
          onSubmit?.(event.formData ?? {});
        }}
      >
        {children ?? <></>}
      </Form>
    </div>
  );
}
