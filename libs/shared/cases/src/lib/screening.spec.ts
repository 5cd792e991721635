import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkScreeningDecision,
  ScreeningProblemCode,
  ScreeningResult,
  screeningAdvice,
  type ScreeningAnswers,
  type ScreeningElement,
} from './screening';

const root = join(__dirname, '../../../../..');
function json<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}
function optionCodes(list: string): string[] {
  return json<{ options: { code: string }[] }>(`forms/options/${list}.json`).options.map((o) => o.code);
}
function fixture(name: string): ScreeningAnswers {
  return json<ScreeningAnswers>(`forms/library/victim-screening/fixtures/${name}.json`);
}

type Age = 'adult' | 'child' | 'unknown' | 'uncertain';
const AGE: Record<Age, ScreeningAnswers> = {
  adult: { ageGroup: 'adult' },
  child: { ageGroup: 'child' },
  unknown: {},
  uncertain: { ageGroup: 'adult', ageUncertain: true },
};

/** Answers with one code ticked for each element marked (A, M, P) and the element left empty for '-'. */
function answers(age: Age, action: 'A' | '-', means: 'M' | '-', purpose: 'P' | '-'): ScreeningAnswers {
  return {
    ...AGE[age],
    action: { elements: action === 'A' ? ['recruitment'] : [] },
    means: { elements: means === 'M' ? ['deception'] : [] },
    purpose: { exploitationTypes: purpose === 'P' ? ['forced_labour'] : [] },
  };
}

const PRESUMED = 'presumed_victim';
const INCOMPLETE = 'indicators_incomplete';

