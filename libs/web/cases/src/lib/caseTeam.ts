const cache = new Map<string, readonly string[]>();

/**
 * The jurisdictions whose agencies a case's forms may name: its own and, for a regency's case, its
 * province (whose task force serves it) — as the API checks. The same array for the same code, so a
 * form's context stays stable between renders.
 */
export function caseAgencyJurisdictions(code: string): readonly string[] {
  let found = cache.get(code);
  if (!found) {
    found = code.includes('.') ? [code, code.split('.')[0]] : [code];
    cache.set(code, found);
  }
  return found;
}
