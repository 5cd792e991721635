// A set of linked published tables, as the attacker sees them (issue 12, item 4): every published figure
// is a cell — a count, so a non-negative integer — and the tables are tied together by linear equalities
// "total = sum of parts": a row's total, a column's total, the grand total, the annual figure as the sum of
// the four quarters, the national figure as the sum of the provinces. Someone who holds every table holds
// every one of these equalities, so suppression is decided on the whole set at once, never table by table.

/** One published figure: a count. */
export interface Cell {
  /** Unique in the model, e.g. `province=32|period=Q1|sex=female`. */
  readonly id: string;
  /** The true count (a non-negative safe integer). Confidential until the suppression decides. */
  readonly value: number;
  /** Its position, one category code per dimension (models built by `crossTabulate` / `table2d`). */
  readonly coordinates?: readonly string[];
}

/** `cells[total] = Σ cells[parts]` (indices into `cells`; a part listed twice counts twice). */
export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

export interface PublicationModel {
  readonly cells: readonly Cell[];
  readonly relations: readonly Relation[];
  /** Dimension names, in the order of `Cell.coordinates` (crossTabulate / table2d only). */
  readonly dimensions?: readonly string[];
  /** Cell index by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** For each cell, the relations it takes part in (as total or part), ascending. */
  readonly relationsOf: readonly (readonly number[])[];
}

/** A relation written with cell ids, for `defineModel`. */
export interface RelationSpec {
  readonly total: string;
  readonly parts: readonly string[];
}

/** A category of a dimension: a leaf (a breakdown value, a province, a quarter) or a total of its children. */
export interface Category {
  readonly code: string;
  readonly children?: readonly Category[];
}

/** A breakdown of the figures (sex, age group, province, period), as a tree whose root is its total. */
export interface Dimension {
  readonly name: string;
  readonly root: Category;
}

/** Raised for a model that is not a consistent set of counts. The message is Indonesian first, then English. */
export class ModelError extends Error {
  constructor(indonesian: string, english: string) {
    super(`${indonesian} / ${english}`);
    this.name = 'ModelError';
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * A model from cells and relations given by id. Checks that every value is a count and every relation
 * holds with the true values (so the truth is a solution the attacker cannot rule out, and suppression
 * never starts from a table that does not add up).
 */
export function defineModel(cells: readonly Cell[], relations: readonly RelationSpec[], dimensions?: readonly string[]): PublicationModel {
  const indexOf = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (indexOf.has(cell.id)) throw new ModelError(`Sel "${cell.id}" muncul dua kali`, `cell "${cell.id}" appears twice`);
    if (!isCount(cell.value)) {
      throw new ModelError(`Nilai sel "${cell.id}" bukan bilangan bulat tak negatif`, `the value of cell "${cell.id}" is not a non-negative integer`);
    }
    indexOf.set(cell.id, i);
  });
  const find = (id: string): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new ModelError(`Relasi menyebut sel yang tidak ada: "${id}"`, `a relation names a cell that does not exist: "${id}"`);
    return i;
  };
  const resolved: Relation[] = relations.map((spec) => {
    const total = find(spec.total);
    const parts = spec.parts.map(find);
    if (parts.length === 0) throw new ModelError(`Total "${spec.total}" tanpa bagian`, `total "${spec.total}" has no parts`);
    if (parts.includes(total)) throw new ModelError(`Total "${spec.total}" menjadi bagiannya sendiri`, `total "${spec.total}" is one of its own parts`);
    const sum = parts.reduce((acc, p) => acc + (cells[p] as Cell).value, 0);
    if (sum !== (cells[total] as Cell).value) {
      throw new ModelError(
        `Total "${spec.total}" (${(cells[total] as Cell).value}) tidak sama dengan jumlah bagiannya (${sum})`,
        `total "${spec.total}" (${(cells[total] as Cell).value}) does not equal the sum of its parts (${sum})`,
      );
    }
    return { total, parts };
  });
  const relationsOf: number[][] = cells.map(() => []);
  resolved.forEach((relation, r) => {
    for (const cell of new Set([relation.total, ...relation.parts])) (relationsOf[cell] as number[]).push(r);
  });
  return { cells, relations: resolved, dimensions, indexOf, relationsOf };
}

/** A flat dimension: `leaves` under one total (e.g. `dimension('sex', 'total', ['female', 'male'])`). */
export function dimension(name: string, totalCode: string, leaves: readonly string[]): Dimension {
  return { name, root: { code: totalCode, children: leaves.map((code) => ({ code })) } };
}

/** A node of a hierarchy: `category('ID', [category('32'), category('33')])` — a nation over provinces. */
export function category(code: string, children?: readonly Category[]): Category {
  return children && children.length > 0 ? { code, children } : { code };
}

/** The id `crossTabulate` gives the cell at these category codes, one per dimension. */
export function cellId(dimensionNames: readonly string[], codes: readonly string[]): string {
  return dimensionNames.map((name, i) => `${name}=${codes[i] ?? ''}`).join('|');
}

interface FlatNode {
  readonly code: string;
  readonly children: number[];
}

