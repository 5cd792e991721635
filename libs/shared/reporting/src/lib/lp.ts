// A small dense simplex for `minimise cost·y subject to A·y = b, y ≥ 0` — the attacker's linear programme
// (audit.ts). Two phases (artificial variables, then the objective), Dantzig's rule falling back to Bland's
// against cycling (these programmes are highly degenerate), IEEE doubles with a tolerance. Being floating point it is "exact
// enough" rather than exact; the audit does not trust it blindly: every bound it reports comes with the
// point that attains it, and audit.ts checks each point against the relations before using it.

const EPS = 1e-9;
/** Below this an entry is noise from earlier pivots and is set to zero. */
const NOISE = 1e-12;
/** A safety net: Bland's rule terminates, but a numerical accident must not loop for ever. */
const MAX_PIVOTS = 200_000;
/** Degenerate pivots in a row before switching from Dantzig's rule to Bland's. */
const STALL_LIMIT = 50;

export type LpOutcome =
  | { readonly status: 'optimal'; readonly value: number; readonly point: readonly number[] }
  /**
   * `point` is a feasible point and `ray` a direction (y + t·ray stays feasible for every t ≥ 0) along which
   * the objective falls without end, by `rate` per unit of t.
   */
  | { readonly status: 'unbounded'; readonly point: readonly number[]; readonly ray: readonly number[]; readonly rate: number };

export class LpError extends Error {
  constructor(indonesian: string, english: string) {
    super(`${indonesian} / ${english}`);
    this.name = 'LpError';
  }
}

function pivot(rows: number[][], z: number[], basis: number[], r: number, col: number): void {
  const pr = rows[r] as number[];
  const p = pr[col] as number;
  // The rows are sparse: only the pivot row's non-zero columns change anything.
  const nonzero: number[] = [];
  for (let j = 0; j < pr.length; j++) {
    if (pr[j] !== 0) {
      pr[j] = (pr[j] as number) / p;
      nonzero.push(j);
    }
  }
  pr[col] = 1;
  const eliminate = (row: number[]) => {
    const f = row[col] as number;
    if (f === 0) return;
    for (const j of nonzero) {
      const v = (row[j] as number) - f * (pr[j] as number);
      row[j] = Math.abs(v) < NOISE ? 0 : v;
    }
    row[col] = 0;
  };
  rows.forEach((row, i) => {
    if (i !== r) eliminate(row);
  });
  eliminate(z);
  basis[r] = col;
}

/** Runs the simplex on a tableau in canonical form for `basis`; `z` is the reduced-cost row (last entry −objective). */
function run(rows: number[][], z: number[], basis: number[], columns: number): 'optimal' | { readonly unboundedColumn: number } {
  const rhs = z.length - 1;
  // Dantzig's rule (the most negative reduced cost) needs far fewer pivots; after a run of degenerate
  // pivots (no progress: a sign it may cycle) Bland's rule takes over, which cannot cycle.
  let bland = false;
  let stalled = 0;
  for (let pivots = 0; ; pivots++) {
    if (pivots > MAX_PIVOTS) throw new LpError('Program linear tidak selesai', 'the linear programme did not finish');
    let enter = -1;
    let steepest = -EPS;
    for (let j = 0; j < columns; j++) {
      const r = z[j] as number;
      if (r < steepest) {
        enter = j;
        if (bland) break;
        steepest = r;
      }
    }
    if (enter < 0) return 'optimal';
    // …and among the rows of least ratio, the one whose basic variable has the lowest number leaves.
    let leave = -1;
    let best = Infinity;
    rows.forEach((row, i) => {
      const a = row[enter] as number;
      if (a <= EPS) return;
      const ratio = (row[rhs] as number) / a;
      if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && (basis[i] as number) < (basis[leave] as number))) {
        best = Math.min(best, ratio);
        leave = i;
      }
    });
    if (leave < 0) return { unboundedColumn: enter };
    if (best <= EPS) stalled++;
    else stalled = 0;
    if (stalled > STALL_LIMIT) bland = true;
    pivot(rows, z, basis, leave, enter);
  }
}

