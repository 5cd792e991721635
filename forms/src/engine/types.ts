import type { BilingualText } from '@gugus/contracts';
export type { BilingualText };
export type Language = keyof BilingualText;
export const LANGUAGES: readonly Language[] = ['id', 'en'];

export type Sensitivity = 'public' | 'internal' | 'restricted' | 'identifying';
export const SENSITIVITIES: readonly Sensitivity[] = ['public', 'internal', 'restricted', 'identifying'];

/** A JSON Schema node with Gugus annotations (see forms/README.md). */
export interface FormSchema {
  type?: string | string[];
  properties?: Record<string, FormSchema>;
  items?: FormSchema;
  required?: string[];
  allOf?: FormSchema[];
  if?: FormSchema;
  then?: FormSchema;
  else?: FormSchema;
  enum?: unknown[];
  const?: unknown;
  'x-label'?: BilingualText;
  'x-help'?: BilingualText;
  'x-core'?: boolean;
  'x-sensitivity'?: Sensitivity;
  'x-options'?: string;
  'x-unit'?: string;
  /** The data category of an answer (a code of {@link DATA_CATEGORY_LIST}): what consent to share it must cover. */
  'x-data-category'?: string;
  [keyword: string]: unknown;
}

/** The option list whose codes `x-data-category` names (PRODUCT.md §5.3: consent is given per category). */
export const DATA_CATEGORY_LIST = 'case-data-categories';

export interface OptionList {
  key: string;
  title: BilingualText;
  source?: string;
  options: { code: string; label: BilingualText }[];
}

export type UiSchema = Record<string, unknown>;

/** A national base version of a form. */
export interface FormDefinition {
  key: string;
  version: string;
  title: BilingualText;
  description?: BilingualText;
  sources?: string[];
  schema: FormSchema;
  uiSchema: UiSchema;
}

export interface InvalidFixture {
  data: unknown;
  errors: { field: string; keyword: string }[];
}

/** A form with its fixtures, as the library ships it. */
export interface LibraryForm {
  definition: FormDefinition;
  valid: Record<string, unknown>;
  invalid: Record<string, InvalidFixture>;
}

/** National base versions belong to the national jurisdiction code. */
export const NATIONAL_FORM_JURISDICTION = '00';
