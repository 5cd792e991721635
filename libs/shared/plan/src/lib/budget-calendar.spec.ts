import { budgetCalendarDates } from './budget-calendar';

/** Weekends only (the server passes the jurisdiction's calendar with holidays and cuti bersama). */
function addWeekdays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

describe('budgetCalendarDates', () => {
  it('dates budget year 2028 in 2027, the working-day steps in working days', () => {
    expect(budgetCalendarDates(2028, addWeekdays)).toEqual([
      { milestone: 'rkpd_renja', date: '2027-05-31' },
      { milestone: 'kua_ppas', date: '2027-07-31' },
      { milestone: 'rka', date: '2027-09-30' },
      { milestone: 'rapbd_submitted', date: '2027-10-07' },
      { milestone: 'rapbd_approved', date: '2027-11-30' },
      { milestone: 'evaluation_submitted', date: '2027-12-03' },
      // Friday 3 December + 15 weekdays = Friday 24 December; + 7 weekdays = Tuesday 4 January.
      { milestone: 'evaluation_received', date: '2027-12-24' },
      { milestone: 'evaluation_incorporated', date: '2028-01-04' },
      { milestone: 'apbd_enacted', date: '2027-12-31' },
    ]);
  });

  it('uses the calendar it is given (a holiday moves the working-day steps)', () => {
    const withHoliday = (date: string, n: number) => addWeekdays(date, n + (date <= '2027-12-24' ? 1 : 0));
    expect(budgetCalendarDates(2028, withHoliday).find((s) => s.milestone === 'evaluation_received')?.date).toBe('2027-12-27');
  });
});
