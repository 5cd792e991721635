import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NATIONAL_CODE } from '@gugus/contracts';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';

/** A jurisdiction and the ones directly below it (the nation: its provinces; a province: its regencies). */
function Group({ code }: { code: string }) {
  const self = useJurisdiction(code);
  const below = useJurisdictions(code.includes('.') ? undefined : { parentCode: code });
  const name = self.data?.name ?? code;
  return (
    <optgroup label={name}>
      <option value={code}>{name}</option>
      {below.data?.map((j) => (
        <option key={j.code} value={j.code}>
          {j.name}
        </option>
      ))}
    </optgroup>
  );
}

export interface JurisdictionPickerProps {
  /** Jurisdictions of the person's relevant grants; each brings the ones below it. */
  grantCodes: readonly string[];
  value: string;
  onChange: (code: string) => void;
}

/** Where the settings are looked at or changed: the person's own jurisdictions and those below them. */
export function JurisdictionPicker({ grantCodes, value, onChange }: JurisdictionPickerProps) {
  const { t } = useTranslation('processSettings');
  const id = useId();
  const groups = [...grantCodes];
  // A national grant lists provinces; the regencies of the chosen province come with it.
  const province = value.split('.')[0];
  if (grantCodes.includes(NATIONAL_CODE) && value !== NATIONAL_CODE && !groups.includes(province)) groups.push(province);
  return (
    <div className="gu-field">
      <label className="gu-field__label" htmlFor={id}>
        {t('settings.jurisdiction')}
      </label>
      <p id={`${id}-hint`} className="gu-field__hint">
        {t('settings.jurisdictionHint')}
      </p>
      <select id={id} className="gu-input gu-select" value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} data-testid="settings-jurisdiction">
        {groups.map((code) => (
          <Group key={code} code={code} />
        ))}
      </select>
    </div>
  );
}
