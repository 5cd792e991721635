import type { BilingualText } from '@gugus/contracts';

// Minimal disclosure (PRODUCT.md §3.2 step 6, §5.3): a referral packet holds only the answers whose data
// category the service needs AND the person's consent for the receiving agency covers. Forms are passed
// in as plain values (this library reads nothing); a field's category is its `x-data-category`.

/** The data categories consent is given for (`forms/options/case-data-categories.json`, same order). */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'profile',
  'travel_documents',
  'immigration_status',
  'family',
  'exploitation_details',
  'screening',
  'medical',
  'psychosocial',
  'legal',
  'risk_assessment',
  'needs_and_plan',
  'education_employment',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** The services a case is referred to (`forms/options/services.json`, same order). */
export const SERVICE_TYPES = [
  'shelter',
  'health_rehabilitation',
  'psychosocial',
  'social_rehabilitation',
  'legal_aid',
  'law_enforcement',
  'restitution',
  'immigration_consular',
  'international_protection',
  'repatriation',
  'family_tracing',
  'reintegration',
  'education',
  'livelihood',
  'interpretation',
  'child_protection',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && (DATA_CATEGORIES as readonly string[]).includes(value);
}

export function isServiceType(value: unknown): value is ServiceType {
  return typeof value === 'string' && (SERVICE_TYPES as readonly string[]).includes(value);
}

/**
 * What each service needs by default; a provincial administrator may adjust a service's list
 * ({@link checkPacketList}), and consent narrows it further for each person and agency. Identity goes
 * only where the service cannot be given without it (a record in the person's name, a document, a
 * statement); the receiving agency can always reach the person through the case coordinator.
 */
export const DEFAULT_PACKET_CATEGORIES: Readonly<Record<ServiceType, readonly DataCategory[]>> = {
  // Initial protection: privacy, security, basic needs (seed 003 L278-290); limits on disclosing identity
  // and location (L754-767). A shelter needs the danger and the needs, not who the person is.
  shelter: ['profile', 'risk_assessment', 'needs_and_plan'],
  // Doctor assesses age and immediate health needs (seed 002 L1846-1850); voluntary care, no mandatory
  // tests (seed 003 L828). A medical record is kept in the person's name (inferred).
  health_rehabilitation: ['identity', 'profile', 'medical', 'psychosocial', 'needs_and_plan'],
  // Psycho-social/counselling support (seed 003 L2046-2052); not asking the same questions again
  // (L2097-2103) is why the account of what happened goes with it.
  psychosocial: ['profile', 'exploitation_details', 'psychosocial', 'needs_and_plan'],
  // Social rehabilitation, Law 21/2007 Art. 51: counselling, family, life skills (seed 002 L2011-2020).
  social_rehabilitation: ['profile', 'family', 'psychosocial', 'risk_assessment', 'needs_and_plan', 'education_employment'],
  // Legal advice and help through the criminal justice system (seed 003 L2386-2403); the lawyer acts in
  // the person's name and needs the account and the identification result.
  legal_aid: ['identity', 'profile', 'exploitation_details', 'screening', 'legal'],
  // Police/prosecution: statement and protection against threats (seed 003 L754-767); the person is not
  // only a source of evidence (L2386-2403), so no health or counselling data by default.
  law_enforcement: ['identity', 'profile', 'exploitation_details', 'screening', 'legal', 'risk_assessment'],
  // Compensation and damages, owed wages (seed 003 L1678-1698, L2360-2366): a claim in the person's name
  // on what was lost, including work and income.
  restitution: ['identity', 'profile', 'exploitation_details', 'legal', 'education_employment'],
  // Consular access (seed 003 L830), legal status of foreign victims (L686-701), documents (L1882-1920).
  immigration_consular: ['identity', 'profile', 'travel_documents', 'immigration_status'],
  // Refugee status determination: risk of persecution, agent of persecution (seed 003 L1859-1869), and
  // documents and status (L1882-1941).
  international_protection: ['identity', 'profile', 'travel_documents', 'immigration_status', 'exploitation_details', 'risk_assessment'],
  // Safe, voluntary return with documents and care on arrival; confidentiality in passing on records
  // (seed 003 L2124-2139); risk-assessed durable solution (digest §1.20 step 10).
  repatriation: ['identity', 'contact', 'profile', 'travel_documents', 'immigration_status', 'family', 'risk_assessment', 'needs_and_plan'],
  // Participatory family tracing (seed 003 L2116); risk assessment before family reintegration (seed 004 L185).
  family_tracing: ['identity', 'contact', 'profile', 'family', 'risk_assessment'],
  // Reintegration plan and follow-up visits (seed 004 L181-185; seed 003 L2154-2168): family, aptitude,
  // re-trafficking risk, and where to visit.
  reintegration: ['contact', 'profile', 'family', 'risk_assessment', 'needs_and_plan', 'education_employment'],
  // School enrolment, fee waivers and attendance follow-up (seed 002 L1105-1113, L696-705): the school
  // enrols the person by name.
  education: ['identity', 'profile', 'needs_and_plan', 'education_employment'],
  // Skills training matched to aptitude, jobs, micro-enterprise (seed 003 L2163, L2562-2650).
  livelihood: ['profile', 'needs_and_plan', 'education_employment'],
  // An interpreter needs the language (seed 003 L833; seed 002 L1851-1855) and nothing else.
  interpretation: ['profile'],
  // Best interests, guardian, family assessment and risk (seed 003 L825; seed 004 L181-185).
  child_protection: ['identity', 'profile', 'family', 'risk_assessment', 'needs_and_plan'],
  // Unknown needs: only the case code until a province sets what this service needs.
  other: [],
};

