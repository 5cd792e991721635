import type { RegistryWidgetsType, RJSFSchema } from '@rjsf/utils';
import type { FormData } from '../schema-form/validator';
import { AgencyPickerWidget } from './AgencyPickerWidget';
import { DateWidget } from './DateWidget';
import { MoneyIdrWidget } from './MoneyIdrWidget';
import { MultiSelectSearchWidget } from './MultiSelectSearchWidget';
import { RegionPickerWidget } from './RegionPickerWidget';

/** The project's widgets, registered once by the names uiSchemas use (`"ui:widget": "region-picker"`). */
export const SCHEMA_WIDGETS: RegistryWidgetsType<FormData, RJSFSchema> = {
  'region-picker': RegionPickerWidget,
  'agency-picker': AgencyPickerWidget,
  date: DateWidget,
  'money-idr': MoneyIdrWidget,
  'multi-select-search': MultiSelectSearchWidget,
};
