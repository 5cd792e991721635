import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NATIONAL_CODE } from '@gugus/contracts';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';

/** One grant's jurisdiction and (for a nation or province) the ones directly below it. */
function GrantOptions({ code }: { code: string }) {
  const jurisdiction = useJurisdiction(code);
  const below = useJurisdictions(code.includes('.') ? undefined : { parentCode: code });
  const name = jurisdiction.data?.name ?? code;
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

/** Whether `code` is one of the options: a grant's jurisdiction or one directly below it. */
function isListed(grantCodes: readonly string[], code: string): boolean {
  return grantCodes.some((g) => g === code || (g === NATIONAL_CODE ? /^\d{2}$/.test(code) : !g.includes('.') && code.startsWith(`${g}.`)));
}

export interface JurisdictionSelectProps {
  /** The jurisdictions of the person's grants; each brings the ones below it. */
  grantCodes: readonly string[];
  value: string;
  onChange: (code: string) => void;
}

/** Where a form is filled in: limited to the person's grants (a province grant covers its regencies). */
export function JurisdictionSelect({ grantCodes, value, onChange }: JurisdictionSelectProps) {
  const { t } = useTranslation('forms');
  const id = useId();
  return (
    <div className="gu-field">
      <label className="gu-field__label" htmlFor={id}>
        {t('fill.jurisdiction')}
      </label>
      <p id={`${id}-hint`} className="gu-field__hint">
        {t('fill.jurisdictionHint')}
      </p>
      <select id={id} className="gu-input gu-select" value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} data-testid="jurisdiction-select">
        {!isListed(grantCodes, value) && <option value={value}>{value}</option>}
        {grantCodes.map((code) => (
          <GrantOptions key={code} code={code} />
        ))}
      </select>
    </div>
  );
}
