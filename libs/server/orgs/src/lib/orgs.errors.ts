import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';

const JURISDICTION_CODE = /^(00|\d{2}|\d{2}\.\d{2})$/;

export function assertJurisdictionCode(code: string, field = 'jurisdictionCode'): void {
  if (!JURISDICTION_CODE.test(code)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      { id: `Kode wilayah "${code.slice(0, 20)}" tidak valid.`, en: `Region code "${code.slice(0, 20)}" is not valid.` },
      { fields: [{ field, message: { id: 'harus kode wilayah resmi seperti 32 atau 32.04', en: 'must be an official region code such as 32 or 32.04' } }] },
    );
  }
}

export const notFound = (what: { id: string; en: string }, key: string) =>
  new DomainError(ErrorCode.NOT_FOUND, { id: `${what.id} ${key} tidak ditemukan.`, en: `${what.en} ${key} was not found.` });

export const conflict = (text: { id: string; en: string }) => new DomainError(ErrorCode.CONFLICT, text);

export const invalid = (field: string, text: { id: string; en: string }) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message: text }] });
