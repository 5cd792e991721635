import type { PlanStageSpan } from '@gugus/contracts';
import { holderRows, overviewOf, withSpanHolders, workingDaysInUnion, type PlanTaskTiming } from './plan-analytics';

// Monday 2027-03-01 … Friday 2027-03-12; 2027-03-03 (Wednesday) a holiday.
const at = (date: string) => new Date(`${date}T09:00:00+07:00`);
const holidays = new Set(['2027-03-03']);
const span = (stage: PlanStageSpan['stage'], round: number, from: string, to: string | null, workingDays: number, holder: PlanStageSpan['holder'] = null): PlanStageSpan => ({
  stage,
  round,
  holder,
  startedAt: at(from).toISOString(),
  endedAt: to ? at(to).toISOString() : null,
  workingDays,
});
const task = (step: string, agencyId: string, stage: PlanTaskTiming['stage'], round: number | null, from: string, to: string | null): PlanTaskTiming => ({
  planId: 'p',
  step,
  status: to ? 'completed' : 'open',
  agencyId,
  role: 'agency_officer',
  stage,
  round,
  openedAt: at(from),
  closedAt: to ? at(to) : null,
});

describe('plan analytics arithmetic', () => {
  it('counts the working days of overlapping periods once, skipping weekends and holidays', () => {
    // (Mon 1, Thu 4] = Tue, Thu (Wed a holiday); (Tue 2, Mon 8] adds Fri 5 and Mon 8.
    expect(workingDaysInUnion([{ from: at('2027-03-01'), to: at('2027-03-04') }], holidays)).toBe(2);
    expect(workingDaysInUnion([{ from: at('2027-03-01'), to: at('2027-03-04') }, { from: at('2027-03-02'), to: at('2027-03-08') }], holidays)).toBe(4);
    expect(workingDaysInUnion([{ from: at('2027-03-05'), to: at('2027-03-05') }], holidays)).toBe(0);
  });

  it('gives each agency of a parallel stage its own row, and keeps the reviewer from the spans', () => {
    const legal = { agency: { id: 'legal', name: 'Biro Hukum' }, role: 'legal_reviewer' };
    const spans = [span('drafting', 0, '2027-03-01', '2027-03-08', 4), span('legal_review', 1, '2027-03-08', null, 3, legal)];
    const tasks = [
      task('section', 'sec', 'drafting', 0, '2027-03-01', '2027-03-02'),
      task('section', 'sec', 'drafting', 0, '2027-03-01', '2027-03-04'),
      task('section', 'dinsos', 'drafting', 0, '2027-03-01', '2027-03-08'),
      { ...task('legal-review', 'legal', 'legal_review', 1, '2027-03-08', null), role: 'legal_reviewer' },
    ];
    const rows = holderRows(spans, tasks, { sec: 'Sekretariat', dinsos: 'Dinas Sosial' }, holidays, at('2027-03-11'));
    expect(rows).toEqual([
      { round: 0, stage: 'drafting', agency: { id: 'dinsos', name: 'Dinas Sosial' }, role: 'agency_officer', step: 'section', workingDays: 4, taskCount: 1, open: false },
      { round: 0, stage: 'drafting', agency: { id: 'sec', name: 'Sekretariat' }, role: 'agency_officer', step: 'section', workingDays: 2, taskCount: 2, open: false },
      { round: 1, stage: 'legal_review', agency: legal.agency, role: 'legal_reviewer', step: 'legal-review', workingDays: 3, taskCount: 1, open: true },
    ]);
    const timeline = withSpanHolders(spans, tasks, { sec: 'Sekretariat', dinsos: 'Dinas Sosial' }, holidays, at('2027-03-11'));
    expect(timeline[0].holders?.map((h) => [h.agency.id, h.workingDays, h.taskCount])).toEqual([
      ['dinsos', 4, 1],
      ['sec', 2, 2],
    ]);
    expect(timeline[1].holders).toBeUndefined();
  });

  it('places a task without a round in the span it was opened in; a parallel span without tasks keeps its row', () => {
    const spans = [span('member_comments', 0, '2027-03-01', '2027-03-02', 1), span('section_revision', 0, '2027-03-02', '2027-03-04', 1)];
    const rows = holderRows(spans, [task('member-comment', 'dinsos', 'member_comments', null, '2027-03-01', null)], {}, holidays, at('2027-03-05'));
    expect(rows).toEqual([
      { round: 0, stage: 'member_comments', agency: { id: 'dinsos', name: null }, role: 'agency_officer', step: 'member-comment', workingDays: 3, taskCount: 1, open: true },
      { round: 0, stage: 'section_revision', agency: null, role: '', step: null, workingDays: 1, taskCount: 0, open: false },
    ]);
  });

  it('sums each agency over the plans and counts the plans over their target', () => {
    const row = (planId: string, days: number) => ({
      planId,
      jurisdictionCode: '32',
      title: planId,
      rounds: 1,
      stages: [{ stage: 'drafting' as const, workingDays: days, targetWorkingDays: 5 }],
      holders: [{ round: 0, stage: 'drafting' as const, agency: { id: 'dinsos', name: 'Dinas Sosial' }, role: 'agency_officer', step: 'section', workingDays: days, taskCount: 1, open: false }],
      pausedWorkingDays: 0,
    });
    const o = overviewOf('32', [row('a', 4), row('b', 7)]);
    expect(o.meanStageWorkingDays).toEqual([{ stage: 'drafting', workingDays: 5.5, targetWorkingDays: 5, plans: 2, overTarget: 1 }]);
    expect(o.holderTotals).toEqual([{ agency: { id: 'dinsos', name: 'Dinas Sosial' }, role: 'agency_officer', stage: 'drafting', workingDays: 11, taskCount: 2, plans: 2, meanPerTask: 5.5, stillOpen: 0 }]);
  });
});
