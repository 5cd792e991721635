import { NATIONAL_CODE } from '@gugus/contracts';

/** Official region codes: `00` (national), a province `32`, a regency/city `32.04`. */
export const REGION_CODE = /^(00|\d{2}|\d{2}\.\d{2})$/;

/** Nearest first: a regency, its province, the nation. */
export function jurisdictionChain(code: string): string[] {
  const chain = [code];
  if (code.includes('.')) chain.push(code.split('.')[0]);
  if (code !== NATIONAL_CODE) chain.push(NATIONAL_CODE);
  return chain;
}
