import type { AgencyKind, AgencyView, JurisdictionLevel, JurisdictionView, OrgChangeView, OrgSubjectType, PersonView, PositionView, Role, SubTaskForceKind, TaskForceView } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';

export interface JurisdictionFilter {
  level?: JurisdictionLevel;
  parentCode?: string;
}

export interface NewAgency {
  jurisdictionCode: string;
  name: string;
  kind: AgencyKind;
  subTaskForces?: SubTaskForceKind[];
}

export interface NewPosition {
  agencyId: string;
  title: string;
  roles: Role[];
  representsAgency?: boolean;
}

export interface NewPerson {
  agencyId: string;
  fullName: string;
  email: string;
  /** Initial password (at least 10 characters); omit for single sign-on only. */
  password?: string;
}

export interface HolderChange {
  positionId: string;
  /** null leaves the position vacant. */
  personId: string | null;
  /** Required by the API when the position already has a holder. */
  handoverNote?: string;
}

export interface NewDelegation {
  positionId: string;
  personId: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD, inclusive */
  endsOn: string;
  reason?: string;
}

/** An edit: only the fields sent change; `version` is the one the editor saw (a stale edit is refused with 409). */
export interface AgencyEdit {
  id: string;
  version: number;
  name?: string;
  kind?: AgencyKind;
  subTaskForces?: SubTaskForceKind[];
}

export interface PositionEdit {
  id: string;
  version: number;
  title?: string;
  roles?: Role[];
  representsAgency?: boolean;
}

export interface PersonEdit {
  id: string;
  version: number;
  fullName?: string;
  email?: string;
}

/** Deactivate (`active: false`, with a reason) or reactivate one agency, position or person. */
export interface ActiveChange {
  subject: OrgSubjectType;
  id: string;
  version: number;
  active: boolean;
  reason?: string;
}

const seg = encodeURIComponent;
const SUBJECT_PATHS: Record<OrgSubjectType, string> = { agency: 'agencies', position: 'positions', person: 'people' };

/** Jurisdictions, task forces, agencies, positions and people (the organisations API). */
export const orgsApi = {
  jurisdictions: (filter: JurisdictionFilter, signal?: AbortSignal) =>
    apiClient.get<JurisdictionView[]>(withQuery('/jurisdictions', { level: filter.level, parentCode: filter.parentCode }), { signal }),
  jurisdiction: (code: string, signal?: AbortSignal) => apiClient.get<JurisdictionView>(`/jurisdictions/${seg(code)}`, { signal }),
  taskForce: (jurisdictionCode: string, signal?: AbortSignal) => apiClient.get<TaskForceView>(`/task-forces/${seg(jurisdictionCode)}`, { signal }),
  /** Forms the task force of a jurisdiction with its Sub-TFs; idempotent. */
  formTaskForce: (jurisdictionCode: string) => apiClient.put<TaskForceView>(`/task-forces/${seg(jurisdictionCode)}`, {}),
  setSubTaskForceLead: ({ jurisdictionCode, kind, agencyId }: { jurisdictionCode: string; kind: string; agencyId: string | null }) =>
    apiClient.put<TaskForceView>(`/task-forces/${seg(jurisdictionCode)}/sub-task-forces/${seg(kind)}/lead`, { agencyId }),
  setTaskForceChair: ({ jurisdictionCode, positionId }: { jurisdictionCode: string; positionId: string | null }) =>
    apiClient.put<TaskForceView>(`/task-forces/${seg(jurisdictionCode)}/chair`, { positionId }),
  agencies: (jurisdictionCode: string, signal?: AbortSignal) => apiClient.get<AgencyView[]>(withQuery('/agencies', { jurisdictionCode }), { signal }),
  /** Active and deactivated agencies (the admin pages). */
  allAgencies: (jurisdictionCode: string, signal?: AbortSignal) => apiClient.get<AgencyView[]>(withQuery('/agencies', { jurisdictionCode, includeInactive: 'true' }), { signal }),
  updateAgency: ({ id, ...body }: AgencyEdit) => apiClient.patch<AgencyView>(`/agencies/${seg(id)}`, body),
  updatePosition: ({ id, ...body }: PositionEdit) => apiClient.patch<PositionView>(`/positions/${seg(id)}`, body),
  updatePerson: ({ id, ...body }: PersonEdit) => apiClient.patch<PersonView>(`/people/${seg(id)}`, body),
  setActive: ({ subject, id, ...body }: ActiveChange) => apiClient.put<AgencyView | PositionView | PersonView>(`/${SUBJECT_PATHS[subject]}/${seg(id)}/active`, body),
  /** A record's change history, newest first. */
  changes: (subject: OrgSubjectType, id: string, signal?: AbortSignal) => apiClient.get<OrgChangeView[]>(`/${SUBJECT_PATHS[subject]}/${seg(id)}/changes`, { signal }),
  agency: (id: string, signal?: AbortSignal) => apiClient.get<AgencyView>(`/agencies/${seg(id)}`, { signal }),
  createAgency: (body: NewAgency) => apiClient.post<AgencyView>('/agencies', body),
  positions: (agencyId: string, signal?: AbortSignal) => apiClient.get<PositionView[]>(`/agencies/${seg(agencyId)}/positions`, { signal }),
  createPosition: ({ agencyId, ...body }: NewPosition) => apiClient.post<PositionView>(`/agencies/${seg(agencyId)}/positions`, body),
  position: (id: string, signal?: AbortSignal) => apiClient.get<PositionView>(`/positions/${seg(id)}`, { signal }),
  assignHolder: ({ positionId, ...body }: HolderChange) => apiClient.put<PositionView>(`/positions/${seg(positionId)}/holder`, body),
  delegate: ({ positionId, ...body }: NewDelegation) => apiClient.post<PositionView>(`/positions/${seg(positionId)}/delegations`, body),
  people: (agencyId: string, signal?: AbortSignal) => apiClient.get<PersonView[]>(withQuery('/people', { agencyId }), { signal }),
  person: (id: string, signal?: AbortSignal) => apiClient.get<PersonView>(`/people/${seg(id)}`, { signal }),
  createPerson: (body: NewPerson) => apiClient.post<PersonView>('/people', body),
};
