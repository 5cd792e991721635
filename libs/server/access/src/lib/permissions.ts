import { SetMetadata } from '@nestjs/common';

export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage';
/** Every kind of thing a permission is about. `all` only for the system administrator. */
export type Subject = 'Jurisdiction' | 'TaskForce' | 'Agency' | 'Position' | 'Person' | 'AuditLog' | 'SystemCheck' | 'all';

export const PERMISSION_KEY = 'gugus:permission';
export const PUBLIC_KEY = 'gugus:public';
export const AUTHENTICATED_KEY = 'gugus:authenticated';

export interface RoutePermission {
  action: Action;
  subject: Subject;
}

/**
 * Declares what a route needs. The guard checks the action on the subject type; the service then
 * checks the concrete record (its jurisdiction and agency). Every route declares this or {@link Public}
 * — a test fails otherwise, and the guard denies an undeclared route.
 */
export const RequirePermission = (action: Action, subject: Subject) => SetMetadata(PERMISSION_KEY, { action, subject } satisfies RoutePermission);

/** Open to anyone, including the anonymous public (health, login, published reports). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any logged-in person, whatever their roles (e.g. "who am I", logout). */
export const Authenticated = () => SetMetadata(AUTHENTICATED_KEY, true);