// ---------------------------------------------------------------------------------------------------
// Consent

/** One row of the consent form's `decisions` (field names and codes as in `forms/library/consent`). */
export interface ConsentDecision {
  purpose: string;
  status: string;
  agencyId?: string;
  dataCategories?: readonly string[];
  decidedOn: string;
  validUntil?: string;
  withdrawnOn?: string;
}

/** Where consent to share with one agency stands on a day. */
export type SharingConsentStatus = 'granted' | 'declined' | 'withdrawn' | 'expired' | 'none';

export interface ConsentedCategories {
  /** The categories that may be shared with the agency (in {@link DATA_CATEGORIES} order); empty unless granted. */
  categories: DataCategory[];
  status: SharingConsentStatus;
  /** The date of the decision that applies. */
  decidedOn?: string;
  /** When consent was withdrawn (status `withdrawn`). */
  withdrawnOn?: string;
  /** The last day a grant covered (status `expired`). */
  validUntil?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Categories in the one canonical order, each once, unknown codes dropped. */
function canonical(codes: Iterable<unknown>): DataCategory[] {
  const set = new Set<unknown>(codes);
  return DATA_CATEGORIES.filter((c) => set.has(c));
}

/**
 * The categories consent currently covers for sharing with `agencyId`: of the `data_sharing` rows
 * naming that agency, the latest decision applies (by `decidedOn`, then by position: a row recorded
 * later wins a tie), as the consent form says. A grant counts from its decision day through
 * `validUntil`; a grant dated after `asOf` does not count yet. A withdrawal counts whatever its date:
 * it is never postponed. `asOf` is the day to judge on (YYYY-MM-DD), passed in.
 */
export function consentedCategories(decisions: readonly ConsentDecision[], agencyId: string, asOf: string): ConsentedCategories {
  if (!ISO_DAY.test(asOf)) throw new RangeError('asOf harus berupa tanggal YYYY-MM-DD / asOf must be a day as YYYY-MM-DD');
  // A withdrawal whose day cannot be read still wins over every grant (fail closed).
  const order = (row: ConsentDecision) => (ISO_DAY.test(row.decidedOn) ? row.decidedOn : '9999-12-31');
  let latest: ConsentDecision | undefined;
  for (const row of decisions) {
    if (row.purpose !== 'data_sharing' || row.agencyId !== agencyId) continue;
    if (row.status !== 'withdrawn' && !(ISO_DAY.test(row.decidedOn) && row.decidedOn <= asOf)) continue;
    if (!latest || order(row) >= order(latest)) latest = row;
  }
  if (!latest) return { categories: [], status: 'none' };
  const decidedOn = latest.decidedOn;
  if (latest.status === 'withdrawn') return { categories: [], status: 'withdrawn', decidedOn, withdrawnOn: latest.withdrawnOn ?? decidedOn };
  if (latest.status !== 'granted') return { categories: [], status: 'declined', decidedOn };
  if (latest.validUntil !== undefined && !(ISO_DAY.test(latest.validUntil) && latest.validUntil >= asOf)) {
    return { categories: [], status: 'expired', decidedOn, validUntil: latest.validUntil };
  }
  return { categories: canonical(latest.dataCategories ?? []), status: 'granted', decidedOn };
}

// ---------------------------------------------------------------------------------------------------
// What goes in the packet

/** The categories of one referral: what the service needs, what goes, and what is held back and why. */
export interface PacketCategories {
  serviceType: string;
  /** The service's list: the province's adjusted list, or the default. */
  needed: DataCategory[];
  /** needed ∩ consented. */
  shared: DataCategory[];
  /** Needed but not covered by consent. */
  withheld: DataCategory[];
  consent: ConsentedCategories;
}

/**
 * The categories a referral for `serviceType` carries: the service's list (`list`, a province's adjusted
 * list, or the default when undefined) intersected with what consent covers. An unknown service
 * needs nothing.
 */
export function packetCategories(serviceType: string, list: readonly string[] | undefined, consented: ConsentedCategories): PacketCategories {
  const needed = canonical(list ?? (isServiceType(serviceType) ? DEFAULT_PACKET_CATEGORIES[serviceType] : []));
  const covered = new Set<string>(consented.status === 'granted' ? consented.categories : []);
  return {
    serviceType,
    needed,
    shared: needed.filter((c) => covered.has(c)),
    withheld: needed.filter((c) => !covered.has(c)),
    consent: consented,
  };
}

/** The minimal shape of a form schema this library reads (a copy of `@gugus/forms`' `FormSchema`). */
export interface PacketSchema {
  type?: string | string[];
  properties?: Record<string, PacketSchema>;
  items?: PacketSchema;
  'x-data-category'?: string;
  [keyword: string]: unknown;
}

/** A submitted form: its key, the schema of the version it was filled in with, and its answers. */
export interface PacketDocument {
  formKey: string;
  schema: PacketSchema;
  data: unknown;
}

export interface Packet {
  caseCode: string;
  serviceType: string;
  /** The categories whose answers are in `documents`. */
  categories: DataCategory[];
  /** Categories the service needs that consent does not cover: none of their answers is here. */
  withheld: DataCategory[];
  consent: { status: SharingConsentStatus; decidedOn?: string; withdrawnOn?: string; validUntil?: string };
  /** Per form, only the shared answers; a form with none is left out. */
  documents: { formKey: string; data: Record<string, unknown> }[];
  /** Why something is held back, for the receiving agency (Bahasa Indonesia first). */
  notice?: BilingualText;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isGroup = (node: PacketSchema): boolean => Boolean(node.properties || node.items?.properties);

/** A deep copy of JSON data; keys such as `__proto__` stay own data properties. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, copy(value[key]));
  return out;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Only the answers of `data` whose field's category is in `allowed`. Groups are made of their fields'
 * answers (a group or list item left empty is dropped); an answer the schema does not describe, or a
 * field without a category, is never included.
 */
export function selectAnswers(schema: PacketSchema, data: unknown, allowed: ReadonlySet<string>): Record<string, unknown> | undefined {
  const visit = (node: PacketSchema, value: unknown): unknown => {
    if (node.properties) {
      if (!isRecord(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(node.properties, key)) continue;
        const kept = visit(node.properties[key], value[key]);
        if (kept !== undefined) define(out, key, kept);
      }
      return Object.keys(out).length ? out : undefined;
    }
    if (node.items?.properties) {
      if (!Array.isArray(value)) return undefined;
      const items = node.items;
      const kept = value.map((element) => visit(items, element)).filter((v) => v !== undefined);
      return kept.length ? kept : undefined;
    }
    if (isGroup(node)) return undefined;
    const category = node['x-data-category'];
    return typeof category === 'string' && allowed.has(category) && value !== undefined ? copy(value) : undefined;
  };
  const out = visit(schema, data);
  return isRecord(out) ? out : undefined;
}

function withheldNotice(selection: PacketCategories): BilingualText | undefined {
  const { consent, withheld } = selection;
  if (!withheld.length) return undefined;
  const list = withheld.join(', ');
  switch (consent.status) {
    case 'withdrawn':
      return {
        id: `Persetujuan berbagi data dengan lembaga ini ditarik kembali pada ${consent.withdrawnOn}; hanya kode kasus yang dikirim. Tidak dibagikan: ${list}.`,
        en: `Consent to share data with this agency was withdrawn on ${consent.withdrawnOn}; only the case code is sent. Not shared: ${list}.`,
      };
    case 'expired':
      return {
        id: `Persetujuan berbagi data dengan lembaga ini berlaku sampai ${consent.validUntil}; hanya kode kasus yang dikirim. Tidak dibagikan: ${list}.`,
        en: `Consent to share data with this agency was valid until ${consent.validUntil}; only the case code is sent. Not shared: ${list}.`,
      };
    case 'declined':
      return {
        id: `Yang bersangkutan tidak menyetujui berbagi data dengan lembaga ini; hanya kode kasus yang dikirim. Tidak dibagikan: ${list}.`,
        en: `The person did not agree to share data with this agency; only the case code is sent. Not shared: ${list}.`,
      };
    case 'none':
      return {
        id: `Belum ada persetujuan berbagi data dengan lembaga ini; hanya kode kasus yang dikirim. Tidak dibagikan: ${list}.`,
        en: `There is no consent yet to share data with this agency; only the case code is sent. Not shared: ${list}.`,
      };
    default:
      return {
        id: `Kategori berikut diperlukan layanan ini tetapi tidak tercakup persetujuan, sehingga tidak dibagikan: ${list}.`,
        en: `These categories are needed for this service but not covered by consent, so they are not shared: ${list}.`,
      };
  }
}

/**
 * The packet the receiving agency gets: the case code and, from each form, only the answers of the
 * shared categories (`categories` from {@link packetCategories}), plus which needed categories were
 * withheld for lack of consent and why, so the agency knows what it is not seeing.
 */
export function buildPacket(documents: readonly PacketDocument[], categories: PacketCategories, caseCode: string): Packet {
  const allowed = new Set<string>(categories.shared);
  const out: Packet['documents'] = [];
  if (allowed.size) {
    for (const doc of documents) {
      const data = selectAnswers(doc.schema, doc.data, allowed);
      if (data) out.push({ formKey: doc.formKey, data });
    }
  }
  const { status, decidedOn, withdrawnOn, validUntil } = categories.consent;
  const consent = { status, ...(decidedOn ? { decidedOn } : {}), ...(withdrawnOn ? { withdrawnOn } : {}), ...(validUntil ? { validUntil } : {}) };
  const notice = withheldNotice(categories);
  return {
    caseCode,
    serviceType: categories.serviceType,
    categories: [...categories.shared],
    withheld: [...categories.withheld],
    consent,
    documents: out,
    ...(notice ? { notice } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// A province's adjusted list

/** A problem with an adjusted list: `field` names the part (`serviceType`, `categories/2`). */
export interface PacketListProblem {
  field: string;
  message: BilingualText;
}

/**
 * Checks a provincial administrator's adjusted list for a service: a known service, a list of known
 * categories, each once. Consent still narrows it for each person and agency. Returns every problem
 * (none when the list may be saved).
 */
export function checkPacketList(serviceType: unknown, categories: unknown): PacketListProblem[] {
  const problems: PacketListProblem[] = [];
  if (!isServiceType(serviceType)) {
    problems.push({
      field: 'serviceType',
      message: { id: `Jenis layanan tidak dikenal; pilih salah satu dari: ${SERVICE_TYPES.join(', ')}.`, en: `Unknown service; choose one of: ${SERVICE_TYPES.join(', ')}.` },
    });
  }
  if (!Array.isArray(categories)) {
    problems.push({ field: 'categories', message: { id: 'Daftar kategori data harus berupa daftar (boleh kosong).', en: 'The data categories must be a list (it may be empty).' } });
    return problems;
  }
  if (categories.length > DATA_CATEGORIES.length) {
    problems.push({
      field: 'categories',
      message: { id: `Daftar berisi paling banyak ${DATA_CATEGORIES.length} kategori.`, en: `The list holds at most ${DATA_CATEGORIES.length} categories.` },
    });
  }
  const seen = new Set<string>();
  categories.forEach((code: unknown, i) => {
    const field = `categories/${i}`;
    if (!isDataCategory(code)) {
      const shown = typeof code === 'string' ? `"${code.slice(0, 40)}"` : typeof code;
      problems.push({
        field,
        message: { id: `Kategori data ${shown} tidak dikenal; pilih salah satu dari: ${DATA_CATEGORIES.join(', ')}.`, en: `Unknown data category ${shown}; choose one of: ${DATA_CATEGORIES.join(', ')}.` },
      });
    } else if (seen.has(code)) {
      problems.push({ field, message: { id: `Kategori data ${code} disebut lebih dari sekali.`, en: `Data category ${code} is listed more than once.` } });
    } else {
      seen.add(code);
    }
  });
  return problems;
}
