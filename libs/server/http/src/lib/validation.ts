import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode } from '@gugus/contracts';
import { DomainError, type BilingualFieldError, type BilingualText } from './domain-error';

/** Bahasa Indonesia wording for class-validator's constraints; English falls back to its own text. */
const INDONESIAN: Record<string, (c: string) => string> = {
  whitelistValidation: () => 'kolom ini tidak dikenal',
  isInt: () => 'harus bilangan bulat',
  isNumber: () => 'harus berupa angka',
  isString: () => 'harus berupa teks',
  isBoolean: () => 'harus true atau false',
  isUuid: () => 'harus berupa UUID',
  isNotEmpty: () => 'wajib diisi',
  isDefined: () => 'wajib diisi',
  isIn: () => 'nilainya tidak termasuk pilihan yang diizinkan',
  isEnum: () => 'nilainya tidak termasuk pilihan yang diizinkan',
  isEmail: () => 'harus alamat e-mail yang valid',
  isDateString: () => 'harus tanggal ISO 8601',
  isISO8601: () => 'harus tanggal ISO 8601',
  min: (c) => `tidak boleh kurang dari ${c.match(/-?\d+(\.\d+)?/)?.[0] ?? 'batas'}`,
  max: (c) => `tidak boleh lebih dari ${c.match(/-?\d+(\.\d+)?/)?.[0] ?? 'batas'}`,
  maxLength: (c) => `terlalu panjang (${c.match(/\d+/)?.[0] ?? ''} karakter maksimal)`,
  minLength: (c) => `terlalu pendek (minimal ${c.match(/\d+/)?.[0] ?? ''} karakter)`,
};

function flatten(errors: ValidationError[], prefix = ''): BilingualFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([name, english]): BilingualFieldError => {
      const text: BilingualText = {
        id: INDONESIAN[name]?.(english) ?? english,
        // class-validator starts its message with the property name; the field is reported separately.
        en: english.startsWith(`${e.property} `) ? english.slice(e.property.length + 1) : english,
      };
      return { field, message: text };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global pipe for static request bodies, answering with VALIDATION_FAILED and one entry per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new DomainError(
        ErrorCode.VALIDATION_FAILED,
        { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' },
        { fields: flatten(errors) },
      ),
  });
}
