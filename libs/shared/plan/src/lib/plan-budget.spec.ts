import { SubTaskForceKind } from '@gugus/contracts';
import { AGENCY, activityAnswers, planSection, poaFixture } from './__fixtures__/poa';
import { planBudget, type PlanBudget } from './plan-budget';
import { PlanProblemCode, type PlanProblem, type PlanResult, type PlanSection } from './plan-types';
import { compilePlanVersion, identifyActivities } from './plan-version';

const { PREVENTION, HEALTH, SOCIAL, COOPERATION } = SubTaskForceKind;

function budgetOf(sections: PlanSection[]): PlanResult<PlanBudget> {
  // Straight from the sections, without compiling: the budget must also guard content it did not compile.
  return planBudget({ sections });
}

function problemsOf(result: PlanResult<unknown>): PlanProblem[] {
  if (result.ok) throw new Error('expected the budget to be refused');
  return result.problems;
}

function withLine(kind: SubTaskForceKind, line: Record<string, unknown>): PlanSection {
  const section = planSection(kind, 1);
  section.activities[0]!.answers.budgetLines = [{ description: 'Baris', units: 1, unitCost: 0, budgetSource: 'apbd_province', ...line } as never];
  return section;
}

describe('planBudget', () => {
  it('totals the West Java fixtures per activity, section, responsible agency, budget source and plan', () => {
    let n = 0;
    const sections = identifyActivities(['west-java-prevention', 'west-java-social-rehabilitation', 'west-java-cooperation'].map(poaFixture), { allocateActivityId: () => `a-${++n}` });
    const compiled = compilePlanVersion(sections, [PREVENTION, SOCIAL, COOPERATION]);
    if (!compiled.ok) throw new Error('the fixtures compile');
    const result = planBudget(compiled.value);
    if (!result.ok) throw new Error('the fixtures have a budget');
    const budget = result.value;
    expect(budget.activities.map((a) => [a.code, a.responsibleAgencyId.slice(-4), a.lines, a.total])).toEqual([
      ['1.1', '5e02', [210_000_000, 90_000_000, 90_000_000], 390_000_000],
      ['1.2', '5e16', [270_000_000, 90_000_000], 360_000_000],
      ['1.3', '5e02', [1_100_000_000], 1_100_000_000],
      ['3.1', '5e04', [3_510_000_000, 975_000_000], 4_485_000_000],
      ['3.2', '5e04', [1_250_000_000, 375_000_000], 1_625_000_000],
      ['6.1', '5e01', [90_000_000], 90_000_000],
      ['6.2', '5e01', [75_000_000], 75_000_000],
    ]);
    expect(budget.sections).toEqual([
      { subTaskForce: PREVENTION, total: 1_850_000_000 },
      { subTaskForce: SOCIAL, total: 6_110_000_000 },
      { subTaskForce: COOPERATION, total: 165_000_000 },
    ]);
    expect(budget.responsibleAgencies).toEqual([
      { agencyId: AGENCY(2), total: 1_490_000_000 },
      { agencyId: AGENCY(16), total: 360_000_000 },
      { agencyId: AGENCY(4), total: 6_110_000_000 },
      { agencyId: AGENCY(1), total: 165_000_000 },
    ]);
    expect(budget.budgetSources).toEqual([
      { budgetSource: 'apbd_province', total: 6_595_000_000 },
      { budgetSource: 'private_csr', total: 90_000_000 },
      { budgetSource: 'village_fund', total: 90_000_000 },
      { budgetSource: 'apbn', total: 975_000_000 },
      { budgetSource: 'donor', total: 375_000_000 },
    ]);
    expect(budget.total).toBe(8_125_000_000);
  });

  it('counts a section without cost, and an activity done at no additional cost, as 0', () => {
    const health = withLine(HEALTH, { units: 12, unitCost: 0 });
    const result = budgetOf([{ ...planSection(PREVENTION, 0) }, health]);
    expect(result.ok && result.value.sections).toEqual([
      { subTaskForce: PREVENTION, total: 0 },
      { subTaskForce: HEALTH, total: 0 },
    ]);
  });

  it('is exact up to the largest amount a number holds exactly (Rp 9.007.199.254.740.991)', () => {
    const section = planSection(HEALTH, 1);
    section.activities[0]!.answers.budgetLines = [
      { description: 'A', units: 3, unitCost: 3_002_399_751_580_330, budgetSource: 'apbn' },
      { description: 'B', units: 1, unitCost: 1, budgetSource: 'apbn' },
    ];
    const result = budgetOf([section]);
    expect(result.ok && result.value.total).toBe(9_007_199_254_740_991);
    expect(BigInt(result.ok ? result.value.total : 0)).toBe(3n * 3_002_399_751_580_330n + 1n);
  });

  it.each([
    ['a negative unit cost', { unitCost: -900000 }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/unitCost', 'harga satuan harus bilangan bulat yang tidak negatif (-900000)'],
    ['rupiah with cents', { unitCost: 35000.5 }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/unitCost', 'harga satuan harus bilangan bulat yang tidak negatif (35000.5)'],
    ['an amount written as text', { unitCost: '35000' }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/unitCost', 'harga satuan harus bilangan bulat yang tidak negatif.'],
    ['no unit cost', { unitCost: undefined }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/unitCost', 'harga satuan harus'],
    ['a fractional volume', { units: 2.5 }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/units', 'volume harus bilangan bulat yang tidak negatif (2.5)'],
    ['a negative volume', { units: -2 }, PlanProblemCode.MONEY_INVALID, '/budgetLines/0/units', 'volume harus bilangan bulat yang tidak negatif (-2)'],
    ['a unit cost beyond exact arithmetic', { unitCost: 1e300 }, PlanProblemCode.MONEY_TOO_LARGE, '/budgetLines/0/unitCost', 'harga satuan melebihi Rp 9.007.199.254.740.991'],
    ['a line beyond exact arithmetic', { units: 10_000_000, unitCost: 1_000_000_000 }, PlanProblemCode.MONEY_TOO_LARGE, '/budgetLines/0', 'volume × harga satuan melebihi Rp 9.007.199.254.740.991'],
  ])('refuses %s, naming the activity, the line and the field', (_case, line, code, field, words) => {
    const problems = problemsOf(budgetOf([withLine(COOPERATION, line)]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, subTaskForce: COOPERATION, activityId: 'cooperation_coordination-1', field: `/activities/0${field}` });
    expect(problems[0]?.message.id).toContain('Kegiatan 6.1 pada bagian Kerja Sama dan Koordinasi, baris anggaran 1: ');
    expect(problems[0]?.message.id).toContain(words);
    expect(problems[0]?.message.en).toMatch(/^Activity 6\.1 in the Cooperation and Coordination section, budget line 1: /);
  });

  it('refuses an activity without budget lines', () => {
    const section = planSection(SOCIAL, 1);
    delete (section.activities[0]!.answers as Partial<typeof section.activities[0]['answers']>).budgetLines;
    expect(problemsOf(budgetOf([section]))).toEqual([
      {
        code: PlanProblemCode.BUDGET_LINES_INVALID,
        subTaskForce: SOCIAL,
        activityId: 'social_rehabilitation_repatriation_reintegration-1',
        field: '/activities/0/budgetLines',
        message: {
          id: 'Kegiatan 3.1 pada bagian Rehabilitasi Sosial, Pemulangan, dan Reintegrasi Sosial belum memiliki rincian anggaran (volume × harga satuan).',
          en: 'Activity 3.1 in the Social Rehabilitation, Repatriation and Reintegration section has no budget lines (units × unit cost).',
        },
      },
    ]);
  });

  it('refuses a plan whose total cannot be computed exactly, though each activity can', () => {
    const big = { description: 'Besar', units: 9_000, unitCost: 999_999_999_999, budgetSource: 'apbn' };
    const section = planSection(HEALTH, 0);
    section.activities = [
      { activityId: 'x-1', answers: activityAnswers('2.1', { budgetLines: [big] }) },
      { activityId: 'x-2', answers: activityAnswers('2.2', { budgetLines: [big] }) },
    ];
    const problems = problemsOf(budgetOf([section]));
    expect(problems.map((p) => [p.code, p.subTaskForce, p.field])).toEqual([[PlanProblemCode.MONEY_TOO_LARGE, null, '']]);
    expect(problems[0]?.message.id).toMatch(/^Jumlah anggaran RAD melebihi Rp 9\.007\.199\.254\.740\.991/);
  });
});
