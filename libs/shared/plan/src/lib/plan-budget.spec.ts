import { SubTaskForceKind } from '@gugus/contracts';
import { AGENCY, activityAnswers, planSection, poaFixture } from './__fixtures__/poa';
import { PlanBudgetWarningCode } from '@gugus/contracts';
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
      // 156 victims a year (120 in the base year, +30 %), shelter then repatriation, 2026–2030.
      ['3.1', '5e04', [...Array(5).fill(702_000_000), ...Array(5).fill(195_000_000)], 4_485_000_000],
      ['3.2', '5e04', [1_250_000_000, 375_000_000], 1_625_000_000],
      ['6.1', '5e01', [90_000_000], 90_000_000],
      ['6.2', '5e01', [75_000_000], 75_000_000],
    ]);
    expect(budget.sections).toEqual([
      { subTaskForce: PREVENTION, total: 1_850_000_000, costCategories: { administrative: 0, operational: 1_850_000_000, uncategorised: 0 }, years: expect.any(Array) },
      { subTaskForce: SOCIAL, total: 6_110_000_000, costCategories: { administrative: 0, operational: 6_110_000_000, uncategorised: 0 }, years: expect.any(Array) },
      // The plenary meetings and the report: the coordination section is administrative by nature.
      { subTaskForce: COOPERATION, total: 165_000_000, costCategories: { administrative: 165_000_000, operational: 0, uncategorised: 0 }, years: expect.any(Array) },
    ]);
    // Budgets are annual: 3.1 is 897 000 000 a year 2026–2030; the other activities are budgeted in their first year.
    expect(budget.sections[1]?.years).toEqual([
      { fiscalYear: 2026, total: 897_000_000 },
      { fiscalYear: 2027, total: 897_000_000 + 1_625_000_000 },
      { fiscalYear: 2028, total: 897_000_000 },
      { fiscalYear: 2029, total: 897_000_000 },
      { fiscalYear: 2030, total: 897_000_000 },
    ]);
    expect(budget.years.reduce((sum, y) => sum + y.total, 0)).toBe(8_125_000_000);
    expect(budget.years.map((y) => y.fiscalYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(budget.costCategories).toEqual({ administrative: 165_000_000, operational: 7_960_000_000, uncategorised: 0 });
    // One warning, for that section; the plan as a whole is well within the rule.
    expect(budget.warnings.map((w) => [w.code, w.subTaskForce, w.administrative, w.operational])).toEqual([[PlanBudgetWarningCode.ADMINISTRATIVE_EXCEEDS_OPERATIONAL, COOPERATION, 165_000_000, 0]]);
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
    const none = { administrative: 0, operational: 0, uncategorised: 0 };
    expect(result.ok && result.value.sections).toEqual([
      { subTaskForce: PREVENTION, total: 0, costCategories: none, years: [] },
      { subTaskForce: HEALTH, total: 0, costCategories: none, years: [{ fiscalYear: null, total: 0 }] },
    ]);
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  describe('budget years (budgets are annual)', () => {
    function yearly(lines: [number, number | undefined, string?][], time = { startQuarter: '2027-Q1', endQuarter: '2029-Q4' }): PlanSection {
      const s = planSection(HEALTH, 1);
      s.activities[0]!.answers = { ...s.activities[0]!.answers, ...time };
      s.activities[0]!.answers.budgetLines = lines.map(([amount, fiscalYear, costCategory]) => ({ description: 'Baris', units: 1, unitCost: amount, budgetSource: 'apbd_province', ...(fiscalYear === undefined ? {} : { fiscalYear }), ...(costCategory ? { costCategory } : {}) }));
      return s;
    }

    it('totals per year for the activity, the section and the plan (with the categories of each year); lines without a year last, as null', () => {
      const result = budgetOf([yearly([[300, 2028, 'operational'], [100, 2027, 'administrative'], [50, undefined], [20, 2028, 'administrative']])]);
      if (!result.ok) throw new Error('priced');
      const years = [{ fiscalYear: 2027, total: 100 }, { fiscalYear: 2028, total: 320 }, { fiscalYear: null, total: 50 }];
      expect(result.value.activities[0]?.years).toEqual(years);
      expect(result.value.sections[0]?.years).toEqual(years);
      expect(result.value.years).toEqual([
        { fiscalYear: 2027, total: 100, costCategories: { administrative: 100, operational: 0, uncategorised: 0 } },
        { fiscalYear: 2028, total: 320, costCategories: { administrative: 20, operational: 300, uncategorised: 0 } },
        { fiscalYear: null, total: 50, costCategories: { administrative: 0, operational: 0, uncategorised: 50 } },
      ]);
    });

    it('refuses a year outside the plan period, or not a whole year, naming the line and the field', () => {
      const problems = problemsOf(planBudget({ sections: [yearly([[1, 2032], [1, 2027.5 as never], [1, 2031]])] }, { period: { start: 2027, years: 5 } }));
      expect(problems.map((p) => [p.code, p.field])).toEqual([
        [PlanProblemCode.BUDGET_YEAR_INVALID, '/activities/0/budgetLines/0/fiscalYear'],
        [PlanProblemCode.BUDGET_YEAR_INVALID, '/activities/0/budgetLines/1/fiscalYear'],
      ]);
      expect(problems[0]?.message).toEqual({
        id: 'Kegiatan 2.1 pada bagian Rehabilitasi Kesehatan, baris anggaran 1: tahun anggaran harus tahun dalam periode RAD 2027–2031 (2032).',
        en: "Activity 2.1 in the Health Rehabilitation section, budget line 1: the budget year must be a year within the plan's period 2027–2031 (2032).",
      });
    });

    it('warns (without refusing) about money in a year the activity does not run', () => {
      const result = budgetOf([yearly([[1, 2026, 'operational'], [1, 2028, 'operational'], [1, 2030, 'operational']])]);
      expect(result.ok && result.value.warnings).toEqual([
        {
          code: PlanBudgetWarningCode.BUDGET_YEAR_OUTSIDE_ACTIVITY,
          subTaskForce: HEALTH,
          activityId: 'health_rehabilitation-1',
          message: {
            id: 'Kegiatan 2.1 pada bagian Rehabilitasi Kesehatan dianggarkan pada tahun 2026, 2030, di luar waktu pelaksanaannya (2027–2029). Periksa tahun anggaran atau waktu kegiatan.',
            en: "Activity 2.1 in the Health Rehabilitation section is budgeted in 2026, 2030, outside the years it runs (2027–2029). Check the budget year or the activity's time frame.",
          },
        },
      ]);
    });
  });

  describe('cost categories (administrative should not exceed operational)', () => {
    function section(kind: SubTaskForceKind, lines: [number, string | undefined][]): PlanSection {
      const s = planSection(kind, 1);
      s.activities[0]!.answers.budgetLines = lines.map(([amount, costCategory], k) => ({ description: `Baris ${k + 1}`, units: 1, unitCost: amount, budgetSource: 'apbd_province', ...(costCategory ? { costCategory } : {}) }));
      return s;
    }

    it('totals each category per activity, section and plan; lines without one (before poa-section 1.2.0) are uncategorised', () => {
      const result = budgetOf([section(HEALTH, [[300, 'operational'], [200, 'administrative'], [50, undefined], [7, 'overhead']])]);
      if (!result.ok) throw new Error('priced');
      const costs = { administrative: 200, operational: 300, uncategorised: 57 };
      expect(result.value.activities[0]?.costCategories).toEqual(costs);
      expect(result.value.sections[0]?.costCategories).toEqual(costs);
      expect(result.value.costCategories).toEqual(costs);
      expect(result.value.warnings).toEqual([]);
    });

    it('warns, naming the section in both languages, where administrative exceeds operational; equal is fine', () => {
      const result = budgetOf([section(PREVENTION, [[1_000, 'operational'], [1_000, 'administrative']]), section(COOPERATION, [[2_500_000, 'administrative'], [1_000_000, 'operational']])]);
      if (!result.ok) throw new Error('priced');
      expect(result.value.warnings).toEqual([
        {
          code: PlanBudgetWarningCode.ADMINISTRATIVE_EXCEEDS_OPERATIONAL,
          subTaskForce: COOPERATION,
          administrative: 2_500_000,
          operational: 1_000_000,
          message: {
            id: 'Bagian Kerja Sama dan Koordinasi: biaya administrasi Rp 2.500.000 melebihi biaya operasional Rp 1.000.000. Biaya administrasi sebaiknya tidak melebihi biaya operasional; inti anggaran adalah pencegahan dan penanganan TPPO.',
            en: 'The Cooperation and Coordination section: administrative costs of IDR 2,500,000 exceed operational costs of IDR 1,000,000. Administrative costs should not exceed operational costs; the core of the budget is preventing and responding to trafficking.',
          },
        },
        expect.objectContaining({ subTaskForce: null, administrative: 2_501_000, operational: 1_001_000, message: expect.objectContaining({ id: expect.stringMatching(/^RAD secara keseluruhan: biaya administrasi Rp 2\.501\.000 melebihi/) }) }),
      ]);
    });

    it('does not warn about an administrative activity in a section whose operational costs are larger (not per activity)', () => {
      const s = section(COOPERATION, [[100, 'operational']]);
      s.activities.push({ activityId: 'meeting', answers: activityAnswers('6.2', { budgetLines: [{ description: 'Rapat pleno', units: 1, unitCost: 90, budgetSource: 'apbd_province', costCategory: 'administrative' }] }) });
      const result = budgetOf([s]);
      expect(result.ok && result.value.activities.map((a) => a.costCategories.administrative)).toEqual([0, 90]);
      expect(result.ok && result.value.warnings).toEqual([]);
    });

    it('a compiled version still compiles with the warning (non-blocking)', () => {
      expect(compilePlanVersion([section(COOPERATION, [[5, 'administrative']])], [COOPERATION]).ok).toBe(true);
    });
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
