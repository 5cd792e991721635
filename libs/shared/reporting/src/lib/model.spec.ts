import { category, crossTabulate, defineModel, dimension, ModelError, table2d } from './model';

describe('the model of linked tables', () => {
  it('builds a two-way table with its margins and the relations between them', () => {
    const model = table2d({ rows: { name: 'sex', codes: ['f', 'm'] }, columns: { name: 'age', codes: ['child', 'adult'] }, values: [[3, 20], [12, 0]] });
    const value = (id: string) => model.cells[model.indexOf.get(id) as number]?.value;
    expect(model.cells).toHaveLength(9);
    expect(value('sex=total|age=total')).toBe(35);
    expect(value('sex=f|age=total')).toBe(23);
    expect(value('sex=total|age=child')).toBe(15);
    // Row totals, column totals, and the grand total both ways.
    expect(model.relations).toHaveLength(2 + 2 + 2);
    expect(model.dimensions).toEqual(['sex', 'age']);
  });

  it('links quarters to the year and provinces to the nation, computing every total from the leaves', () => {
    const model = crossTabulate(
      [
        { name: 'province', root: category('ID', [category('32'), category('33')]) },
        dimension('period', '2025', ['Q1', 'Q2', 'Q3', 'Q4']),
      ],
      ([province, quarter]) => (province === '32' ? 1 : 10) * Number((quarter as string).slice(1)),
    );
    const value = (id: string) => model.cells[model.indexOf.get(id) as number]?.value;
    expect(value('province=32|period=2025')).toBe(10);
    expect(value('province=ID|period=Q2')).toBe(22);
    expect(value('province=ID|period=2025')).toBe(110);
    // Each cell is tied to its parts along every dimension in which it is a total.
    const nationYear = model.indexOf.get('province=ID|period=2025') as number;
    expect(model.relations.filter((r) => r.total === nationYear).map((r) => r.parts.length).sort()).toEqual([2, 4]);
  });

  it('takes deeper hierarchies (nation → provinces → regencies)', () => {
    const root = category('ID', [category('32', [category('32.01'), category('32.02')]), category('33', [category('33.01')])]);
    const model = crossTabulate([{ name: 'area', root }], ([code]) => (code === '32.01' ? 4 : 7));
    expect(model.cells.map((c) => `${c.id}:${c.value}`)).toEqual(['area=ID:18', 'area=32:11', 'area=32.01:4', 'area=32.02:7', 'area=33:7', 'area=33.01:7']);
  });

  it('refuses what is not a consistent set of counts, saying why in Indonesian then English', () => {
    expect(() => defineModel([{ id: 'a', value: 1.5 }], [])).toThrow(ModelError);
    expect(() => defineModel([{ id: 'a', value: -1 }], [])).toThrow(/bukan bilangan bulat tak negatif \/ .*not a non-negative integer/);
    expect(() => defineModel([{ id: 'a', value: 1 }, { id: 'a', value: 2 }], [])).toThrow(/dua kali/);
    expect(() => defineModel([{ id: 't', value: 5 }, { id: 'a', value: 2 }], [{ total: 't', parts: ['a'] }])).toThrow(/tidak sama dengan jumlah bagiannya/);
    expect(() => defineModel([{ id: 't', value: 5 }], [{ total: 't', parts: ['x'] }])).toThrow(/does not exist/);
    expect(() => table2d({ rows: { name: 'r', codes: ['a'] }, columns: { name: 'c', codes: ['x', 'y'] }, values: [[1]] })).toThrow(ModelError);
    expect(() => crossTabulate([dimension('sex', 'total', ['f', 'total'])], () => 1)).toThrow(/dua kali/);
  });
});
