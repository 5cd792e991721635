import {
  ariaDescribedByIds,
  buttonId,
  errorId,
  getTemplate,
  getUiOptions,
  TranslatableString,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type ErrorListProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type IconButtonProps,
  type RJSFSchema,
  type TemplatesType,
  type TitleFieldProps,
} from '@rjsf/utils';
import { contextOf, GROUP_WIDGETS, isInapplicable, useErrorsShown } from './formContext';
import type { FormData } from './validator';

type Templates = Partial<Omit<TemplatesType<FormData, RJSFSchema>, 'ButtonTemplates'>> & {
  ButtonTemplates?: Partial<TemplatesType<FormData, RJSFSchema>['ButtonTemplates']>;
};

function RequiredMark() {
  return (
    <span className="gu-sf__required" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

/**
 * One field: label (or legend for a group of controls), description, control, errors, help. Errors of a
 * field the person has not touched yet stay quiet until the first submit attempt.
 */
function FieldTemplate(props: FieldTemplateProps<FormData, RJSFSchema>) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, uiSchema, registry, schema } = props;
  const shown = useErrorsShown(registry, id);
  if (hidden || isInapplicable(uiSchema)) return null;
  const widget = getUiOptions(uiSchema).widget;
  const showErrors = Boolean(rawErrors?.length) && shown;
  const className = ['gu-sf__field', `gu-sf__field--${String(schema.type ?? 'any')}`, showErrors && 'gu-sf__field--invalid'].filter(Boolean).join(' ');
  const isGroup = typeof widget === 'string' && GROUP_WIDGETS.has(widget);
  if (isGroup && displayLabel) {
    return (
      <fieldset className={`${className} gu-sf__group`} data-field={id} aria-describedby={ariaDescribedByIds(id)}>
        <legend className="gu-sf__label">
          {label}
          {required && <RequiredMark />}
        </legend>
        {description}
        {children}
        {showErrors && errors}
        {help}
      </fieldset>
    );
  }
  return (
    <div className={className} data-field={id}>
      {displayLabel && label && (
        <label className="gu-sf__label" htmlFor={id}>
          {label}
          {required && <RequiredMark />}
        </label>
      )}
      {displayLabel && description}
      {children}
      {showErrors && errors}
      {help}
    </div>
  );
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps<FormData, RJSFSchema>) {
  const shown = errors.filter(Boolean);
  if (!shown.length) return null;
  return (
    <ul id={errorId(fieldPathId)} className="gu-sf__errors">
      {shown.map((error, i) => (
        <li key={i} className="gu-sf__error" data-testid="field-error">
          {error}
        </li>
      ))}
    </ul>
  );
}

function TitleFieldTemplate({ id, title, required }: TitleFieldProps<FormData, RJSFSchema>) {
  return (
    <legend id={id} className="gu-sf__legend">
      {title}
      {required && <RequiredMark />}
    </legend>
  );
}

/** The summary above the form after a submit attempt: each problem with a link to its field. */
function ErrorListTemplate({ errors, registry }: ErrorListProps<FormData, RJSFSchema>) {
  const context = contextOf(registry);
  if (!context.showAllErrors || !errors.length) return null;
  const idPrefix = context.idPrefix;
  return (
    <div className="gu-sf__summary" role="alert" data-testid="form-error-summary">
      <p className="gu-sf__summary-title">{context.summaryTitle(errors.length)}</p>
      <ul>
        {errors.map((error, i) => {
          const path = (error.property ?? '').replace(/^\./, '').split('.').filter(Boolean);
          const target = [idPrefix, ...path].join('_');
          return (
            <li key={i}>
              <a href={`#${target}`}>{error.title ? `${error.title}: ${error.message}` : error.message}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps<FormData, RJSFSchema>) {
  const { canAdd, className, disabled, fieldPathId, uiSchema, items, onAddClick, readonly, registry, required, schema, title } = props;
  const uiOptions = getUiOptions(uiSchema);
  const ArrayFieldTitleTemplate = getTemplate('ArrayFieldTitleTemplate', registry, uiOptions);
  const ArrayFieldDescriptionTemplate = getTemplate('ArrayFieldDescriptionTemplate', registry, uiOptions);
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <fieldset className={['gu-sf__array', className].filter(Boolean).join(' ')} id={fieldPathId.$id}>
      <ArrayFieldTitleTemplate fieldPathId={fieldPathId} title={uiOptions.title || title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} />
      <ArrayFieldDescriptionTemplate fieldPathId={fieldPathId} description={uiOptions.description || schema.description} schema={schema} uiSchema={uiSchema} registry={registry} />
      {items.length === 0 && <p className="gu-sf__empty">{registry.translateString(TranslatableString.EmptyArray)}</p>}
      <div className="gu-sf__array-items">{items}</div>
      {canAdd && (
        <AddButton id={buttonId(fieldPathId, 'add')} className="gu-sf__add" onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
      )}
    </fieldset>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps<FormData, RJSFSchema>) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const ArrayFieldItemButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="gu-sf__array-item">
      <div className="gu-sf__array-item-body">{children}</div>
      {hasToolbar && (
        <div className="gu-sf__array-item-tools">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      )}
    </div>
  );
}

/** rjsf's icon buttons, as words: the default theme's icon font is not part of Gugus. */
function textButton(label: TranslatableString, tone: 'secondary' | 'danger' = 'secondary') {
  function TextButton({ registry, uiSchema: _uiSchema, iconType: _iconType, icon: _icon, className, ...button }: IconButtonProps<FormData, RJSFSchema>) {
    return (
      <button type="button" className={['gu-sf__button', `gu-sf__button--${tone}`, className].filter(Boolean).join(' ')} {...button}>
        {registry.translateString(label)}
      </button>
    );
  }
  return TextButton;
}

/** The templates the one wrapper registers; everything else is rjsf's core theme, styled by SchemaForm.css. */
export const SCHEMA_FORM_TEMPLATES: Templates = {
  FieldTemplate,
  FieldErrorTemplate,
  TitleFieldTemplate,
  ErrorListTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ButtonTemplates: {
    AddButton: textButton(TranslatableString.AddItemButton),
    CopyButton: textButton(TranslatableString.CopyButton),
    MoveDownButton: textButton(TranslatableString.MoveDownButton),
    MoveUpButton: textButton(TranslatableString.MoveUpButton),
    RemoveButton: textButton(TranslatableString.RemoveButton, 'danger'),
    ClearButton: textButton(TranslatableString.ClearButton),
  },
};
