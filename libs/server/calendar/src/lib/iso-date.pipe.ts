import type { PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';
import { FIRST_YEAR, LAST_YEAR } from './holidays.dto';
import { isIsoDate } from './working-days';

/** A path parameter that must be a calendar date `YYYY-MM-DD` within the calendar's years; else a 400 naming it. */
export class IsoDateParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    const year = Number(value.slice(0, 4));
    if (isIsoDate(value) && year >= FIRST_YEAR && year <= LAST_YEAR) return value;
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      { id: `Parameter ${this.field} tidak valid.`, en: `The ${this.field} parameter is not valid.` },
      {
        fields: [
          {
            field: this.field,
            message: { id: `harus tanggal YYYY-MM-DD antara ${FIRST_YEAR} dan ${LAST_YEAR}`, en: `must be a date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}` },
          },
        ],
      },
    );
  }
}
