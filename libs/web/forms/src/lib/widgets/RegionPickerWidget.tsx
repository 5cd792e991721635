import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '@gugus/web-data-access';
import type { FormData } from '../schema-form/validator';
import { widgetAria } from './widgetAria';

/** Whether the field takes a province code on its own ("32"), not only a regency ("32.04"). */
function acceptsProvince(schema: RJSFSchema): boolean {
  if (typeof schema.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test('32');
  } catch {
    return false;
  }
}

/**
 * An official region code ("32.04"): a province, then one of its regencies/cities, from the jurisdictions
 * API. Two labelled selects inside the field's fieldset.
 */
export function RegionPickerWidget({ id, value, required, disabled, readonly, autofocus, schema, options, rawErrors, registry, onChange, onBlur, onFocus }: WidgetProps<FormData, RJSFSchema>) {
  const { t } = useTranslation('forms');
  const code = typeof value === 'string' ? value : '';
  const [chosenProvince, setChosenProvince] = useState('');
  const province = code ? code.split('.')[0] : chosenProvince;
  const provinces = useJurisdictions({ level: 'province' });
  const regencies = useJurisdictions(province ? { parentCode: province } : undefined);
  const provinceOnly = acceptsProvince(schema);
  const locked = disabled || readonly;
  const aria = widgetAria(id, rawErrors, registry);
  const empty = options.emptyValue;

  const pickProvince = (next: string) => {
    setChosenProvince(next);
    onChange(next && provinceOnly ? next : empty);
  };

  return (
    <div className="gu-sf__region">
      <div className="gu-sf__region-part">
        <label className="gu-sf__sublabel" htmlFor={`${id}__province`}>
          {t('widgets.province')}
        </label>
        <select
          id={`${id}__province`}
          className="gu-input gu-select"
          value={province}
          disabled={locked}
          autoFocus={autofocus}
          onChange={(e) => pickProvince(e.target.value)}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
          {...aria}
        >
          <option value="">{t('widgets.choose')}</option>
          {province && !provinces.data?.some((p) => p.code === province) && <option value={province}>{province}</option>}
          {provinces.data?.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="gu-sf__region-part">
        <label className="gu-sf__sublabel" htmlFor={id}>
          {t('widgets.regency')}
        </label>
        <select
          id={id}
          className="gu-input gu-select"
          value={code.includes('.') ? code : ''}
          required={required && !provinceOnly}
          disabled={locked || !province}
          onChange={(e) => onChange(e.target.value || (provinceOnly && province ? province : empty))}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
          {...aria}
        >
          <option value="">{province ? t('widgets.choose') : t('widgets.chooseProvinceFirst')}</option>
          {code.includes('.') && !regencies.data?.some((r) => r.code === code) && <option value={code}>{code}</option>}
          {regencies.data?.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {(provinces.error || regencies.error) && <p className="gu-sf__widget-note">{t('widgets.regionsFailed')}</p>}
    </div>
  );
}
