import { createParamDecorator, ParseUUIDPipe, type ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from './domain-error';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError(
        ErrorCode.VALIDATION_FAILED,
        { id: `Parameter ${field} tidak valid.`, en: `The ${field} parameter is not valid.` },
        { fields: [{ field, message: { id: 'harus berupa UUID', en: 'must be a UUID' } }] },
      ),
  });
}

/** The ID of the request being served (assigned by the logging middleware), for the audit trail. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<{ id?: string }>().id ?? null);
