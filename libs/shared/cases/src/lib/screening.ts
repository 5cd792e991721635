import type { BilingualText, JsonObject } from '@gugus/contracts';

/**
 * The three elements of trafficking in persons (Law 21/2007 Art. 1(1); seed 000 §2.1, seed 003 L440-448):
 * an ACTION, by some MEANS, for the PURPOSE of exploitation. Kept in this order everywhere.
 */
export const SCREENING_ELEMENTS = ['action', 'means', 'purpose'] as const;
export type ScreeningElement = (typeof SCREENING_ELEMENTS)[number];

/** The codes of the `screening-results` option list: what the person screening records. */
export const ScreeningResult = {
  NOT_A_CASE: 'not_a_case',
  PRESUMED_VICTIM: 'presumed_victim',
  REFER_FOR_DETERMINATION: 'refer_for_determination',
} as const;
export type ScreeningResult = (typeof ScreeningResult)[keyof typeof ScreeningResult];

/** What the indicators suggest. Advice only: a person weighs the indicators together and decides. */
export const ScreeningSuggestion = {
  /** Every element the person's age calls for was found. */
  PRESUMED_VICTIM: 'presumed_victim',
  /** At least one element the person's age calls for was not (yet) found. */
  INDICATORS_INCOMPLETE: 'indicators_incomplete',
} as const;
export type ScreeningSuggestion = (typeof ScreeningSuggestion)[keyof typeof ScreeningSuggestion];

/**
 * Why the person is treated as a child or an adult. Anyone whose age is in doubt is treated as a child
 * (seed 003 L514-520, the form's own help on `ageGroup`): the child rules protect more, and wrongly
 * applying the adult rules to a child would demand a MEANS the law does not ask for.
 */
export const AgeBasis = {
  CHILD: 'child',
  ADULT: 'adult',
  /** Recorded as an adult, but `ageUncertain` is set. */
  AGE_UNCERTAIN: 'age_uncertain',
  /** No age group recorded, or one this module does not know. */
  AGE_UNKNOWN: 'age_unknown',
} as const;
export type AgeBasis = (typeof AgeBasis)[keyof typeof AgeBasis];

/**
 * The parts of a `victim-screening` answer that this module reads, as the form defines them. Answers
 * arrive as JSON (a draft, an old version, a province variant), so every function here also takes any
 * JSON object and reads it defensively: a missing or malformed field counts as not answered, never throws.
 */
export interface ScreeningAnswers {
  ageGroup?: string;
  ageUncertain?: boolean;
  action?: { elements?: readonly string[] };
  means?: { elements?: readonly string[] };
  purpose?: { exploitationTypes?: readonly string[] };
  result?: string;
  rationale?: string;
  otherReferral?: string;
}

/** Screening answers as typed by the form, or as they come out of storage. */
export type ScreeningInput = ScreeningAnswers | JsonObject | null | undefined;

/** The advice `screeningAdvice` gives. Never a decision: see `checkScreeningDecision` for the decision. */
export interface ScreeningAdvice {
  /** True unless the person is recorded as an adult without doubt about the age. */
  treatedAsChild: boolean;
  ageBasis: AgeBasis;
  /** The elements found, in ACTION, MEANS, PURPOSE order. */
  present: readonly ScreeningElement[];
  /** ACTION + MEANS + PURPOSE for an adult; ACTION + PURPOSE for a child (MEANS is not needed). */
  required: readonly ScreeningElement[];
  /** The required elements not found. */
  missing: readonly ScreeningElement[];
  suggestion: ScreeningSuggestion;
  /** For the person screening: why, in both languages. Names no one and quotes no answer. */
  explanation: BilingualText;
}

const ELEMENT_NAMES: Readonly<Record<ScreeningElement, BilingualText>> = {
  action: { id: 'PROSES', en: 'ACTION' },
  means: { id: 'CARA', en: 'MEANS' },
  purpose: { id: 'TUJUAN', en: 'PURPOSE' },
};

/** The answers as an object whose members can be read, whatever came in. */
export function screeningFields(answers: unknown): Readonly<Record<string, unknown>> {
  return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
}

/** True if `value` is an object with a list under `list` holding at least one non-blank code. */
function anyCode(value: unknown, list: string): boolean {
  const codes = screeningFields(value)[list];
  // Any code counts, not only the national ones: a province may extend the option lists.
  return Array.isArray(codes) && codes.some((code) => typeof code === 'string' && code.trim() !== '');
}

function ageBasis(fields: Readonly<Record<string, unknown>>): AgeBasis {
  if (fields['ageGroup'] === 'child') return AgeBasis.CHILD;
  if (fields['ageGroup'] !== 'adult') return AgeBasis.AGE_UNKNOWN;
  return fields['ageUncertain'] === true ? AgeBasis.AGE_UNCERTAIN : AgeBasis.ADULT;
}

