import { SUB_TASK_FORCE_KINDS, SubTaskForceKind } from '@gugus/contracts';
import { activityAnswers, planSection, poaFixture, poaInvalidFixture } from './__fixtures__/poa';
import { PlanProblemCode, type PlanProblem, type PlanResult, type PlanSection, type PlanVersionContent } from './plan-types';
import { compilePlanVersion, identifyActivities, toSectionAnswers } from './plan-version';

const { PREVENTION, HEALTH, SOCIAL, LEGAL_NORM, LAW_ENFORCEMENT, COOPERATION } = SubTaskForceKind;
const REGENCY = SUB_TASK_FORCE_KINDS.filter((k) => k !== LEGAL_NORM);
const WEST_JAVA = ['west-java-prevention', 'west-java-social-rehabilitation', 'west-java-cooperation'].map(poaFixture);

/** An id allocator like the server's, but predictable: a-1, a-2, … */
function counter(prefix = 'a'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function problemsOf(result: PlanResult<unknown>): PlanProblem[] {
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems;
}

function valueOf<T>(result: PlanResult<T>): T {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.value;
}

const codes = (version: PlanVersionContent) => version.sections.map((s) => [s.subTaskForce, s.activities.map((a) => [a.activityId, a.answers.code])]);

describe('identifyActivities: ids for the activities of a drafting round', () => {
  it('gives every activity of a first draft a new id from the allocator, in plan order', () => {
    const sections = identifyActivities(WEST_JAVA, { allocateActivityId: counter() });
    expect(sections.map((s) => s.activities.map((a) => [a.activityId, a.answers.code]))).toEqual([
      [['a-1', '1.1'], ['a-2', '1.2'], ['a-3', '1.3']],
      [['a-4', '3.1'], ['a-5', '3.2']],
      [['a-6', '6.1'], ['a-7', '6.2']],
    ]);
    expect(sections[0]?.answers).not.toHaveProperty('activities');
    expect(toSectionAnswers(sections[0] as PlanSection)).toEqual(WEST_JAVA[0]);
  });

  it('keeps the id of an activity whose code is unchanged, and allocates for new codes and a code used twice', () => {
    const round1 = valueOf(compilePlanVersion(identifyActivities(WEST_JAVA, { allocateActivityId: counter() }), [PREVENTION, SOCIAL, COOPERATION]));
    const prevention = structuredClone(WEST_JAVA[0]);
    prevention.activities[1] = { ...prevention.activities[1], activity: 'Pendampingan perdes (diperbaiki)' } as never;
    prevention.activities.push(activityAnswers('1.4'), activityAnswers('1.1'));
    const sections = identifyActivities([prevention, WEST_JAVA[1], WEST_JAVA[2]] as never, { previous: round1, allocateActivityId: counter('b') });
    expect(sections[0]?.activities.map((a) => [a.activityId, a.answers.code])).toEqual([
      ['a-1', '1.1'],
      ['a-2', '1.2'],
      ['a-3', '1.3'],
      ['b-1', '1.4'],
      ['b-2', '1.1'],
    ]);
    expect(sections[1]?.activities.map((a) => a.activityId)).toEqual(['a-4', 'a-5']);
  });

  it.each([
    ['an id of the previous version', () => 'a-1'],
    ['an empty id', () => ''],
  ])('refuses an allocator that returns %s', (_case, allocateActivityId) => {
    const previous = valueOf(compilePlanVersion(identifyActivities([WEST_JAVA[0]] as never, { allocateActivityId: counter() }), [PREVENTION]));
    const draft = { ...structuredClone(WEST_JAVA[0]), activities: [activityAnswers('1.9')] } as never;
    expect(() => identifyActivities([draft], { previous, allocateActivityId })).toThrow(/allocateActivityId/);
  });
});

describe('compilePlanVersion', () => {
  it('puts sections in the national Sub-TF order and keeps the activities in theirs', () => {
    const sections = [COOPERATION, LAW_ENFORCEMENT, SOCIAL, HEALTH, PREVENTION].map((kind) => planSection(kind, 3));
    sections[2]?.activities.reverse();
    const version = valueOf(compilePlanVersion(sections, REGENCY));
    expect(version.sections.map((s) => s.subTaskForce)).toEqual([PREVENTION, HEALTH, SOCIAL, LAW_ENFORCEMENT, COOPERATION]);
    expect(version.sections[2]?.activities.map((a) => a.answers.code)).toEqual(['3.3', '3.2', '3.1']);
  });

  it('compiles the national form\'s fixtures into one version', () => {
    const version = valueOf(compilePlanVersion(identifyActivities(WEST_JAVA, { allocateActivityId: counter() }), [COOPERATION, PREVENTION, SOCIAL]));
    expect(codes(version)).toEqual([
      [PREVENTION, [['a-1', '1.1'], ['a-2', '1.2'], ['a-3', '1.3']]],
      [SOCIAL, [['a-4', '3.1'], ['a-5', '3.2']]],
      [COOPERATION, [['a-6', '6.1'], ['a-7', '6.2']]],
    ]);
    expect(version.sections.map(toSectionAnswers)).toEqual(WEST_JAVA);
  });

  it('returns a copy that nobody can change, also not through the sections it was given', () => {
    const sections = [planSection(PREVENTION)];
    const version = valueOf(compilePlanVersion(sections, [PREVENTION]));
    (sections[0] as PlanSection).activities[0]!.answers.budgetLines[0]!.unitCost = 1;
    (sections[0] as PlanSection).answers.problemStatement = 'diubah';
    expect(version.sections[0]?.activities[0]?.answers.budgetLines[0]?.unitCost).toBe(50000);
    expect(version.sections[0]?.answers.problemStatement).toBe('Masalah 1');
    expect(() => {
      (version.sections[0] as PlanSection).activities[0]!.answers.budgetLines[0]!.unitCost = 2;
    }).toThrow(TypeError);
    expect(() => version.sections.pop()).toThrow(TypeError);
  });

  it('names every section a province plan is missing', () => {
    const problems = problemsOf(compilePlanVersion(identifyActivities(WEST_JAVA, { allocateActivityId: counter() }), SUB_TASK_FORCE_KINDS));
    expect(problems.map((p) => [p.code, p.subTaskForce, p.field])).toEqual([
      [PlanProblemCode.SECTION_MISSING, HEALTH, ''],
      [PlanProblemCode.SECTION_MISSING, LEGAL_NORM, ''],
      [PlanProblemCode.SECTION_MISSING, LAW_ENFORCEMENT, ''],
    ]);
    expect(problems[1]?.message).toEqual({
      id: 'Bagian Pengembangan Norma Hukum belum ada. Setiap Sub Gugus Tugas menyusun satu bagian RAD.',
      en: 'The Legal Norm Development section is missing. Each Sub-TF drafts one section of the plan.',
    });
  });

  it('refuses a Legal Norm Development section in a regency/city plan', () => {
    const problems = problemsOf(compilePlanVersion(SUB_TASK_FORCE_KINDS.map((kind) => planSection(kind)), REGENCY));
    expect(problems).toEqual([
      {
        code: PlanProblemCode.SECTION_UNEXPECTED,
        subTaskForce: LEGAL_NORM,
        activityId: null,
        field: '/subTaskForce',
        message: {
          id: 'Gugus Tugas ini tidak memiliki Sub Gugus Tugas Pengembangan Norma Hukum, sehingga RAD-nya tidak memuat bagian itu.',
          en: 'This task force has no Legal Norm Development Sub-TF, so its plan has no such section.',
        },
      },
    ]);
  });

  it('refuses a second section of one Sub-TF, a section holding another Sub-TF\'s answers, and an unknown Sub-TF', () => {
    const health = planSection(HEALTH);
    const mislabelled: PlanSection = { ...planSection(SOCIAL), answers: { ...planSection(SOCIAL).answers, subTaskForce: HEALTH } };
    const unknown = { subTaskForce: 'secretariat', answers: { ...planSection(PREVENTION, 0).answers, subTaskForce: 'secretariat' }, activities: [] } as unknown as PlanSection;
    const problems = problemsOf(compilePlanVersion([planSection(PREVENTION), health, { ...health, activities: [] }, mislabelled, unknown], [PREVENTION, HEALTH, SOCIAL]));
    expect(problems.map((p) => [p.code, p.subTaskForce, p.field, p.message.en])).toEqual([
      [PlanProblemCode.SECTION_DUPLICATE, HEALTH, '', 'The Health Rehabilitation section was sent 2 times; a plan has exactly one section per Sub-TF.'],
      [PlanProblemCode.SECTION_UNEXPECTED, null, '/subTaskForce', '"secretariat" is not a Sub-TF code.'],
      [PlanProblemCode.SECTION_MISMATCH, SOCIAL, '/subTaskForce', 'The Social Rehabilitation, Repatriation and Reintegration section holds the answers of the Health Rehabilitation section.'],
    ]);
  });

  it('refuses two activities with one code or one id, and an activity without an id, naming each', () => {
    const prevention = planSection(PREVENTION, 2);
    const health = planSection(HEALTH, 2);
    health.activities[0] = { activityId: 'prevention_child_participation-2', answers: activityAnswers('1.1') };
    health.activities[1] = { activityId: '', answers: activityAnswers('2.2') };
    const problems = problemsOf(compilePlanVersion([prevention, health], [PREVENTION, HEALTH]));
    expect(problems.map((p) => [p.code, p.subTaskForce, p.activityId, p.field])).toEqual([
      [PlanProblemCode.ACTIVITY_ID_MISSING, HEALTH, null, '/activities/1'],
      [PlanProblemCode.ACTIVITY_ID_DUPLICATE, HEALTH, 'prevention_child_participation-2', '/activities/0'],
      [PlanProblemCode.ACTIVITY_CODE_DUPLICATE, HEALTH, 'prevention_child_participation-2', '/activities/0/code'],
    ]);
    expect(problems[1]?.message.id).toBe(
      'Kegiatan 1.1 pada bagian Rehabilitasi Kesehatan memakai ID yang sama dengan kegiatan 1.2 pada bagian Pencegahan dan Partisipasi Anak (prevention_child_participation-2).',
    );
    expect(problems[2]?.message).toEqual({
      id: 'Kode kegiatan 1.1 dipakai dua kali: pada bagian Pencegahan dan Partisipasi Anak dan pada bagian Rehabilitasi Kesehatan. Setiap kegiatan memerlukan kode sendiri dalam RAD, karena catatan telaah, integrasi anggaran dan laporan triwulanan merujuk kode itu.',
      en: 'Activity code 1.1 is used twice: in the Prevention and Child Participation section and in the Health Rehabilitation section. Each activity needs a code of its own in the plan, because review comments, budget integration and quarterly reports refer to it.',
    });
  });

  it('refuses the money the national form refuses, on the same fields', () => {
    const { data, errors } = poaInvalidFixture('lump-sum-and-bad-budget-lines');
    const problems = problemsOf(compilePlanVersion(identifyActivities([data], { allocateActivityId: counter() }), [PREVENTION]));
    expect(problems.map((p) => [p.code, p.activityId, p.field])).toEqual([
      [PlanProblemCode.MONEY_INVALID, 'a-1', '/activities/0/budgetLines/0/unitCost'],
      [PlanProblemCode.BUDGET_YEAR_INVALID, 'a-1', '/activities/0/budgetLines/0/fiscalYear'],
      [PlanProblemCode.MONEY_INVALID, 'a-1', '/activities/0/budgetLines/1/unitCost'],
    ]);
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(problems.map((p) => p.field)));
    expect(problems[2]?.message).toEqual({
      id: 'Kegiatan 1.1 pada bagian Pencegahan dan Partisipasi Anak, baris anggaran 2: harga satuan harus bilangan bulat yang tidak negatif (-900000). Anggaran dihitung dalam rupiah penuh, tanpa sen.',
      en: 'Activity 1.1 in the Prevention and Child Participation section, budget line 2: the unit cost must be a whole number that is not negative (-900000). Budgets are in whole rupiah, without cents.',
    });
  });

  it('refuses a value JSON cannot hold, at its field', () => {
    const section = planSection(HEALTH, 1);
    section.activities[0]!.answers.target = Number.NaN;
    section.answers['reviewedOn'] = new Date(0) as never;
    const problems = problemsOf(compilePlanVersion([section], [HEALTH]));
    expect(problems.map((p) => [p.code, p.activityId, p.field])).toEqual([
      [PlanProblemCode.NOT_JSON, null, '/reviewedOn'],
      [PlanProblemCode.NOT_JSON, 'health_rehabilitation-1', '/activities/0/target'],
    ]);
    expect(problems[1]?.message.id).toBe('Kegiatan 2.1 pada bagian Rehabilitasi Kesehatan: isian /activities/0/target tidak dapat disimpan (bukan teks, angka, ya/tidak atau daftar).');
  });
});
