import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** `reassign`: move someone else's task to another agency, role or person (coordinators). */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'reassign' | 'manage';
/** Every kind of thing a permission is about. `all` only for the system administrator. */
export type Subject =
  | 'Jurisdiction'
  | 'TaskForce'
  | 'Agency'
  | 'Position'
  | 'Person'
  | 'AuditLog'
  | 'SystemCheck'
  | 'Form'
  | 'FormVersion'
  | 'FormSubmission'
  /** The working-day calendar (national holidays and cuti bersama). */
  | 'Holiday'
  /** Per-jurisdiction process settings (durations, who does which step). */
  | 'ProcessSettings'
  /** Human tasks. Acting on one's own tasks is decided by assignment in the tasks module; this covers oversight. */
  | 'Task'
  /** Coordination meetings and their action points. */
  | 'Meeting'
  /** Plans of action (RAD): the document, its versions, comments, decree, budgets and progress. */
  | 'Plan'
  /** Aggregated review analytics across plans (times per stage and holder, rounds). */
  | 'PlanAnalytics'
  /** Case records (coded id, stage, intake): never identifying data, which comes through sealed forms. */
  | 'Case'
  /** The register of cooperation agreements (MoU) between task forces: parties, scope, duration, termination. */
  | 'Agreement'
  /** The directory of service providers: per member agency, the services it offers (what case plans choose from). */
  | 'ServiceDirectory'
  /** Aggregated case figures of a period (counts by breakdown, never a case). */
  | 'CaseFigures'
  /** Periodic reports up the hierarchy and their cycles (counts only): compiled, reviewed, corrected. */
  | 'PeriodicReport'
  /** De-identified case-level rows for research (codes only), of the cases whose consent covers research alone. */
  | 'CaseResearchData'
  | 'all';

export const PERMISSION_KEY = 'gugus:permission';
export const PUBLIC_KEY = 'gugus:public';
export const AUTHENTICATED_KEY = 'gugus:authenticated';
/** OpenAPI extension on every operation saying who may call it (`public`, `authenticated`, `read:Agency` …). */
export const ACCESS_EXTENSION = 'x-gugus-access';

export interface RoutePermission {
  action: Action;
  subject: Subject;
}

/**
 * Declares what a route needs. The guard checks the action on the subject type; the service then
 * checks the concrete record (its jurisdiction and agency). Every route declares this or {@link Public}
 * — a test fails otherwise, and the guard denies an undeclared route.
 */
export const RequirePermission = (action: Action, subject: Subject) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, { action, subject } satisfies RoutePermission), ApiExtension(ACCESS_EXTENSION, `${action}:${subject}`));

/** Open to anyone, including the anonymous public (health, login, published reports). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(ACCESS_EXTENSION, 'public'));

/** Any logged-in person, whatever their roles (e.g. "who am I", logout). */
export const Authenticated = () => applyDecorators(SetMetadata(AUTHENTICATED_KEY, true), ApiExtension(ACCESS_EXTENSION, 'authenticated'));
