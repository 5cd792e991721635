import type { CaseAccess, CaseSummary, CaseView } from '@gugus/contracts';
import type { CaseEntity } from './cases.entities';

/** A row of the coordinators' list: coded id and process data, nothing about the person. */
/** `team`: the reader is on the case's own team; a partner task force never sees its risk level (a restricted assessment). */
export function toCaseSummary(c: CaseEntity, nextDueAt: Date | null = null, team = true): CaseSummary {
  return {
    code: c.code,
    jurisdictionCode: c.jurisdictionCode,
    stage: c.stage,
    identificationStatus: c.identificationStatus,
    intakeChannel: c.intakeChannel,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    nextDueAt: nextDueAt?.toISOString() ?? null,
    riskLevel: team ? c.riskLevel : null,
  };
}

export function toCaseView(c: CaseEntity, intakeAgencyName: string | null, nextDueAt: Date | null, access: CaseAccess, agencyJurisdictions: string[]): CaseView {
  return {
    ...toCaseSummary(c, nextDueAt, access === 'team'),
    year: c.year,
    seq: c.seq,
    intakeAgency: { id: c.intakeAgencyId, name: intakeAgencyName },
    openedBy: c.openedBy,
    reunifiedAt: c.reunifiedAt?.toISOString() ?? null,
    access,
    agencyJurisdictions,
  };
}
