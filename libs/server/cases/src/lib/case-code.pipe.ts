import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';
import { isCaseCode } from './case-code';

/** The `:code` path parameter: a coded case id, or a 400 naming `code`. */
@Injectable()
export class CaseCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && isCaseCode(value)) return value;
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      { id: 'Parameter code tidak valid.', en: 'The code parameter is not valid.' },
      { fields: [{ field: 'code', message: { id: 'harus kode kasus seperti 32.04-2027-0042', en: 'must be a case code such as 32.04-2027-0042' } }] },
    );
  }
}
