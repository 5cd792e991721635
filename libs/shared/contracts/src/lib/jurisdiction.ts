export type JurisdictionLevel = 'national' | 'province' | 'regency';

/** Code of the national level; provinces use official 2-digit codes ("32"), regencies "32.01". */
export const NATIONAL_CODE = '00';

export interface JurisdictionView {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
}
