import type { AgreementStatus, BilingualText } from '@gugus/contracts';
import { DATA_CATEGORIES } from './disclosure';

// Cross-region cases (PRODUCT.md §3.2 step 9; seed 000 §2–3): two task forces — of any level, the seeds'
// example is West Java province with Kota Batam — share cases under a recorded cooperation agreement
// (MoU / perjanjian kerja sama): its parties, its scope, its duration and its termination.

/** The dates that decide whether an agreement is in force (YYYY-MM-DD). */
export interface AgreementTerm {
  validFrom: string;
  validUntil: string;
  terminatedOn: string | null;
}

/**
 * Where an agreement stands on `today`: terminated from its termination day, pending before its first
 * day, expired after its last, else active (a termination dated ahead leaves it active until then).
 */
export function agreementStatus(a: AgreementTerm, today: string): AgreementStatus {
  if (a.terminatedOn !== null && a.terminatedOn <= today) return 'terminated';
  if (today < a.validFrom) return 'pending';
  if (today > a.validUntil) return 'expired';
  return 'active';
}

/** Does task force `party` (a province covers its regencies) take in `code`? */
export function partyCovers(party: string, code: string): boolean {
  return code === party || code.startsWith(`${party}.`);
}

/**
 * The other party of an agreement for a case of `caseJurisdiction`: the party that does not cover it
 * when the other one does; null when the agreement is not the case's task force's.
 */
export function otherParty(parties: readonly [string, string], caseJurisdiction: string): string | null {
  const [a, b] = parties;
  if (partyCovers(a, caseJurisdiction) && !partyCovers(b, caseJurisdiction)) return b;
  if (partyCovers(b, caseJurisdiction) && !partyCovers(a, caseJurisdiction)) return a;
  return null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{2}(\.\d{2})?$/;
/** A real calendar day written YYYY-MM-DD (no 2026-02-30). */
function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DAY.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return y >= 1 && length !== undefined && d >= 1 && d <= length;
}

export interface AgreementProblem {
  field: string;
  message: BilingualText;
}

/**
 * What is wrong with an agreement to be entered in the register, field by field (empty when it can
 * stand): parties are two task forces of provinces or regencies/cities, neither covering the other (a
 * province already serves its own regencies); the scope is known data categories, each once; the
 * dates are real days and the agreement ends on or after it starts.
 */
export function checkAgreement(input: { reference?: unknown; title?: unknown; partyA: unknown; partyB: unknown; dataCategories: unknown; signedOn: unknown; validFrom: unknown; validUntil: unknown }): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  for (const field of ['reference', 'title'] as const) {
    if (field in input && (typeof input[field] !== 'string' || !(input[field] as string).trim())) problems.push({ field, message: { id: 'wajib diisi (bukan hanya spasi)', en: 'is required (not only spaces)' } });
  }
  const region = { id: 'harus kode wilayah resmi provinsi atau kabupaten/kota, misalnya 32 atau 21.71', en: 'must be the official code of a province or regency/city, such as 32 or 21.71' };
  const a = typeof input.partyA === 'string' && REGION.test(input.partyA) && input.partyA !== '00' ? input.partyA : null;
  const b = typeof input.partyB === 'string' && REGION.test(input.partyB) && input.partyB !== '00' ? input.partyB : null;
  if (!a) problems.push({ field: 'partyA', message: region });
  if (!b) problems.push({ field: 'partyB', message: region });
  if (a && b && (partyCovers(a, b) || partyCovers(b, a))) {
    problems.push({
      field: 'partyB',
      message: { id: 'harus gugus tugas lain yang tidak mencakup atau dicakup pihak pertama (provinsi sudah melayani kabupaten/kotanya)', en: 'must be another task force, neither covering nor covered by the first party (a province already serves its regencies)' },
    });
  }
  if (!Array.isArray(input.dataCategories)) {
    problems.push({ field: 'dataCategories', message: { id: 'harus berupa daftar kategori data', en: 'must be a list of data categories' } });
  } else {
    const seen = new Set<unknown>();
    input.dataCategories.forEach((c, i) => {
      if (!(DATA_CATEGORIES as readonly unknown[]).includes(c)) problems.push({ field: `dataCategories/${i}`, message: { id: `bukan kategori data yang dikenal; pilih dari: ${DATA_CATEGORIES.join(', ')}`, en: `not a known data category; choose from: ${DATA_CATEGORIES.join(', ')}` } });
      else if (seen.has(c)) problems.push({ field: `dataCategories/${i}`, message: { id: 'kategori ini sudah disebut', en: 'this category is already listed' } });
      seen.add(c);
    });
  }
  const day = { id: 'harus tanggal yang ada, YYYY-MM-DD', en: 'must be a real date, YYYY-MM-DD' };
  for (const field of ['signedOn', 'validFrom', 'validUntil'] as const) if (!isDay(input[field])) problems.push({ field, message: day });
  if (isDay(input.validFrom) && isDay(input.validUntil) && input.validUntil < input.validFrom) {
    problems.push({ field: 'validUntil', message: { id: 'tidak boleh sebelum tanggal mulai berlaku', en: 'must not be before the day it takes effect' } });
  }
  return problems;
}

/** What is wrong with a termination (empty when it can stand): a real day, not before the agreement took effect, and a reason. */
export function checkTermination(a: AgreementTerm, input: { terminatedOn: unknown; reason: unknown }): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (!isDay(input.terminatedOn)) problems.push({ field: 'terminatedOn', message: { id: 'harus tanggal yang ada, YYYY-MM-DD', en: 'must be a real date, YYYY-MM-DD' } });
  else if (input.terminatedOn < a.validFrom) problems.push({ field: 'terminatedOn', message: { id: `tidak boleh sebelum perjanjian berlaku (${a.validFrom})`, en: `must not be before the agreement took effect (${a.validFrom})` } });
  if (typeof input.reason !== 'string' || !input.reason.trim()) problems.push({ field: 'reason', message: { id: 'alasan pengakhiran wajib diisi', en: 'the reason for terminating is required' } });
  return problems;
}
