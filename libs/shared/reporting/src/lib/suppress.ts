import { AttackerProgramme, auditMask, checkThreshold, componentOf, lowerBoundOf, type AuditReport } from './audit';
import { EqualityProgramme } from './lp';
import type { Cell, PublicationModel, Relation } from './model';

// Small-cell suppression with k ≥ 11 (issue 12, item 4), on the whole set of linked tables at once.
//
// 1. PRIMARY: every cell with 1 ≤ value < k is suppressed — interior cells and totals alike.
//
//    A ZERO IS PUBLISHED. A zero describes nobody, so it cannot single anybody out, and hiding zeros would
//    hide most of a sparse table (and its honest message that nothing was recorded). What a published zero
//    does give away — that everyone in a group shares a trait ("all 14 victims from this regency are
//    women") — is disclosure about a group of at least k, which the k rule accepts. Zeros are never chosen
//    as complements either, so a suppressed cell is always ≥ 1, and the audit credits the attacker with
//    knowing that.
//
// 2. COMPLEMENTARY: while some suppressed cell can be narrowed to an interval narrower than k (audit.ts),
//    hide the published cells of the cheapest change to the tables that lets it rise by k (see
//    `protectingChange`: a rectangle in a two-way table, a cube or longer cycle across linked tables),
//    preferring small cells; should floating point leave it short, hide its smallest published neighbour,
//    one at a time. Suppressing a cell only widens every interval (the truth stays a solution, and fewer
//    values are fixed), so a cell once protected stays protected, and each new complement is checked in
//    turn (the rule covers them too). In the worst case every non-zero cell ends suppressed, where in a
//    cross-tabulation every interval is unbounded above, so the loop ends with a pass.
//
// 3. The final audit (audit.ts) of the result is returned with it; `ok` is its verdict. Publish only when ok.
//
// Deterministic: no randomness, cells and relations are visited in model order, ties broken by index.

export type CellStatus = 'published' | 'primary' | 'complementary';

export interface SuppressionResult {
  readonly k: number;
  /** Per cell, in model order. Internal: the public output must not show which cells were the small ones. */
  readonly status: readonly CellStatus[];
  /** The final audit: the attacker's interval on every suppressed cell. Confidential (true values). */
  readonly audit: AuditReport;
  /** Every suppressed cell is protected: the publication may go out. */
  readonly ok: boolean;
}

/** The smallest value that may be published, other than zero: k. A cell 1 ≤ v < k is suppressed. */
export function isSmall(value: number, k: number): boolean {
  return value >= 1 && value < k;
}

/**
 * The width the attacker faces on a cell (⌊max⌋ − ⌈min⌉), without witnesses: the inner loop's measure. The
 * programme of each component is kept until the pattern changes (phase 1 is the costly part).
 */
class Widths {
  private readonly programmes = new Map<number, AttackerProgramme>();

  constructor(
    private readonly model: PublicationModel,
    private readonly mask: boolean[],
  ) {}

  of(cell: number): number {
    let programme = this.programmes.get(cell);
    if (!programme) {
      programme = new AttackerProgramme(this.model, this.mask, lowerBoundOf(this.model, this.mask), componentOf(this.model, this.mask, cell));
      for (const member of programme.component.cells) this.programmes.set(member, programme);
    }
    const { min, max } = programme.extremes(cell);
    return max === Infinity ? Infinity : Math.floor(max + 1e-6) - Math.ceil(min - 1e-6);
  }

  hide(cell: number): void {
    this.mask[cell] = true;
    this.programmes.clear();
  }
}

