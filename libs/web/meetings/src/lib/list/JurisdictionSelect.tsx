import { useTranslation } from 'react-i18next';
import { NATIONAL_CODE } from '@gugus/contracts';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';
import { SelectField } from '@gugus/web-ui';

/** A jurisdiction of the person's grants and the ones directly below it. */
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

export interface JurisdictionSelectProps {
  grantCodes: readonly string[];
  value: string;
  onChange: (code: string) => void;
}

/** Whose meetings to show: the person's jurisdictions and those below them. */
export function JurisdictionSelect({ grantCodes, value, onChange }: JurisdictionSelectProps) {
  const { t } = useTranslation('meetings');
  const groups = [...grantCodes];
  // A national grant lists provinces; the regencies of the chosen province come with it.
  const province = value.split('.')[0];
  if (grantCodes.includes(NATIONAL_CODE) && value !== NATIONAL_CODE && !groups.includes(province)) groups.push(province);
  return (
    <SelectField label={t('list.jurisdiction')} value={value} onChange={(e) => onChange(e.target.value)} data-testid="meetings-jurisdiction">
      {groups.map((code) => (
        <Group key={code} code={code} />
      ))}
    </SelectField>
  );
}
