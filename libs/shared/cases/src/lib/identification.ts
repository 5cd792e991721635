import type { BilingualText } from '@gugus/contracts';
import { ScreeningResult } from './screening';

/**
 * Identification is a phased process, not a point-in-time event (seed 003 L626-647, Bali Process Policy
 * Guide):
 * - `screened`: the initial screening suggests the person might be a victim and refers them for official
 *   determination;
 * - `presumed`: there are sufficient indicators; a presumed victim is treated as a victim at once;
 * - `verified`: authorised officers' determination interview, held after the person is moved to a safe
 *   place (seed 003 L1148-1160), found the person is a victim;
 * - `confirmed`: the conviction of a trafficker confirms it;
 * - `not_confirmed`: a later finding that the person is not a victim. A recorded decision that adjusts
 *   support; the person and the record stay, and the finding can be revised if facts change.
 */
export const IDENTIFICATION_STATUSES = ['screened', 'presumed', 'verified', 'confirmed', 'not_confirmed'] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

/** What happens to identification. Each event carries what its rule needs to be checked. */
export type IdentificationEvent =
  /** Authorities presume the person is a victim. From `not_confirmed` it revises a decision: `reason` is needed. */
  | { type: 'presume'; reason?: string }
  /**
   * The determination interview found the person is a victim. Only by authorised or specially trained
   * officers, and only once the person is in a safe place. From `not_confirmed`, `reason` is needed.
   */
  | { type: 'verify'; inSafePlace: boolean; byAuthorisedOfficer: boolean; reason?: string }
  /** A trafficker was convicted, confirming a verified victim. */
  | { type: 'confirm'; traffickerConvicted: boolean }
  /** The person is found not to be a victim. Support is reviewed, never silently ended. */
  | { type: 'find_not_victim'; reason: string };
export type IdentificationEventType = IdentificationEvent['type'];

/** Why a transition is refused. */
export const IdentificationRefusalCode = {
  UNKNOWN_STATUS: 'UNKNOWN_STATUS',
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** The status is already the one the event leads to. */
  ALREADY_IN_STATUS: 'ALREADY_IN_STATUS',
  /** The event does not apply to the current status (a verified victim is not "presumed" again). */
  NOT_FROM_STATUS: 'NOT_FROM_STATUS',
  /** A conviction confirmed the person is a victim; nothing here undoes that. */
  CONFIRMED_IS_FINAL: 'CONFIRMED_IS_FINAL',
  NOT_IN_SAFE_PLACE: 'NOT_IN_SAFE_PLACE',
  NOT_AUTHORISED: 'NOT_AUTHORISED',
  NO_CONVICTION: 'NO_CONVICTION',
  REASON_MISSING: 'REASON_MISSING',
} as const;
export type IdentificationRefusalCode = (typeof IdentificationRefusalCode)[keyof typeof IdentificationRefusalCode];

export type IdentificationTransition =
  | {
      ok: true;
      status: IdentificationStatus;
      /**
       * True when the person is found not to be a victim: the support they receive is to be reviewed
       * with them (adjusted, or withdrawn with an onward referral), never ended by this transition.
       */
      reviewSupport: boolean;
    }
  | { ok: false; code: IdentificationRefusalCode; reason: BilingualText };

const STATUS_NAMES: Readonly<Record<IdentificationStatus, BilingualText>> = {
  screened: { id: 'dirujuk untuk identifikasi resmi', en: 'referred for official determination' },
  presumed: { id: 'diduga korban', en: 'presumed victim' },
  verified: { id: 'korban terverifikasi', en: 'verified victim' },
  confirmed: { id: 'korban terkonfirmasi oleh putusan pengadilan', en: 'victim confirmed by a conviction' },
  not_confirmed: { id: 'tidak terkonfirmasi sebagai korban', en: 'not confirmed as a victim' },
};

/** The statuses each event may start from. */
const FROM: Readonly<Record<IdentificationEventType, readonly IdentificationStatus[]>> = {
  presume: ['screened', 'not_confirmed'],
  verify: ['screened', 'presumed', 'not_confirmed'],
  confirm: ['verified'],
  find_not_victim: ['screened', 'presumed', 'verified'],
};

const TO: Readonly<Record<IdentificationEventType, IdentificationStatus>> = {
  presume: 'presumed',
  verify: 'verified',
  confirm: 'confirmed',
  find_not_victim: 'not_confirmed',
};

function isStatus(value: unknown): value is IdentificationStatus {
  return typeof value === 'string' && (IDENTIFICATION_STATUSES as readonly string[]).includes(value);
}

function isEventType(value: unknown): value is IdentificationEventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FROM, value);
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function refuse(code: IdentificationRefusalCode, reason: BilingualText): IdentificationTransition {
  return { ok: false, code, reason };
}

/**
 * The status identification moves to when `event` happens at `current`, or a refusal saying why not.
 * Events and statuses come from outside (an Update, a stored record), so anything unknown is refused,
 * never thrown. Nothing here removes a person: `not_confirmed` is a status like any other.
 */
