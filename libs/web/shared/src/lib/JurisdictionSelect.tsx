import { NATIONAL_CODE } from '@gugus/contracts';
import { useJurisdiction, useJurisdictions } from '@gugus/web-data-access';
import { SelectField } from '@gugus/web-ui';

/** One jurisdiction and the ones directly below it (the nation: its provinces; a province: its regencies). */
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

/** Whether `code` is among the options: a group's jurisdiction or one directly below it. */
function isListed(groups: readonly string[], code: string): boolean {
  return groups.some((g) => g === code || (g === NATIONAL_CODE ? /^\d{2}$/.test(code) : !g.includes('.') && code.startsWith(`${g}.`)));
}

export interface JurisdictionSelectProps {
  /** The jurisdictions of the person's grants; each brings the ones directly below it. */
  grantCodes: readonly string[];
  value: string;
  onChange: (code: string) => void;
  label: string;
  hint?: string;
  'data-testid'?: string;
}

/**
 * A jurisdiction among the person's grants (a province grant covers its regencies). With a national
 * grant the provinces are listed, and the regencies of the chosen province come with it.
 */
export function JurisdictionSelect({ grantCodes, value, onChange, label, hint, ...rest }: JurisdictionSelectProps) {
  const groups = [...grantCodes];
  const province = value.split('.')[0];
  if (grantCodes.includes(NATIONAL_CODE) && value !== NATIONAL_CODE && !groups.includes(province)) groups.push(province);
  return (
    <SelectField label={label} hint={hint} value={value} onChange={(e) => onChange(e.target.value)} data-testid={rest['data-testid']}>
      {!isListed(groups, value) && <option value={value}>{value}</option>}
      {groups.map((code) => (
        <Group key={code} code={code} />
      ))}
    </SelectField>
  );
}
