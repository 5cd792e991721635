import { createParamDecorator, ParseUUIDPipe, type ExecutionContext, type PipeTransform } from '@nestjs/common';
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

/** A path parameter that must be a whole number from 1 to `max` (a sequence number); anything else is a 400 naming it. */
export function positiveIntParam(field: string, max = 1_000_000): PipeTransform<string, number> {
  return {
    transform(value: string): number {
      if (/^[1-9]\d{0,9}$/.test(value) && Number(value) <= max) return Number(value);
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        { id: `Parameter ${field} tidak valid.`, en: `The ${field} parameter is not valid.` },
        { fields: [{ field, message: { id: `harus bilangan bulat 1 sampai ${max}`, en: `must be a whole number from 1 to ${max}` } }] },
      );
    },
  };
}

/** The ID of the request being served (assigned by the logging middleware), for the audit trail. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<{ id?: string }>().id ?? null);