function reducedCosts(rows: readonly number[][], basis: readonly number[], cost: readonly number[], width: number): number[] {
  const z = new Array<number>(width).fill(0);
  for (let j = 0; j < cost.length; j++) z[j] = cost[j] as number;
  rows.forEach((row, i) => {
    const c = cost[basis[i] as number] ?? 0;
    if (c === 0) return;
    for (let j = 0; j < width; j++) z[j] = (z[j] as number) - c * (row[j] as number);
  });
  return z;
}

/**
 * The feasible region `{ y ≥ 0 : A·y = b }`, brought to a feasible basis once (phase 1) so that many
 * objectives can then be optimised from it (phase 2), one per `minimise` call.
 */
export class EqualityProgramme {
  /** False when no y ≥ 0 satisfies the equalities. */
  readonly feasible: boolean;
  private readonly rows: number[][];
  private readonly basis: number[];

  constructor(
    readonly variables: number,
    a: readonly (readonly number[])[],
    b: readonly number[],
  ) {
    const m = a.length;
    const n = variables;
    const width = n + m + 1;
    const scale = Math.max(1, ...b.map((v) => Math.abs(v)));
    // Phase 1: one artificial variable per row, right-hand sides made non-negative.
    const rows = a.map((row, i) => {
      const sign = (b[i] as number) < 0 ? -1 : 1;
      const out = new Array<number>(width).fill(0);
      for (let j = 0; j < n; j++) out[j] = sign * (row[j] ?? 0);
      out[n + i] = 1;
      out[width - 1] = sign * (b[i] as number);
      return out;
    });
    const basis = rows.map((_, i) => n + i);
    const cost = new Array<number>(n + m).fill(0).map((_, j) => (j >= n ? 1 : 0));
    const z = reducedCosts(rows, basis, cost, width);
    run(rows, z, basis, n + m);
    this.feasible = -(z[width - 1] as number) <= 1e-7 * scale;
    // Drive the artificial variables still in the basis (at zero) out; a row with nothing left to pivot
    // on is a redundant equality (the grand total reached through the rows and through the columns).
    const keep: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if ((basis[i] as number) < n) {
        keep.push(i);
        continue;
      }
      const row = rows[i] as number[];
      let col = -1;
      for (let j = 0; j < n; j++) {
        if (Math.abs(row[j] as number) > EPS) {
          col = j;
          break;
        }
      }
      if (col >= 0) {
        pivot(rows, z, basis, i, col);
        keep.push(i);
      }
    }
    this.rows = keep.map((i) => {
      const row = rows[i] as number[];
      return [...row.slice(0, n), row[width - 1] as number];
    });
    this.basis = keep.map((i) => basis[i] as number);
  }

  /** The basic feasible point phase 1 found. */
  point(): number[] {
    const y = new Array<number>(this.variables).fill(0);
    this.rows.forEach((row, i) => {
      y[this.basis[i] as number] = row[this.variables] as number;
    });
    return y;
  }

  /** `min cost·y` over the region (which must be feasible). */
  minimise(cost: readonly number[]): LpOutcome {
    if (!this.feasible) throw new LpError('Program linear tidak layak', 'the linear programme is infeasible');
    const rows = this.rows.map((row) => [...row]);
    const basis = [...this.basis];
    const z = reducedCosts(rows, basis, cost, this.variables + 1);
    const outcome = run(rows, z, basis, this.variables);
    const y = new Array<number>(this.variables).fill(0);
    rows.forEach((row, i) => {
      y[basis[i] as number] = row[this.variables] as number;
    });
    if (outcome !== 'optimal') {
      const j = outcome.unboundedColumn;
      const ray = new Array<number>(this.variables).fill(0);
      ray[j] = 1;
      rows.forEach((row, i) => {
        ray[basis[i] as number] = -(row[j] as number);
      });
      return { status: 'unbounded', point: y, ray, rate: -(z[j] as number) };
    }
    return { status: 'optimal', value: y.reduce((acc, v, j) => acc + v * (cost[j] ?? 0), 0), point: y };
  }
}
