// The case figures of a period (issue 12, item 1: "pre-filled with the figures computed from its cases"):
// identified victims counted by each breakdown the quarterly report asks for. Each case is counted once —
// in the task force that owns it (a case shared with another region is not counted there again), in the
// period it was opened (a case spanning quarters, or reopened, is not counted twice) — and an unknown
// answer is counted as "unknown", never dropped, so every breakdown adds up to the total (multi-valued
// ones — exploitation types, sectors — count each case once per value and say so).

/** One case as reports see it: codes only (the case record and its statistical facts). */
export interface CaseFactRow {
  identificationStatus: string | null;
  intakeChannel: string;
  sex: string | null;
  ageGroup: string | null;
  ageUncertain: boolean | null;
  nationalityGroup: string | null;
  traffickingScope: string | null;
  originRegion: string | null;
  exploitationTypes: readonly string[] | null;
  sectors: readonly string[] | null;
}

export const UNKNOWN = 'unknown';

/** The identification statuses counted as victims (presumed ones are treated as victims at once). */
export const COUNTED_STATUSES = ['presumed', 'verified', 'confirmed'] as const;

export type CaseBreakdown = 'sex' | 'ageGroup' | 'nationalityGroup' | 'traffickingScope' | 'referralSource' | 'originProvince' | 'exploitationType' | 'sector';
export const SINGLE_VALUED: readonly CaseBreakdown[] = ['sex', 'ageGroup', 'nationalityGroup', 'traffickingScope', 'referralSource', 'originProvince'];
export const MULTI_VALUED: readonly CaseBreakdown[] = ['exploitationType', 'sector'];

export interface CaseTally {
  /** Identified victims (presumed, verified or confirmed). */
  total: number;
  /** Screened and found not to be a case, or not confirmed: reported beside, never in the total. */
  notCounted: number;
  /** Counts per code, codes in ascending order with `unknown` last. */
  breakdowns: Record<CaseBreakdown, { code: string; count: number }[]>;
}

const sorted = (counts: Map<string, number>) =>
  [...counts.entries()].sort(([a], [b]) => (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : a < b ? -1 : a > b ? 1 : 0)).map(([code, count]) => ({ code, count }));

/** What one case says for a single-valued breakdown. */
function valueOf(row: CaseFactRow, breakdown: CaseBreakdown): string {
  switch (breakdown) {
    case 'sex':
      return row.sex ?? UNKNOWN;
    // Age in doubt counts as a child (the rule the screening applies), an unknown age as unknown.
    case 'ageGroup':
      return row.ageUncertain ? 'child' : (row.ageGroup ?? UNKNOWN);
    case 'nationalityGroup':
      return row.nationalityGroup ?? UNKNOWN;
    case 'traffickingScope':
      return row.traffickingScope ?? UNKNOWN;
    case 'referralSource':
      return row.intakeChannel || UNKNOWN;
    case 'originProvince':
      return row.originRegion ? row.originRegion.slice(0, 2) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

export function tallyCases(rows: readonly CaseFactRow[]): CaseTally {
  const counted = rows.filter((r) => (COUNTED_STATUSES as readonly (string | null)[]).includes(r.identificationStatus));
  const maps = Object.fromEntries([...SINGLE_VALUED, ...MULTI_VALUED].map((b) => [b, new Map<string, number>()])) as Record<CaseBreakdown, Map<string, number>>;
  const add = (b: CaseBreakdown, code: string) => maps[b].set(code, (maps[b].get(code) ?? 0) + 1);
  for (const row of counted) {
    for (const b of SINGLE_VALUED) add(b, valueOf(row, b));
    for (const [b, values] of [['exploitationType', row.exploitationTypes], ['sector', row.sectors]] as const) {
      const distinct = [...new Set(values ?? [])];
      if (!distinct.length) add(b, UNKNOWN);
      for (const v of distinct) add(b, v);
    }
  }
  return {
    total: counted.length,
    notCounted: rows.length - counted.length,
    breakdowns: Object.fromEntries(Object.entries(maps).map(([b, m]) => [b, sorted(m)])) as CaseTally['breakdowns'],
  };
}

/** The first and the day after the last day of quarter `quarter` of `year` (YYYY-MM-DD, Asia/Jakarta days). */
export function quarterDays(year: number, quarter: number): { from: string; until: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError('tahun 2000–2100 dan triwulan 1–4 / year 2000–2100 and quarter 1–4');
  }
  const month = (m: number) => String(m).padStart(2, '0');
  const start = 3 * quarter - 2;
  return { from: `${year}-${month(start)}-01`, until: quarter === 4 ? `${year + 1}-01-01` : `${year}-${month(start + 3)}-01` };
}
