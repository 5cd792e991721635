import { emptyFigures, figuresFromCases, figuresOfAnswers, isPeriod, onTime, partAnswersOf, periodDays, periodsBetween, previousQuarter, reportPrefill, rollUp, sumFigures, sumParts } from './periodic-report';
import { jakartaDayOfMs } from '@gugus/cases';
import { tallyCases, type CaseFactRow } from './case-tally';

const row = (over: Partial<CaseFactRow>): CaseFactRow => ({ identificationStatus: 'presumed', intakeChannel: 'hotline', sex: 'female', ageGroup: 'adult', ageUncertain: false, nationalityGroup: 'indonesian', traffickingScope: 'internal', originRegion: '32.04', exploitationTypes: ['forced_labour'], sectors: ['fishing'], ...over });

describe('periodic reports', () => {
  it('knows a quarter by its name and the one that ended before a Jakarta day', () => {
    expect([isPeriod('2027-Q1'), isPeriod('2027-Q5'), isPeriod('1999-Q1'), isPeriod('2027Q1')]).toEqual([true, false, false, false]);
    expect(periodDays('2027-Q4')).toEqual({ year: 2027, quarter: 4, from: '2027-10-01', until: '2028-01-01' });
    expect(() => periodDays('2027-Q0')).toThrow(/2027-Q1/);
    expect(periodsBetween('2026-Q3', '2027-Q2')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodsBetween('2027-Q2', '2027-Q1')).toEqual([]);
    // 00:05 WIB on 1 April is still 31 March in UTC: the quarter just ended is Q1 either way.
    expect(previousQuarter(Date.parse('2027-03-31T17:05:00Z'))).toBe('2027-Q1');
    expect(previousQuarter(Date.parse('2027-01-01T00:00:00+07:00'))).toBe('2026-Q4');
    // The Jakarta day by integer arithmetic agrees with the clock's calendar across a century of days, leap years included.
    for (let ms = Date.parse('2000-01-01T00:00:00Z'); ms < Date.parse('2100-01-01T00:00:00Z'); ms += 86_400_000 * 7 + 3_600_000 * 5) {
      expect(jakartaDayOfMs(ms)).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
    }
  });

  it('pre-fills the national form from the cases: unknown nationality as "stateless or unknown", the rest left out, screened-out people counted as screened', () => {
    const tally = tallyCases([row({}), row({ sex: null, nationalityGroup: null, exploitationTypes: ['forced_labour', 'servitude'] }), row({ identificationStatus: 'screened' })]);
    const f = figuresFromCases(tally, [{ service: 'shelter', persons: 2 }, { service: 'legal_aid', persons: 0 }]);
    expect(f.personsScreened).toBe(3);
    expect(f.victims).toMatchObject({ total: 2, bySex: { female: 1, male: 0 }, byNationality: { indonesian: 1, foreign: 0, stateless_or_unknown: 1 }, byExploitationType: [{ category: 'forced_labour', count: 2 }, { category: 'servitude', count: 1 }] });
    expect(f.assistance).toEqual([{ service: 'shelter', personsAssisted: 2 }]);
    expect(reportPrefill(f, '32.04', '2027-Q2')).toMatchObject({ regencyCode: '32.04', year: 2027, quarter: 2, personsScreened: 3 });
    // Prosecution: none without the justice track's counts, the counts given otherwise.
    expect(f.prosecution).toEqual({ crimesRegistered: 0, casesToProsecutor: 0, verdicts: 0, convictions: 0 });
    const counted = { crimesRegistered: 3, casesToProsecutor: 2, verdicts: 1, convictions: 1 };
    expect(figuresFromCases(tally, [], counted).prosecution).toEqual(counted);
    // Prevention from the plans' progress: passed through; read back from a submitted form; a report made
    // before the form had it (no `prevention`) sums as zeros.
    const prevention = { activitiesReported: 4, activitiesCompleted: 1, activitiesDelayed: 2 };
    const withPrevention = figuresFromCases(tally, [], counted, prevention);
    expect(withPrevention.prevention).toEqual(prevention);
    expect(figuresOfAnswers({ prevention: { activitiesReported: 4, activitiesCompleted: 1, activitiesDelayed: 2, note: 'PENANDA' } }).prevention).toEqual(prevention);
    const { prevention: _old, ...before } = withPrevention;
    expect(sumFigures([withPrevention, before, withPrevention]).prevention).toEqual({ activitiesReported: 8, activitiesCompleted: 2, activitiesDelayed: 4 });
  });

  it("takes only counts and codes from a submitted form — a marker in the notes never reaches the figures", () => {
    const answers = { regencyCode: '32.04', year: 2027, quarter: 1, notes: 'PENANDA-RAHASIA Siti, Jl. Merdeka 1', personsScreened: 4, victims: { total: 3, bySex: { female: 2, male: 1, other: 'PENANDA' }, byExploitationType: [{ category: 'prostitution', count: 1 }, { category: 'prostitution', count: 2 }, { category: 5, count: 1 }] }, assistance: [{ service: 'shelter', personsAssisted: -1 }], prosecution: { crimesRegistered: 1.5, verdicts: 2 } };
    const f = figuresOfAnswers(answers);
    expect(JSON.stringify(f)).not.toMatch(/PENANDA|Siti|Merdeka/);
    expect(f.victims.bySex).toEqual({ female: 2, male: 1 });
    expect(f.victims.byExploitationType).toEqual([{ category: 'prostitution', count: 3 }]);
    expect(f.assistance).toEqual([{ service: 'shelter', personsAssisted: 0 }]);
    expect(f.prosecution).toEqual({ crimesRegistered: 0, casesToProsecutor: 0, verdicts: 2, convictions: 0 });
  });

  it('sums reports cell by cell and category by category', () => {
    const a = figuresOfAnswers({ personsScreened: 2, victims: { total: 2, bySex: { female: 2, male: 0 }, bySector: [{ category: 'fishing', count: 2 }] }, assistance: [{ service: 'shelter', personsAssisted: 1 }], prosecution: { verdicts: 1 } });
    const b = figuresOfAnswers({ personsScreened: 1, victims: { total: 1, bySex: { female: 0, male: 1 }, bySector: [{ category: 'domestic_work', count: 1 }, { category: 'fishing', count: 1 }] }, assistance: [{ service: 'shelter', personsAssisted: 2 }] });
    const sum = sumFigures([a, b, emptyFigures()]);
    expect(sum.personsScreened).toBe(3);
    expect(sum.victims.bySex).toEqual({ female: 2, male: 1 });
    expect(sum.victims.bySector).toEqual([{ category: 'domestic_work', count: 1 }, { category: 'fishing', count: 3 }]);
    expect(sum.assistance).toEqual([{ service: 'shelter', personsAssisted: 3 }]);
    expect(sum.prosecution.verdicts).toBe(1);
    expect(sumFigures([])).toEqual(emptyFigures());
  });

  it('is on time when first submitted on or before the due day in Jakarta', () => {
    expect(onTime('2027-04-14', Date.parse('2027-04-14T16:59:00Z'))).toBe(true);
    expect(onTime('2027-04-14', Date.parse('2027-04-14T17:00:00Z'))).toBe(false);
    expect(onTime('2027-04-14', null)).toBeNull();
  });
});

