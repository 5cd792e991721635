import { reportProgress } from './report-progress';
import type { ReportTaskRow } from './plans.repository';

const row = (step: string, status: string, extra: Partial<ReportTaskRow> = {}): ReportTaskRow => ({ id: `${step}-${status}-${extra.round ?? 1}-${extra.agencyId ?? 'a'}`, step, status, agencyId: 'sec', role: 'secretariat', year: 2027, period: '2027', round: 1, ...extra });

describe('reportProgress', () => {
  it('shows the parts while Sub-TFs write them, with who holds them', () => {
    const [r] = reportProgress([row('annual-report-part', 'completed'), row('annual-report-part', 'open', { agencyId: 'dinsos', role: 'agency_officer' })], { dinsos: 'Dinas Sosial' });
    expect(r).toEqual(expect.objectContaining({ kind: 'annual', year: 2027, step: 'part', partsDone: 1, partsTotal: 2, cancelled: false }));
    expect(r.heldBy).toEqual([{ taskId: expect.any(String), agency: { id: 'dinsos', name: 'Dinas Sosial' }, role: 'agency_officer' }]);
  });

  it('follows a return to round 2 and ends done once released', () => {
    const rows = [
      row('annual-report-part', 'completed'),
      row('annual-report', 'completed'),
      row('annual-report-review', 'approved', { role: 'chair' }),
      row('annual-report-approval', 'returned', { role: 'chair' }),
      row('annual-report', 'open', { round: 2 }),
    ];
    expect(reportProgress(rows, {})[0]).toEqual(expect.objectContaining({ step: 'report', round: 2 }));
    const done = [...rows.slice(0, 4), row('annual-report', 'completed', { round: 2 }), row('annual-report-review', 'approved', { round: 2 }), row('annual-report-approval', 'approved', { round: 2 }), row('annual-report-plenary', 'completed', { round: 2 }), row('annual-report-release', 'completed', { round: 2 })];
    expect(reportProgress(done, {})[0]).toEqual(expect.objectContaining({ step: 'done', round: 2, heldBy: [], cancelled: false }));
  });

  it('keeps annual and end-of-period reports apart and marks one the plan closed', () => {
    const out = reportProgress([row('annual-report-part', 'cancelled', { year: 2031, period: '2031' }), row('final-report-part', 'open', { year: 2031, period: '2027–2031' })], {});
    expect(out.map((r) => [r.kind, r.period, r.step, r.cancelled])).toEqual([
      ['annual', '2031', 'part', true],
      ['final', '2027–2031', 'part', false],
    ]);
  });
});
