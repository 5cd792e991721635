// Periodic reports up the hierarchy (issue 12, item 1): the period a report covers, the regency/city
// report's figures pre-filled from the cases (the national `quarterly-case-report` form's shape), the
// figures of a report as counts only, and the sum a province (or the nation) reports for the task forces
// below it. Pure: the API, the worker and the workflows compute the same thing.
import { jakartaDayOfMs } from '@gugus/cases';
import type { CategoryCount, ReportFigures, ReportPartAnswers } from '@gugus/contracts';
import { quarterDays, UNKNOWN, type CaseTally } from './case-tally';

/** A reporting period: one quarter, `2027-Q1`. */
export type Period = `${number}-Q${1 | 2 | 3 | 4}`;
const PERIOD = /^(\d{4})-Q([1-4])$/;

export function isPeriod(value: string): value is Period {
  const m = PERIOD.exec(value);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** The year and quarter of a period, and its first day and the day after its last (Asia/Jakarta days). */
export function periodDays(period: string): { year: number; quarter: number; from: string; until: string } {
  const m = PERIOD.exec(period);
  if (!m || !isPeriod(period)) throw new RangeError(`periode harus seperti 2027-Q1 / period must look like 2027-Q1: ${period}`);
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  return { year, quarter, ...quarterDays(year, quarter) };
}

/** The quarter that ended last before the Jakarta day of `ms` (a cycle starting on 1 April reports on Q1). */
export function previousQuarter(ms: number): Period {
  const [year, month] = jakartaDayOfMs(ms).split('-').map(Number);
  const q = Math.floor((month - 1) / 3) + 1;
  return (q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`) as Period;
}

export function emptyFigures(): ReportFigures {
  return {
    personsScreened: 0,
    victims: { total: 0, bySex: { female: 0, male: 0 }, byAgeGroup: { child: 0, adult: 0 }, byNationality: { indonesian: 0, foreign: 0, stateless_or_unknown: 0 }, byScope: { internal: 0, international: 0 }, byExploitationType: [], bySector: [], byReferralSource: [] },
    assistance: [],
    prosecution: { crimesRegistered: 0, casesToProsecutor: 0, verdicts: 0, convictions: 0 },
    prevention: { activitiesReported: 0, activitiesCompleted: 0, activitiesDelayed: 0 },
  };
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
const byCategory = (rows: readonly { code: string; count: number }[]): CategoryCount[] => rows.filter((r) => r.code !== UNKNOWN && r.count > 0).map((r) => ({ category: r.code, count: r.count }));
const pick = (rows: readonly { code: string; count: number }[], code: string) => rows.find((r) => r.code === code)?.count ?? 0;

/**
 * What the cases say, in the form's shape: the figures a regency/city report is pre-filled with. An
 * unknown nationality counts as "stateless or unknown"; an unknown sex, age or scope has no box in the
 * national form and is left out (the report shows the gap beside the total); assistance comes from the
 * case plans' services (`assisted`), prosecution from the cases' justice records (`prosecution`, counted by
 * the repository: each case once per figure, in the quarter its record first reached that point).
 */
export function figuresFromCases(
  tally: CaseTally,
  assisted: readonly { service: string; persons: number }[] = [],
  prosecution: ReportFigures['prosecution'] = { crimesRegistered: 0, casesToProsecutor: 0, verdicts: 0, convictions: 0 },
  prevention: NonNullable<ReportFigures['prevention']> = { activitiesReported: 0, activitiesCompleted: 0, activitiesDelayed: 0 },
): ReportFigures {
  const b = tally.breakdowns;
  return {
    personsScreened: tally.total + tally.notCounted,
    victims: {
      total: tally.total,
      bySex: { female: pick(b.sex, 'female'), male: pick(b.sex, 'male') },
      byAgeGroup: { child: pick(b.ageGroup, 'child'), adult: pick(b.ageGroup, 'adult') },
      byNationality: { indonesian: pick(b.nationalityGroup, 'indonesian'), foreign: pick(b.nationalityGroup, 'foreign'), stateless_or_unknown: pick(b.nationalityGroup, 'stateless_or_unknown') + pick(b.nationalityGroup, UNKNOWN) },
      byScope: { internal: pick(b.traffickingScope, 'internal'), international: pick(b.traffickingScope, 'international') },
      byExploitationType: byCategory(b.exploitationType),
      bySector: byCategory(b.sector),
      byReferralSource: byCategory(b.referralSource),
    },
    assistance: assisted.filter((a) => a.persons > 0).map((a) => ({ service: a.service, personsAssisted: a.persons })),
    prosecution: { ...prosecution },
    prevention: { ...prevention },
  };
}

/** The form's answers a regency/city report task starts with. */
export function reportPrefill(figures: ReportFigures, regencyCode: string, period: string): Record<string, unknown> {
  const { year, quarter } = periodDays(period);
  return { regencyCode, year, quarter, ...structuredClone(figures) };
}

const categories = (value: unknown, key: 'category' | 'service', countKey: 'count' | 'personsAssisted'): { k: string; n: number }[] =>
  Array.isArray(value) ? value.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && typeof (r as Record<string, unknown>)[key] === 'string').map((r) => ({ k: r[key] as string, n: count(r[countKey]) })) : [];

/**
 * The figures of a submitted report (its form's answers): counts and codes only — the notes, and anything
 * else a province variant added, are left behind in the sealed submission.
 */
export function figuresOfAnswers(answers: Record<string, unknown>): ReportFigures {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const v = obj(answers['victims']);
  const p = obj(answers['prosecution']);
  const pv = obj(answers['prevention']);
  const rows = (value: unknown): CategoryCount[] => merge(categories(value, 'category', 'count')).map(({ k, n }) => ({ category: k, count: n }));
  return {
    personsScreened: count(answers['personsScreened']),
    victims: {
      total: count(v['total']),
      bySex: { female: count(obj(v['bySex'])['female']), male: count(obj(v['bySex'])['male']) },
      byAgeGroup: { child: count(obj(v['byAgeGroup'])['child']), adult: count(obj(v['byAgeGroup'])['adult']) },
      byNationality: { indonesian: count(obj(v['byNationality'])['indonesian']), foreign: count(obj(v['byNationality'])['foreign']), stateless_or_unknown: count(obj(v['byNationality'])['stateless_or_unknown']) },
      byScope: { internal: count(obj(v['byScope'])['internal']), international: count(obj(v['byScope'])['international']) },
      byExploitationType: rows(v['byExploitationType']),
      bySector: rows(v['bySector']),
      byReferralSource: rows(v['byReferralSource']),
    },
    assistance: merge(categories(answers['assistance'], 'service', 'personsAssisted')).map(({ k, n }) => ({ service: k, personsAssisted: n })),
    prosecution: { crimesRegistered: count(p['crimesRegistered']), casesToProsecutor: count(p['casesToProsecutor']), verdicts: count(p['verdicts']), convictions: count(p['convictions']) },
    prevention: { activitiesReported: count(pv['activitiesReported']), activitiesCompleted: count(pv['activitiesCompleted']), activitiesDelayed: count(pv['activitiesDelayed']) },
  };
}

/**
 * A member agency's part (form `agency-report-part`) as kept beside the report: its counts (anything else
 * reads as 0) and its remarks (trimmed, at most 2,000 characters; null when empty). Nothing else of the
 * submission is kept, whatever a changed form version adds.
 */
export function partAnswersOf(answers: Record<string, unknown>): ReportPartAnswers {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const pv = obj(answers['prevention']);
  const p = obj(answers['prosecution']);
  const remarks = typeof answers['obstacles'] === 'string' ? answers['obstacles'].trim().slice(0, 2000) : '';
  return {
    victimsAssisted: count(answers['victimsAssisted']),
    victimsNotRecorded: count(answers['victimsNotRecorded']),
    prevention: { trainings: count(pv['trainings']), peopleTrained: count(pv['peopleTrained']), materialsDistributed: count(pv['materialsDistributed']) },
    prosecution: { crimesRegistered: count(p['crimesRegistered']), verdicts: count(p['verdicts']) },
    obstacles: remarks || null,
  };
}

/** The counts of the parts received, added up (what the focal point checks the report against). */
export function sumParts(parts: readonly ReportPartAnswers[]): Omit<ReportPartAnswers, 'obstacles'> {
  const total = { victimsAssisted: 0, victimsNotRecorded: 0, prevention: { trainings: 0, peopleTrained: 0, materialsDistributed: 0 }, prosecution: { crimesRegistered: 0, verdicts: 0 } };
  for (const a of parts) {
    total.victimsAssisted += a.victimsAssisted;
    total.victimsNotRecorded += a.victimsNotRecorded;
    total.prevention.trainings += a.prevention.trainings;
    total.prevention.peopleTrained += a.prevention.peopleTrained;
    total.prevention.materialsDistributed += a.prevention.materialsDistributed;
    total.prosecution.crimesRegistered += a.prosecution.crimesRegistered;
    total.prosecution.verdicts += a.prosecution.verdicts;
  }
  return total;
}

/** Adds rows of the same category; categories in ascending order. */
function merge(rows: readonly { k: string; n: number }[]): { k: string; n: number }[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.k, (sums.get(r.k) ?? 0) + r.n);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, n]) => ({ k, n }));
}

/** The sum of reports: what a province reports for its regencies and cities (and the nation for the provinces). */
export function sumFigures(list: readonly ReportFigures[]): ReportFigures {
  const out = emptyFigures();
  const add = <T extends Record<string, number>>(into: T, from: T) => {
    for (const k of Object.keys(into) as (keyof T)[]) (into[k] as number) += count(from[k]);
  };
  const rows = (pickRows: (f: ReportFigures) => CategoryCount[]) => merge(list.flatMap((f) => pickRows(f).map((r) => ({ k: r.category, n: r.count })))).map(({ k, n }) => ({ category: k, count: n }));
  for (const f of list) {
    out.personsScreened += count(f.personsScreened);
    out.victims.total += count(f.victims.total);
    add(out.victims.bySex, f.victims.bySex);
    add(out.victims.byAgeGroup, f.victims.byAgeGroup);
    add(out.victims.byNationality, f.victims.byNationality);
    add(out.victims.byScope, f.victims.byScope);
    add(out.prosecution, f.prosecution);
    // Reports made before the form had prevention (1.0.0) count none.
    if (f.prevention) add(out.prevention as NonNullable<ReportFigures['prevention']>, f.prevention);
  }
  out.victims.byExploitationType = rows((f) => f.victims.byExploitationType);
  out.victims.bySector = rows((f) => f.victims.bySector);
  out.victims.byReferralSource = rows((f) => f.victims.byReferralSource);
  out.assistance = merge(list.flatMap((f) => f.assistance.map((a) => ({ k: a.service, n: a.personsAssisted })))).map(({ k, n }) => ({ service: k, personsAssisted: n }));
  return out;
}

/** Submitted on time: first submitted (`firstSubmittedMs`, epoch milliseconds) on or before the due day, in Jakarta; null while nothing has been submitted. */
export function onTime(dueDate: string, firstSubmittedMs: number | null): boolean | null {
  return firstSubmittedMs === null ? null : jakartaDayOfMs(firstSubmittedMs) <= dueDate;
}

/** An accepted report as the roll-up reads it: the latest accepted version of a task force's report for a period. */
export interface AcceptedReport {
  jurisdictionCode: string;
  period: string;
  figures: ReportFigures;
}

/** A province's figures for a period: its own accepted report, else the sum of its regencies' and cities' accepted reports, else none. */
export interface ProvinceFigures {
  figures: ReportFigures;
  source: 'province' | 'regencies';
  /** How many regency/city reports were summed (source `regencies`). */
  regencies: number;
}

export interface RollUp {
  periods: string[];
  /** Per period: the sum of the provinces' figures. */
  national: Record<string, ReportFigures>;
  /** Per province code, per period. */
  provinces: Record<string, Record<string, ProvinceFigures>>;
}

/**
 * The national roll-up (dashboards, issue 12 item 2): for each period and province, the province's
 * accepted report (it already holds its regencies and cities), or — while it has none — the sum of the
 * regency/city reports accepted so far; the nation is the sum of the provinces. The national task force's
 * own report is not added (its own cases are few and it reports them in its report). One pass over the
 * reports: linear in their number.
 */
export function rollUp(reports: readonly AcceptedReport[]): RollUp {
  const provinceReports = new Map<string, ReportFigures>();
  const regencyReports = new Map<string, ReportFigures[]>();
  const periods = new Set<string>();
  const provinceCodes = new Set<string>();
  for (const r of reports) {
    const province = r.jurisdictionCode.slice(0, 2);
    if (!/^\d{2}$/.test(province) || province === '00') continue;
    periods.add(r.period);
    provinceCodes.add(province);
    const key = `${r.period}|${province}`;
    if (r.jurisdictionCode.length === 2) provinceReports.set(key, r.figures);
    else {
      const list = regencyReports.get(key);
      if (list) list.push(r.figures);
      else regencyReports.set(key, [r.figures]);
    }
  }
  const sortedPeriods = [...periods].sort();
  const provinces: RollUp['provinces'] = {};
  const national: RollUp['national'] = {};
  for (const period of sortedPeriods) {
    const ofPeriod: ReportFigures[] = [];
    for (const code of [...provinceCodes].sort()) {
      const key = `${period}|${code}`;
      const own = provinceReports.get(key);
      const below = regencyReports.get(key) ?? [];
      const entry: ProvinceFigures | null = own ? { figures: own, source: 'province', regencies: 0 } : below.length ? { figures: sumFigures(below), source: 'regencies', regencies: below.length } : null;
      if (!entry) continue;
      (provinces[code] ??= {})[period] = entry;
      ofPeriod.push(entry.figures);
    }
    national[period] = sumFigures(ofPeriod);
  }
  return { periods: sortedPeriods, national, provinces };
}

/** The quarters from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function periodsBetween(from: string, to: string): Period[] {
  const a = periodDays(from);
  const b = periodDays(to);
  const out: Period[] = [];
  for (let i = a.year * 4 + a.quarter - 1; i <= b.year * 4 + b.quarter - 1; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}` as Period);
  return out;
}
