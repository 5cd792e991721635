import {
  afterScreening,
  IDENTIFICATION_STATUSES,
  identificationTransition,
  type IdentificationEvent,
  type IdentificationStatus,
  type IdentificationTransition,
} from './identification';
import { ScreeningResult } from './screening';

const REASON = 'Hasil penyelidikan: pekerjaan sesuai perjanjian.';

// Each event with everything its rule asks for, so that only the statuses decide.
const PRESUME: IdentificationEvent = { type: 'presume', reason: REASON };
const VERIFY: IdentificationEvent = { type: 'verify', inSafePlace: true, byAuthorisedOfficer: true, reason: REASON };
const CONFIRM: IdentificationEvent = { type: 'confirm', traffickerConvicted: true };
const NOT_VICTIM: IdentificationEvent = { type: 'find_not_victim', reason: REASON };

function outcome(result: IdentificationTransition): string {
  if (!result.ok) return `refused: ${result.code}`;
  return result.reviewSupport ? `${result.status} + review support` : result.status;
}

describe('identificationTransition: screened → presumed → verified → confirmed, or not confirmed', () => {
  it('has the statuses of the phased identification', () => {
    expect(IDENTIFICATION_STATUSES).toEqual(['screened', 'presumed', 'verified', 'confirmed', 'not_confirmed']);
  });

  it.each([
    // from             event        → outcome
    ['screened',        PRESUME,     'presumed'],
    ['screened',        VERIFY,      'verified'],
    ['screened',        CONFIRM,     'refused: NOT_FROM_STATUS'],
    ['screened',        NOT_VICTIM,  'not_confirmed + review support'],

    ['presumed',        PRESUME,     'refused: ALREADY_IN_STATUS'],
    ['presumed',        VERIFY,      'verified'],
    ['presumed',        CONFIRM,     'refused: NOT_FROM_STATUS'],
    ['presumed',        NOT_VICTIM,  'not_confirmed + review support'],

    ['verified',        PRESUME,     'refused: NOT_FROM_STATUS'],
    ['verified',        VERIFY,      'refused: ALREADY_IN_STATUS'],
    ['verified',        CONFIRM,     'confirmed'],
    ['verified',        NOT_VICTIM,  'not_confirmed + review support'],

    ['confirmed',       PRESUME,     'refused: CONFIRMED_IS_FINAL'],
    ['confirmed',       VERIFY,      'refused: CONFIRMED_IS_FINAL'],
    ['confirmed',       CONFIRM,     'refused: CONFIRMED_IS_FINAL'],
    ['confirmed',       NOT_VICTIM,  'refused: CONFIRMED_IS_FINAL'],

    ['not_confirmed',   PRESUME,     'presumed'],
    ['not_confirmed',   VERIFY,      'verified'],
    ['not_confirmed',   CONFIRM,     'refused: NOT_FROM_STATUS'],
    ['not_confirmed',   NOT_VICTIM,  'refused: ALREADY_IN_STATUS'],
  ] as [IdentificationStatus, IdentificationEvent, string][])('%s, %o → %s', (from, event, expected) => {
    expect(outcome(identificationTransition(from, event))).toBe(expected);
  });

  it.each([
    // from             event                                                                          → outcome
    ['presumed',        { type: 'verify', inSafePlace: false, byAuthorisedOfficer: true },             'refused: NOT_IN_SAFE_PLACE'],
    ['screened',        { type: 'verify', byAuthorisedOfficer: true },                                 'refused: NOT_IN_SAFE_PLACE'],
    ['presumed',        { type: 'verify', inSafePlace: true, byAuthorisedOfficer: false },             'refused: NOT_AUTHORISED'],
    ['presumed',        { type: 'verify', inSafePlace: 'yes', byAuthorisedOfficer: true },             'refused: NOT_IN_SAFE_PLACE'],
    ['presumed',        { type: 'verify', inSafePlace: true, byAuthorisedOfficer: true },              'verified'],
    ['not_confirmed',   { type: 'verify', inSafePlace: true, byAuthorisedOfficer: true },              'refused: REASON_MISSING'],
    ['not_confirmed',   { type: 'verify', inSafePlace: false, byAuthorisedOfficer: true, reason: REASON }, 'refused: NOT_IN_SAFE_PLACE'],
    ['verified',        { type: 'confirm', traffickerConvicted: false },                               'refused: NO_CONVICTION'],
    ['verified',        { type: 'confirm' },                                                           'refused: NO_CONVICTION'],
    ['presumed',        { type: 'find_not_victim', reason: '' },                                       'refused: REASON_MISSING'],
    ['verified',        { type: 'find_not_victim', reason: '  \n ' },                                  'refused: REASON_MISSING'],
    ['screened',        { type: 'find_not_victim' },                                                   'refused: REASON_MISSING'],
    ['screened',        { type: 'presume' },                                                           'presumed'],
    ['not_confirmed',   { type: 'presume' },                                                           'refused: REASON_MISSING'],
    ['not_confirmed',   { type: 'presume', reason: ' ' },                                              'refused: REASON_MISSING'],
    ['presumed',        { type: 'withdraw' },                                                          'refused: UNKNOWN_EVENT'],
    ['presumed',        { type: 'toString' },                                                          'refused: UNKNOWN_EVENT'],
    ['presumed',        null,                                                                          'refused: UNKNOWN_EVENT'],
    ['deleted',         PRESUME,                                                                       'refused: UNKNOWN_STATUS'],
    [undefined,         PRESUME,                                                                       'refused: UNKNOWN_STATUS'],
  ])('%s, %o → %s', (from, event, expected) => {
    expect(outcome(identificationTransition(from as IdentificationStatus, event as IdentificationEvent))).toBe(expected);
  });

  it('never leads out of the status list, and only "not a victim" asks for a support review', () => {
    const events = [PRESUME, VERIFY, CONFIRM, NOT_VICTIM];
    for (const from of IDENTIFICATION_STATUSES) {
      for (const event of events) {
        const result = identificationTransition(from, event);
        if (!result.ok) continue;
        expect(IDENTIFICATION_STATUSES).toContain(result.status);
        expect(result.reviewSupport).toBe(event.type === 'find_not_victim');
      }
    }
  });

  it('says why, in Bahasa Indonesia first and English second, without repeating what was written', () => {
    const refused = [
      identificationTransition('presumed', { type: 'verify', inSafePlace: false, byAuthorisedOfficer: true, reason: 'Siti Contoh' }),
      identificationTransition('verified', { type: 'presume', reason: 'Siti Contoh' }),
      identificationTransition('presumed', { type: 'find_not_victim', reason: '' }),
    ];
    const reasons = refused.map((r) => (r.ok ? null : r.reason));
    expect(reasons).toEqual([
      {
        id: 'Wawancara identifikasi resmi hanya dilakukan setelah orang tersebut berada di tempat yang aman.',
        en: 'The official determination interview takes place only after the person is in a safe place.',
      },
      {
        id: 'Status tidak dapat berubah dari "korban terverifikasi" menjadi "diduga korban".',
        en: 'The status cannot change from "verified victim" to "presumed victim".',
      },
      {
        id: 'Temuan "bukan korban" memerlukan alasan. Orang tersebut tetap tercatat dan dukungannya ditinjau, tidak dihentikan begitu saja.',
        en: 'A "not a victim" finding needs a reason. The person stays on record and their support is reviewed, not simply ended.',
      },
    ]);
    for (const reason of reasons) expect(Object.keys(reason ?? {})).toEqual(['id', 'en']);
  });
});

describe('afterScreening: what a screening result leads to', () => {
  it.each([
    // result                       identification  onward referral
    ['presumed_victim',             'presumed',     false],
    ['refer_for_determination',     'screened',     false],
    ['not_a_case',                  null,           true],
  ] as [ScreeningResult, IdentificationStatus | null, boolean][])('%s → %s, onward referral: %s, the record stays', (result, status, onward) => {
    expect(afterScreening(result)).toEqual({ identificationStatus: status, onwardReferral: onward, closesRecord: false });
  });

  it('covers every screening result and knows no other', () => {
    for (const result of Object.values(ScreeningResult)) expect(afterScreening(result)).not.toBeNull();
    expect(afterScreening('possibly' as ScreeningResult)).toBeNull();
  });
});
