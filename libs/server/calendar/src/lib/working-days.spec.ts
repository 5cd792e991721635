import seed from '../data/holidays-indonesia.json';
import { addWorkingDays, endOfDayJakarta, isIsoDate, isWorkingDay, jakartaDate, workingDaysBetween } from './working-days';

// The real national calendar shipped with the lib: Idulfitri 2026 (Nyepi on Thursday 19 March, cuti
// bersama on 18, 20, 23 and 24 March) and the turn of 2026/2027 (cuti bersama 24 December, Christmas,
// New Year).
const holidays = new Set(seed.holidays.map((h) => h.date));

describe('working days on the Indonesian calendar', () => {
  it('ships national holidays and cuti bersama for 2025–2027, each with its source', () => {
    const years = new Set(seed.holidays.map((h) => h.date.slice(0, 4)));
    expect([...years]).toEqual(['2025', '2026', '2027']);
    expect(seed.holidays.every((h) => isIsoDate(h.date) && h.source.length > 10 && h.nameId && h.nameEn)).toBe(true);
    expect(seed.holidays.find((h) => h.date === '2026-03-18')).toMatchObject({ kind: 'cuti_bersama' });
    expect(seed.holidays.find((h) => h.date === '2026-03-19')).toMatchObject({ kind: 'national_holiday' });
  });

  it.each([
    ['2026-03-17', true, 'an ordinary Tuesday'],
    ['2026-03-18', false, 'cuti bersama before Nyepi'],
    ['2026-03-19', false, 'Nyepi (national holiday)'],
    ['2026-03-21', false, 'a Saturday (and Idulfitri)'],
    ['2026-03-29', false, 'a Sunday'],
    ['2026-03-25', true, 'the first working day after Idulfitri leave'],
    ['2026-12-24', false, 'cuti bersama before Christmas'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });

  it.each([
    // A week with a national holiday and cuti bersama: Tue 17 counts, 18–24 March do not.
    ['2026-03-16', 1, '2026-03-17'],
    ['2026-03-16', 2, '2026-03-25'],
    ['2026-03-16', 5, '2026-03-30'],
    // Ordinary weeks: Friday + 1 is Monday; a weekend start counts from Monday.
    ['2026-07-03', 1, '2026-07-06'],
    ['2026-07-04', 1, '2026-07-06'],
    ['2026-07-06', 5, '2026-07-13'],
    // Across the year end: 24 Dec cuti bersama, 25 Dec Christmas, 1 Jan New Year.
    ['2026-12-23', 3, '2026-12-30'],
    ['2026-12-23', 5, '2027-01-04'],
    // Backwards.
    ['2027-01-04', -5, '2026-12-23'],
    ['2026-03-25', -1, '2026-03-17'],
    ['2026-07-05', -1, '2026-07-03'],
    ['2026-07-06', 0, '2026-07-06'],
  ])('%s %+d working days → %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, holidays)).toBe(expected);
  });

  it.each([
    ['2026-03-16', '2026-03-30', 5],
    ['2026-03-30', '2026-03-16', -5],
    ['2026-12-23', '2027-01-04', 5],
    ['2026-07-06', '2026-07-06', 0],
    ['2026-07-04', '2026-07-05', 0],
  ])('between %s and %s: %d working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(expected);
  });

  it('undoes addWorkingDays in both directions', () => {
    for (const start of ['2026-03-16', '2026-12-23', '2027-01-01', '2025-04-05']) {
      for (const n of [-30, -7, -1, 1, 4, 20, 60]) expect(workingDaysBetween(start, addWorkingDays(start, n, holidays), holidays)).toBe(n);
    }
  });

  it('ends a due day at 23:59:59 in Jakarta and reads instants as Jakarta dates', () => {
    expect(endOfDayJakarta('2026-03-30').toISOString()).toBe('2026-03-30T16:59:59.000Z');
    expect(jakartaDate(new Date('2026-03-30T16:59:59Z'))).toBe('2026-03-30');
    // Midnight in Jakarta is still the previous evening in UTC.
    expect(jakartaDate(new Date('2026-03-30T17:00:00Z'))).toBe('2026-03-31');
    expect(jakartaDate(endOfDayJakarta('2026-12-31'))).toBe('2026-12-31');
  });

  it.each([
    ['an impossible date', () => addWorkingDays('2026-02-30', 1, holidays)],
    ['a date with a time', () => isWorkingDay('2026-03-16T00:00:00Z', holidays)],
    ['a fraction of a day', () => addWorkingDays('2026-03-16', 1.5, holidays)],
    ['an endless span', () => addWorkingDays('2026-03-16', 1_000_000, holidays)],
  ])('refuses %s', (_what, call) => {
    expect(call).toThrow(RangeError);
  });
});