/** Cells within `depth` relation steps of `cell` (the neighbourhood the direction below may change). */
function neighbourhood(model: PublicationModel, cell: number, depth: number): Set<number> {
  const seen = new Set<number>([cell]);
  let frontier = [cell];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const at of frontier) {
      for (const r of model.relationsOf[at] as readonly number[]) {
        const relation = model.relations[r] as Relation;
        for (const other of [relation.total, ...relation.parts]) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * The published cells to hide so that `cell` can rise by k: the support of the cheapest change d to the
 * table with d[cell] = +k, every relation still holding (Σ d over each relation = 0), every changed cell
 * staying ≥ 1, and no zero changed; cost = Σ value × |d| over the published cells it changes (the hidden
 * ones are free). Hiding that support makes "truth + d" a table the attacker cannot rule out, so the
 * interval reaches from the true value to k above it. It is the linear-programming heuristic of
 * statistical disclosure control (as in τ-ARGUS), restricted to a neighbourhood of the cell that grows
 * until a change exists. Returns the cells in model order; empty when no change exists.
 */
function protectingChange(model: PublicationModel, mask: readonly boolean[], cell: number, k: number): number[] {
  for (let depth = 2; ; depth++) {
    const near = neighbourhood(model, cell, depth);
    const movable = [...near].filter((j) => (model.cells[j] as Cell).value > 0).sort((a, b) => a - b);
    const at = new Map(movable.map((j, v) => [j, v]));
    // Variables per movable cell v: up = 3v, down = 3v + 1, slack = 3v + 2 (down + slack = value − 1).
    const width = movable.length * 3;
    const a: number[][] = [];
    const b: number[] = [];
    const touched = new Set<number>();
    for (const j of movable) for (const r of model.relationsOf[j] as readonly number[]) touched.add(r);
    for (const r of [...touched].sort((x, y) => x - y)) {
      const relation = model.relations[r] as Relation;
      const row = new Array<number>(width).fill(0);
      const add = (j: number, coefficient: number) => {
        const v = at.get(j);
        if (v === undefined) return; // Outside the neighbourhood, or zero: unchanged.
        row[3 * v] = (row[3 * v] as number) + coefficient;
        row[3 * v + 1] = (row[3 * v + 1] as number) - coefficient;
      };
      add(relation.total, 1);
      for (const part of relation.parts) add(part, -1);
      a.push(row);
      b.push(0);
    }
    movable.forEach((j, v) => {
      const row = new Array<number>(width).fill(0);
      row[3 * v + 1] = 1;
      row[3 * v + 2] = 1;
      a.push(row);
      b.push((model.cells[j] as Cell).value - 1);
    });
    const target = new Array<number>(width).fill(0);
    const v = at.get(cell) as number;
    target[3 * v] = 1;
    target[3 * v + 1] = -1;
    a.push(target);
    b.push(k);
    const lp = new EqualityProgramme(width, a, b);
    if (lp.feasible) {
      const cost = new Array<number>(width).fill(0);
      movable.forEach((j, w) => {
        const price = mask[j] ? 0 : (model.cells[j] as Cell).value;
        cost[3 * w] = price;
        cost[3 * w + 1] = price;
      });
      const best = lp.minimise(cost);
      if (best.status === 'optimal') {
        return movable.filter((j, w) => !mask[j] && Math.abs((best.point[3 * w] as number) - (best.point[3 * w + 1] as number)) > 1e-9);
      }
    }
    if (near.size === model.cells.length) return [];
  }
}

/** Published non-zero cells sharing a relation with `cell`, smallest first, then in model order: the fallback. */
function neighbours(model: PublicationModel, mask: readonly boolean[], cell: number): number[] {
  const found = new Set<number>();
  for (const r of model.relationsOf[cell] as readonly number[]) {
    const relation = model.relations[r] as Relation;
    for (const other of [relation.total, ...relation.parts]) if (!mask[other] && (model.cells[other] as Cell).value > 0) found.add(other);
  }
  return [...found].sort((a, b) => (model.cells[a] as Cell).value - (model.cells[b] as Cell).value || a - b);
}

/**
 * Suppresses `model` for publication with threshold `k` (default 11, the minimum the issue allows).
 * Returns each cell's status and the audit of the result; publish only when `ok`.
 */
export function suppress(model: PublicationModel, k = 11): SuppressionResult {
  checkThreshold(k);
  const status: CellStatus[] = model.cells.map((cell) => (isSmall(cell.value, k) ? 'primary' : 'published'));
  const mask = status.map((s) => s !== 'published');
  const queue = status.flatMap((s, i) => (s === 'primary' ? [i] : []));
  const widths = new Widths(model, mask);
  for (let next = 0; next < queue.length; next++) {
    const cell = queue[next] as number;
    for (let width = widths.of(cell), round = 0; width < k; width = widths.of(cell), round++) {
      // The change's support first; should rounding leave the cell short, the smallest published neighbour.
      const complements = round === 0 ? protectingChange(model, mask, cell, k) : neighbours(model, mask, cell).slice(0, 1);
      if (complements.length === 0) break; // Nothing left to hide around it: the audit below reports it.
      for (const complement of complements) {
        widths.hide(complement);
        status[complement] = 'complementary';
        queue.push(complement);
      }
    }
  }
  const audit = auditMask(model, mask, k);
  return { k, status, audit, ok: audit.protected };
}

/** The ids of the suppressed cells of a result, in model order. */
export function suppressedIds(model: PublicationModel, result: SuppressionResult): string[] {
  return model.cells.flatMap((cell, i) => (result.status[i] === 'published' ? [] : [cell.id]));
}
