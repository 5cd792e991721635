import { CASE_CODE_PATTERN } from '@gugus/contracts';
import { jakartaDate } from '@gugus/server-calendar';

/** A province (`32`) or regency/city (`32.04`) code: the task forces that open cases (not the national level). */
export const CASE_JURISDICTION_PATTERN = /^\d{2}(\.\d{2})?$/;

/** Is `code` shaped like a coded case id (`32.04-2027-0042`)? */
export function isCaseCode(code: string): boolean {
  return CASE_CODE_PATTERN.test(code) && !code.startsWith('00-');
}

/** Is `code` a jurisdiction where a case may be opened? */
export function isCaseJurisdiction(code: string): boolean {
  return CASE_JURISDICTION_PATTERN.test(code) && code !== '00';
}

/** The coded id: `<jurisdiction>-<year>-<seq padded to 4>`; past 9999 the number simply grows. */
export function formatCaseCode(jurisdictionCode: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('seq must be a positive integer');
  return `${jurisdictionCode}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The year a case opened at `instant` is numbered in: the calendar year in Asia/Jakarta. */
export function caseYear(instant: Date): number {
  return Number(jakartaDate(instant).slice(0, 4));
}
