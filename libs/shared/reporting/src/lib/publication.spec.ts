import type { ReportFigures } from '@gugus/contracts';
import { audit } from './audit';
import { defineModel, type Cell, type RelationSpec } from './model';
import { emptyFigures } from './periodic-report';
import fc from 'fast-check';
import { buildPublication, PublicationError, type Publication, type PublicationInput, type PublishedCell, type PublishedYear } from './publication';

// The public annual figures (issue 12, item 4), checked from the OUTSIDE: the spec rebuilds the attacker's
// model from the published output alone (every table of the year, every relation a reader can see in it),
// audits it with the library's attacker, and checks the published values against its own sums of the input.

const K = 11;
const MARKER = 'PENANDA-RAHASIA';
const EXPLOITATION = ['forced_labour', 'sexual_exploitation', 'servitude', 'forced_marriage', 'organ_removal'];
const SECTOR = ['fishing', 'domestic_work', 'plantation', 'construction'];
const ALLOWED = { exploitationType: EXPLOITATION, sector: SECTOR };

interface Split {
  female: number;
  male: number;
  child: number;
  adult: number;
  internal: number;
  international: number;
}

/** A province's figures: `total` victims, the single-valued splits (default: all female, adult, internal), multi-valued rows. */
function figures(total: number, split: Partial<Split> = {}, exploitation: Record<string, number> = {}, sector: Record<string, number> = {}): ReportFigures {
  const f = emptyFigures();
  f.victims.total = total;
  f.victims.bySex = { female: split.female ?? total, male: split.male ?? 0 };
  f.victims.byAgeGroup = { child: split.child ?? 0, adult: split.adult ?? total };
  f.victims.byScope = { internal: split.internal ?? total, international: split.international ?? 0 };
  f.victims.byExploitationType = Object.entries(exploitation).map(([category, count]) => ({ category, count }));
  f.victims.bySector = Object.entries(sector).map(([category, count]) => ({ category, count }));
  return f;
}

const provinces = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(11 + i), name: `Provinsi ${i + 1}` }));

function inputOf(year: number, perProvince: readonly ReportFigures[]): PublicationInput {
  const list = provinces(perProvince.length);
  return { years: [year], provinces: list, figures: perProvince.map((f, i) => ({ year, provinceCode: (list[i] as { code: string }).code, figures: f })), allowedCategories: ALLOWED };
}

const breakdown = (y: PublishedYear, key: string) => y.breakdowns.find((b) => b.key === key) as PublishedYear['breakdowns'][number];
const cellOf = (cells: readonly PublishedCell[], key: string) => cells.find((c) => c.key === key) as PublishedCell;

// ---------------------------------------------------------------------------------------------------------
// The spec's own truth and the attacker's model rebuilt from the output.

/** The true value of every published cell, by `table/key`, summed here from the input (not by the library). */
function truthOf(input: PublicationInput, year: number): Map<string, number> {
  const truth = new Map<string, number>();
  const ofYear = input.figures.filter((f) => f.year === year);
  const sum = (pick: (f: ReportFigures) => number) => ofYear.reduce((s, e) => s + pick(e.figures), 0);
  const total = sum((f) => f.victims.total);
  truth.set('provinces/total', total);
  for (const p of input.provinces) truth.set(`provinces/${p.code}`, ofYear.find((e) => e.provinceCode === p.code)?.figures.victims.total ?? 0);
  const single = { sex: (f: ReportFigures) => f.victims.bySex, ageGroup: (f: ReportFigures) => f.victims.byAgeGroup, scope: (f: ReportFigures) => f.victims.byScope } as Record<string, (f: ReportFigures) => Record<string, number>>;
  for (const [key, pick] of Object.entries(single)) {
    let recorded = 0;
    for (const category of Object.keys(pick(emptyFigures()))) {
      const v = sum((f) => pick(f)[category] ?? 0);
      truth.set(`${key}/${category}`, v);
      recorded += v;
    }
    truth.set(`${key}/not_recorded`, total - recorded);
    truth.set(`${key}/total`, total);
  }
  for (const code of EXPLOITATION) truth.set(`exploitationType/${code}`, sum((f) => f.victims.byExploitationType.filter((r) => r.category === code).reduce((s, r) => s + r.count, 0)));
  for (const code of SECTOR) truth.set(`sector/${code}`, sum((f) => f.victims.bySector.filter((r) => r.category === code).reduce((s, r) => s + r.count, 0)));
  return truth;
}

