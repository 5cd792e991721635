import { quarterDays, tallyCases, UNKNOWN, type CaseFactRow } from './case-tally';

const row = (over: Partial<CaseFactRow> = {}): CaseFactRow => ({
  identificationStatus: 'presumed',
  intakeChannel: 'hotline',
  sex: 'female',
  ageGroup: 'adult',
  ageUncertain: false,
  nationalityGroup: 'indonesian',
  traffickingScope: 'international',
  originRegion: '32.04',
  exploitationTypes: ['forced_labour'],
  sectors: ['domestic_work'],
  ...over,
});
const counts = (list: { code: string; count: number }[]) => Object.fromEntries(list.map((x) => [x.code, x.count]));

describe('case figures of a period', () => {
  it('counts identified victims only, and keeps the others beside the total', () => {
    const t = tallyCases([row(), row({ identificationStatus: 'verified' }), row({ identificationStatus: 'confirmed' }), row({ identificationStatus: 'not_a_case' }), row({ identificationStatus: null }), row({ identificationStatus: 'not_confirmed' })]);
    expect([t.total, t.notCounted]).toEqual([3, 3]);
  });

  it('counts an unknown answer as unknown and an age in doubt as a child, so every single-valued breakdown adds up to the total', () => {
    const t = tallyCases([row(), row({ sex: null, ageGroup: null }), row({ ageGroup: 'adult', ageUncertain: true }), row({ originRegion: null, nationalityGroup: null, traffickingScope: null }), row({ sex: 'male', originRegion: '35.10', intakeChannel: 'police' })]);
    expect(counts(t.breakdowns.sex)).toEqual({ female: 3, male: 1, [UNKNOWN]: 1 });
    expect(counts(t.breakdowns.ageGroup)).toEqual({ adult: 3, child: 1, [UNKNOWN]: 1 });
    expect(counts(t.breakdowns.originProvince)).toEqual({ '32': 3, '35': 1, [UNKNOWN]: 1 });
    expect(t.breakdowns.sex.at(-1)?.code).toBe(UNKNOWN);
    for (const b of ['sex', 'ageGroup', 'nationalityGroup', 'traffickingScope', 'referralSource', 'originProvince'] as const) {
      expect({ b, sum: t.breakdowns[b].reduce((s, x) => s + x.count, 0) }).toEqual({ b, sum: t.total });
    }
  });

  it('counts each case once per exploitation type and sector it names, and a case naming none as unknown', () => {
    const t = tallyCases([row({ exploitationTypes: ['forced_labour', 'sexual_exploitation', 'forced_labour'] }), row({ exploitationTypes: [], sectors: null }), row()]);
    expect(counts(t.breakdowns.exploitationType)).toEqual({ forced_labour: 2, sexual_exploitation: 1, [UNKNOWN]: 1 });
    expect(counts(t.breakdowns.sector)).toEqual({ domestic_work: 2, [UNKNOWN]: 1 });
  });

  it('gives the days of a quarter in Asia/Jakarta, and refuses a quarter that is not one', () => {
    expect(quarterDays(2027, 1)).toEqual({ from: '2027-01-01', until: '2027-04-01' });
    expect(quarterDays(2027, 4)).toEqual({ from: '2027-10-01', until: '2028-01-01' });
    expect(() => quarterDays(2027, 5)).toThrow(RangeError);
    expect(() => quarterDays(1999, 1)).toThrow(RangeError);
  });
});
