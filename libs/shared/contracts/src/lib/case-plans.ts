import type { AgencyRef } from './plans';
import type { BilingualText } from './text';

/**
 * The case-management plan (issue 11, step 10) and the directory of service providers it draws on.
 * Codes, ids, figures and dates only: nothing here identifies the person. The rules (which codes, what is
 * valid) are in `@gugus/cases` (case-plan.ts).
 */

/** The labels of the codes a plan and the directory use, in both languages (from the national option lists). */
export interface CasePlanLabels {
  services: Record<string, BilingualText>;
  fundingSources: Record<string, BilingualText>;
  statuses: Record<string, BilingualText>;
  horizons: Record<string, BilingualText>;
  targetGroups: Record<string, BilingualText>;
}

/** One member agency in the directory of service providers of a province. */
export interface ServiceProviderView {
  agency: AgencyRef & { jurisdictionCode: string; kind: string };
  /** Service codes (`services` option list); empty: the agency is not listed as a provider yet. */
  services: string[];
  /** `service-target-groups` codes. */
  targetGroups: string[];
  /** Places (e.g. shelter beds); null: not stated. */
  capacity: number | null;
  /** The unit or desk to contact (never a person's private number). */
  contactPoint: string | null;
  /** How to refer to it (hours, documents needed, the route). */
  referralProtocol: string | null;
  updatedAt: string | null;
  /** Whether the reader may change this entry (the province's administrators and secretariat, or the agency's own officers). */
  canEdit: boolean;
}

/** `GET /service-directory/:province[?serviceType=]`. */
export interface ServiceDirectoryView {
  jurisdictionCode: string;
  /** Every member agency of the province's task forces (the province and its regencies/cities), providers first. */
  items: ServiceProviderView[];
  labels: CasePlanLabels;
}

/** `PUT /service-directory/:province/agencies/:agencyId`. */
export interface UpdateServiceProviderRequest {
  services: string[];
  targetGroups: string[];
  capacity: number | null;
  contactPoint: string | null;
  referralProtocol: string | null;
}

/** One planned service: what, by whom, paid from where, when, and where it stands. */
export interface CasePlanItemFields {
  serviceType: string;
  agencyId: string;
  /** `case-plan-horizons`: immediate, short, medium, long. */
  horizon: string;
  /** The budget line that pays for it (dotted account code and activity name); null when nothing is spent. */
  budgetLine: string | null;
  /** `budget-sources` code. */
  fundingSource: string;
  /** Rupiah. */
  amountPlanned: number;
  amountSpent: number | null;
  startsOn: string;
  endsOn: string | null;
  /** `case-plan-statuses`: planned, in_progress, done, declined, cancelled. */
  status: string;
}

export interface CasePlanItemView extends CasePlanItemFields {
  id: string;
  /** 1, 2, … in the order the items were added. */
  number: number;
  agency: AgencyRef;
  /** The latest referral of this case for the same service to the same agency, when there is one. */
  referral: { id: string; number: number; status: string } | null;
  updatedAt: string;
}

export interface CasePlanChangeView {
  planVersion: number;
  itemNumber: number;
  action: 'added' | 'changed';
  fields: string[];
  before: Partial<CasePlanItemFields> | null;
  after: Partial<CasePlanItemFields>;
  /** The person's name for the case team; null when the reader may not see names (a partner). */
  actor: { id: string; name: string | null };
  at: string;
}

/** `GET /cases/:code/plan`. */
export interface CasePlanView {
  caseCode: string;
  /** Counts the plan's changes: send it back with a change (`expectedVersion`); a stale one gets 409. */
  version: number;
  items: CasePlanItemView[];
  /** Planned and spent per funding source (cancelled and declined services left out). */
  totals: { fundingSource: string; planned: number; spent: number }[];
  /** The latest changes first (at most 50). */
  changes: CasePlanChangeView[];
  /** Whether the reader may change the plan (the case's own team, while the case is open). */
  canEdit: boolean;
  labels: CasePlanLabels;
}

/** `POST /cases/:code/plan/items` and `PUT /cases/:code/plan/items/:itemId`. */
export interface SaveCasePlanItemRequest {
  /** The plan version the change was made on (`CasePlanView.version`). */
  expectedVersion: number;
  item: CasePlanItemFields;
}
