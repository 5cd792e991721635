import { audit } from './audit';
import { crossTabulate, dimension, table2d, type Dimension, type PublicationModel } from './model';
import { publicCells } from './render';
import { suppress, suppressedIds, type SuppressionResult } from './suppress';

// Adversarial tables (issue 12, item 4): each is built so that a careless suppression would give a small
// cell away, and each result is checked by the audit — the attacker's bounds — not by the pattern's looks.

const ROWS = { name: 'r', codes: ['1', '2', '3'] };
const COLS = { name: 'c', codes: ['1', '2', '3'] };
const status = (model: PublicationModel, result: SuppressionResult, id: string) => result.status[model.indexOf.get(id) as number];

/** What any result must satisfy: small cells hidden, the audit passes, zeros and unhidden cells true. */
function expectSafe(model: PublicationModel, result: SuppressionResult, k = 11): void {
  expect(result.ok).toBe(true);
  model.cells.forEach((cell, i) => {
    if (cell.value >= 1 && cell.value < k) expect(result.status[i]).toBe('primary');
    if (cell.value === 0) expect(result.status[i]).toBe('published');
  });
  // The audit, run again from the outside on the suppressed ids alone, agrees.
  const again = audit(model, suppressedIds(model, result), k);
  expect(again.protected).toBe(true);
  for (const interval of again.intervals) expect(interval.upper - interval.lower).toBeGreaterThanOrEqual(k);
}

describe('suppress: small cells and their complements, on adversarial tables', () => {
  it('a single small cell in a row: its complement in the row (and in the column) is hidden too', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[3, 40, 50], [20, 30, 25], [33, 41, 60]] });
    const result = suppress(model);
    expectSafe(model, result);
    expect(status(model, result, 'r=1|c=1')).toBe('primary');
    const hiddenInRow = ['r=1|c=2', 'r=1|c=3', 'r=1|c=total'].filter((id) => status(model, result, id) !== 'published');
    const hiddenInColumn = ['r=2|c=1', 'r=3|c=1', 'r=total|c=1'].filter((id) => status(model, result, id) !== 'published');
    expect(hiddenInRow.length).toBeGreaterThan(0);
    expect(hiddenInColumn.length).toBeGreaterThan(0);
    // Modest: a rectangle of four, not the whole table.
    expect(suppressedIds(model, result).length).toBeLessThanOrEqual(6);
  });

  it('a row whose other cells and total are published would pin the small cell: suppress never leaves that', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[3, 40, 50], [20, 30, 25], [33, 41, 60]] });
    expect(audit(model, ['r=1|c=1']).intervals[0]).toMatchObject({ lower: 3, upper: 3 });
    expect(suppress(model).audit.intervals.find((i) => i.id === 'r=1|c=1')?.lower).toBeLessThan(3);
  });

  it('two small cells in a row cannot protect each other', () => {
    // Hiding just 2 and 4 leaves their sum 6 known: each lies in [1, 5]. Another cell must go.
    const model = table2d({ rows: ROWS, columns: COLS, values: [[2, 4, 50], [20, 30, 25], [33, 41, 60]] });
    expect(audit(model, ['r=1|c=1', 'r=1|c=2']).protected).toBe(false);
    const result = suppress(model);
    expectSafe(model, result);
  });

  it('a small total: the total and its small parts are hidden, and the margins around them', () => {
    // Row 1 sums to 5 (2 + 3 + 0): its total is a small cell too; the zero stays published.
    const model = table2d({ rows: ROWS, columns: COLS, values: [[2, 3, 0], [20, 30, 25], [33, 41, 60]] });
    const result = suppress(model);
    expectSafe(model, result);
    expect(status(model, result, 'r=1|c=total')).toBe('primary');
    expect(status(model, result, 'r=1|c=3')).toBe('published');
  });

  it('a table whose grand total is small hides every non-zero cell, and that is safe', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[1, 0, 2], [0, 3, 0], [1, 0, 0]] });
    const result = suppress(model);
    expectSafe(model, result);
    model.cells.forEach((cell, i) => expect(result.status[i]).toBe(cell.value === 0 ? 'published' : 'primary'));
    for (const interval of result.audit.intervals) expect(interval.upper).toBe(Infinity);
  });

  it('all-zero rows and columns stay published and need no complement', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[0, 0, 0], [20, 30, 0], [33, 41, 0]] });
    const result = suppress(model);
    expectSafe(model, result);
    expect(suppressedIds(model, result)).toEqual([]);
  });

  it('the k boundary: 10 is hidden and 11 published at k = 11; 9 and 10 at k = 10', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[10, 11, 50], [11, 30, 25], [33, 41, 60]] });
    const at11 = suppress(model);
    expectSafe(model, at11);
    expect(status(model, at11, 'r=1|c=1')).toBe('primary');
    expect(status(model, at11, 'r=1|c=2')).not.toBe('primary');
    const at10 = suppress(model, 10);
    expectSafe(model, at10, 10);
    expect(suppressedIds(model, at10)).toEqual([]);
    const nines = table2d({ rows: ROWS, columns: COLS, values: [[9, 10, 50], [10, 30, 25], [33, 41, 60]] });
    const nine = suppress(nines, 10);
    expectSafe(nines, nine, 10);
    expect(status(nines, nine, 'r=1|c=1')).toBe('primary');
    expect(status(nines, nine, 'r=1|c=2')).not.toBe('primary');
  });

  it('a table with nothing small publishes everything', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[11, 40, 50], [20, 30, 25], [33, 41, 60]] });
    const result = suppress(model);
    expect(result.ok).toBe(true);
    expect(suppressedIds(model, result)).toEqual([]);
  });

  it('is deterministic: the same input gives the same output', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[3, 12, 50], [7, 30, 25], [33, 14, 2]] });
    expect(suppress(model)).toEqual(suppress(model));
  });

  it('never shows a hidden value in the public cells, and shows the rest exactly', () => {
    const model = table2d({ rows: ROWS, columns: COLS, values: [[3, 40, 50], [20, 30, 25], [33, 41, 60]] });
    const result = suppress(model);
    const cells = publicCells(model, result);
    cells.forEach((cell, i) => {
      if (result.status[i] === 'published') expect(cell).toMatchObject({ value: model.cells[i]?.value, text: String(model.cells[i]?.value) });
      else expect(cell).toMatchObject({ value: null, text: '< 11' });
    });
    // Small and complementary cells look the same: nothing public says which was small.
    expect(JSON.stringify(cells)).not.toMatch(/primary|complementary/);
  });
});

