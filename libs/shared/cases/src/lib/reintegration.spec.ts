import { addMonths, earliestChildClosure, followUpSchedule, jakartaDay } from './reintegration';

describe('reintegration dates', () => {
  it.each([
    ['2027-01-15T03:00:00.000Z', 1, '2027-02-15T03:00:00.000Z'],
    ['2027-01-31T03:00:00.000Z', 1, '2027-02-28T03:00:00.000Z'],
    ['2028-01-31T03:00:00.000Z', 1, '2028-02-29T03:00:00.000Z'],
    ['2027-11-30T03:00:00.000Z', 3, '2028-02-29T03:00:00.000Z'],
    ['2027-06-10T03:00:00.000Z', 24, '2029-06-10T03:00:00.000Z'],
    // 23:30 WIB on 31 March is still 31 March in Jakarta (16:30 UTC): a month on is 30 April, 23:30 WIB.
    ['2027-03-31T16:30:00.000Z', 1, '2027-04-30T16:30:00.000Z'],
  ])('%s + %i months = %s (calendar months in Asia/Jakarta)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('agrees with the host clock’s calendar on a thousand times from 1970 to 2100', () => {
    const reference = (iso: string, months: number) => {
      const local = new Date(Date.parse(iso) + 7 * 3600_000);
      const y = local.getUTCFullYear();
      const m = local.getUTCMonth() + months;
      const d = Math.min(local.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
      return new Date(Date.UTC(y, m, d, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds()) - 7 * 3600_000).toISOString();
    };
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 1000; i++) {
      const iso = new Date(Math.floor((next() / 2 ** 31) * 130 * 365.25 * 86_400_000)).toISOString();
      const months = (next() % 61) - 12;
      expect([iso, months, addMonths(iso, months)]).toEqual([iso, months, reference(iso, months)]);
      expect(jakartaDay(iso)).toBe(new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10));
    }
  });

  it('refuses what is not a time', () => {
    expect(() => addMonths('besok', 1)).toThrow(RangeError);
  });

  it('counts a child’s two years in Jakarta days', () => {
    expect(earliestChildClosure('2027-06-10T20:00:00.000Z')).toBe('2029-06-11');
    expect(jakartaDay('2027-06-10T16:59:59.000Z')).toBe('2027-06-10');
  });

  it('schedules the plan’s months in order, each once, and a child’s until month 24', () => {
    expect(followUpSchedule([6, 1, 3, 12, 3], false)).toEqual([1, 3, 6, 12]);
    expect(followUpSchedule([1, 3, 6, 12], true)).toEqual([1, 3, 6, 12, 24]);
    expect(followUpSchedule([1, 3, 6, 12, 24, 36], true)).toEqual([1, 3, 6, 12, 24, 36]);
    expect(followUpSchedule(undefined, false)).toEqual([1, 3, 6, 12]);
    expect(followUpSchedule(['x', 0, 61, 2.5, 2], false)).toEqual([2]);
  });
});
