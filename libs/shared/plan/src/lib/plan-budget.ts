import { COST_CATEGORIES, PlanBudgetWarningCode, type ActivityBudget, type CostCategoryTotals, type PlanBudget, type PlanBudgetWarning, type YearTotal } from '@gugus/contracts';
export type { ActivityBudget, CostCategoryTotals, PlanBudget, PlanBudgetWarning, YearTotal };
import { isJsonObject, pointerTo } from './json';
import { PlanProblemCode, type PlanProblem, type PlanResult, type PlanVersionContent } from './plan-types';
import { capital, formatRupiah, placeName, problem, type ProblemPlace } from './problems';
import { sectionName } from './sections';

/*
 * Money is whole rupiah held in plain numbers, which JSON, jsonb and Temporal payloads carry as they are
 * (a bigint would not survive JSON). Every product and sum is checked to be a safe integer: below
 * Number.MAX_SAFE_INTEGER the IEEE result is exact, and a true result above it cannot round back below,
 * so the check is enough to guarantee there is no rounding anywhere.
 */

const MONEY_FIELDS = {
  units: { id: 'volume', en: 'units' },
  unitCost: { id: 'harga satuan', en: 'unit cost' },
} as const;

/**
 * The cost of one activity's budget lines (`activity` are its answers), or null with the reasons added
 * to `problems`. `field` is the activity's pointer in its section's answers.
 */
/** The plan's period, to check each budget line's year against. */
export interface PlanPeriod {
  /** First year, e.g. 2027. */
  start: number;
  /** 3 or 5. */
  years: number;
}

interface PricedActivity {
  lines: number[];
  total: number;
  costCategories: CostCategoryTotals;
  /** The amount per year (null: lines without a year). */
  years: Map<number | null, number>;
}

function priceActivity(activity: unknown, place: ProblemPlace, field: string, problems: PlanProblem[], period: PlanPeriod | undefined): PricedActivity | null {
  // Names and pointers are built only for a problem: most activities have none.
  const where = () => capital(placeName(place));
  const linesField = () => pointerTo(field, 'budgetLines');
  const budgetLines = isJsonObject(activity) ? activity['budgetLines'] : undefined;
  if (!Array.isArray(budgetLines)) {
    problems.push(
      problem(PlanProblemCode.BUDGET_LINES_INVALID, place, linesField(), {
        id: `${where().id} belum memiliki rincian anggaran (volume × harga satuan).`,
        en: `${where().en} has no budget lines (units × unit cost).`,
      }),
    );
    return null;
  }
  const before = problems.length;
  const lines: number[] = [];
  const costCategories = noCosts();
  const years = new Map<number | null, number>();
  let total = 0;
  for (let k = 0; k < budgetLines.length; k++) {
    const line = budgetLines[k];
    const lineField = () => pointerTo(linesField(), k);
    const lineName = () => ({ id: `${where().id}, baris anggaran ${k + 1}`, en: `${where().en}, budget line ${k + 1}` });
    const units = money(line, 'units');
    const unitCost = money(line, 'unitCost');
    for (const [name, value] of [['units', units], ['unitCost', unitCost]] as const) {
      if (typeof value === 'number') continue;
      const label = MONEY_FIELDS[name];
      if (value === 'too large') {
        problems.push(tooLarge(place, pointerTo(lineField(), name), { id: `${lineName().id}: ${label.id}`, en: `${lineName().en}: the ${label.en}` }));
        continue;
      }
      const shown = value.invalid === undefined ? '' : ` (${value.invalid})`;
      problems.push(
        problem(PlanProblemCode.MONEY_INVALID, place, pointerTo(lineField(), name), {
          id: `${lineName().id}: ${label.id} harus bilangan bulat yang tidak negatif${shown}. Anggaran dihitung dalam rupiah penuh, tanpa sen.`,
          en: `${lineName().en}: the ${label.en} must be a whole number that is not negative${shown}. Budgets are in whole rupiah, without cents.`,
        }),
      );
    }
    const year = fiscalYearOf(line);
    if (year === 'invalid' || (year !== null && period && (year < period.start || year >= period.start + period.years))) {
      const shown = isJsonObject(line) ? String(line['fiscalYear']) : '';
      const within = period ? { id: ` dalam periode RAD ${period.start}–${period.start + period.years - 1}`, en: ` within the plan's period ${period.start}–${period.start + period.years - 1}` } : { id: '', en: '' };
      problems.push(
        problem(PlanProblemCode.BUDGET_YEAR_INVALID, place, pointerTo(lineField(), 'fiscalYear'), {
          id: `${lineName().id}: tahun anggaran harus tahun${within.id} (${shown}).`,
          en: `${lineName().en}: the budget year must be a year${within.en} (${shown}).`,
        }),
      );
      continue;
    }
    if (typeof units !== 'number' || typeof unitCost !== 'number') continue;
    const cost = units * unitCost;
    if (!Number.isSafeInteger(cost)) {
      problems.push(tooLarge(place, lineField(), { id: `${lineName().id}: volume × harga satuan`, en: `${lineName().en}: units × unit cost` }));
      continue;
    }
    lines.push(cost);
    total += cost;
    costCategories[costCategoryOf(line)] += cost;
    years.set(year, (years.get(year) ?? 0) + cost);
  }
  if (problems.length > before) return null;
  if (!Number.isSafeInteger(total)) {
    problems.push(tooLarge(place, linesField(), { id: `${where().id}: jumlah anggarannya`, en: `${where().en}: its total budget` }));
    return null;
  }
  // Each category's sum is at most the total, so it is exact whenever the total is.
  return { lines, total, costCategories, years };
}

