import { ErrorCode } from '@gugus/contracts';
import { DomainError, type BilingualText } from './domain-error';
import { postgresErrorOf } from './safe-error';

/** Node socket errors meaning "nobody answers there". */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** node-postgres and pg-pool raise these as plain Errors, without a code. */
const UNREACHABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
];

/**
 * SQLSTATEs meaning the server cannot serve us right now: connection exceptions (class 08), too many
 * connections, a shut-down or starting-up server, and a statement cancelled (e.g. by statement_timeout).
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57014', '57P01', '57P02', '57P03']);

type Loose = Record<string, unknown>;

function isUnreachable(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 3) return false;
  const e = err as Loose;
  const pg = postgresErrorOf(err);
  if (pg) return pg.code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(pg.code);
  if (typeof e['code'] === 'string' && UNREACHABLE_CODES.has(e['code'])) return true;
  if (typeof e['message'] === 'string' && UNREACHABLE_MESSAGES.some((m) => m.test(e['message'] as string))) return true;
  // TypeORM wraps a failed query (QueryFailedError.driverError); Node wraps dual-stack connects (AggregateError).
  if (isUnreachable(e['driverError'], depth + 1) || isUnreachable(e['cause'], depth + 1)) return true;
  return Array.isArray(e['errors']) && e['errors'].length > 0 && e['errors'].every((inner) => isUnreachable(inner, depth + 1));
}

/** True when `err` says PostgreSQL cannot be reached (or is shutting down, starting up, or full). */
export function isDatabaseUnavailable(err: unknown): boolean {
  return isUnreachable(err);
}

/** True for a PostgreSQL unique violation, optionally on one constraint (or unique index). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = postgresErrorOf(err);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * What a duplicate means, per unique constraint or index, for the person who caused it. Names only,
 * never the values: PostgreSQL's own detail quotes them.
 */
const DUPLICATES: Record<string, BilingualText> = {
  form_versions_one_draft: { id: 'Formulir ini sudah memiliki draf di provinsi ini; buka draf itu.', en: 'This form already has a draft in this province; open that draft.' },
  form_versions_one_published: { id: 'Formulir ini sudah memiliki versi terbit di wilayah ini.', en: 'This form already has a published version in this jurisdiction.' },
  form_versions_form_key_jurisdiction_code_number_key: {
    id: 'Versi formulir ini baru saja dibuat oleh permintaan lain; muat ulang lalu coba lagi.',
    en: 'This form version was just created by another request; reload and try again.',
  },
  people_email_key: { id: 'Alamat e-mail ini sudah dipakai.', en: 'This e-mail address is already in use.' },
  agencies_jurisdiction_code_name_key: { id: 'Instansi dengan nama ini sudah ada di wilayah ini.', en: 'An agency with this name already exists in this jurisdiction.' },
  task_forces_jurisdiction_code_key: { id: 'Wilayah ini sudah memiliki gugus tugas.', en: 'This jurisdiction already has a task force.' },
  sub_task_forces_task_force_id_kind_key: { id: 'Gugus tugas ini sudah memiliki sub gugus tugas jenis ini.', en: 'This task force already has a Sub-TF of this kind.' },
  sub_task_force_members_pkey: { id: 'Instansi ini sudah menjadi anggota sub gugus tugas tersebut.', en: 'This agency is already a member of that Sub-TF.' },
  process_settings_process_key_jurisdiction_code_version_key: {
    id: 'Pengaturan proses ini baru saja diubah oleh permintaan lain; muat ulang lalu coba lagi.',
    en: 'These process settings were just changed by another request; reload and try again.',
  },
  holidays_pkey: { id: 'Tanggal ini sudah ada di kalender libur.', en: 'This date is already in the holiday calendar.' },
  meetings_one_successor: { id: 'Rapat berikutnya sudah dijadwalkan.', en: 'The next meeting is already scheduled.' },
  meeting_invitations_pkey: { id: 'Instansi ini sudah diundang ke rapat tersebut.', en: 'This agency is already invited to that meeting.' },
  meeting_action_points_meeting_id_seq_key: {
    id: 'Nomor tindak lanjut ini sudah dipakai di rapat tersebut; muat ulang lalu coba lagi.',
    en: 'This action point number is already used in that meeting; reload and try again.',
  },
};

const DUPLICATE: BilingualText = {
  id: 'Data ini sudah ada (duplikat); muat ulang lalu periksa kembali.',
  en: 'This already exists (a duplicate); reload and check again.',
};

/** The DomainError the API answers with when PostgreSQL is down. */
export const databaseUnavailableError = () =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, {
    id: 'Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.',
    en: 'The database cannot be reached. Try again shortly.',
  });

/**
 * Maps a database failure to the answer a person can act on, or null for anything else (the caller's
 * 500). Duplicates are 409 naming what is duplicated; a missing or still-referenced record is 409 (the
 * state changed under the request: services check referenced ids before writing, so a foreign-key
 * violation that gets here is a concurrent delete or insert, not a malformed request); a value the
 * column cannot hold is 400; a lost, full or stopping server is 503; a serialization failure or
 * deadlock is 409 "try again". No answer quotes a value.
 */
export function domainErrorForDatabase(err: unknown): DomainError | null {
  if (isDatabaseUnavailable(err)) return databaseUnavailableError();
  const pg = postgresErrorOf(err);
  if (!pg) return null;
  switch (pg.code) {
    case '23505':
      return new DomainError(ErrorCode.CONFLICT, (pg.constraint && DUPLICATES[pg.constraint]) || DUPLICATE);
    case '23503':
      return new DomainError(ErrorCode.CONFLICT, {
        id: 'Data yang dirujuk tidak ada lagi, atau data ini masih dirujuk data lain; muat ulang lalu coba lagi.',
        en: 'A record this refers to no longer exists, or this record is still referred to by another; reload and try again.',
      });
    case '40001':
    case '40P01':
      return new DomainError(ErrorCode.CONFLICT, {
        id: 'Data ini sedang diubah oleh permintaan lain; coba lagi.',
        en: 'This record is being changed by another request at the same time; try again.',
      });
    case '23502':
    case '23514':
      return new DomainError(ErrorCode.VALIDATION_FAILED, {
        id: 'Ada nilai yang wajib diisi atau tidak diizinkan.',
        en: 'A value is missing or not allowed.',
      });
  }
  if (pg.code.startsWith('22')) {
    return new DomainError(ErrorCode.VALIDATION_FAILED, {
      id: 'Ada nilai yang bentuknya tidak sesuai dengan isiannya (mis. tanggal, angka atau ID).',
      en: 'A value does not have the form its field needs (e.g. a date, a number or an ID).',
    });
  }
  return null;
}
