import type { SubTaskForceKind } from '@gugus/contracts';
import { isJsonObject, pointerTo } from './json';
import { PlanProblemCode, type PlanProblem, type PlanResult, type PlanVersionContent } from './plan-types';
import { capital, formatRupiah, placeName, problem, type ProblemPlace } from './problems';

/*
 * Money is whole rupiah held in plain numbers, which JSON, jsonb and Temporal payloads carry as they are
 * (a bigint would not survive JSON). Every product and sum is checked to be a safe integer: below
 * Number.MAX_SAFE_INTEGER the IEEE result is exact, and a true result above it cannot round back below,
 * so the check is enough to guarantee there is no rounding anywhere.
 */

/** The amounts of one activity. */
export interface ActivityBudget {
  activityId: string;
  subTaskForce: SubTaskForceKind;
  code: string;
  responsibleAgencyId: string;
  /** units × unit cost of each budget line, in the form's order. */
  lines: number[];
  total: number;
}

/** A plan version's budget in whole rupiah, totalled the ways the plan is read. */
export interface PlanBudget {
  total: number;
  /** Every section of the version, in its order (a section without cost has 0). */
  sections: { subTaskForce: SubTaskForceKind; total: number }[];
  /** Per responsible agency, in the order the agencies first appear in the plan. */
  responsibleAgencies: { agencyId: string; total: number }[];
  /** Per budget source (APBD, APBN, village fund, donor …), in the order they first appear. */
  budgetSources: { budgetSource: string; total: number }[];
  /** Every activity, in plan order. */
  activities: ActivityBudget[];
}

const MONEY_FIELDS = {
  units: { id: 'volume', en: 'units' },
  unitCost: { id: 'harga satuan', en: 'unit cost' },
} as const;

/**
 * The cost of one activity's budget lines (`activity` are its answers), or null with the reasons added
 * to `problems`. `field` is the activity's pointer in its section's answers.
 */
function priceActivity(activity: unknown, place: ProblemPlace, field: string, problems: PlanProblem[]): { lines: number[]; total: number } | null {
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
    if (typeof units !== 'number' || typeof unitCost !== 'number') continue;
    const cost = units * unitCost;
    if (!Number.isSafeInteger(cost)) {
      problems.push(tooLarge(place, lineField(), { id: `${lineName().id}: volume × harga satuan`, en: `${lineName().en}: units × unit cost` }));
      continue;
    }
    lines.push(cost);
    total += cost;
  }
  if (problems.length > before) return null;
  if (!Number.isSafeInteger(total)) {
    problems.push(tooLarge(place, linesField(), { id: `${where().id}: jumlah anggarannya`, en: `${where().en}: its total budget` }));
    return null;
  }
  return { lines, total };
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
 * The `poa-section` form has no year on a budget line and does not tell administrative from operational
 * costs, so there are no totals per year and no check of the one against the other.
 */
export function planBudget(version: PlanVersionContent): PlanResult<PlanBudget> {
  const problems: PlanProblem[] = [];
  const activities: ActivityBudget[] = [];
  const sections = new Map<string, number>();
  const agencies = new Map<string, number>();
  const sources = new Map<string, number>();
  let exact = true;
  for (const section of version.sections) {
    section.activities.forEach((activity, index) => {
      const place = { subTaskForce: section.subTaskForce, activity: { activityId: activity.activityId, index, code: activity.answers?.code } };
      const priced = priceActivity(activity.answers, place, pointerTo('/activities', index), problems);
      if (!priced) return;
      const { answers } = activity;
      activities.push({ activityId: activity.activityId, subTaskForce: section.subTaskForce, code: answers.code, responsibleAgencyId: answers.responsibleAgencyId, ...priced });
      exact = addTo(sections, section.subTaskForce, priced.total) && exact;
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
  return {
    ok: true,
    value: {
      total,
      sections: version.sections.map(({ subTaskForce }) => ({ subTaskForce, total: sections.get(subTaskForce) ?? 0 })),
      responsibleAgencies: [...agencies].map(([agencyId, amount]) => ({ agencyId, total: amount })),
      budgetSources: [...sources].map(([budgetSource, amount]) => ({ budgetSource, total: amount })),
      activities,
    },
  };
}
