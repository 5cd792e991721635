import fc from 'fast-check';
import { crossTabulate, dimension, type PublicationModel } from './model';
import { publicCells } from './render';
import { suppress } from './suppress';

// Issue 12, acceptance 2: over generated data, the attacker holds EVERY published table — quarterly and
// annual, provincial and national, each with its margins — i.e. the whole cross-tabulation province
// (nation → provinces) × period (year → quarters) × breakdown (total → categories), with every relation
// between them. For each generated set: every small cell is suppressed, nothing published differs from the
// truth, and on every suppressed cell the attacker's bounds are at least k apart. The bounds are not taken
// on trust: the audit's two witnesses for each cell — complete tables agreeing with everything published —
// are checked here, by this spec's own arithmetic, so the attacker provably cannot narrow the cell further.

const K = 11;

interface Shape {
  provinces: number;
  quarters: number;
  categories: number;
  values: number[];
}

// Counts as they come in small areas: many zeros and small cells, some large ones.
const count = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 5 }, { arbitrary: fc.integer({ min: 11, max: 80 }), weight: 3 });

const shapes: fc.Arbitrary<Shape> = fc
  .record({ provinces: fc.integer({ min: 2, max: 3 }), quarters: fc.integer({ min: 2, max: 4 }), categories: fc.integer({ min: 2, max: 3 }) })
  .chain((s) => fc.array(count, { minLength: s.provinces * s.quarters * s.categories, maxLength: s.provinces * s.quarters * s.categories }).map((values) => ({ ...s, values })));

function modelOf(shape: Shape): PublicationModel {
  const provinces = Array.from({ length: shape.provinces }, (_, i) => `P${i + 1}`);
  const quarters = Array.from({ length: shape.quarters }, (_, i) => `Q${i + 1}`);
  const categories = Array.from({ length: shape.categories }, (_, i) => `c${i + 1}`);
  return crossTabulate([dimension('province', 'ID', provinces), dimension('period', 'year', quarters), dimension('type', 'all', categories)], ([p, q, c]) => {
    const at = (provinces.indexOf(p as string) * shape.quarters + quarters.indexOf(q as string)) * shape.categories + categories.indexOf(c as string);
    return shape.values[at] as number;
  });
}

/** This spec's own check: a complete table the attacker cannot rule out. */
function consistent(model: PublicationModel, hidden: readonly boolean[], values: readonly number[]): boolean {
  const tol = 1e-6;
  return (
    model.cells.every((cell, i) => (hidden[i] ? (values[i] as number) >= 1 - tol : values[i] === cell.value)) &&
    model.relations.every((r) => Math.abs(r.parts.reduce((s, p) => s + (values[p] as number), 0) - (values[r.total] as number)) <= tol)
  );
}

describe('suppress (property): an attacker holding every published table cannot narrow any hidden cell below k', () => {
  it('holds on generated province × quarter × breakdown hierarchies', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const model = modelOf(shape);
        const result = suppress(model, K);
        const hidden = result.status.map((s) => s !== 'published');
        // The audit passed…
        expect(result.ok).toBe(true);
        // …every small cell is suppressed, every zero published…
        model.cells.forEach((cell, i) => {
          if (cell.value >= 1 && cell.value < K) expect(result.status[i]).toBe('primary');
          if (cell.value === 0) expect(hidden[i]).toBe(false);
        });
        // …no published value differs from the truth, no suppressed value shows…
        publicCells(model, result).forEach((cell, i) => {
          expect(cell.value).toBe(hidden[i] ? null : model.cells[i]?.value);
          expect(cell.text).toBe(hidden[i] ? '< 11' : String(model.cells[i]?.value));
        });
        // …and on every suppressed cell, two tables consistent with everything published put it ≥ k apart.
        expect(result.audit.intervals.map((i) => i.index)).toEqual(hidden.flatMap((h, i) => (h ? [i] : [])));
        for (const interval of result.audit.intervals) {
          const truth = model.cells[interval.index]?.value as number;
          expect(interval.lower).toBeLessThanOrEqual(truth);
          expect(interval.upper).toBeGreaterThanOrEqual(truth);
          expect(interval.upper - interval.lower).toBeGreaterThanOrEqual(K);
          expect(consistent(model, hidden, interval.lowerWitness)).toBe(true);
          expect(consistent(model, hidden, interval.upperWitness)).toBe(true);
          // The witnesses sit at the bounds (before rounding inwards: a vertex may be fractional).
          const low = interval.lowerWitness[interval.index] as number;
          const high = interval.upperWitness[interval.index] as number;
          expect(low).toBeLessThanOrEqual(interval.lower + 1e-6);
          expect(low).toBeGreaterThan(interval.lower - 1);
          if (interval.upper === Infinity) expect(high).toBeGreaterThanOrEqual(interval.lower + K - 1e-6);
          else {
            expect(high).toBeGreaterThanOrEqual(interval.upper - 1e-6);
            expect(high).toBeLessThan(interval.upper + 1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic on generated data', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        expect(suppress(modelOf(shape)).status).toEqual(suppress(modelOf(shape)).status);
      }),
      { numRuns: 5, seed: 7 },
    );
  });
});
