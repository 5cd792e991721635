import { indicatorBucket, summarisePlanProgress } from './plan-progress';

describe('plan progress for the dashboard', () => {
  it('puts an indicator where it stands between baseline and target, either way round', () => {
    expect(indicatorBucket(null, 0, 10)).toBe('not_reported');
    expect(indicatorBucket(10, 0, 10)).toBe('reached');
    expect(indicatorBucket(12, 0, 10)).toBe('reached');
    expect(indicatorBucket(5, 0, 10)).toBe('halfway');
    expect(indicatorBucket(4.9, 0, 10)).toBe('behind');
    // Fewer is better: from 40 down to 20.
    expect(indicatorBucket(30, 40, 20)).toBe('halfway');
    expect(indicatorBucket(19, 40, 20)).toBe('reached');
    expect(indicatorBucket(45, 40, 20)).toBe('behind');
    // Keep a level: reached while at or above it.
    expect(indicatorBucket(3, 3, 3)).toBe('reached');
    expect(indicatorBucket(2, 3, 3)).toBe('behind');
    expect(indicatorBucket(Number.NaN, 0, 10)).toBe('not_reported');
  });

  it('counts each activity once, by its latest status and value; spending over every period; other plans ignored', () => {
    const summary = summarisePlanProgress(
      [
        { activityId: 'a', baseline: 0, target: 10 },
        { activityId: 'b', baseline: 0, target: 4 },
        { activityId: 'c', baseline: 100, target: 50 },
      ],
      [
        { activityId: 'a', period: '2027-Q2', indicatorValue: 6, status: 'delayed', spent: 1_000_000 },
        { activityId: 'a', period: '2027-Q1', indicatorValue: 2, status: 'in_progress', spent: 500_000 },
        { activityId: 'b', period: '2027-Q1', indicatorValue: 4, status: 'completed', spent: 250_000 },
        { activityId: 'b', period: '2027-Q2', indicatorValue: null, status: null, spent: null },
        { activityId: 'zz', period: '2027-Q2', indicatorValue: 9, status: 'completed', spent: 9_999_999 },
      ],
    );
    expect(summary).toEqual({ activities: 3, byStatus: { delayed: 1, completed: 1, not_reported: 1 }, indicator: { reached: 1, halfway: 1, behind: 0, not_reported: 1 }, spent: 1_750_000 });
  });
});