interface Rebuilt {
  readonly cells: Cell[];
  readonly relations: RelationSpec[];
  readonly hidden: string[];
  readonly multiValued: string[];
}

/**
 * The attacker's tables, from the published year alone: the national total once (the provinces table and the
 * single-valued breakdowns show the same figure), each table's "total = Σ cells", multi-valued tables with no
 * relation. Hidden cells take their true value only because a model needs one; the audit never reads it.
 */
function rebuild(year: PublishedYear, truth: ReadonlyMap<string, number>): Rebuilt {
  const cells: Cell[] = [];
  const hidden: string[] = [];
  const multiValued: string[] = [];
  const add = (id: string, cell: PublishedCell) => {
    cells.push({ id, value: cell.value ?? (truth.get(id) as number) });
    if (cell.value === null) hidden.push(id);
  };
  add('provinces/total', year.provinces.total);
  const relations: RelationSpec[] = [{ total: 'provinces/total', parts: year.provinces.cells.map((c) => `provinces/${c.key}`) }];
  year.provinces.cells.forEach((c) => add(`provinces/${c.key}`, c));
  for (const b of year.breakdowns) {
    b.cells.forEach((c) => add(`${b.key}/${c.key}`, c));
    if (b.multiValued) multiValued.push(...b.cells.map((c) => `${b.key}/${c.key}`));
    else {
      // The breakdown's total row is the same figure as the national total: the attacker knows it is.
      expect(b.total).toEqual(year.provinces.total);
      relations.push({ total: 'provinces/total', parts: b.cells.map((c) => `${b.key}/${c.key}`) });
    }
  }
  return { cells, relations, hidden, multiValued };
}

/**
 * Everything the issue asks of a published year, checked independently: published values are true, small
 * ones hidden as "< 11", zeros shown, and every hidden cell's attacker interval is ≥ k wide — by the audit
 * on the rebuilt model, with its witnesses re-checked by this spec's arithmetic, and for the multi-valued
 * cells also against the one inequality the audit does not hold (a type counts at most the total).
 */
