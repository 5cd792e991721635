import type { PlanDecree } from '@gugus/contracts';
import { OPTION_LISTS } from '@gugus/forms';
import { formatRupiah } from '@gugus/plan';

/** Indonesian labels of an option list of the form library, by code. */
function optionLabels(key: string): ReadonlyMap<string, string> {
  const list = OPTION_LISTS.get(key);
  if (!list) throw new Error(`The form library has no option list "${key}".`);
  return new Map(list.options.map((option) => [option.code, option.label.id]));
}

const BUDGET_SOURCES = optionLabels('budget-sources');
const INDICATOR_UNITS = optionLabels('indicator-units');
const COST_CATEGORIES = optionLabels('budget-cost-categories');
const FREQUENCIES = optionLabels('plan-frequencies');

/**
 * The Indonesian label of a budget source code ("apbd_province" → "APBD provinsi"): the jurisdiction's own
 * label if `overrides` has one, else the national `budget-sources` list's, else the code itself (a code a
 * province variant added without a label is still shown, not dropped).
 */
export function budgetSourceLabel(code: string, overrides?: Record<string, string>): string {
  return overrides?.[code] ?? BUDGET_SOURCES.get(code) ?? code;
}

/** "administrative" → its label from `budget-cost-categories`; "" for a line without one (before poa-section 1.2.0). */
export function costCategoryLabel(code: string | undefined): string {
  // The list's labels explain the category for the form ("Administrasi (rapat, …)"); a table needs its name.
  return code === undefined ? '' : (COST_CATEGORIES.get(code)?.split(' (')[0] ?? code);
}

/** "people" → "Orang", from the `indicator-units` list; an unknown unit as it is. */
export function indicatorUnitLabel(code: string): string {
  return INDICATOR_UNITS.get(code) ?? code;
}

/**
 * "quarterly" → "Triwulanan (tiga bulanan)". The decree says "semester" where the `plan-frequencies` list
 * says "semiannual".
 */
export function monitoringFrequencyLabel(frequency: PlanDecree['monitoringFrequency']): string {
  const code = frequency === 'semester' ? 'semiannual' : frequency;
  return FREQUENCIES.get(code) ?? frequency;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** "2027-Q3" → "TW III 2027" (triwulan); anything else as it is. */
export function quarterLabel(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? `TW ${ROMAN_QUARTERS[Number(match[2]) - 1]} ${match[1]}` : quarter;
}

/** 2027 and 5 years → "2027–2031". */
export function periodLabel(start: number, years: number): string {
  return `${start}–${start + years - 1}`;
}

/** "2027-03-15" → "15 Maret 2027"; anything else as it is. */
export function longDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return at.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Whole rupiah, Indonesian style: "Rp 1.250.000". */
export function rupiah(amount: number): string {
  return formatRupiah(amount).id;
}

/** Numbers Indonesian style: 1250 → "1.250", 12.5 → "12,5". */
export function indonesianNumber(value: number): string {
  return value.toLocaleString('id-ID', { maximumFractionDigits: 6 });
}
