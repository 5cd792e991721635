import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Grant } from '@gugus/contracts';

/** The person behind a request, with the grants of every position they hold or act for today. */
export interface AuthUser {
  personId: string;
  sessionId: string;
  name: string;
  email: string;
  grants: Grant[];
  /** ID of the request being served (for the audit trail). */
  requestId?: string;
}

export interface RequestWithUser {
  user?: AuthUser;
  id?: string;
}

/** The authenticated person (undefined on a public route called anonymously). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<RequestWithUser>().user;
});
