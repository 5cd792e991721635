import { NATIONAL_CODE } from '@gugus/contracts';

/**
 * Official region codes are hierarchical ("32" West Java, "32.01" a regency in it), so coverage needs
 * no lookup: national covers everything, a province covers itself and its regencies, a regency itself.
 */
export function covers(grantCode: string, targetCode: string): boolean {
  if (grantCode === NATIONAL_CODE) return true;
  return targetCode === grantCode || targetCode.startsWith(`${grantCode}.`);
}

/** A query condition matching every jurisdiction code `grantCode` covers. */
export function coveredCodePattern(grantCode: string): RegExp {
  if (grantCode === NATIONAL_CODE) return /^/;
  const escaped = grantCode.replace(/\./g, '\\.');
  return new RegExp(`^${escaped}(\\..*)?$`);
}
