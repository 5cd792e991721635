import { EqualityProgramme } from './lp';

describe('EqualityProgramme (the attacker’s simplex)', () => {
  it('finds the minimum and maximum of a variable under an equality', () => {
    // x + y = 5, x, y ≥ 0
    const lp = new EqualityProgramme(2, [[1, 1]], [5]);
    expect(lp.feasible).toBe(true);
    expect(lp.minimise([1, 0])).toMatchObject({ status: 'optimal', value: 0 });
    const max = lp.minimise([-1, 0]);
    expect(max).toMatchObject({ status: 'optimal', value: -5 });
    expect(max.status === 'optimal' && max.point).toEqual([5, 0]);
  });

  it('reports an unbounded direction', () => {
    // x − y = 0: both may grow together.
    const lp = new EqualityProgramme(2, [[1, -1]], [0]);
    const out = lp.minimise([-1, 0]);
    expect(out.status).toBe('unbounded');
    // The ray keeps the equality and non-negativity, and raises x.
    if (out.status === 'unbounded') {
      expect(out.ray[0] as number).toBeGreaterThan(0);
      expect((out.ray[0] as number) - (out.ray[1] as number)).toBe(0);
      expect(out.ray.every((r, i) => r >= 0 || (out.point[i] as number) > 0)).toBe(true);
    }
    expect(lp.minimise([1, 0])).toMatchObject({ status: 'optimal', value: 0 });
  });

  it('says when no non-negative solution exists', () => {
    expect(new EqualityProgramme(2, [[1, 1]], [-1]).feasible).toBe(false);
    expect(new EqualityProgramme(1, [[1], [1]], [2, 3]).feasible).toBe(false);
  });

  it('drops redundant equalities (a grand total reached through rows and through columns)', () => {
    // a + b = 4, c + d = 6, a + c = 3, b + d = 7 (the fourth follows from the other three)
    const lp = new EqualityProgramme(4, [[1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 1, 0], [0, 1, 0, 1]], [4, 6, 3, 7]);
    expect(lp.feasible).toBe(true);
    expect(lp.minimise([1, 0, 0, 0])).toMatchObject({ value: 0 });
    expect(lp.minimise([-1, 0, 0, 0])).toMatchObject({ value: -3 });
    expect(lp.minimise([0, 0, 0, -1])).toMatchObject({ value: -6 });
  });

  it('survives a degenerate programme (many ties, Bland’s rule) and returns a feasible optimum', () => {
    const n = 6;
    const a = Array.from({ length: n }, (_, i) => Array.from({ length: n * 2 }, (_, j) => (j === i || j === n + ((i + 1) % n) ? 1 : 0)));
    const lp = new EqualityProgramme(n * 2, a, new Array(n).fill(0));
    const out = lp.minimise(Array.from({ length: n * 2 }, (_, j) => (j === 0 ? -1 : 0)));
    expect(out).toMatchObject({ status: 'optimal', value: 0 });
  });
});
