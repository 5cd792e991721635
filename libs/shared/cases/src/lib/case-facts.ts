// The case's statistical facts (issue 12 groundwork: "figures are computed, not typed twice"): the codes the
// quarterly reports break cases down by — sex, age group, nationality, internal or international, area of
// origin, where identified, exploitation types and sectors, means of control — taken from the sealed intake
// and screening forms by the case process on the server. Codes only: a value that is not shaped like a code
// (a name, a note, anything with a space or a capital) never passes, whatever a form variant holds.

export interface CaseFacts {
  sex: string | null;
  ageGroup: string | null;
  /** Age in doubt at screening (treated as a child for the rules; counted as such by reports that ask). */
  ageUncertain: boolean | null;
  nationalityGroup: string | null;
  /** ISO 3166-1 alpha-2. */
  nationality: string | null;
  /** internal / international. */
  traffickingScope: string | null;
  /** Region code (regency/city or province). */
  originRegion: string | null;
  identifiedInRegion: string | null;
  exploitationTypes: string[] | null;
  sectors: string[] | null;
  means: string[] | null;
}

const CODE = /^[a-z][a-z0-9_]{0,59}$/;
const REGION = /^\d{2}(\.\d{2})?$/;
const COUNTRY = /^[A-Z]{2}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const code = (v: unknown): string | null => (typeof v === 'string' && CODE.test(v) ? v : null);
const region = (v: unknown): string | null => (typeof v === 'string' && REGION.test(v) ? v : null);
const country = (v: unknown): string | null => (typeof v === 'string' && COUNTRY.test(v) ? v : null);
const codes = (v: unknown): string[] | null => {
  if (!Array.isArray(v)) return null;
  const out = [...new Set(v.filter((x): x is string => typeof x === 'string' && CODE.test(x)))].slice(0, 30).sort();
  return out;
};

/** What the intake form says that reports count (null where it says nothing usable). */
export function factsFromIntake(data: unknown): Partial<CaseFacts> {
  const d = isRecord(data) ? data : {};
  return {
    sex: code(d['sex']),
    ageGroup: code(d['ageGroup']),
    nationalityGroup: code(d['nationalityGroup']),
    nationality: country(d['countryOfNationality']),
    traffickingScope: code(d['traffickingScope']),
    originRegion: region(d['originRegency']),
    identifiedInRegion: region(d['identifiedInRegency']),
  };
}

/** What the screening form says that reports count. */
export function factsFromScreening(data: unknown): Partial<CaseFacts> {
  const d = isRecord(data) ? data : {};
  const purpose = isRecord(d['purpose']) ? d['purpose'] : {};
  const means = isRecord(d['means']) ? d['means'] : {};
  return {
    sex: code(d['sex']),
    ageGroup: code(d['ageGroup']),
    ageUncertain: typeof d['ageUncertain'] === 'boolean' ? d['ageUncertain'] : null,
    nationalityGroup: code(d['nationalityGroup']),
    exploitationTypes: codes(purpose['exploitationTypes']),
    sectors: codes(purpose['sectors']),
    means: codes(means['elements']),
  };
}

/** The facts after a new form: what it says replaces what was known; what it leaves unsaid keeps the earlier value. */
export function mergeFacts(known: Partial<CaseFacts>, next: Partial<CaseFacts>): CaseFacts {
  const keys: (keyof CaseFacts)[] = ['sex', 'ageGroup', 'ageUncertain', 'nationalityGroup', 'nationality', 'traffickingScope', 'originRegion', 'identifiedInRegion', 'exploitationTypes', 'sectors', 'means'];
  return Object.fromEntries(keys.map((k) => [k, next[k] ?? known[k] ?? null])) as unknown as CaseFacts;
}
