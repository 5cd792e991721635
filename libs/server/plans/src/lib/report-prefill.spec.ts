import { compiledReportPrefill } from './report-prefill';

describe('compiledReportPrefill', () => {
  it('gathers the Sub-TFs parts into the compiled report: contributions, achievements, budgets summed, texts under each name', () => {
    const out = compiledReportPrefill({ reportType: 'annual', scope: 'task_force', year: 2027 }, [
      { subTaskForce: 'prevention_child_participation', achievements: [{ activityCode: '1.1', item: 'Sosialisasi', target: 10, achieved: 8 }], budgetPlanned: 100, budgetRealised: 60, obstacles: 'Cuaca.', recommendations: 'Tambah desa.' },
      { subTaskForce: 'social_rehabilitation_repatriation_reintegration', achievements: [{ item: 'Layanan', target: 5, achieved: 5 }], budgetRealised: 40, publicSummary: 'Semua korban dilayani (agregat).' },
      // A part nobody answered (cancelled or empty) adds nothing.
      { subTaskForce: 'health_rehabilitation' },
    ]);
    expect(out).toEqual({
      reportType: 'annual',
      scope: 'task_force',
      year: 2027,
      contributions: [
        { subTaskForce: 'prevention_child_participation', summary: '1.1 Sosialisasi: 8/10', budgetRealised: 60 },
        { subTaskForce: 'social_rehabilitation_repatriation_reintegration', summary: 'Semua korban dilayani (agregat).', budgetRealised: 40 },
      ],
      achievements: [
        { activityCode: '1.1', item: 'Sosialisasi', target: 10, achieved: 8 },
        { item: 'Layanan', target: 5, achieved: 5 },
      ],
      budgetPlanned: 100,
      budgetRealised: 100,
      obstacles: expect.stringContaining(': Cuaca.'),
      recommendations: expect.stringContaining(': Tambah desa.'),
    });
  });

  it('leaves out what no part gave', () => {
    expect(compiledReportPrefill({ reportType: 'end_of_period', scope: 'task_force' }, [])).toEqual({ reportType: 'end_of_period', scope: 'task_force', contributions: [] });
  });
});
