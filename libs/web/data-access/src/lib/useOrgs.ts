import type { AgencyView, JurisdictionView, OrgChangeView, OrgSubjectType, PersonView, PositionView, TaskForceView } from '@gugus/contracts';
import { orgsApi, type JurisdictionFilter } from './orgsApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

// Small typed hooks, one per read; pass undefined to stay idle.

export function useJurisdictions(filter: JurisdictionFilter | undefined): QueryState<JurisdictionView[]> {
  const key = filter && `jurisdictions:${filter.level ?? ''}:${filter.parentCode ?? ''}`;
  return useApiQuery(key, (signal) => orgsApi.jurisdictions(filter ?? {}, signal));
}

export function useJurisdiction(code: string | undefined): QueryState<JurisdictionView> {
  return useApiQuery(code && `jurisdiction:${code}`, (signal) => orgsApi.jurisdiction(code ?? '', signal));
}

/** The task force of a jurisdiction; a 404 NOT_FOUND error means it has not been formed yet. */
export function useTaskForce(jurisdictionCode: string | undefined): QueryState<TaskForceView> {
  return useApiQuery(jurisdictionCode && `task-force:${jurisdictionCode}`, (signal) => orgsApi.taskForce(jurisdictionCode ?? '', signal));
}

export function useAgencies(jurisdictionCode: string | undefined): QueryState<AgencyView[]> {
  return useApiQuery(jurisdictionCode && `agencies:${jurisdictionCode}`, (signal) => orgsApi.agencies(jurisdictionCode ?? '', signal));
}

/** The agencies of several jurisdictions in one list (a case's regency and its province), in the order given. */
/** Active and deactivated agencies of a jurisdiction, for the admin pages. */
export function useAllAgencies(jurisdictionCode: string | undefined): QueryState<AgencyView[]> {
  return useApiQuery(jurisdictionCode && `agencies-all:${jurisdictionCode}`, (signal) => orgsApi.allAgencies(jurisdictionCode ?? '', signal));
}

export function usePerson(id: string | undefined): QueryState<PersonView> {
  return useApiQuery(id && `person:${id}`, (signal) => orgsApi.person(id ?? '', signal));
}

/** The change history ("Riwayat perubahan") of an agency, position or person; `key` changes reload it. */
export function useOrgChanges(subject: OrgSubjectType, id: string | undefined, key = 0): QueryState<OrgChangeView[]> {
  return useApiQuery(id && `org-changes:${subject}:${id}:${key}`, (signal) => orgsApi.changes(subject, id ?? '', signal));
}

export function useAgenciesIn(codes: readonly string[]): QueryState<AgencyView[]> {
  const key = codes.length ? `agencies-in:${codes.join(',')}` : undefined;
  return useApiQuery(key, async (signal) => (await Promise.all(codes.map((code) => orgsApi.agencies(code, signal)))).flat());
}

export function useAgency(id: string | undefined): QueryState<AgencyView> {
  return useApiQuery(id && `agency:${id}`, (signal) => orgsApi.agency(id ?? '', signal));
}

export function usePositions(agencyId: string | undefined): QueryState<PositionView[]> {
  return useApiQuery(agencyId && `positions:${agencyId}`, (signal) => orgsApi.positions(agencyId ?? '', signal));
}

/** One position with its holder history and its acting officials (Plt.). */
export function usePosition(id: string | undefined): QueryState<PositionView> {
  return useApiQuery(id && `position:${id}`, (signal) => orgsApi.position(id ?? '', signal));
}

export function usePeople(agencyId: string | undefined): QueryState<PersonView[]> {
  return useApiQuery(agencyId && `people:${agencyId}`, (signal) => orgsApi.people(agencyId ?? '', signal));
}

export const useFormTaskForce = () => useApiMutation(orgsApi.formTaskForce);
/** Names (or clears) the lead agency of a Sub-TF. */
export const useSetSubTaskForceLead = () => useApiMutation(orgsApi.setSubTaskForceLead);
/** Names (or clears) the position that chairs the task force. */
export const useSetTaskForceChair = () => useApiMutation(orgsApi.setTaskForceChair);
export const useCreateAgency = () => useApiMutation(orgsApi.createAgency);
export const useCreatePosition = () => useApiMutation(orgsApi.createPosition);
export const useCreatePerson = () => useApiMutation(orgsApi.createPerson);
/** Moves a position to another person (with a handover note when it had a holder). */
export const useAssignHolder = () => useApiMutation(orgsApi.assignHolder);
/** Appoints an acting official (Plt.) for a period. */
export const useDelegate = () => useApiMutation(orgsApi.delegate);
export const useUpdateAgency = () => useApiMutation(orgsApi.updateAgency);
export const useUpdatePosition = () => useApiMutation(orgsApi.updatePosition);
export const useUpdatePerson = () => useApiMutation(orgsApi.updatePerson);
/** Deactivates or reactivates an agency, position or person. */
export const useSetOrgActive = () => useApiMutation(orgsApi.setActive);
