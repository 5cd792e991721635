import { EqualityProgramme } from './lp';
import type { Cell, PublicationModel, Relation } from './model';

// The attacker's view (issue 12, acceptance 2). The attacker holds EVERY published table — quarterly and
// annual, provincial and national — knows every relation between them, and knows how the suppression works
// (it is public). What they can compute about a suppressed cell is the interval of values it takes over all
// tables consistent with what they hold:
//
//   minimise / maximise x[c]
//   subject to   every relation  (total = Σ parts), with each published cell fixed at its published value,
//                x[s] ≥ LOWER for every suppressed cell s.
//
// LOWER is 1 when every zero is published (as `suppress` does: a suppressed cell is then known to be
// non-zero, and the attacker must be credited with that), 0 otherwise. This is the standard linear-programming
// attacker of statistical disclosure control, over the reals; the bounds are rounded inwards to integers
// (⌈min⌉, ⌊max⌋), as counts are integers.
//
// PROTECTION RULE. A suppressed cell is protected when   upper − lower ≥ k.
// Why: a small cell has a value v in 1…k−1 and lower ≤ v, so upper ≥ lower + k ≥ k + 1: the attacker's
// interval holds at least k + 1 whole numbers — more than the k − 1 values a small cell can take — and
// reaches past k, so they can neither narrow the value down nor even tell that the cell is a small one
// (with lower = 1, the interval reaches 12 at least: a 1 cannot be told from an 11). One short of that —
// interval [1, 11], width k − 1 — fails: the 2 × 2 test in audit.spec.ts sits on that boundary. The rule is applied to every suppressed cell, complementary ones included,
// because all suppressed cells look alike in the publication ("< k", render.ts): the attacker does not
// know which of them were the small ones.
//
// PROOF, NOT TRUST. For each bound the audit returns a witness: a complete set of values for every cell,
// agreeing with every published value and every relation, in which the cell takes that bound. audit() checks
// each witness itself (and the tests check them again, independently); the interval it reports is therefore
// never wider than what the attacker truly faces. (A simplex stopped short would only make it narrower,
// which errs towards suppressing more.) When the maximum is unbounded the upper witness puts the cell at
// lower + k or above instead. Witnesses whose entries are whole numbers (`integral`) prove the interval also
// against an attacker who uses that counts are integers; a fractional witness proves it only for the
// linear-programming attacker (see the limits in index.ts).
//
// The audit report holds true values (in the witnesses): it is for the publisher, never for publication.

/** What the attacker can compute about one suppressed cell. */
export interface CellInterval {
  readonly index: number;
  readonly id: string;
  /** The least value the attacker cannot rule out (⌈LP minimum⌉). */
  readonly lower: number;
  /** The greatest (⌊LP maximum⌋), `Infinity` when nothing bounds it. */
  readonly upper: number;
  /** `upper − lower ≥ k`. */
  readonly protected: boolean;
  /** All cell values, consistent with the publication, with this cell at `lower`. */
  readonly lowerWitness: readonly number[];
  /** All cell values, consistent with the publication, with this cell at `upper` (or ≥ lower + k when unbounded). */
  readonly upperWitness: readonly number[];
  /** Both witnesses are whole numbers (they hold against an attacker who uses integrality too). */
  readonly integral: boolean;
}

export interface AuditReport {
  readonly k: number;
  /** The lower bound the attacker knows for every suppressed cell (1 when no zero is suppressed, else 0). */
  readonly suppressedLowerBound: 0 | 1;
  /** Every suppressed cell passes the protection rule. */
  readonly protected: boolean;
  /** One per suppressed cell, in model order. */
  readonly intervals: readonly CellInterval[];
  /** Ids of the suppressed cells that fail the rule, in model order. */
  readonly unprotected: readonly string[];
}

/** Raised for a bad argument. The message is Indonesian first, then English. */
export class AuditError extends Error {
  constructor(indonesian: string, english: string) {
    super(`${indonesian} / ${english}`);
    this.name = 'AuditError';
  }
}

/** Tolerance for floating-point checks of witnesses and for rounding bounds inwards. */
const TOLERANCE = 1e-6;

export function checkThreshold(k: number): void {
  if (!Number.isSafeInteger(k) || k < 2) throw new AuditError(`Ambang k harus bilangan bulat ≥ 2 (diberikan ${k})`, `the threshold k must be an integer ≥ 2 (given ${k})`);
}

