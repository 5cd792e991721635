import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';
import { abilityFor, canOn, type Scoped } from './ability';
import { covers } from './coverage';
import type { AuthUser, RequestWithUser } from './auth-user';
import { AUTHENTICATED_KEY, PERMISSION_KEY, PUBLIC_KEY, type Action, type RoutePermission, type Subject } from './permissions';
import { SessionResolver } from './session-resolver';

export const unauthenticated = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' });

export const forbidden = () =>
  new DomainError(ErrorCode.FORBIDDEN, {
    id: 'Peran Anda tidak mengizinkan tindakan ini di sini.',
    en: 'Your roles do not allow this action here.',
  });

/**
 * Global guard, deny by default: a route runs only if it is public, open to any logged-in person, or
 * the caller's ability allows its declared permission. Record-level checks follow in the services.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<RequestWithUser & { headers: Record<string, string | undefined> }>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const user = token ? await this.sessions.resolve(token) : null;
    if (user) req.user = { ...user, requestId: req.id };

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!user) throw unauthenticated();
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<RoutePermission>(PERMISSION_KEY, targets);
    if (!permission) throw forbidden(); // an undeclared route is closed
    if (!abilityFor(user.grants).can(permission.action, permission.subject)) throw forbidden();
    return true;
  }
}

/** Throws 403 unless `user` may do `action` on this concrete record. */
export function assertCan(user: AuthUser, action: Action, type: Exclude<Subject, 'all'>, record: Scoped): void {
  if (!canOn(abilityFor(user.grants), action, type, record)) throw forbidden();
}

/** True when one of the user's grants covers `jurisdictionCode` (any role). */
export function hasGrantCovering(user: AuthUser, jurisdictionCode: string): boolean {
  return user.grants.some((g) => covers(g.jurisdictionCode, jurisdictionCode));
}
