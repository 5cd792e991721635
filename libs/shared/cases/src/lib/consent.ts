import type { ConsentStatus } from '@gugus/contracts';
import { consentedCategories, type ConsentDecision, type DataCategory } from './disclosure';

// Consent per purpose (PRODUCT.md §3.2 step 4): each recorded consent form holds decisions per purpose;
// for each purpose (and, for data sharing, each named agency) the latest decision applies, with the
// same rule as `consentedCategories`: by decision day, then by the order recorded; a withdrawal counts
// at once whatever its date; a grant dated after `asOf` does not count yet.

/** One recorded consent form: who gave it and its decisions, in the order recorded. */
export interface ConsentRecord {
  submissionId: string;
  /** A `case-consent-givers` code. */
  givenBy?: string;
  decisions: readonly (ConsentDecision & { method?: string })[];
}

export interface AgencyConsent {
  agencyId: string;
  status: ConsentStatus;
  categories: DataCategory[];
  decidedOn?: string;
  withdrawnOn?: string;
  validUntil?: string;
  givenBy?: string;
  method?: string;
}

export interface PurposeConsent {
  purpose: string;
  status: ConsentStatus;
  /** The day the status applies from (the withdrawal day when withdrawn). */
  since?: string;
  givenBy?: string;
  method?: string;
  /** While granted: the last day the consent holds, when it was given for a time. */
  validUntil?: string;
  /** `data_sharing` only: one entry per agency named in any decision, in the order first named. */
  agencies?: AgencyConsent[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATA_SHARING = 'data_sharing';

type Row = ConsentDecision & { method?: string; givenBy?: string };

/** The decision that applies among `rows` on `asOf` (the rule of `consentedCategories`). */
function applying(rows: readonly Row[], asOf: string): Row | undefined {
  const order = (row: Row) => (ISO_DAY.test(row.decidedOn) ? row.decidedOn : '9999-12-31');
  let latest: Row | undefined;
  for (const row of rows) {
    if (row.status !== 'withdrawn' && !(ISO_DAY.test(row.decidedOn) && row.decidedOn <= asOf)) continue;
    if (!latest || order(row) >= order(latest)) latest = row;
  }
  return latest;
}

function statusOf(row: Row | undefined, asOf: string): ConsentStatus {
  if (!row) return 'none';
  if (row.status === 'withdrawn') return 'withdrawn';
  if (row.status !== 'granted') return 'declined';
  if (row.validUntil !== undefined && !(ISO_DAY.test(row.validUntil) && row.validUntil >= asOf)) return 'expired';
  return 'granted';
}

const pick = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * Where consent stands on `asOf` (YYYY-MM-DD) for each of `purposes` (in that order; a purpose only
 * found in the records follows), from every recorded consent form in the order recorded. Data sharing
 * gets one entry per named agency (its categories from {@link consentedCategories}); its own status is
 * `granted` while any agency's consent is, else that of its latest decision.
 */
export function consentState(records: readonly ConsentRecord[], purposes: readonly string[], asOf: string): PurposeConsent[] {
  if (!ISO_DAY.test(asOf)) throw new RangeError('asOf harus berupa tanggal YYYY-MM-DD / asOf must be a day as YYYY-MM-DD');
  const rows: Row[] = records.flatMap((r) => r.decisions.map((d) => ({ ...d, givenBy: r.givenBy })));
  const order = [...purposes];
  for (const row of rows) if (!order.includes(row.purpose)) order.push(row.purpose);

  return order.map((purpose): PurposeConsent => {
    const mine = rows.filter((r) => r.purpose === purpose);
    const row = applying(mine, asOf);
    const status = statusOf(row, asOf);
    const since = status === 'withdrawn' ? (row?.withdrawnOn ?? row?.decidedOn) : row?.decidedOn;
    const base = pick({ purpose, status, since, givenBy: row?.givenBy, method: row?.method, validUntil: status === 'granted' ? row?.validUntil : undefined });
    if (purpose !== DATA_SHARING) return base;
    const agencyIds = [...new Set(mine.flatMap((r) => (typeof r.agencyId === 'string' ? [r.agencyId] : [])))];
    const agencies = agencyIds.map((agencyId): AgencyConsent => {
      const consent = consentedCategories(mine, agencyId, asOf);
      const decision = applying(
        mine.filter((r) => r.agencyId === agencyId),
        asOf,
      );
      return pick({ agencyId, ...consent, givenBy: decision?.givenBy, method: decision?.method });
    });
    const anyGranted = agencies.some((a) => a.status === 'granted');
    return { ...base, ...(anyGranted ? { status: 'granted' as const } : {}), agencies };
  });
}
