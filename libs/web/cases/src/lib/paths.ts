import { CASE_RISK_LEVELS, CASE_STAGES, type CaseRiskLevel, type CaseStage } from '@gugus/contracts';

const seg = encodeURIComponent;

/** The list's filters as they stand in its address (`/kasus?wilayah=32&tahap=intake&hal=2`). */
export interface CaseListParams {
  jurisdictionCode?: string;
  stage?: CaseStage;
  risk?: CaseRiskLevel;
  /** 1-based. */
  page?: number;
}

export const isCaseRisk = (value: string | null): value is CaseRiskLevel => (CASE_RISK_LEVELS as readonly string[]).includes(value ?? '');

export const isCaseStage = (value: string | null): value is CaseStage => (CASE_STAGES as readonly string[]).includes(value ?? '');

/**
 * Where the case screens live. The coded case id is the only thing about a case an address ever holds
 * (PRODUCT.md §5.2); the purpose of a read is chosen on the page and never put in the address.
 */
export const casePaths = {
  list: '/kasus',
  /** The list's address query for these filters. */
  listQuery: ({ jurisdictionCode, stage, risk, page }: CaseListParams) => {
    const query = new URLSearchParams();
    if (jurisdictionCode) query.set('wilayah', jurisdictionCode);
    if (stage) query.set('tahap', stage);
    if (risk) query.set('risiko', risk);
    if (page && page > 1) query.set('hal', String(page));
    return query;
  },
  listWith: (filters: CaseListParams) => {
    const text = casePaths.listQuery(filters).toString();
    return `/kasus${text ? `?${text}` : ''}`;
  },
  case: (code: string) => `/kasus/${seg(code)}`,
  /** The register of cooperation agreements between task forces. */
  agreements: '/perjanjian-kerja-sama',
  /** The province's directory of service providers (`?provinsi=32`). */
  directory: '/direktori-layanan',
};