describe('suppress: linked tables — one table must not give away another’s hidden cell', () => {
  const sex = dimension('sex', 'total', ['f', 'm']);
  const quarters = ['Q1', 'Q2', 'Q3', 'Q4'];

  /** Suppressing each table on its own (the mistake), then the union of the patterns. */
  function tableByTable(dimensions: readonly Dimension[], slice: number, leaf: (codes: readonly string[]) => number): string[] {
    const along = dimensions[slice] as Dimension;
    const codes = [along.root.code, ...(along.root.children ?? []).map((c) => c.code)];
    return codes.flatMap((code) => {
      const one = dimensions.map((d, i) => (i === slice ? { name: d.name, root: { code } } : d));
      const model = crossTabulate(one, (leafCodes) =>
        code === along.root.code ? (along.root.children ?? []).reduce((s, c) => s + leaf(leafCodes.map((x, i) => (i === slice ? c.code : x))), 0) : leaf(leafCodes),
      );
      return suppressedIds(model, suppress(model));
    });
  }

  it('quarterly and annual: the annual table and the other quarters would reveal Q1’s small cell', () => {
    const counts: Record<string, [number, number]> = { Q1: [4, 30], Q2: [20, 25], Q3: [15, 19], Q4: [18, 22] };
    const leaf = ([quarter, s]: readonly string[]) => (counts[quarter as string] as [number, number])[s === 'f' ? 0 : 1];
    const dims = [dimension('period', '2025', quarters), sex];
    const model = crossTabulate(dims, leaf);
    // Each quarter's table protects its 4 within the quarter; but 2025 f (57) − Q2 f − Q3 f − Q4 f = 4.
    const naive = audit(model, tableByTable(dims, 0, leaf));
    expect(naive.protected).toBe(false);
    expect(naive.intervals.find((i) => i.id === 'period=Q1|sex=f')).toMatchObject({ lower: 4, upper: 4 });
    const result = suppress(model);
    expectSafe(model, result);
  });

  it('provincial and national: the national table and the other provinces would reveal a province’s small cell', () => {
    const counts: Record<string, [number, number]> = { '11': [30, 41], '32': [7, 52], '33': [25, 36] };
    const leaf = ([province, s]: readonly string[]) => (counts[province as string] as [number, number])[s === 'f' ? 0 : 1];
    const dims = [dimension('province', 'ID', ['11', '32', '33']), sex];
    const model = crossTabulate(dims, leaf);
    const naive = audit(model, tableByTable(dims, 0, leaf));
    expect(naive.protected).toBe(false);
    expect(naive.intervals.find((i) => i.id === 'province=32|sex=f')).toMatchObject({ lower: 7, upper: 7 });
    expectSafe(model, suppress(model));
  });

  it('province × quarter × sex with every margin: one small cell deep inside is protected across all tables', () => {
    const model = crossTabulate([dimension('province', 'ID', ['11', '32']), dimension('period', '2025', quarters), sex], ([province, quarter, s]) =>
      province === '32' && quarter === 'Q3' && s === 'f' ? 2 : 15 + quarters.indexOf(quarter as string) * 3 + (s === 'f' ? 0 : 7) + (province === '11' ? 5 : 0),
    );
    const result = suppress(model);
    expectSafe(model, result);
    expect(status(model, result, 'province=32|period=Q3|sex=f')).toBe('primary');
  });
});