/** A mask of suppressed cells from their ids (unknown ids are an error). */
export function suppressionMask(model: PublicationModel, suppressed: Iterable<string>): boolean[] {
  const mask = model.cells.map(() => false);
  for (const id of suppressed) {
    const i = model.indexOf.get(id);
    if (i === undefined) throw new AuditError(`Sel yang tidak ada: "${id}"`, `no such cell: "${id}"`);
    mask[i] = true;
  }
  return mask;
}

export function lowerBoundOf(model: PublicationModel, mask: readonly boolean[]): 0 | 1 {
  return model.cells.some((cell, i) => mask[i] && cell.value === 0) ? 0 : 1;
}

/** Suppressed cells linked to `start` through relations, and those relations: the attacker's problem for it. */
export interface Component {
  readonly cells: readonly number[];
  readonly relations: readonly number[];
}

export function componentOf(model: PublicationModel, mask: readonly boolean[], start: number): Component {
  const cells = new Set<number>([start]);
  const relations = new Set<number>();
  const queue = [start];
  while (queue.length > 0) {
    const cell = queue.pop() as number;
    for (const r of model.relationsOf[cell] as readonly number[]) {
      if (relations.has(r)) continue;
      relations.add(r);
      const relation = model.relations[r] as Relation;
      for (const other of [relation.total, ...relation.parts]) {
        if (mask[other] && !cells.has(other)) {
          cells.add(other);
          queue.push(other);
        }
      }
    }
  }
  return { cells: [...cells].sort((a, b) => a - b), relations: [...relations].sort((a, b) => a - b) };
}

/** The attacker's programme for one component, in y = x − LOWER ≥ 0. */
export class AttackerProgramme {
  readonly lp: EqualityProgramme;
  readonly position: ReadonlyMap<number, number>;

  constructor(
    readonly model: PublicationModel,
    readonly mask: readonly boolean[],
    readonly lowerBound: 0 | 1,
    readonly component: Component,
  ) {
    const position = new Map(component.cells.map((cell, j) => [cell, j]));
    const a: number[][] = [];
    const b: number[] = [];
    for (const r of component.relations) {
      const relation = model.relations[r] as Relation;
      const row = new Array<number>(component.cells.length).fill(0);
      let rhs = 0;
      const add = (cell: number, coefficient: number) => {
        const j = position.get(cell);
        if (j === undefined) rhs -= coefficient * (model.cells[cell] as Cell).value;
        else {
          row[j] = (row[j] as number) + coefficient;
          rhs -= coefficient * lowerBound;
        }
      };
      add(relation.total, 1);
      for (const part of relation.parts) add(part, -1);
      a.push(row);
      b.push(rhs);
    }
    this.position = position;
    this.lp = new EqualityProgramme(component.cells.length, a, b);
    // The true values are a solution, so this cannot fail for a valid model and pattern.
    if (!this.lp.feasible) throw new AuditError('Tabel yang diterbitkan tidak konsisten', 'the published tables are inconsistent');
  }

  /** A full table: the truth outside the component, `y + LOWER` inside. */
  table(y: readonly number[]): number[] {
    const values = this.model.cells.map((cell) => cell.value);
    this.component.cells.forEach((cell, j) => {
      values[cell] = (y[j] as number) + this.lowerBound;
    });
    return values;
  }

  /**
   * The LP minimum and maximum of a cell of the component, with the points attaining them; when the maximum
   * is unbounded, a point with the cell at ⌈minimum⌉ + `reach` instead.
   */
  extremes(cell: number, reach = 0): { min: number; minPoint: readonly number[]; max: number; maxPoint: readonly number[] } {
    const j = this.position.get(cell);
    if (j === undefined) throw new AuditError('Sel tidak disembunyikan', 'the cell is not suppressed');
    const cost = new Array<number>(this.component.cells.length).fill(0);
    cost[j] = 1;
    const low = this.lp.minimise(cost);
    if (low.status !== 'optimal') throw new AuditError('Batas bawah tidak ditemukan', 'no lower bound found');
    cost[j] = -1;
    const high = this.lp.minimise(cost);
    const min = low.value + this.lowerBound;
    if (high.status === 'unbounded') {
      // Unbounded above: walk along the ray until the cell is `reach` above its minimum (a witness that the
      // interval is at least that wide).
      const from = high.point[j] as number;
      const target = Math.ceil(min - TOLERANCE) + reach - this.lowerBound;
      const t = Math.max(0, target - from) / (high.ray[j] as number);
      return { min, minPoint: low.point, max: Infinity, maxPoint: high.point.map((y, i) => y + t * (high.ray[i] as number)) };
    }
    return { min, minPoint: low.point, max: -high.value + this.lowerBound, maxPoint: high.point };
  }
}

