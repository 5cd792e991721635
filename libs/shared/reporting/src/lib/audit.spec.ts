import { audit, AuditError } from './audit';
import { table2d, type PublicationModel } from './model';

// A 2 × 2 table with margins; the interior cells are the ones hidden in these tests.
function square(a: number, b: number, c: number, d: number): PublicationModel {
  return table2d({ rows: { name: 'r', codes: ['1', '2'] }, columns: { name: 'c', codes: ['1', '2'] }, values: [[a, b], [c, d]] });
}
const INTERIOR = ['r=1|c=1', 'r=1|c=2', 'r=2|c=1', 'r=2|c=2'];

/** The spec's own check of a witness: every relation holds, published cells are true, hidden ones ≥ lower. */
function consistent(model: PublicationModel, hidden: readonly string[], lower: number, values: readonly number[]): boolean {
  return (
    model.cells.every((cell) => (hidden.includes(cell.id) ? (values[model.indexOf.get(cell.id) as number] as number) >= lower : values[model.indexOf.get(cell.id) as number] === cell.value)) &&
    model.relations.every((r) => r.parts.reduce((s, p) => s + (values[p] as number), 0) === values[r.total])
  );
}

describe('audit: what the attacker can compute about each suppressed cell', () => {
  it('pins a cell hidden alone in a row whose other cells and total are published', () => {
    const model = table2d({ rows: { name: 'r', codes: ['1', '2'] }, columns: { name: 'c', codes: ['1', '2', '3'] }, values: [[3, 40, 50], [20, 30, 25]] });
    const report = audit(model, ['r=1|c=1']);
    expect(report.protected).toBe(false);
    expect(report.intervals).toEqual([expect.objectContaining({ id: 'r=1|c=1', lower: 3, upper: 3, protected: false })]);
    expect(report.unprotected).toEqual(['r=1|c=1']);
  });

  it('gives the interval of a hidden rectangle, with whole-number witnesses at both ends', () => {
    // a moves with d, against b and c: a ∈ [3 − min(3, 60) + 1, 3 + min(11, 40) − 1] = [1, 13].
    const model = square(3, 11, 40, 60);
    const report = audit(model, INTERIOR);
    const a = report.intervals.find((i) => i.id === 'r=1|c=1');
    expect(a).toMatchObject({ lower: 1, upper: 13, protected: true, integral: true });
    expect(consistent(model, INTERIOR, 1, a?.lowerWitness ?? [])).toBe(true);
    expect(consistent(model, INTERIOR, 1, a?.upperWitness ?? [])).toBe(true);
    expect(a?.lowerWitness[model.indexOf.get('r=1|c=1') as number]).toBe(1);
    expect(a?.upperWitness[model.indexOf.get('r=1|c=1') as number]).toBe(13);
    // The attacker knows a hidden cell is not zero (zeros are published): the lower bound is 1, not 0.
    expect(report.suppressedLowerBound).toBe(1);
  });

  it('sits on the boundary of the rule: width k − 1 fails, width k passes', () => {
    // a ∈ [1, 11]: 1 and 11 both possible, but only 11 whole numbers — one short of the rule.
    expect(audit(square(1, 11, 11, 1), INTERIOR).intervals[0]).toMatchObject({ lower: 1, upper: 11, protected: false });
    expect(audit(square(1, 12, 12, 1), INTERIOR).intervals[0]).toMatchObject({ lower: 1, upper: 12, protected: true });
    // With k = 10 the first passes.
    expect(audit(square(1, 11, 11, 1), INTERIOR, 10).protected).toBe(true);
  });

  it('treats a hidden cell that no published figure bounds as unbounded above', () => {
    const model = square(3, 11, 40, 60);
    const everything = model.cells.map((c) => c.id);
    const report = audit(model, everything);
    expect(report.protected).toBe(true);
    for (const interval of report.intervals) {
      expect(interval.upper).toBe(Infinity);
      expect(consistent(model, everything, 1, interval.upperWitness)).toBe(true);
      expect(interval.upperWitness[interval.index]).toBeGreaterThanOrEqual(interval.lower + 11);
    }
  });

  it('credits the attacker with 0 as the lower bound when a zero is hidden', () => {
    const report = audit(square(0, 11, 40, 60), INTERIOR);
    expect(report.suppressedLowerBound).toBe(0);
    expect(report.intervals[0]).toMatchObject({ lower: 0, upper: 11, protected: true });
  });

  it('refuses an unknown cell or a threshold below 2', () => {
    expect(() => audit(square(1, 2, 3, 4), ['nope'])).toThrow(AuditError);
    expect(() => audit(square(1, 2, 3, 4), [], 1)).toThrow(/Ambang k .* \/ the threshold k/);
    expect(() => audit(square(1, 2, 3, 4), [], 10.5)).toThrow(AuditError);
  });
});