export function identificationTransition(current: IdentificationStatus, event: IdentificationEvent): IdentificationTransition {
  if (!isStatus(current)) {
    return refuse(IdentificationRefusalCode.UNKNOWN_STATUS, {
      id: 'Status identifikasi saat ini tidak dikenal.',
      en: 'The current identification status is not known.',
    });
  }
  const fields: Readonly<Record<string, unknown>> = typeof event === 'object' && event !== null ? event : {};
  const type = fields['type'];
  if (!isEventType(type)) {
    return refuse(IdentificationRefusalCode.UNKNOWN_EVENT, {
      id: 'Perubahan status identifikasi ini tidak dikenal.',
      en: 'This identification status change is not known.',
    });
  }
  const from = STATUS_NAMES[current];
  if (current === 'confirmed') {
    return refuse(IdentificationRefusalCode.CONFIRMED_IS_FINAL, {
      id: 'Status korban sudah dikonfirmasi oleh putusan pengadilan dan tidak diubah lagi.',
      en: 'A conviction has confirmed the person is a victim; the status does not change again.',
    });
  }
  if (current === TO[type]) {
    return refuse(IdentificationRefusalCode.ALREADY_IN_STATUS, {
      id: `Status identifikasi sudah "${from.id}".`,
      en: `The identification status is already "${from.en}".`,
    });
  }
  if (!FROM[type].includes(current)) {
    const to = STATUS_NAMES[TO[type]];
    return refuse(IdentificationRefusalCode.NOT_FROM_STATUS, {
      id: `Status tidak dapat berubah dari "${from.id}" menjadi "${to.id}".`,
      en: `The status cannot change from "${from.en}" to "${to.en}".`,
    });
  }
  if (type === 'verify') {
    if (fields['inSafePlace'] !== true) {
      return refuse(IdentificationRefusalCode.NOT_IN_SAFE_PLACE, {
        id: 'Wawancara identifikasi resmi hanya dilakukan setelah orang tersebut berada di tempat yang aman.',
        en: 'The official determination interview takes place only after the person is in a safe place.',
      });
    }
    if (fields['byAuthorisedOfficer'] !== true) {
      return refuse(IdentificationRefusalCode.NOT_AUTHORISED, {
        id: 'Identifikasi resmi hanya dilakukan oleh petugas yang berwenang atau terlatih khusus (polisi, imigrasi, pekerja sosial).',
        en: 'Official determination is made only by authorised or specially trained officers (police, immigration, social workers).',
      });
    }
  }
  if (type === 'confirm' && fields['traffickerConvicted'] !== true) {
    return refuse(IdentificationRefusalCode.NO_CONVICTION, {
      id: 'Status korban dikonfirmasi hanya setelah pelaku perdagangan orang dinyatakan bersalah oleh pengadilan.',
      en: 'Victim status is confirmed only once a trafficker has been convicted.',
    });
  }
  if (type === 'find_not_victim' && !filled(fields['reason'])) {
    return refuse(IdentificationRefusalCode.REASON_MISSING, {
      id: 'Temuan "bukan korban" memerlukan alasan. Orang tersebut tetap tercatat dan dukungannya ditinjau, tidak dihentikan begitu saja.',
      en: 'A "not a victim" finding needs a reason. The person stays on record and their support is reviewed, not simply ended.',
    });
  }
  if (current === 'not_confirmed' && !filled(fields['reason'])) {
    return refuse(IdentificationRefusalCode.REASON_MISSING, {
      id: 'Temuan "bukan korban" yang sudah dicatat hanya dapat direvisi dengan alasan.',
      en: 'A recorded "not a victim" finding can be revised only with a reason.',
    });
  }
  return { ok: true, status: TO[type], reviewSupport: type === 'find_not_victim' };
}

/** What a screening result leads to. */
export interface AfterScreening {
  /** The identification status the case starts in, or null when the person is not treated as a possible victim. */
  identificationStatus: IdentificationStatus | null;
  /** True when the person is to be referred to other services (the `otherReferral` answer). */
  onwardReferral: boolean;
  /** Never true: no screening result closes the record (PRODUCT §5.1: every "no" has a path forward). */
  closesRecord: false;
}

/** What follows a recorded screening result; null for a result that is not in the `screening-results` list. */
export function afterScreening(result: ScreeningResult): AfterScreening | null {
  switch (result) {
    case ScreeningResult.PRESUMED_VICTIM:
      return { identificationStatus: 'presumed', onwardReferral: false, closesRecord: false };
    case ScreeningResult.REFER_FOR_DETERMINATION:
      return { identificationStatus: 'screened', onwardReferral: false, closesRecord: false };
    case ScreeningResult.NOT_A_CASE:
      return { identificationStatus: null, onwardReferral: true, closesRecord: false };
    default:
      return null;
  }
}
