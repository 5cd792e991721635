import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { useAgenciesIn } from '@gugus/web-data-access';
import { contextOf } from '../schema-form/formContext';
import type { FormData } from '../schema-form/validator';
import { widgetAria } from './widgetAria';

/** An agency of the jurisdiction the form is filled in for (or of the jurisdictions the form names); the value is the agency's id. */
export function AgencyPickerWidget({ id, htmlName, value, required, disabled, readonly, autofocus, options, rawErrors, registry, onChange, onBlur, onFocus }: WidgetProps<FormData, RJSFSchema>) {
  const { t } = useTranslation('forms');
  const { jurisdictionCode, agencyJurisdictions } = contextOf(registry);
  const agencies = useAgenciesIn(agencyJurisdictions ?? (jurisdictionCode ? [jurisdictionCode] : []));
  const current = typeof value === 'string' ? value : '';
  const known = agencies.data?.some((a) => a.id === current);
  return (
    <>
      <select
        id={id}
        name={htmlName || id}
        className="gu-input gu-select"
        value={current}
        required={required}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
        {...widgetAria(id, rawErrors, registry)}
      >
        <option value="">{t('widgets.choose')}</option>
        {current && !known && <option value={current}>{t('widgets.unknownAgency', { id: current.slice(0, 8) })}</option>}
        {agencies.data?.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {!jurisdictionCode && <p className="gu-sf__widget-note">{t('widgets.noJurisdiction')}</p>}
      {agencies.error && <p className="gu-sf__widget-note">{t('widgets.agenciesFailed')}</p>}
      {agencies.data?.length === 0 && <p className="gu-sf__widget-note">{t('widgets.noAgencies')}</p>}
    </>
  );
}