describe('the national roll-up', () => {
  const f = (total: number) => figuresOfAnswers({ victims: { total, bySex: { female: total, male: 0 } } });
  it("takes a province's accepted report, else the sum of its regencies', and sums the provinces", () => {
    const r = rollUp([
      { jurisdictionCode: '32', period: '2027-Q1', figures: f(10) },
      { jurisdictionCode: '32.04', period: '2027-Q1', figures: f(4) },
      { jurisdictionCode: '33.01', period: '2027-Q1', figures: f(2) },
      { jurisdictionCode: '33.02', period: '2027-Q1', figures: f(3) },
      { jurisdictionCode: '33.02', period: '2026-Q4', figures: f(1) },
      { jurisdictionCode: '00', period: '2027-Q1', figures: f(99) },
    ]);
    expect(r.periods).toEqual(['2026-Q4', '2027-Q1']);
    expect(r.provinces['32']['2027-Q1']).toMatchObject({ source: 'province', regencies: 0 });
    expect(r.provinces['32']['2027-Q1'].figures.victims.total).toBe(10);
    expect(r.provinces['33']['2027-Q1']).toMatchObject({ source: 'regencies', regencies: 2 });
    expect(r.national['2027-Q1'].victims.total).toBe(15);
    expect(r.national['2026-Q4'].victims.total).toBe(1);
    expect(r.provinces['32']['2026-Q4']).toBeUndefined();
  });

  it("keeps a member agency's part as counts and trimmed remarks only, and adds parts up", () => {
    const sent = { victimsAssisted: 3, victimsNotRecorded: 1, prevention: { trainings: 2, peopleTrained: 45, materialsDistributed: 300 }, prosecution: { crimesRegistered: 1, verdicts: 0 }, obstacles: '  Anggaran visum terbatas.  ', victimName: 'PENANDA' };
    const kept = partAnswersOf(sent);
    expect(kept).toEqual({ victimsAssisted: 3, victimsNotRecorded: 1, prevention: { trainings: 2, peopleTrained: 45, materialsDistributed: 300 }, prosecution: { crimesRegistered: 1, verdicts: 0 }, obstacles: 'Anggaran visum terbatas.' });
    expect(JSON.stringify(kept)).not.toContain('PENANDA');
    // Not counts read as 0; blank remarks as none; overlong remarks cut at 2,000 characters.
    const odd = partAnswersOf({ victimsAssisted: -1, victimsNotRecorded: 1.5, prevention: 'x', prosecution: { crimesRegistered: '2' }, obstacles: '   ' });
    expect(odd).toEqual({ victimsAssisted: 0, victimsNotRecorded: 0, prevention: { trainings: 0, peopleTrained: 0, materialsDistributed: 0 }, prosecution: { crimesRegistered: 0, verdicts: 0 }, obstacles: null });
    expect(partAnswersOf({ obstacles: 'a'.repeat(2500) }).obstacles).toHaveLength(2000);
    expect(sumParts([kept, odd, kept])).toEqual({ victimsAssisted: 6, victimsNotRecorded: 2, prevention: { trainings: 4, peopleTrained: 90, materialsDistributed: 600 }, prosecution: { crimesRegistered: 2, verdicts: 0 } });
    expect(sumParts([])).toEqual({ victimsAssisted: 0, victimsNotRecorded: 0, prevention: { trainings: 0, peopleTrained: 0, materialsDistributed: 0 }, prosecution: { crimesRegistered: 0, verdicts: 0 } });
  });
});
