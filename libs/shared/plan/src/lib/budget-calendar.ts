/** The regional budget calendar's milestones (the `plan-budget-milestones` option list's codes), in order. */
export const BUDGET_CALENDAR_MILESTONES = ['rkpd_renja', 'kua_ppas', 'rka', 'rapbd_submitted', 'rapbd_approved', 'evaluation_submitted', 'evaluation_received', 'evaluation_incorporated', 'apbd_enacted'] as const;
export type BudgetCalendarMilestone = (typeof BUDGET_CALENDAR_MILESTONES)[number];

/**
 * The dates of the subnational budget calendar for budget year `fiscalYear`, all in the year before
 * (seed 000 L1039-1054, PEFA 2017): RKPD and Renja end of May, KUA-PPAS end of July, RKA end of
 * September, the draft budget to the DPRD in the first week of October (its last day), DPRD approval 30
 * November, submission for evaluation 3 days after approval, the evaluation 15 working days after
 * submission, its incorporation 7 working days after it is received, the budget regulation 31 December.
 *
 * `addWorkingDays` is the jurisdiction's working-day calendar (weekends, holidays and cuti bersama), so
 * the core stays free of any calendar of its own. The seed's working-day steps may run past 31 December:
 * the calendar says so rather than squeezing them in.
 */
export function budgetCalendarDates(fiscalYear: number, addWorkingDays: (date: string, n: number) => string): { milestone: BudgetCalendarMilestone; date: string }[] {
  const y = fiscalYear - 1;
  const submitted = `${y}-12-03`;
  const received = addWorkingDays(submitted, 15);
  return [
    { milestone: 'rkpd_renja', date: `${y}-05-31` },
    { milestone: 'kua_ppas', date: `${y}-07-31` },
    { milestone: 'rka', date: `${y}-09-30` },
    { milestone: 'rapbd_submitted', date: `${y}-10-07` },
    { milestone: 'rapbd_approved', date: `${y}-11-30` },
    { milestone: 'evaluation_submitted', date: submitted },
    { milestone: 'evaluation_received', date: received },
    { milestone: 'evaluation_incorporated', date: addWorkingDays(received, 7) },
    { milestone: 'apbd_enacted', date: `${y}-12-31` },
  ];
}