/** Rounds the entries of a witness that are within tolerance of a whole number. */
function snap(values: readonly number[]): number[] {
  return values.map((v) => (Math.abs(v - Math.round(v)) <= TOLERANCE ? Math.round(v) : v));
}

/**
 * Whether `values` is a table the attacker cannot rule out: every relation holds, every published cell has
 * its published value, every suppressed cell is ≥ LOWER (within tolerance for fractional entries).
 */
export function isConsistent(model: PublicationModel, mask: readonly boolean[], lowerBound: number, values: readonly number[]): boolean {
  if (values.length !== model.cells.length) return false;
  const cellsOk = model.cells.every((cell, i) => (mask[i] ? (values[i] as number) >= lowerBound - TOLERANCE : values[i] === cell.value));
  return (
    cellsOk &&
    model.relations.every((relation) => Math.abs(relation.parts.reduce((acc, p) => acc + (values[p] as number), 0) - (values[relation.total] as number)) <= TOLERANCE)
  );
}

/** The interval of one suppressed cell, from its component's programme, with checked witnesses. */
export function intervalOf(programme: AttackerProgramme, cell: number, k: number): CellInterval {
  const { model, mask, lowerBound } = programme;
  const { min, minPoint, max, maxPoint } = programme.extremes(cell, k);
  const lower = Math.ceil(min - TOLERANCE) || 0; // never -0
  const upper = max === Infinity ? Infinity : Math.floor(max + TOLERANCE);
  const upperPoint = maxPoint;
  const lowerWitness = snap(programme.table(minPoint));
  const upperWitness = snap(programme.table(upperPoint));
  const consistent = isConsistent(model, mask, lowerBound, lowerWitness) && isConsistent(model, mask, lowerBound, upperWitness);
  const attained =
    Math.abs((lowerWitness[cell] as number) - min) <= TOLERANCE &&
    (upper === Infinity ? (upperWitness[cell] as number) >= lower + k - TOLERANCE : Math.abs((upperWitness[cell] as number) - max) <= TOLERANCE);
  if (!consistent || !attained) {
    // The simplex went wrong numerically: report the cell as unprotected rather than trust it.
    return { index: cell, id: (model.cells[cell] as Cell).id, lower: (model.cells[cell] as Cell).value, upper: (model.cells[cell] as Cell).value, protected: false, lowerWitness: model.cells.map((c) => c.value), upperWitness: model.cells.map((c) => c.value), integral: true };
  }
  return {
    index: cell,
    id: (model.cells[cell] as Cell).id,
    lower,
    upper,
    protected: upper - lower >= k,
    lowerWitness,
    upperWitness,
    integral: [...lowerWitness, ...upperWitness].every((v) => Number.isInteger(v)),
  };
}

/**
 * The attacker's interval for every suppressed cell of `model` when the cells in `suppressed` are hidden and
 * all others published, and whether each passes the protection rule for threshold `k` (default 11).
 */
export function audit(model: PublicationModel, suppressed: Iterable<string>, k = 11): AuditReport {
  checkThreshold(k);
  const mask = suppressionMask(model, suppressed);
  return auditMask(model, mask, k);
}

export function auditMask(model: PublicationModel, mask: readonly boolean[], k: number): AuditReport {
  const lowerBound = lowerBoundOf(model, mask);
  const intervals: CellInterval[] = [];
  const done = new Set<number>();
  mask.forEach((hidden, start) => {
    if (!hidden || done.has(start)) return;
    const component = componentOf(model, mask, start);
    const programme = new AttackerProgramme(model, mask, lowerBound, component);
    for (const cell of component.cells) {
      done.add(cell);
      intervals.push(intervalOf(programme, cell, k));
    }
  });
  intervals.sort((a, b) => a.index - b.index);
  const unprotected = intervals.filter((interval) => !interval.protected).map((interval) => interval.id);
  return { k, suppressedLowerBound: lowerBound, protected: unprotected.length === 0, intervals, unprotected };
}