/** Pre-order: a parent comes before its children. */
function flatten(dim: Dimension): FlatNode[] {
  const nodes: FlatNode[] = [];
  const seen = new Set<string>();
  const visit = (node: Category): number => {
    if (seen.has(node.code)) throw new ModelError(`Kode "${node.code}" muncul dua kali dalam dimensi "${dim.name}"`, `code "${node.code}" appears twice in dimension "${dim.name}"`);
    seen.add(node.code);
    const flat: FlatNode = { code: node.code, children: [] };
    const at = nodes.length;
    nodes.push(flat);
    for (const child of node.children ?? []) flat.children.push(visit(child));
    return at;
  };
  visit(dim.root);
  return nodes;
}

/**
 * Every table that can be cut from a cross-tabulation, linked: one cell for each combination of a category
 * of every dimension (a leaf or a total), and for each cell and each dimension in which its category has
 * children, the relation "cell = Σ the cells at the children". With dimensions province (nation → provinces),
 * period (year → quarters), sex and age group (each with a total), this is every quarterly and annual,
 * provincial and national table with all its margins — what the attacker holds. Values are computed from
 * the leaves, never typed twice: `leafValue` gets one leaf code per dimension.
 */
export function crossTabulate(dimensions: readonly Dimension[], leafValue: (leafCodes: readonly string[]) => number): PublicationModel {
  if (dimensions.length === 0) throw new ModelError('Tidak ada dimensi', 'no dimensions');
  const names = dimensions.map((d) => d.name);
  if (new Set(names).size !== names.length) throw new ModelError('Nama dimensi ganda', 'a dimension name appears twice');
  const flat = dimensions.map(flatten);
  const sizes = flat.map((nodes) => nodes.length);
  // Row-major strides: the last dimension varies fastest.
  const strides = sizes.map((_, d) => sizes.slice(d + 1).reduce((a, b) => a * b, 1));
  const count = sizes.reduce((a, b) => a * b, 1);
  const nodeAt = (index: number, d: number) => Math.floor(index / (strides[d] as number)) % (sizes[d] as number);
  const values = new Array<number>(count).fill(0);
  const coordinates: string[][] = [];
  for (let i = 0; i < count; i++) coordinates.push(flat.map((nodes, d) => (nodes[nodeAt(i, d)] as FlatNode).code));
  // A child's node index is larger than its parent's, so a child cell comes after its parent cell: walking
  // backwards computes every part before its total.
  for (let i = count - 1; i >= 0; i--) {
    const d = flat.findIndex((nodes, dd) => (nodes[nodeAt(i, dd)] as FlatNode).children.length > 0);
    if (d < 0) {
      const value = leafValue(coordinates[i] as string[]);
      if (!isCount(value)) {
        throw new ModelError(`Nilai di ${cellId(names, coordinates[i] as string[])} bukan bilangan bulat tak negatif`, `the value at ${cellId(names, coordinates[i] as string[])} is not a non-negative integer`);
      }
      values[i] = value;
    } else {
      const node = (flat[d] as FlatNode[])[nodeAt(i, d)] as FlatNode;
      const base = i - nodeAt(i, d) * (strides[d] as number);
      values[i] = node.children.reduce((acc, child) => acc + (values[base + child * (strides[d] as number)] as number), 0);
    }
  }
  const cells: Cell[] = coordinates.map((codes, i) => ({ id: cellId(names, codes), value: values[i] as number, coordinates: codes }));
  const relations: RelationSpec[] = [];
  for (let i = 0; i < count; i++) {
    flat.forEach((nodes, d) => {
      const node = nodes[nodeAt(i, d)] as FlatNode;
      if (node.children.length === 0) return;
      const base = i - nodeAt(i, d) * (strides[d] as number);
      relations.push({ total: (cells[i] as Cell).id, parts: node.children.map((child) => (cells[base + child * (strides[d] as number)] as Cell).id) });
    });
  }
  return defineModel(cells, relations, names);
}

/** An ordinary two-way table: its interior, by row then column; the margins and grand total are computed. */
export interface TableSpec {
  readonly rows: { readonly name: string; readonly codes: readonly string[] };
  readonly columns: { readonly name: string; readonly codes: readonly string[] };
  /** `values[r][c]`: the count in row `rows.codes[r]` and column `columns.codes[c]`. */
  readonly values: readonly (readonly number[])[];
  /** The code of the margins (default `total`). */
  readonly totalCode?: string;
}

/** A two-way table with its row totals, column totals and grand total (`crossTabulate` of two flat dimensions). */
export function table2d(spec: TableSpec): PublicationModel {
  const total = spec.totalCode ?? 'total';
  if (spec.values.length !== spec.rows.codes.length || spec.values.some((row) => row.length !== spec.columns.codes.length)) {
    throw new ModelError('Ukuran tabel tidak sesuai dengan baris dan kolomnya', 'the table does not have the size of its rows and columns');
  }
  const rowAt = new Map(spec.rows.codes.map((code, r) => [code, r]));
  const columnAt = new Map(spec.columns.codes.map((code, c) => [code, c]));
  return crossTabulate([dimension(spec.rows.name, total, spec.rows.codes), dimension(spec.columns.name, total, spec.columns.codes)], ([row, column]) => {
    return (spec.values[rowAt.get(row as string) as number] as readonly number[])[columnAt.get(column as string) as number] as number;
  });
}
