import type { SubTaskForceKind } from '@gugus/contracts';
import { formatRupiah, SUB_TASK_FORCE_NAMES } from '@gugus/plan';
import { LOCALES, type Language } from '@gugus/web-i18n';

/** Whole rupiah as the plan's exports and messages write it: "Rp 12.500.000" (id) or "IDR 12,500,000" (en). */
export function rupiah(amount: number, language: Language): string {
  return formatRupiah(amount)[language];
}

/**
 * An amount typed in whole rupiah: digits, perhaps grouped in thousands as people write them ("9.000.000",
 * "9,000,000", "9 000 000", an "Rp" in front). Undefined for anything else, cents included ("9.000,50"):
 * the API records whole rupiah only. Its upper bound is the API's to check.
 */
export function parseWholeRupiah(text: string): number | undefined {
  const bare = text.trim().replace(/^(rp|idr)\.?\s*/i, '');
  if (!/^\d+$|^\d{1,3}([.,\s]\d{3})+$/.test(bare)) return undefined;
  return Number(bare.replace(/\D/g, ''));
}

/** Rupiah for a chart's axis: "Rp 550 jt", "Rp 1,1 M" (id) or "IDR 550m", "IDR 1.1bn" (en). */
export function rupiahShort(amount: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'IDR', notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A number with up to two decimals (indicator values may be percentages). */
export function decimal(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}

/** The Sub-TF's name in the reader's language (the section's heading). */
export function sectionTitle(kind: SubTaskForceKind, language: Language): string {
  return SUB_TASK_FORCE_NAMES[kind]?.[language] ?? kind;
}

/** `2027-Q1` as "TW I 2027" / "Q1 2027". */
export function quarterLabel(quarter: string, language: Language): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  return language === 'id' ? `TW ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]} ${m[1]}` : `Q${m[2]} ${m[1]}`;
}

/** Where a comment is anchored in a plan: the whole plan, a section, or an activity (and perhaps one of its fields). */
export type PlanPlace = { kind: 'plan' } | { kind: 'section'; subTaskForce: string } | { kind: 'activity'; subTaskForce: string; activityId: string; field: string };

/** The anchor of a section or of an activity of a section. */
export const sectionAnchor = (subTaskForce: string) => `/sections/${subTaskForce}`;
export const activityAnchor = (subTaskForce: string, activityId: string) => `/sections/${subTaskForce}/activities/${activityId}`;

/** `/sections/<kind>[/activities/<id>[/<field>…]]` read back; anything else counts as the whole plan. */
export function parseAnchor(anchor: string | null | undefined): PlanPlace {
  const parts = (anchor ?? '').split('/').filter(Boolean);
  if (parts[0] !== 'sections' || !parts[1]) return { kind: 'plan' };
  if (parts[2] === 'activities' && parts[3]) return { kind: 'activity', subTaskForce: parts[1], activityId: parts[3], field: parts.length > 4 ? `/${parts.slice(4).join('/')}` : '' };
  return { kind: 'section', subTaskForce: parts[1] };
}

/** Comments grouped by the place they are anchored to: `plan`, `section:<kind>`, `activity:<id>`. */
export function byPlace<T>(items: readonly T[], anchorOf: (item: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const place = parseAnchor(anchorOf(item));
    const key = place.kind === 'plan' ? 'plan' : place.kind === 'section' ? `section:${place.subTaskForce}` : `activity:${place.activityId}`;
    out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
}