/** "PROSES, CARA dan TUJUAN" / "ACTION, MEANS and PURPOSE". */
export function elementList(elements: readonly ScreeningElement[]): BilingualText {
  const join = (names: string[], and: string) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`);
  return {
    id: join(elements.map((e) => ELEMENT_NAMES[e].id), 'dan'),
    en: join(elements.map((e) => ELEMENT_NAMES[e].en), 'and'),
  };
}

const AGE_TEXT: Readonly<Record<AgeBasis, BilingualText>> = {
  child: {
    id: 'Anak (di bawah 18 tahun): unsur CARA tidak diperlukan.',
    en: 'Child (under 18): the MEANS element is not needed.',
  },
  age_uncertain: {
    id: 'Usia belum pasti, sehingga diperlakukan sebagai anak: unsur CARA tidak diperlukan.',
    en: 'The age is not yet confirmed, so the person is treated as a child: the MEANS element is not needed.',
  },
  age_unknown: {
    id: 'Kelompok usia belum diisi, sehingga diperlakukan sebagai anak: unsur CARA tidak diperlukan.',
    en: 'No age group is recorded, so the person is treated as a child: the MEANS element is not needed.',
  },
  adult: {
    id: 'Dewasa: unsur PROSES, CARA dan TUJUAN harus ada.',
    en: 'Adult: the ACTION, MEANS and PURPOSE elements must all be present.',
  },
};

const ADVICE_NOT_DECISION: BilingualText = {
  id: 'Ini saran, bukan keputusan: indikator dinilai secara kumulatif dan petugas yang memutuskan.',
  en: 'This is advice, not a decision: the indicators are weighed together and the officer decides.',
};

/**
 * What the ACTION, MEANS and PURPOSE answers of a victim screening suggest (PRODUCT §3.2 step 2): a
 * person is presumed a victim when every element their age calls for is present — ACTION, MEANS and
 * PURPOSE for an adult, ACTION and PURPOSE for a child or anyone whose age is in doubt. An element is
 * present when at least one of its options is ticked (ACTION: `action.elements`; MEANS: `means.elements`;
 * PURPOSE: `purpose.exploitationTypes`). Indicators are weighed cumulatively and a person decides
 * (seed 003 L1205-1230), so this is advice to show beside the `result` field, never the result.
 */
export function screeningAdvice(answers: ScreeningInput): ScreeningAdvice {
  const fields = screeningFields(answers);
  const basis = ageBasis(fields);
  const treatedAsChild = basis !== AgeBasis.ADULT;
  const found: Record<ScreeningElement, boolean> = {
    action: anyCode(fields['action'], 'elements'),
    means: anyCode(fields['means'], 'elements'),
    purpose: anyCode(fields['purpose'], 'exploitationTypes'),
  };
  const present = SCREENING_ELEMENTS.filter((e) => found[e]);
  const required = SCREENING_ELEMENTS.filter((e) => e !== 'means' || !treatedAsChild);
  const missing = required.filter((e) => !found[e]);
  const suggestion = missing.length === 0 ? ScreeningSuggestion.PRESUMED_VICTIM : ScreeningSuggestion.INDICATORS_INCOMPLETE;

  const foundText: BilingualText =
    present.length === 0
      ? { id: 'Belum ada unsur yang ditemukan.', en: 'No element has been found yet.' }
      : { id: `Unsur yang ditemukan: ${elementList(present).id}.`, en: `Elements found: ${elementList(present).en}.` };
  const suggestionText: BilingualText =
    suggestion === ScreeningSuggestion.PRESUMED_VICTIM
      ? {
          id: 'Saran: diduga korban TPPO, yang langsung diperlakukan sebagai korban.',
          en: 'Suggestion: presumed victim of trafficking, treated as a victim at once.',
        }
      : {
          id:
            `Unsur yang belum ditemukan: ${elementList(missing).id}. Saran: indikator belum lengkap; pertimbangkan rujukan untuk ` +
            'identifikasi resmi, atau catat bukan kasus TPPO beserta dasar penilaian dan rujukan lain.',
          en:
            `Not found: ${elementList(missing).en}. Suggestion: indicators incomplete; consider a referral for official ` +
            'determination, or record not a trafficking case with a rationale and an onward referral.',
        };
  const parts = [AGE_TEXT[basis], foundText, suggestionText, ADVICE_NOT_DECISION];
  return {
    treatedAsChild,
    ageBasis: basis,
    present,
    required,
    missing,
    suggestion,
    explanation: { id: parts.map((p) => p.id).join(' '), en: parts.map((p) => p.en).join(' ') },
  };
}

/** Why a recorded screening result cannot stand as it is. */
export const ScreeningProblemCode = {
  /** No result, or one that is not in the `screening-results` list. */
  RESULT_MISSING: 'RESULT_MISSING',
  /** "Not a case" without a rationale. */
  NOT_A_CASE_WITHOUT_RATIONALE: 'NOT_A_CASE_WITHOUT_RATIONALE',
  /** "Not a case" without an onward referral. */
  NOT_A_CASE_WITHOUT_REFERRAL: 'NOT_A_CASE_WITHOUT_REFERRAL',
  /** A result other than the advice without a rationale. */
  DEPARTURE_WITHOUT_RATIONALE: 'DEPARTURE_WITHOUT_RATIONALE',
} as const;
export type ScreeningProblemCode = (typeof ScreeningProblemCode)[keyof typeof ScreeningProblemCode];

/** One problem with a recorded screening result, at a field of the answers (rjsf `extraErrors` can show it there). */
export interface ScreeningProblem {
  code: ScreeningProblemCode;
  /** JSON pointer into the screening answers: `/result`, `/rationale` or `/otherReferral`. */
  field: string;
  message: BilingualText;
}

/** True if `value` is a code of the `screening-results` list. */
export function isScreeningResult(value: unknown): value is ScreeningResult {
  return typeof value === 'string' && (Object.values(ScreeningResult) as string[]).includes(value);
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * True if `result` goes against `advice`: "not a case" although every element was found, or "presumed
 * victim" although one is missing. Referring for official determination never does: it is the way to
 * settle doubt either way.
 */
export function departsFromAdvice(result: ScreeningResult, advice: ScreeningAdvice): boolean {
  if (advice.suggestion === ScreeningSuggestion.PRESUMED_VICTIM) return result === ScreeningResult.NOT_A_CASE;
  return result === ScreeningResult.PRESUMED_VICTIM;
}

/**
 * The rules a recorded screening `result` never escapes (PRODUCT §3.2 step 2, §5.1), beyond what the
 * form's schema already checks:
 * - "not a case" needs a `rationale` and an onward referral (`otherReferral`): every "no" has a
 *   recorded path forward. It never closes the record (see `afterScreening`).
 * - a result that goes against `screeningAdvice` is allowed — a person decides, weighing indicators the
 *   three elements do not capture — but must say why in `rationale`.
 * Blank text counts as missing. Returns one problem per field, empty when the result can stand.
 */
export function checkScreeningDecision(answers: ScreeningInput): ScreeningProblem[] {
  const fields = screeningFields(answers);
  const result = fields['result'];
  if (!isScreeningResult(result)) {
    return [
      {
        code: ScreeningProblemCode.RESULT_MISSING,
        field: '/result',
        message: {
          id: 'Pilih hasil penapisan: bukan kasus TPPO, diduga korban TPPO, atau dirujuk untuk identifikasi resmi.',
          en: 'Choose a screening result: not a trafficking case, presumed victim, or refer for official determination.',
        },
      },
    ];
  }
  const problems: ScreeningProblem[] = [];
  const advice = screeningAdvice(answers);
  if (result === ScreeningResult.NOT_A_CASE) {
    if (!filled(fields['rationale'])) {
      problems.push({
        code: ScreeningProblemCode.NOT_A_CASE_WITHOUT_RATIONALE,
        field: '/rationale',
        message: {
          id: 'Hasil "bukan kasus TPPO" memerlukan dasar penilaian: tuliskan indikator yang dinilai dan alasannya.',
          en: 'A "not a trafficking case" result needs a rationale: state the indicators weighed and why.',
        },
      });
    }
    if (!filled(fields['otherReferral'])) {
      problems.push({
        code: ScreeningProblemCode.NOT_A_CASE_WITHOUT_REFERRAL,
        field: '/otherReferral',
        message: {
          id: 'Hasil "bukan kasus TPPO" memerlukan rujukan lain: tuliskan ke mana orang tersebut dirujuk atau bantuan apa yang diberikan. Catatan ini tetap disimpan.',
          en: 'A "not a trafficking case" result needs an onward referral: state where the person was referred or what support was given. The record is kept.',
        },
      });
    }
  } else if (departsFromAdvice(result, advice) && !filled(fields['rationale'])) {
    problems.push({
      code: ScreeningProblemCode.DEPARTURE_WITHOUT_RATIONALE,
      field: '/rationale',
      message: {
        id: `Hasil ini berbeda dari saran (unsur yang belum ditemukan: ${elementList(advice.missing).id}). Hal itu boleh, tetapi tuliskan dasar penilaiannya.`,
        en: `This result differs from the advice (not found: ${elementList(advice.missing).en}). That is allowed, but state the rationale.`,
      },
    });
  }
  return problems;
}
