import type { AgencyView, JurisdictionView, OrgChangeView, PersonView, PositionView, TaskForceView } from '@gugus/contracts';
import type { AgencyEntity, DelegationEntity, OrgChangeEntity, JurisdictionEntity, PersonEntity, PositionAssignmentEntity, PositionEntity, TaskForceEntity } from './orgs.entities';

export const toJurisdictionView = (j: JurisdictionEntity): JurisdictionView => ({ code: j.code, name: j.name, level: j.level, parentCode: j.parentCode });

export const toTaskForceView = (t: TaskForceEntity): TaskForceView => ({
  id: t.id,
  jurisdictionCode: t.jurisdictionCode,
  name: t.name,
  chairPositionId: t.chairPositionId,
  steeringAgencyId: t.steeringAgencyId,
  subTaskForces: [...(t.subTaskForces ?? [])]
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((s) => ({ id: s.id, kind: s.kind, leadAgencyId: s.leadAgencyId, memberAgencyIds: (s.members ?? []).map((m) => m.id).sort() })),
});

export const toAgencyView = (a: AgencyEntity): AgencyView => ({
  id: a.id,
  jurisdictionCode: a.jurisdictionCode,
  name: a.name,
  kind: a.kind,
  subTaskForceKinds: (a.subTaskForces ?? []).map((s) => s.kind).sort(),
  active: a.active,
  version: a.version,
});

export const toPersonView = (p: PersonEntity): PersonView => ({
  id: p.id,
  agencyId: p.agencyId,
  jurisdictionCode: p.agency?.jurisdictionCode ?? '',
  fullName: p.fullName,
  email: p.email,
  active: p.active,
  version: p.version,
});

export const toPositionView = (p: PositionEntity, history: PositionAssignmentEntity[], delegations: DelegationEntity[]): PositionView => ({
  id: p.id,
  agencyId: p.agencyId,
  jurisdictionCode: p.agency?.jurisdictionCode ?? '',
  title: p.title,
  roles: p.roles,
  representsAgency: p.representsAgency,
  holder: p.holder ? { id: p.holder.id, fullName: p.holder.fullName } : null,
  active: p.active,
  version: p.version,
  history: history.map((h) => ({
    personId: h.personId,
    personName: h.person?.fullName ?? '',
    startedAt: h.startedAt.toISOString(),
    endedAt: h.endedAt ? h.endedAt.toISOString() : null,
    handoverNote: h.handoverNote,
  })),
  delegations: delegations.map((d) => ({ id: d.id, delegateId: d.delegateId, delegateName: d.delegate?.fullName ?? '', startsOn: d.startsOn, endsOn: d.endsOn, reason: d.reason })),
});

export const toOrgChangeView = (c: OrgChangeEntity): OrgChangeView => ({
  id: Number(c.id),
  at: c.at.toISOString(),
  action: c.action,
  actor: c.actor ? { id: c.actor.id, fullName: c.actor.fullName } : null,
  changes: c.changes,
  reason: c.reason,
});