function expectProtected(year: PublishedYear, truth: ReadonlyMap<string, number>): ReturnType<typeof audit> {
  const { cells, relations, hidden, multiValued } = rebuild(year, truth);
  for (const cell of cells) {
    const value = truth.get(cell.id) as number;
    expect(cell.value).toBe(value);
    if (value >= 1 && value < K) expect(hidden).toContain(cell.id);
    if (value === 0) expect(hidden).not.toContain(cell.id);
  }
  const all: PublishedCell[] = [year.provinces.total, ...year.provinces.cells, ...year.breakdowns.flatMap((b) => b.cells)];
  for (const c of all) expect(c.display).toBe(c.value === null ? '< 11' : String(c.value));
  const model = defineModel(cells, relations);
  const report = audit(model, hidden, K);
  expect(report.protected).toBe(true);
  expect(report.intervals.map((i) => i.id)).toEqual(cells.filter((c) => hidden.includes(c.id)).map((c) => c.id));
  const isHidden = model.cells.map((c) => hidden.includes(c.id));
  const consistent = (values: readonly number[]) =>
    model.cells.every((c, i) => (isHidden[i] ? (values[i] as number) >= report.suppressedLowerBound - 1e-6 : values[i] === c.value)) &&
    model.relations.every((r) => Math.abs(r.parts.reduce((s, p) => s + (values[p] as number), 0) - (values[r.total] as number)) <= 1e-6);
  const total = report.intervals.find((i) => i.id === 'provinces/total');
  const totalUpper = total ? total.upper : (year.provinces.total.value as number);
  for (const interval of report.intervals) {
    const value = truth.get(interval.id) as number;
    expect(interval.lower).toBeLessThanOrEqual(value);
    expect(interval.upper).toBeGreaterThanOrEqual(value);
    // The rule suppress applies (audit.ts): upper − lower ≥ k.
    expect(interval.upper - interval.lower).toBeGreaterThanOrEqual(K);
    expect(consistent(interval.lowerWitness)).toBe(true);
    expect(consistent(interval.upperWitness)).toBe(true);
    if (multiValued.includes(interval.id)) expect(Math.min(interval.upper, totalUpper) - interval.lower).toBeGreaterThanOrEqual(K);
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------

describe('buildPublication: hand cases', () => {
  it('hides a province with 3 victims as "< 11", and a complement, so the national total minus the published provinces does not give it away', () => {
    const input = inputOf(2027, [figures(3), figures(40), figures(55), figures(62), figures(80)]);
    const pub = buildPublication(input);
    const year = pub.years[0] as PublishedYear;
    const small = cellOf(year.provinces.cells, '11');
    expect(small).toEqual({ key: '11', name: 'Provinsi 1', value: null, display: '< 11' });
    const hiddenProvinces = year.provinces.cells.filter((c) => c.value === null);
    const totalHidden = year.provinces.total.value === null;
    expect(hiddenProvinces.length > 1 || totalHidden).toBe(true);
    if (!totalHidden) {
      // What the total minus the published provinces tells: the sum of the hidden ones, never the 3 alone.
      const rest = (year.provinces.total.value as number) - year.provinces.cells.reduce((s, c) => s + (c.value ?? 0), 0);
      expect(rest).toBeGreaterThan(3);
      expect(rest - (hiddenProvinces.length - 1)).toBeGreaterThanOrEqual(3 + K);
    }
    const report = expectProtected(year, truthOf(input, 2027));
    const interval = report.intervals.find((i) => i.id === 'provinces/11');
    expect(interval?.lower).toBe(1);
    expect((interval?.upper as number) - 1).toBeGreaterThanOrEqual(K);
    expect(pub.legend.en).toContain('"< 11"');
  });

  it('publishes zeros as 0, never hidden: a year with no figures at all is all zeros and no marker', () => {
    const input: PublicationInput = { years: [2026], provinces: provinces(4), figures: [], allowedCategories: ALLOWED };
    const year = buildPublication(input).years[0] as PublishedYear;
    const all = [year.provinces.total, ...year.provinces.cells, ...year.breakdowns.flatMap((b) => b.cells)];
    expect(all.every((c) => c.value === 0 && c.display === '0')).toBe(true);
    expect(year.provincesWithoutFigures).toEqual(['11', '12', '13', '14']);
    // A zero province beside large ones stays published too.
    const mixed = inputOf(2026, [figures(0), figures(40), figures(55)]);
    const y2 = buildPublication(mixed).years[0] as PublishedYear;
    expect(cellOf(y2.provinces.cells, '11')).toMatchObject({ value: 0, display: '0' });
    expectProtected(y2, truthOf(mixed, 2026));
  });

  it('suppresses nothing in an all-large year', () => {
    const per = [figures(120, { female: 70, male: 50, child: 30, adult: 90, internal: 60, international: 60 }, { forced_labour: 80, sexual_exploitation: 40, servitude: 20, forced_marriage: 15, organ_removal: 12 }, { fishing: 50, domestic_work: 30, plantation: 25, construction: 15 }), figures(45, { female: 20, male: 25, child: 15, adult: 30, internal: 30, international: 15 })];
    const input = inputOf(2027, per);
    const year = buildPublication(input).years[0] as PublishedYear;
    const all = [year.provinces.total, ...year.provinces.cells, ...year.breakdowns.flatMap((b) => b.cells)];
    expect(all.every((c) => c.value !== null && c.display === String(c.value))).toBe(true);
    expect(year.provinces.total).toEqual({ key: 'total', value: 165, display: '165' });
    expect(breakdown(year, 'sex').cells).toEqual([
      { key: 'female', value: 90, display: '90' },
      { key: 'male', value: 75, display: '75' },
      { key: 'not_recorded', value: 0, display: '0' },
    ]);
    expect(breakdown(year, 'exploitationType')).toMatchObject({ multiValued: true, total: null });
    expect(breakdown(year, 'exploitationType').cells.map((c) => c.key)).toEqual(EXPLOITATION);
    expect(breakdown(year, 'sex').total).toEqual(year.provinces.total);
    expectProtected(year, truthOf(input, 2027));
  });

  it('hides a small "not recorded" in a single-valued breakdown with a complement in the same table', () => {
    // Sex: 4 victims not recorded nationally; everything else is large.
    const per = [figures(100, { female: 60, male: 38 }), figures(80, { female: 50, male: 28 })];
    const input = inputOf(2027, per);
    const year = buildPublication(input).years[0] as PublishedYear;
    const sex = breakdown(year, 'sex');
    expect(cellOf(sex.cells, 'not_recorded')).toEqual({ key: 'not_recorded', value: null, display: '< 11' });
    // Female + male + not recorded = the published total: one more of them (or the total) must be hidden.
    expect(sex.cells.filter((c) => c.value === null).length > 1 || year.provinces.total.value === null).toBe(true);
    // The other breakdowns were left alone.
    expect(breakdown(year, 'ageGroup').cells.every((c) => c.value !== null)).toBe(true);
    expectProtected(year, truthOf(input, 2027));
  });

  it('publishes a small exploitation type as "< 11" without complements (no total relation), and drops codes not allowed', () => {
    const per = [figures(100, {}, { forced_labour: 70, servitude: 3, 'tulisan bebas': 9 }), figures(60, {}, { forced_labour: 50, organ_removal: 0 })];
    const input = inputOf(2027, per);
    const year = buildPublication(input).years[0] as PublishedYear;
    const types = breakdown(year, 'exploitationType');
    expect(types.cells).toEqual([
      { key: 'forced_labour', value: 120, display: '120' },
      { key: 'sexual_exploitation', value: 0, display: '0' },
      { key: 'servitude', value: null, display: '< 11' },
      { key: 'forced_marriage', value: 0, display: '0' },
      { key: 'organ_removal', value: 0, display: '0' },
    ]);
    expect(JSON.stringify(year)).not.toContain('tulisan bebas');
    expectProtected(year, truthOf(input, 2027));
  });

  it('refuses when the national total is exactly k and a multi-valued cell is small (the attacker knows it is ≤ the total)', () => {
    const input = inputOf(2027, [figures(11, {}, { forced_labour: 3 })]);
    expect(() => buildPublication(input)).toThrow(PublicationError);
    expect(() => buildPublication(input)).toThrow(/total nasional terlalu kecil .* \/ the tables of 2027 are not safe to publish/);
  });

  it('refuses figures that cannot be right, without quoting them', () => {
    const base = inputOf(2027, [figures(20), figures(30)]);
    expect(() => buildPublication({ ...base, figures: [...base.figures, { year: 2027, provinceCode: MARKER, figures: figures(5) }] })).toThrow(/not in the list/);
    try {
      buildPublication({ ...base, figures: [...base.figures, { year: 2027, provinceCode: MARKER, figures: figures(5) }] });
    } catch (e) {
      expect(String(e)).not.toContain(MARKER);
    }
    expect(() => buildPublication({ ...base, figures: [...base.figures, base.figures[0] as PublicationInput['figures'][number]] })).toThrow(/two entries/);
    expect(() => buildPublication(inputOf(2027, [figures(20, { female: 15, male: 10 })]))).toThrow(/sex breakdown of 2027 adds up to more than/);
    expect(() => buildPublication(inputOf(2027, [figures(2.5)]))).toThrow(/not a non-negative integer/);
    expect(() => buildPublication({ ...base, provinces: [] })).toThrow(PublicationError);
    // Figures of a year not asked for are ignored, even wrong ones.
    expect(buildPublication({ ...base, figures: [...base.figures, { year: 2020, provinceCode: MARKER, figures: figures(5) }] }).years.map((y) => y.year)).toEqual([2027]);
  });

  it('gives each year on its own, in ascending order, deterministically, as plain JSON', () => {
    const a = inputOf(2027, [figures(3), figures(40), figures(55)]);
    const b = inputOf(2026, [figures(70), figures(40), figures(55)]);
    const input: PublicationInput = { ...a, years: [2027, 2026, 2027], figures: [...a.figures, ...b.figures] };
    const pub = buildPublication(input);
    expect(pub.years.map((y) => y.year)).toEqual([2026, 2027]);
    expect(pub.years[0]?.provinces.cells.every((c) => c.value !== null)).toBe(true);
    expect(buildPublication(input)).toEqual(pub);
    expect(JSON.parse(JSON.stringify(pub))).toEqual(pub);
    // A year is the same whether published alone or with others: nothing links them.
    expect(buildPublication(a).years[0]).toEqual(pub.years[1]);
  });
});

describe('buildPublication: nothing identifying and no free text reaches the output', () => {
  it('drops a marker put in every free-text field of the input', () => {
    const tainted = (total: number): ReportFigures => {
      const f = figures(total, { female: total - 2, male: 2 }, { forced_labour: total, [MARKER]: 4, [`${MARKER} Siti, Jl. Merdeka 1`]: 1 }, { fishing: total, [MARKER]: 7 });
      f.victims.byReferralSource = [{ category: MARKER, count: 2 }];
      f.assistance = [{ service: MARKER, personsAssisted: 3 }];
      // Anything else a province variant of the form might have carried along.
      Object.assign(f, { notes: MARKER, region: MARKER });
      Object.assign(f.victims, { notes: MARKER });
      Object.assign(f.victims.bySex, { other: MARKER, [MARKER]: 5 });
      return f;
    };
    const input = inputOf(2027, [tainted(3), tainted(40), tainted(120)]);
    for (const entry of input.figures) Object.assign(entry, { comment: MARKER });
    const pub: Publication = buildPublication(input);
    expect(JSON.stringify(pub)).not.toContain(MARKER);
    expect(JSON.stringify(pub)).not.toMatch(/Siti|Merdeka/);
    expectProtected(pub.years[0] as PublishedYear, truthOf(input, 2027));
  });
});

describe('buildPublication: over generated years (acceptance 2)', () => {
  // Counts as they come in a year: many zero and small provinces, some large ones; splits that leave some
  // victims not recorded; small and large exploitation types. The attacker holds every table of the year.
  const count = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 4 }, { arbitrary: fc.integer({ min: 11, max: 300 }), weight: 4 });
  const province = count.chain((total) =>
    fc
      .record({
        female: fc.integer({ min: 0, max: total }),
        child: fc.integer({ min: 0, max: total }),
        international: fc.integer({ min: 0, max: total }),
        forced_labour: fc.integer({ min: 0, max: total }),
        servitude: fc.integer({ min: 0, max: Math.min(total, 12) }),
        fishing: fc.integer({ min: 0, max: total }),
      })
      .chain((r) =>
        fc.record({ male: fc.integer({ min: 0, max: total - r.female }), adult: fc.integer({ min: 0, max: total - r.child }), internal: fc.integer({ min: 0, max: total - r.international }) }).map((s) =>
          figures(total, { ...r, ...s }, { forced_labour: r.forced_labour, servitude: r.servitude }, { fishing: r.fishing }),
        ),
      ),
  );

  it('publishes only true values, hides every cell of 1–10, and leaves every hidden cell at least k wide for the attacker', () => {
    let hidden = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(province, { minLength: 2, maxLength: 38 }), (perProvince) => {
        const input = inputOf(2027, perProvince);
        let pub: Publication;
        try {
          pub = buildPublication(input);
        } catch (e) {
          // The only refusal allowed: a national total too small to hide a small multi-valued cell.
          expect(e).toBeInstanceOf(PublicationError);
          expect(String(e)).toMatch(/national total is too small/);
          expect(perProvince.reduce((s, f) => s + f.victims.total, 0)).toBeLessThanOrEqual(2 * K);
          refused++;
          return;
        }
        hidden += expectProtected(pub.years[0] as PublishedYear, truthOf(input, 2027)).intervals.length;
      }),
      { numRuns: 60, seed: 20271, endOnFailure: true },
    );
    // The generated years did exercise the rule: many cells were hidden, few years refused.
    expect(hidden).toBeGreaterThan(100);
    expect(refused).toBeLessThan(10);
  });
});