// An adult needs ACTION + MEANS + PURPOSE; a child — and anyone whose age is unknown or in doubt — needs
// ACTION + PURPOSE only. Every one of the 8 combinations for each of the 4 ways the age can be recorded.
const TABLE: [Age, 'A' | '-', 'M' | '-', 'P' | '-', boolean, string, ScreeningElement[]][] = [
  // age          ACTION MEANS PURPOSE  child? suggestion   missing
  ['adult',       'A',   'M',  'P',     false, PRESUMED,    []],
  ['adult',       'A',   'M',  '-',     false, INCOMPLETE,  ['purpose']],
  ['adult',       'A',   '-',  'P',     false, INCOMPLETE,  ['means']],
  ['adult',       'A',   '-',  '-',     false, INCOMPLETE,  ['means', 'purpose']],
  ['adult',       '-',   'M',  'P',     false, INCOMPLETE,  ['action']],
  ['adult',       '-',   'M',  '-',     false, INCOMPLETE,  ['action', 'purpose']],
  ['adult',       '-',   '-',  'P',     false, INCOMPLETE,  ['action', 'means']],
  ['adult',       '-',   '-',  '-',     false, INCOMPLETE,  ['action', 'means', 'purpose']],

  ['child',       'A',   'M',  'P',     true,  PRESUMED,    []],
  ['child',       'A',   'M',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['child',       'A',   '-',  'P',     true,  PRESUMED,    []],
  ['child',       'A',   '-',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['child',       '-',   'M',  'P',     true,  INCOMPLETE,  ['action']],
  ['child',       '-',   'M',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],
  ['child',       '-',   '-',  'P',     true,  INCOMPLETE,  ['action']],
  ['child',       '-',   '-',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],

  ['unknown',     'A',   'M',  'P',     true,  PRESUMED,    []],
  ['unknown',     'A',   'M',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['unknown',     'A',   '-',  'P',     true,  PRESUMED,    []],
  ['unknown',     'A',   '-',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['unknown',     '-',   'M',  'P',     true,  INCOMPLETE,  ['action']],
  ['unknown',     '-',   'M',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],
  ['unknown',     '-',   '-',  'P',     true,  INCOMPLETE,  ['action']],
  ['unknown',     '-',   '-',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],

  ['uncertain',   'A',   'M',  'P',     true,  PRESUMED,    []],
  ['uncertain',   'A',   'M',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['uncertain',   'A',   '-',  'P',     true,  PRESUMED,    []],
  ['uncertain',   'A',   '-',  '-',     true,  INCOMPLETE,  ['purpose']],
  ['uncertain',   '-',   'M',  'P',     true,  INCOMPLETE,  ['action']],
  ['uncertain',   '-',   'M',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],
  ['uncertain',   '-',   '-',  'P',     true,  INCOMPLETE,  ['action']],
  ['uncertain',   '-',   '-',  '-',     true,  INCOMPLETE,  ['action', 'purpose']],
];

describe('screeningAdvice: ACTION, MEANS and PURPOSE by age', () => {
  it.each(TABLE)('%s, %s %s %s → child: %s, %s, missing %j', (age, a, m, p, child, suggestion, missing) => {
    const advice = screeningAdvice(answers(age, a, m, p));
    expect(advice.treatedAsChild).toBe(child);
    expect(advice.suggestion).toBe(suggestion);
    expect(advice.missing).toEqual(missing);
    expect(advice.required).toEqual(child ? ['action', 'purpose'] : ['action', 'means', 'purpose']);
    expect(advice.present).toEqual([a === 'A' && 'action', m === 'M' && 'means', p === 'P' && 'purpose'].filter(Boolean));
  });

  it.each([
    ['adult', 'adult', 'Dewasa', 'Adult'],
    ['child', 'child', 'Anak (di bawah 18 tahun)', 'Child (under 18)'],
    ['unknown', 'age_unknown', 'Kelompok usia belum diisi', 'No age group is recorded'],
    ['uncertain', 'age_uncertain', 'Usia belum pasti', 'The age is not yet confirmed'],
  ] as const)('says why the %s person is treated as they are (%s)', (age, basis, id, en) => {
    const advice = screeningAdvice(answers(age, 'A', '-', 'P'));
    expect(advice.ageBasis).toBe(basis);
    expect(advice.explanation.id.startsWith(id)).toBe(true);
    expect(advice.explanation.en.startsWith(en)).toBe(true);
  });

  it('explains in Bahasa Indonesia first, then English, what was found and what is missing, as advice', () => {
    const { explanation } = screeningAdvice(answers('adult', 'A', '-', '-'));
    expect(Object.keys(explanation)).toEqual(['id', 'en']);
    expect(explanation.id).toBe(
      'Dewasa: unsur PROSES, CARA dan TUJUAN harus ada. Unsur yang ditemukan: PROSES. Unsur yang belum ditemukan: CARA dan TUJUAN. ' +
        'Saran: indikator belum lengkap; pertimbangkan rujukan untuk identifikasi resmi, atau catat bukan kasus TPPO beserta dasar ' +
        'penilaian dan rujukan lain. Ini saran, bukan keputusan: indikator dinilai secara kumulatif dan petugas yang memutuskan.',
    );
    expect(explanation.en).toBe(
      'Adult: the ACTION, MEANS and PURPOSE elements must all be present. Elements found: ACTION. Not found: MEANS and PURPOSE. ' +
        'Suggestion: indicators incomplete; consider a referral for official determination, or record not a trafficking case with ' +
        'a rationale and an onward referral. This is advice, not a decision: the indicators are weighed together and the officer decides.',
    );
  });

  it('suggests a presumed victim, treated as a victim at once, when a child has ACTION and PURPOSE', () => {
    const { explanation } = screeningAdvice(answers('child', 'A', '-', 'P'));
    expect(explanation.id).toContain('Unsur yang ditemukan: PROSES dan TUJUAN. Saran: diduga korban TPPO, yang langsung diperlakukan sebagai korban.');
    expect(explanation.en).toContain('Elements found: ACTION and PURPOSE. Suggestion: presumed victim of trafficking, treated as a victim at once.');
  });

  it('never repeats an answer in the explanation', () => {
    const written = 'Siti Contoh, Jl. Melati 7';
    const advice = screeningAdvice({
      ...answers('adult', 'A', 'M', '-'),
      action: { elements: ['recruitment'], notes: written },
      rationale: written,
      otherReferral: written,
    } as ScreeningAnswers);
    expect(`${advice.explanation.id} ${advice.explanation.en}`).not.toContain('Siti');
    expect(`${advice.explanation.id} ${advice.explanation.en}`).not.toContain('recruitment');
  });

  it.each([
    ['every code of trafficking-actions', 'action', (code: string) => ({ action: { elements: [code] } })],
    ['every code of trafficking-means', 'means', (code: string) => ({ means: { elements: [code] } })],
    ['every code of exploitation-types', 'purpose', (code: string) => ({ purpose: { exploitationTypes: [code] } })],
  ] as const)('counts %s as its element', (_what, element, answer) => {
    const list = { action: 'trafficking-actions', means: 'trafficking-means', purpose: 'exploitation-types' }[element];
    const codes = optionCodes(list);
    expect(codes.length).toBeGreaterThan(2);
    for (const code of codes) expect(screeningAdvice({ ageGroup: 'adult', ...answer(code) }).present).toEqual([element]);
  });

  it('counts a code a province added to an option list', () => {
    expect(screeningAdvice({ ageGroup: 'child', action: { elements: ['province_added'] }, purpose: { exploitationTypes: ['x'] } }).suggestion).toBe(PRESUMED);
  });

  it('reads the age groups and results of the option lists', () => {
    expect(optionCodes('age-groups').sort()).toEqual(['adult', 'child']);
    expect(optionCodes('screening-results').sort()).toEqual(Object.values(ScreeningResult).sort());
  });

  it.each([
    ['no answers', undefined],
    ['null', null],
    ['a string', 'recruitment'],
    ['a list', ['recruitment']],
    ['elements that are not a list', { ageGroup: 'adult', action: { elements: 'recruitment' }, means: 'deception', purpose: { exploitationTypes: {} } }],
    ['blank and non-text codes', { ageGroup: 'adult', action: { elements: [1, null, '  ', {}] }, means: { elements: [false] }, purpose: null }],
    ['indicators but no elements', { ageGroup: 'adult', action: { indicators: ['lives_at_workplace'] }, means: { indicators: ['irregular_status'] }, purpose: { sectors: ['fishing'] } }],
  ])('finds no element in %s, without throwing', (_what, input) => {
    const advice = screeningAdvice(input as ScreeningAnswers);
    expect(advice.present).toEqual([]);
    expect(advice.suggestion).toBe(INCOMPLETE);
  });

  it.each([
    ['an age group it does not know', { ageGroup: 'elderly' }, true],
    ['an age group that is not text', { ageGroup: 17 }, true],
    ['a child whose age is also uncertain', { ageGroup: 'child', ageUncertain: true }, true],
    ['an adult whose ageUncertain is not `true`', { ageGroup: 'adult', ageUncertain: 'yes' }, false],
    ['an adult whose age is certain', { ageGroup: 'adult', ageUncertain: false }, false],
  ])('with %s, treats the person as a child: %s', (_what, input, child) => {
    expect(screeningAdvice(input as ScreeningAnswers).treatedAsChild).toBe(child);
  });

  it.each([
    ['valid-adult-labour-presumed', PRESUMED, []],
    ['valid-child-sexual-no-means', PRESUMED, []],
    ['valid-foreign-adult-refer-with-interpreter', INCOMPLETE, ['action', 'means', 'purpose']],
  ])('advises on the form fixture %s: %s', (name, suggestion, missing) => {
    const advice = screeningAdvice(fixture(name));
    expect(advice.suggestion).toBe(suggestion);
    expect(advice.missing).toEqual(missing);
  });
});

const FOUND_ALL: ScreeningAnswers = answers('adult', 'A', 'M', 'P');
const FOUND_NONE: ScreeningAnswers = answers('adult', '-', '-', '-');
const ADULT_WITHOUT_MEANS: ScreeningAnswers = answers('adult', 'A', '-', 'P');
const WHY = 'Indikator dinilai bersama: pekerjaan sesuai perjanjian, bebas pergi.';
const WHERE = 'Dinas Tenaga Kerja (sengketa upah)';

describe('checkScreeningDecision: the recorded result against the rules that are never optional', () => {
  it.each([
    // what                                               answers                                                                   problems at
    ['not a case without rationale or referral',          { ...FOUND_NONE, result: 'not_a_case' },                                   ['/rationale', '/otherReferral']],
    ['not a case with blank rationale and referral',      { ...FOUND_NONE, result: 'not_a_case', rationale: ' \n', otherReferral: '\t' }, ['/rationale', '/otherReferral']],
    ['not a case without rationale',                      { ...FOUND_NONE, result: 'not_a_case', otherReferral: WHERE },             ['/rationale']],
    ['not a case without referral',                       { ...FOUND_NONE, result: 'not_a_case', rationale: WHY },                   ['/otherReferral']],
    ['not a case with a referral that is not text',       { ...FOUND_NONE, result: 'not_a_case', rationale: WHY, otherReferral: true }, ['/otherReferral']],
    ['not a case with rationale and referral',            { ...FOUND_NONE, result: 'not_a_case', rationale: WHY, otherReferral: WHERE }, []],
    ['not a case against the advice, with both',          { ...FOUND_ALL, result: 'not_a_case', rationale: WHY, otherReferral: WHERE },  []],
    ['not a case against the advice, without referral',   { ...FOUND_ALL, result: 'not_a_case', rationale: WHY },                    ['/otherReferral']],
    ['presumed victim against the advice, no rationale',  { ...ADULT_WITHOUT_MEANS, result: 'presumed_victim' },                    ['/rationale']],
    ['presumed victim against the advice, blank',         { ...ADULT_WITHOUT_MEANS, result: 'presumed_victim', rationale: '   ' },   ['/rationale']],
    ['presumed victim against the advice, with rationale',{ ...ADULT_WITHOUT_MEANS, result: 'presumed_victim', rationale: WHY },     []],
    ['presumed victim as advised, no rationale',          { ...FOUND_ALL, result: 'presumed_victim' },                              []],
    ['child presumed victim without MEANS, as advised',   { ...answers('child', 'A', '-', 'P'), result: 'presumed_victim' },         []],
    ['refer for determination, nothing found',            { ...FOUND_NONE, result: 'refer_for_determination' },                      []],
    ['refer for determination, all found',                { ...FOUND_ALL, result: 'refer_for_determination' },                       []],
    ['no result',                                         { ...FOUND_ALL },                                                         ['/result']],
    ['a result not in the list',                          { ...FOUND_ALL, result: 'possibly', rationale: WHY },                      ['/result']],
    ['no answers at all',                                 null,                                                                     ['/result']],
  ])('%s', (_what, input, fields) => {
    expect(checkScreeningDecision(input as ScreeningAnswers).map((p) => p.field)).toEqual(fields);
  });

  it('says, in both languages, what each problem is, naming no one', () => {
    const problems = [
      ...checkScreeningDecision({ ...FOUND_NONE, result: 'not_a_case', notes: 'Siti Contoh' } as ScreeningAnswers),
      ...checkScreeningDecision({ ...ADULT_WITHOUT_MEANS, result: 'presumed_victim' }),
      ...checkScreeningDecision({}),
    ];
    expect(problems.map((p) => p.code)).toEqual([
      ScreeningProblemCode.NOT_A_CASE_WITHOUT_RATIONALE,
      ScreeningProblemCode.NOT_A_CASE_WITHOUT_REFERRAL,
      ScreeningProblemCode.DEPARTURE_WITHOUT_RATIONALE,
      ScreeningProblemCode.RESULT_MISSING,
    ]);
    for (const { message } of problems) {
      expect(Object.keys(message)).toEqual(['id', 'en']);
      expect(message.id).not.toBe(message.en);
      expect(`${message.id} ${message.en}`).not.toContain('Siti');
    }
    expect(problems[1]?.message).toEqual({
      id: 'Hasil "bukan kasus TPPO" memerlukan rujukan lain: tuliskan ke mana orang tersebut dirujuk atau bantuan apa yang diberikan. Catatan ini tetap disimpan.',
      en: 'A "not a trafficking case" result needs an onward referral: state where the person was referred or what support was given. The record is kept.',
    });
    expect(problems[2]?.message).toEqual({
      id: 'Hasil ini berbeda dari saran (unsur yang belum ditemukan: CARA). Hal itu boleh, tetapi tuliskan dasar penilaiannya.',
      en: 'This result differs from the advice (not found: MEANS). That is allowed, but state the rationale.',
    });
  });

  it.each(['valid-adult-labour-presumed', 'valid-child-sexual-no-means', 'valid-foreign-adult-refer-with-interpreter'])(
    'accepts the result of the form fixture %s',
    (name) => {
      expect(checkScreeningDecision(fixture(name))).toEqual([]);
    },
  );
});
