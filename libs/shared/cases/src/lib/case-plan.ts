import type { BilingualText } from '@gugus/contracts';
import { isServiceType, SERVICE_TYPES, type ServiceType } from './disclosure';

// The case-management plan (PRODUCT.md §3.2 step 10; digest F8 "case management plan + budget", F21
// "service-provider directory"): the services the person needs, each with the agency responsible for it
// — chosen from the province's directory of service providers —, the budget line and the funding source
// that pay for it, its dates and where it stands. Codes, ids, figures and dates only: a plan item never
// holds anything that identifies the person.

/** Where a planned service stands (`forms/options/case-plan-statuses.json`, same order). */
export const PLAN_ITEM_STATUSES = ['planned', 'in_progress', 'done', 'declined', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/** When the service is meant to help (digest F8: goals by horizon). */
export const PLAN_HORIZONS = ['immediate', 'short', 'medium', 'long'] as const;
export type PlanHorizon = (typeof PLAN_HORIZONS)[number];

/** Who pays (`forms/options/budget-sources.json`, same order). */
export const FUNDING_SOURCES = ['apbn', 'apbn_deconcentration', 'apbd_province', 'apbd_regency', 'village_fund', 'donor', 'ngo', 'private_csr', 'community', 'other_lawful'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Whom a provider serves (`forms/options/service-target-groups.json`, same order). */
export const SERVICE_TARGET_GROUPS = ['children', 'adults', 'women', 'men', 'foreign_nationals', 'persons_with_disabilities'] as const;
export type ServiceTargetGroup = (typeof SERVICE_TARGET_GROUPS)[number];

/** The most a single service may be planned or spent at: Rp 10 billion (a typo guard, not a policy). */
export const PLAN_AMOUNT_MAX = 10_000_000_000;
export const BUDGET_LINE_MAX = 160;
export const PLAN_ITEMS_MAX = 60;

export interface PlanItemInput {
  serviceType: ServiceType;
  agencyId: string;
  horizon: PlanHorizon;
  budgetLine: string | null;
  fundingSource: FundingSource;
  amountPlanned: number;
  amountSpent: number | null;
  startsOn: string;
  endsOn: string | null;
  status: PlanItemStatus;
}

export interface PlanProblemField {
  field: string;
  message: BilingualText;
}

/** What the checks need to know of the agency chosen: none (unknown or outside the case's province), or the services the directory lists for it. */
export type ProviderLookup = (agencyId: string) => { name: string; services: readonly string[] } | null;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A run of nine or more digits is a phone, identity (NIK) or account number, never a budget line's code
// (kode rekening is dotted: 5.1.02.01.01.0026). Such numbers identify people: they may not be typed here.
const LONG_NUMBER = /\d{9,}|(\+62|\b08)[\d\s-]{7,}/;

function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= PLAN_AMOUNT_MAX;
}

const listed = (codes: readonly string[]) => codes.join(', ');

/**
 * Checks one plan item as sent (any JSON): every problem names its field (`prefix` + field) in both
 * languages. The agency must be one of the province's service providers and offer the service chosen.
 * Returns the item, normalised, when there is nothing wrong.
 */
export function checkPlanItem(raw: unknown, provider: ProviderLookup, prefix = ''): { item: PlanItemInput | null; problems: PlanProblemField[] } {
  const problems: PlanProblemField[] = [];
  const at = (field: string, id: string, en: string) => problems.push({ field: `${prefix}${field}`, message: { id, en } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    at('item', 'harus berupa objek rincian layanan', 'must be an object describing the service');
    return { item: null, problems };
  }
  const v = raw as Record<string, unknown>;
  const known = new Set(['serviceType', 'agencyId', 'horizon', 'budgetLine', 'fundingSource', 'amountPlanned', 'amountSpent', 'startsOn', 'endsOn', 'status']);
  for (const key of Object.keys(v)) if (!known.has(key)) at(key.slice(0, 40), 'isian ini tidak dikenal', 'is not a known field');

  if (!isServiceType(v['serviceType'])) at('serviceType', `jenis layanan tidak dikenal; pilih salah satu dari: ${listed(SERVICE_TYPES)}`, `unknown service; choose one of: ${listed(SERVICE_TYPES)}`);
  if (typeof v['agencyId'] !== 'string' || !UUID.test(v['agencyId'])) {
    at('agencyId', 'pilih lembaga penanggung jawab dari direktori penyedia layanan', 'choose the responsible agency from the directory of service providers');
  } else if (isServiceType(v['serviceType'])) {
    const found = provider(v['agencyId']);
    if (!found) at('agencyId', 'bukan penyedia layanan di direktori provinsi kasus ini', "is not a service provider in the directory of this case's province");
    else if (!found.services.includes(v['serviceType'])) at('agencyId', `${found.name} tidak menawarkan layanan ${v['serviceType']} menurut direktori penyedia layanan`, `${found.name} does not offer ${v['serviceType']} according to the directory of service providers`);
  }
  if (!(PLAN_HORIZONS as readonly unknown[]).includes(v['horizon'])) at('horizon', `pilih salah satu dari: ${listed(PLAN_HORIZONS)}`, `choose one of: ${listed(PLAN_HORIZONS)}`);
  if (!(FUNDING_SOURCES as readonly unknown[]).includes(v['fundingSource'])) at('fundingSource', `sumber dana tidak dikenal; pilih salah satu dari: ${listed(FUNDING_SOURCES)}`, `unknown funding source; choose one of: ${listed(FUNDING_SOURCES)}`);
  if (!(PLAN_ITEM_STATUSES as readonly unknown[]).includes(v['status'])) at('status', `pilih salah satu dari: ${listed(PLAN_ITEM_STATUSES)}`, `choose one of: ${listed(PLAN_ITEM_STATUSES)}`);

  const amountRule = { id: `harus bilangan bulat rupiah antara 0 dan ${PLAN_AMOUNT_MAX}`, en: `must be a whole number of rupiah between 0 and ${PLAN_AMOUNT_MAX}` };
  if (!isAmount(v['amountPlanned'])) at('amountPlanned', amountRule.id, amountRule.en);
  const spent = v['amountSpent'] ?? null;
  if (spent !== null && !isAmount(spent)) at('amountSpent', amountRule.id, amountRule.en);

  const line = v['budgetLine'] ?? null;
  const budgetLine = typeof line === 'string' ? line.trim() : line;
  if (budgetLine !== null && typeof budgetLine !== 'string') at('budgetLine', 'harus berupa teks', 'must be text');
  else if (typeof budgetLine === 'string' && budgetLine.length > BUDGET_LINE_MAX) at('budgetLine', `paling banyak ${BUDGET_LINE_MAX} karakter`, `at most ${BUDGET_LINE_MAX} characters`);
  else if (typeof budgetLine === 'string' && LONG_NUMBER.test(budgetLine)) at('budgetLine', 'tidak boleh memuat nomor telepon, NIK atau nomor rekening; tulis kode rekening anggaran bertitik dan nama kegiatannya', 'may not hold a phone, identity or account number; write the dotted budget account code and the activity name');
  else if (isAmount(v['amountPlanned']) && v['amountPlanned'] > 0 && !budgetLine) at('budgetLine', 'wajib diisi bila ada anggaran yang direncanakan (kode rekening dan nama kegiatan)', 'is required when an amount is planned (budget account code and activity name)');

  if (!isDay(v['startsOn'])) at('startsOn', 'harus tanggal yang valid (YYYY-MM-DD)', 'must be a valid date (YYYY-MM-DD)');
  const endsOn = v['endsOn'] ?? null;
  if (endsOn !== null && !isDay(endsOn)) at('endsOn', 'harus tanggal yang valid (YYYY-MM-DD) atau kosong', 'must be a valid date (YYYY-MM-DD) or empty');
  else if (isDay(endsOn) && isDay(v['startsOn']) && endsOn < v['startsOn']) at('endsOn', `tidak boleh sebelum tanggal mulai (${v['startsOn']})`, `may not be before the start date (${v['startsOn']})`);
  if (v['status'] === 'done' && spent === null && isAmount(v['amountPlanned']) && v['amountPlanned'] > 0) at('amountSpent', 'isi realisasi anggaran sebelum menandai layanan selesai', 'enter the amount spent before marking the service done');

  if (problems.length) return { item: null, problems };
  return {
    item: {
      serviceType: v['serviceType'] as ServiceType,
      agencyId: (v['agencyId'] as string).toLowerCase(),
      horizon: v['horizon'] as PlanHorizon,
      budgetLine: budgetLine ? (budgetLine as string) : null,
      fundingSource: v['fundingSource'] as FundingSource,
      amountPlanned: v['amountPlanned'] as number,
      amountSpent: spent as number | null,
      startsOn: v['startsOn'] as string,
      endsOn: endsOn as string | null,
      status: v['status'] as PlanItemStatus,
    },
    problems,
  };
}

export interface PlanTotal {
  fundingSource: FundingSource;
  planned: number;
  spent: number;
}

/** Planned and spent per funding source, over the items still counted (cancelled and declined ones are not). */
export function planTotals(items: readonly Pick<PlanItemInput, 'fundingSource' | 'amountPlanned' | 'amountSpent' | 'status'>[]): PlanTotal[] {
  const out = new Map<FundingSource, PlanTotal>();
  for (const item of items) {
    if (item.status === 'cancelled' || item.status === 'declined') continue;
    const total = out.get(item.fundingSource) ?? { fundingSource: item.fundingSource, planned: 0, spent: 0 };
    total.planned += item.amountPlanned;
    total.spent += item.amountSpent ?? 0;
    out.set(item.fundingSource, total);
  }
  return FUNDING_SOURCES.flatMap((source) => (out.has(source) ? [out.get(source) as PlanTotal] : []));
}

/** The fields that changed between two versions of an item (what the plan's history shows). */
export function changedFields(before: PlanItemInput, after: PlanItemInput): (keyof PlanItemInput)[] {
  return (Object.keys(after) as (keyof PlanItemInput)[]).filter((k) => before[k] !== after[k]);
}

export interface ProviderInput {
  services: ServiceType[];
  targetGroups: ServiceTargetGroup[];
  capacity: number | null;
  contactPoint: string | null;
  referralProtocol: string | null;
}

/** Checks a directory entry as sent: the services an agency offers, whom it serves, its capacity and how to refer to it. */
export function checkProvider(raw: unknown): { entry: ProviderInput | null; problems: PlanProblemField[] } {
  const problems: PlanProblemField[] = [];
  const at = (field: string, id: string, en: string) => problems.push({ field, message: { id, en } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    at('entry', 'harus berupa objek', 'must be an object');
    return { entry: null, problems };
  }
  const v = raw as Record<string, unknown>;
  const codes = (field: string, value: unknown, allowed: readonly string[]) => {
    if (!Array.isArray(value)) return at(field, 'harus berupa daftar (boleh kosong)', 'must be a list (it may be empty)');
    if (value.length > allowed.length) return at(field, `paling banyak ${allowed.length} pilihan`, `at most ${allowed.length} choices`);
    const seen = new Set<unknown>();
    value.forEach((code, i) => {
      if (!allowed.includes(code as string)) at(`${field}/${i}`, `pilihan tidak dikenal; pilih dari: ${listed(allowed)}`, `unknown choice; choose from: ${listed(allowed)}`);
      else if (seen.has(code)) at(`${field}/${i}`, `${String(code)} disebut lebih dari sekali`, `${String(code)} is listed more than once`);
      seen.add(code);
    });
  };
  codes('services', v['services'], SERVICE_TYPES);
  codes('targetGroups', v['targetGroups'], SERVICE_TARGET_GROUPS);
  const capacity = v['capacity'] ?? null;
  if (capacity !== null && !(typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0 && capacity <= 100000)) at('capacity', 'harus bilangan bulat 0–100000 (jumlah tempat) atau kosong', 'must be a whole number 0–100000 (places) or empty');
  const text = (field: string, max: number): string | null => {
    const value = v[field] ?? null;
    if (value === null) return null;
    if (typeof value !== 'string') {
      at(field, 'harus berupa teks', 'must be text');
      return null;
    }
    if (value.trim().length > max) at(field, `paling banyak ${max} karakter`, `at most ${max} characters`);
    return value.trim() || null;
  };
  const contactPoint = text('contactPoint', 200);
  const referralProtocol = text('referralProtocol', 1000);
  for (const key of Object.keys(v)) if (!['services', 'targetGroups', 'capacity', 'contactPoint', 'referralProtocol'].includes(key)) at(key.slice(0, 40), 'isian ini tidak dikenal', 'is not a known field');
  if (problems.length) return { entry: null, problems };
  const ordered = <T extends string>(all: readonly T[], chosen: unknown) => all.filter((c) => (chosen as string[]).includes(c));
  return {
    entry: { services: ordered(SERVICE_TYPES, v['services']), targetGroups: ordered(SERVICE_TARGET_GROUPS, v['targetGroups']), capacity: capacity as number | null, contactPoint, referralProtocol },
    problems,
  };
}
