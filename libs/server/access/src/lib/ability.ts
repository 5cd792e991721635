import { AbilityBuilder, createMongoAbility, subject as as, type MongoAbility } from '@casl/ability';
import { Role, type Grant } from '@gugus/contracts';
import { coveredCodePattern } from './coverage';
import type { Action, Subject } from './permissions';

/** What a permission check looks at on a concrete record. */
export interface Scoped {
  jurisdictionCode: string;
  agencyId?: string | null;
}

export type GugusAbility = MongoAbility<[Action, Subject | (Scoped & { __caslSubjectType__?: string })]>;

const ORG_RECORDS: Subject[] = ['TaskForce', 'Agency', 'Position', 'Person'];

/**
 * The one place that says who may do what: role × jurisdiction (a province grant covers its regencies)
 * × agency. Anything not granted here is denied.
 */
export function abilityFor(grants: readonly Grant[]): GugusAbility {
  const { can, build } = new AbilityBuilder<GugusAbility>(createMongoAbility);
  can('read', 'Jurisdiction');
  if (grants.length) can('read', ['Form', 'FormVersion', 'Holiday']); // form definitions and the calendar are not secret
  for (const grant of grants) {
    const inScope = { jurisdictionCode: { $regex: coveredCodePattern(grant.jurisdictionCode) } };
    const ownAgency = { agencyId: grant.agencyId };
    switch (grant.role) {
      case Role.SYSTEM_ADMIN:
        can('manage', 'all');
        break;
      case Role.PROVINCIAL_ADMIN:
        can('manage', ORG_RECORDS, inScope);
        can('manage', 'FormVersion', inScope);
        can('manage', 'ProcessSettings', inScope);
        can(['create', 'read', 'update'], 'Agreement', inScope);
        can('manage', 'ServiceDirectory', inScope);
        can('read', 'CaseFigures', inScope);
        can(['read', 'update'], 'PeriodicReport', inScope);
        can(['read', 'reassign'], 'Task', inScope);
        can('read', 'Meeting', inScope);
        can('read', ['Plan', 'PlanAnalytics'], inScope);
        can('read', 'AuditLog', inScope);
        break;
      case Role.SECRETARIAT:
        can(['create', 'read'], 'FormSubmission', inScope);
        can('read', ORG_RECORDS, inScope);
        can('update', 'TaskForce', inScope);
        can('read', 'ProcessSettings', inScope);
        // The secretariat keeps the task force's cooperation agreements (the cooperation sub-task force's work).
        can(['create', 'read', 'update'], 'Agreement', inScope);
        // The secretariat keeps the directory of service providers current, as it keeps the membership.
        can(['read', 'update'], 'ServiceDirectory', inScope);
        // The secretariat compiles the task force's reports from its figures.
        can('read', 'CaseFigures', inScope);
        // The secretariat is the task force's focal point for periodic reports: it compiles, reviews those below, asks for corrections.
        can(['read', 'update'], 'PeriodicReport', inScope);
        can(['read', 'reassign'], 'Task', inScope);
        can(['create', 'read', 'update'], 'Meeting', inScope);
        // The secretariat starts and steers plans, records outside steps and budget allocations.
        can(['create', 'read', 'update'], 'Plan', inScope);
        can('read', 'PlanAnalytics', inScope);
        can('read', 'AuditLog', inScope);
        break;
      case Role.CHAIR:
        can('read', ['TaskForce', 'Agency', 'Position'], inScope);
        can('read', ['ProcessSettings', 'Task', 'Meeting', 'Plan', 'PlanAnalytics', 'Agreement', 'ServiceDirectory', 'CaseFigures', 'PeriodicReport'], inScope);
        break;
      case Role.AGENCY_OFFICER:
        can(['create', 'read'], 'FormSubmission', inScope);
        can('read', 'TaskForce', inScope);
        // The task force's member agencies (names, kinds) are not secret to its members: forms pick them.
        can('read', 'Agency', inScope);
        can('read', ['Position', 'Person'], ownAgency);
        can('read', 'Meeting', inScope);
        // The plan is the task force's public programme: its members read it (they act on it through their own tasks).
        can('read', 'Plan', inScope);
        // Each agency keeps its own entry of the directory of service providers current (what it offers, its capacity).
        can('read', 'ServiceDirectory', inScope);
        can('update', 'ServiceDirectory', { ...inScope, ...ownAgency });
        break;
      case Role.LEGAL_REVIEWER:
        can(['create', 'read'], 'FormSubmission', inScope);
        can('read', ['TaskForce', 'Agency'], inScope);
        can('read', ['Position', 'Person'], ownAgency);
        // The legal department reviews its own jurisdiction's plans (and records outside steps there).
        can(['read', 'update'], 'Plan', inScope);
        break;
      case Role.CASE_COORDINATOR:
      case Role.CASE_WORKER:
        can(['create', 'read'], 'FormSubmission', inScope);
        // Cases are need-to-know: only the case roles open and read them (a province's cover its regencies).
        can(['create', 'read'], 'Case', inScope);
        // Which agreements a case can be shared under.
        can('read', 'Agreement', inScope);
        // Case plans choose the responsible agency from the directory of service providers.
        can('read', 'ServiceDirectory', inScope);
        can('read', ['TaskForce', 'Agency'], inScope);
        can('read', ['Position', 'Person'], ownAgency);
        break;
      case Role.NATIONAL_ANALYST:
        // Aggregates only: task-force structure, never people or agency records.
        can('read', 'TaskForce', inScope);
        can('read', 'PlanAnalytics', inScope);
        can('read', 'CaseFigures', inScope);
        // The national level reviews the provinces' reports, compiles the national one, opens a cycle by hand.
        can(['create', 'read', 'update'], 'PeriodicReport', inScope);
        // Case-level rows without identity, and only of cases that consented to research (issue 12, item 5).
        can('read', 'CaseResearchData', inScope);
        break;
      default: {
        const unreachable: never = grant.role;
        throw new Error(`Unknown role ${String(unreachable)}`);
      }
    }
  }
  return build();
}

/** Can `ability` do `action` on this concrete record of type `type`? */
export function canOn(ability: GugusAbility, action: Action, type: Exclude<Subject, 'all'>, record: Scoped): boolean {
  return ability.can(action, as(type, { ...record }) as never);
}
