import { splitByTime, wibInstant } from './wib';

describe('meeting times in Western Indonesia Time', () => {
  it.each([
    ['2026-12-15', '09:00', '2026-12-15T09:00:00+07:00'],
    ['2026-12-15', '23:59', '2026-12-15T23:59:00+07:00'],
    ['2026-12-15', '24:00', undefined],
    ['2026-12-15', '9:00', undefined],
    ['15/12/2026', '09:00', undefined],
    ['2026-02-30', '09:00', undefined],
    ['', '', undefined],
  ])('%s %s WIB is %s', (date, time, iso) => {
    expect(wibInstant(date, time)).toBe(iso);
  });

  it('09:00 WIB is 02:00 UTC', () => {
    expect(new Date(wibInstant('2026-12-15', '09:00') ?? '').toISOString()).toBe('2026-12-15T02:00:00.000Z');
  });

  it('lists upcoming meetings soonest first and past ones latest first', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    const at = (iso: string) => ({ scheduledAt: iso });
    const { upcoming, past } = splitByTime([at('2027-03-01T02:00:00Z'), at('2026-11-01T02:00:00Z'), at('2026-12-15T02:00:00Z'), at('2026-10-01T02:00:00Z')], now);
    expect(upcoming.map((m) => m.scheduledAt)).toEqual(['2026-12-15T02:00:00Z', '2027-03-01T02:00:00Z']);
    expect(past.map((m) => m.scheduledAt)).toEqual(['2026-11-01T02:00:00Z', '2026-10-01T02:00:00Z']);
  });
});