/** The line's budget year: null without one (before poa-section 1.2.0), 'invalid' if it is not a whole year. */
function fiscalYearOf(line: unknown): number | null | 'invalid' {
  const value = isJsonObject(line) ? line['fiscalYear'] : undefined;
  if (value === undefined) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2999 ? value : 'invalid';
}

/** Years in order, the lines without a year last. */
function compareYears(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function yearTotals(years: Map<number | null, number>): YearTotal[] {
  return [...years].sort(([a], [b]) => compareYears(a, b)).map(([fiscalYear, total]) => ({ fiscalYear, total }));
}

/** The year of a 'YYYY-Qn' quarter, or null. */
function quarterYear(value: unknown): number | null {
  const match = typeof value === 'string' ? /^(\d{4})-Q[1-4]$/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Money budgeted for a year the activity does not run in (before its start quarter's year or after its
 * end quarter's): a warning, since the time frame or the line's year may be the one to correct.
 */
function timeFrameWarning(subTaskForce: PlanBudget['sections'][number]['subTaskForce'], activityId: string, index: number, answers: { code?: unknown; startQuarter?: unknown; endQuarter?: unknown }, years: Map<number | null, number>): PlanBudgetWarning | null {
  const [from, to] = [quarterYear(answers.startQuarter), quarterYear(answers.endQuarter)];
  if (from === null || to === null) return null;
  const outside = [...years.keys()].filter((y): y is number => y !== null && (y < from || y > to)).sort((a, b) => a - b);
  if (outside.length === 0) return null;
  const where = capital(placeName({ subTaskForce, activity: { activityId, index, code: answers.code } }));
  const list = outside.join(', ');
  return {
    code: PlanBudgetWarningCode.BUDGET_YEAR_OUTSIDE_ACTIVITY,
    subTaskForce,
    activityId,
    message: {
      id: `${where.id} dianggarkan pada tahun ${list}, di luar waktu pelaksanaannya (${from}–${to}). Periksa tahun anggaran atau waktu kegiatan.`,
      en: `${where.en} is budgeted in ${list}, outside the years it runs (${from}–${to}). Check the budget year or the activity's time frame.`,
    },
  };
}

function noCosts(): CostCategoryTotals {
  return { administrative: 0, operational: 0, uncategorised: 0 };
}

/** The line's cost category; a line without one (or with one the form does not know) is uncategorised. */
function costCategoryOf(line: unknown): keyof CostCategoryTotals {
  const value = isJsonObject(line) ? line['costCategory'] : undefined;
  return (COST_CATEGORIES as readonly unknown[]).includes(value) ? (value as keyof CostCategoryTotals) : 'uncategorised';
}

function addCosts(into: CostCategoryTotals, from: CostCategoryTotals): void {
  into.administrative += from.administrative;
  into.operational += from.operational;
  into.uncategorised += from.uncategorised;
}

/**
 * Administrative costs above operational ones (seed 000 L1009: "administrative expenses as a rule should
 * not exceed operational expenses"), per section and for the whole plan. Not per activity: a task force
 * meeting is administrative by nature and belongs in the plan (seed 000 L1094); the rule is about the
 * budget's proportions. A warning, not a refusal: the rule says "as a rule".
 */
function proportionWarnings(sections: { subTaskForce: PlanBudget['sections'][number]['subTaskForce']; costCategories: CostCategoryTotals }[], plan: CostCategoryTotals): PlanBudgetWarning[] {
  const warnings: PlanBudgetWarning[] = [];
  const warn = (subTaskForce: PlanBudgetWarning['subTaskForce'], { administrative, operational }: CostCategoryTotals) => {
    if (administrative <= operational) return;
    const where = subTaskForce ? capital(sectionName(subTaskForce)) : { id: 'RAD secara keseluruhan', en: 'The plan as a whole' };
    const [admin, ops] = [formatRupiah(administrative), formatRupiah(operational)];
    warnings.push({
      code: PlanBudgetWarningCode.ADMINISTRATIVE_EXCEEDS_OPERATIONAL,
      subTaskForce,
      administrative,
      operational,
      message: {
        id: `${where.id}: biaya administrasi ${admin.id} melebihi biaya operasional ${ops.id}. Biaya administrasi sebaiknya tidak melebihi biaya operasional; inti anggaran adalah pencegahan dan penanganan TPPO.`,
        en: `${where.en}: administrative costs of ${admin.en} exceed operational costs of ${ops.en}. Administrative costs should not exceed operational costs; the core of the budget is preventing and responding to trafficking.`,
      },
    });
  };
  for (const section of sections) warn(section.subTaskForce, section.costCategories);
  warn(null, plan);
  return warnings;
}

/** The whole, non-negative amount in `line[name]`; else whether it is too large or invalid (a wrong number, shown). */
function money(line: unknown, name: keyof typeof MONEY_FIELDS): number | 'too large' | { invalid?: string } {
  const value = isJsonObject(line) ? line[name] : undefined;
  if (typeof value !== 'number') return {};
  if (Number.isSafeInteger(value) && value >= 0) return value;
  if (Number.isInteger(value) && value > 0) return 'too large';
  return { invalid: String(value) };
}

function tooLarge(place: ProblemPlace, field: string, what: { id: string; en: string }): PlanProblem {
  const limit = formatRupiah(Number.MAX_SAFE_INTEGER);
  return problem(PlanProblemCode.MONEY_TOO_LARGE, place, field, {
    id: `${what.id} melebihi ${limit.id}, batas yang dapat dihitung dengan tepat. Periksa volume dan harga satuannya.`,
    en: `${what.en} exceeds ${limit.en}, the most that is computed exactly. Check the units and the unit cost.`,
  });
}

/** Adds `amount` to the total under `key`; false if the total would no longer be exact. */
function addTo(totals: Map<string, number>, key: string, amount: number): boolean {
  const sum = (totals.get(key) ?? 0) + amount;
  totals.set(key, sum);
  return Number.isSafeInteger(sum);
}

/**
 * The budget of a plan version: units × unit cost of every budget line, totalled per activity, per
 * section, per responsible agency, per budget source and for the plan. Refuses an amount that is not a
 * whole number of rupiah, is negative, or is too large to compute exactly, naming the activity, the
 * budget line and the field.
 *
 * Also totals per cost category (administrative, operational, and uncategorised for lines submitted
 * before `poa-section` 1.2.0) and warns, without refusing, where administrative costs exceed operational
 * ones in a section or in the whole plan.
 *
 * Budgets are annual (seed 000 L991): totals per budget year too, per activity, section and plan; lines
 * without a year (before `poa-section` 1.2.0) are totalled under year null. With `period`, a line's year
 * outside the plan's period is refused; a year outside the activity's own time frame is a warning.
 */
export function planBudget(version: PlanVersionContent, options: { period?: PlanPeriod } = {}): PlanResult<PlanBudget> {
  const problems: PlanProblem[] = [];
  const activities: ActivityBudget[] = [];
  const sections = new Map<string, number>();
  const agencies = new Map<string, number>();
  const sources = new Map<string, number>();
  const sectionCosts = new Map<string, CostCategoryTotals>();
  const planCosts = noCosts();
  const sectionYears = new Map<string, Map<number | null, number>>();
  const planYears = new Map<number | null, { total: number; costCategories: CostCategoryTotals }>();
  const timeFrameWarnings: PlanBudgetWarning[] = [];
  let exact = true;
  for (const section of version.sections) {
    section.activities.forEach((activity, index) => {
      const place = { subTaskForce: section.subTaskForce, activity: { activityId: activity.activityId, index, code: activity.answers?.code } };
      const priced = priceActivity(activity.answers, place, pointerTo('/activities', index), problems, options.period);
      if (!priced) return;
      const { answers } = activity;
      activities.push({ activityId: activity.activityId, subTaskForce: section.subTaskForce, code: answers.code, responsibleAgencyId: answers.responsibleAgencyId, ...priced, years: yearTotals(priced.years) });
      const byYear = sectionYears.get(section.subTaskForce) ?? new Map<number | null, number>();
      sectionYears.set(section.subTaskForce, byYear);
      for (const [year, amount] of priced.years) byYear.set(year, (byYear.get(year) ?? 0) + amount);
      answers.budgetLines.forEach((line, k) => {
        const year = fiscalYearOf(line);
        const key = year === 'invalid' ? null : year;
        const entry = planYears.get(key) ?? { total: 0, costCategories: noCosts() };
        entry.total += priced.lines[k] ?? 0;
        entry.costCategories[costCategoryOf(line)] += priced.lines[k] ?? 0;
        planYears.set(key, entry);
      });
      const late = timeFrameWarning(section.subTaskForce, activity.activityId, index, answers, priced.years);
      if (late) timeFrameWarnings.push(late);
      exact = addTo(sections, section.subTaskForce, priced.total) && exact;
      const costs = sectionCosts.get(section.subTaskForce) ?? noCosts();
      addCosts(costs, priced.costCategories);
      sectionCosts.set(section.subTaskForce, costs);
      addCosts(planCosts, priced.costCategories);
      exact = addTo(agencies, answers.responsibleAgencyId, priced.total) && exact;
      answers.budgetLines.forEach((line, k) => {
        exact = addTo(sources, line.budgetSource, priced.lines[k] ?? 0) && exact;
      });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  let total = 0;
  for (const activity of activities) total += activity.total;
  if (!exact || !Number.isSafeInteger(total)) {
    const limit = formatRupiah(Number.MAX_SAFE_INTEGER);
    return {
      ok: false,
      problems: [
        {
          code: PlanProblemCode.MONEY_TOO_LARGE,
          subTaskForce: null,
          activityId: null,
          field: '',
          message: {
            id: `Jumlah anggaran RAD melebihi ${limit.id}, batas yang dapat dihitung dengan tepat. Periksa volume dan harga satuan kegiatan yang terbesar.`,
            en: `The plan's total budget exceeds ${limit.en}, the most that is computed exactly. Check the units and unit costs of the largest activities.`,
          },
        },
      ],
    };
  }
  const sectionTotals = version.sections.map(({ subTaskForce }) => ({ subTaskForce, total: sections.get(subTaskForce) ?? 0, costCategories: sectionCosts.get(subTaskForce) ?? noCosts(), years: yearTotals(sectionYears.get(subTaskForce) ?? new Map()) }));
  return {
    ok: true,
    value: {
      total,
      costCategories: planCosts,
      sections: sectionTotals,
      years: [...planYears].sort(([a], [b]) => compareYears(a, b)).map(([fiscalYear, y]) => ({ fiscalYear, ...y })),
      responsibleAgencies: [...agencies].map(([agencyId, amount]) => ({ agencyId, total: amount })),
      budgetSources: [...sources].map(([budgetSource, amount]) => ({ budgetSource, total: amount })),
      activities,
      warnings: [...proportionWarnings(sectionTotals, planCosts), ...timeFrameWarnings],
    },
  };
}
