import type { Role } from './access';
import type { BilingualText } from './text';

/** The six Sub-TFs; regency/city task forces have no Legal Norm Development Sub-TF. */
export const SubTaskForceKind = {
  PREVENTION: 'prevention_child_participation',
  HEALTH: 'health_rehabilitation',
  SOCIAL: 'social_rehabilitation_repatriation_reintegration',
  LEGAL_NORM: 'legal_norm_development',
  LAW_ENFORCEMENT: 'law_enforcement',
  COOPERATION: 'cooperation_coordination',
} as const;
export type SubTaskForceKind = (typeof SubTaskForceKind)[keyof typeof SubTaskForceKind];
export const SUB_TASK_FORCE_KINDS: readonly SubTaskForceKind[] = Object.values(SubTaskForceKind);

/**
 * The Sub-TFs' names, the one place they are written in code: the web's labels, the plan's messages and
 * its exports read them here; the form library's `sub-task-forces` option list carries the same names
 * (a spec in `@gugus/plan` keeps the two equal).
 */
export const SUB_TASK_FORCE_NAMES: Readonly<Record<SubTaskForceKind, BilingualText>> = {
  prevention_child_participation: { id: 'Pencegahan dan Partisipasi Anak', en: 'Prevention and Child Participation' },
  health_rehabilitation: { id: 'Rehabilitasi Kesehatan', en: 'Health Rehabilitation' },
  social_rehabilitation_repatriation_reintegration: {
    id: 'Rehabilitasi Sosial, Pemulangan, dan Reintegrasi Sosial',
    en: 'Social Rehabilitation, Repatriation and Reintegration',
  },
  legal_norm_development: { id: 'Pengembangan Norma Hukum', en: 'Legal Norm Development' },
  law_enforcement: { id: 'Penegakan Hukum', en: 'Law Enforcement' },
  cooperation_coordination: { id: 'Kerja Sama dan Koordinasi', en: 'Cooperation and Coordination' },
};

export const AGENCY_KINDS = [
  'government_office',
  'women_child_protection_office',
  'planning_agency',
  'legal_bureau',
  'police',
  'prosecutor',
  'court',
  'integrated_service_centre',
  'immigration',
  'migrant_worker_protection',
  'ngo',
  'faith_group',
  'academia',
  'professional_association',
  'private_sector',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface SubTaskForceView {
  id: string;
  kind: SubTaskForceKind;
  leadAgencyId: string | null;
  memberAgencyIds: string[];
}

export interface TaskForceView {
  id: string;
  jurisdictionCode: string;
  name: string;
  chairPositionId: string | null;
  steeringAgencyId: string | null;
  subTaskForces: SubTaskForceView[];
}

export interface AgencyView {
  id: string;
  jurisdictionCode: string;
  name: string;
  kind: AgencyKind;
  subTaskForceKinds: SubTaskForceKind[];
  /** False once deactivated: it gives no rights and gets no new tasks; it is never deleted. */
  active: boolean;
  /** Raised by every change; send it back with an edit so a stale copy is refused (409) rather than lost. */
  version: number;
}

export interface PersonView {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  fullName: string;
  email: string;
  /** False once deactivated: the person can no longer log in and gets no new tasks or notifications. */
  active: boolean;
  version: number;
}

export interface AssignmentView {
  personId: string;
  personName: string;
  startedAt: string;
  endedAt: string | null;
  handoverNote: string | null;
}

export interface DelegationView {
  id: string;
  delegateId: string;
  delegateName: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
}

export interface PositionView {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  title: string;
  roles: Role[];
  representsAgency: boolean;
  holder: { id: string; fullName: string } | null;
  /** False once deactivated: it gives no rights and gets no new tasks; open tasks stay for reassignment. */
  active: boolean;
  version: number;
  history: AssignmentView[];
  delegations: DelegationView[];
}

/** What can be edited and deactivated in the organisations directory. */
export type OrgSubjectType = 'agency' | 'position' | 'person';

/** One field's change in an organisation record: values as they read (names, codes), never ids of victims. */
export interface OrgFieldChange {
  field: string;
  before: string | boolean | string[] | null;
  after: string | boolean | string[] | null;
}

/** One entry of a record's change history ("Riwayat perubahan"), newest first. */
export interface OrgChangeView {
  id: number;
  at: string;
  action: 'update' | 'deactivate' | 'reactivate';
  actor: { id: string; fullName: string } | null;
  changes: OrgFieldChange[];
  reason: string | null;
}
