import { audit } from './audit';
import { table2d } from './model';
import { formatCount, publicCells, renderCell, suppressionLegend, suppressionMarker } from './render';

describe('rendering a publication', () => {
  it('shows a published cell as its number and a suppressed one as "< k", never its value', () => {
    expect(renderCell(42, false)).toBe('42');
    expect(renderCell(0, false)).toBe('0');
    expect(renderCell(7, true)).toBe('< 11');
    expect(renderCell(1234, true)).toBe('< 11');
    expect(renderCell(7, true, 20)).toBe('< 20');
    expect(suppressionMarker()).toBe('< 11');
    expect(() => suppressionMarker(1)).toThrow();
  });

  it('groups thousands the Indonesian way and the English way, without host locale data', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(999, 'id')).toBe('999');
    expect(renderCell(12000, false, 11, 'id')).toBe('12.000');
  });

  it('explains the marker in Bahasa Indonesia and English, including that a complement may be larger', () => {
    const legend = suppressionLegend();
    expect(legend.id).toContain('"< 11"');
    expect(legend.id).toContain('1 sampai 10');
    expect(legend.en).toContain('a count from 1 to 10, or another count hidden');
  });

  it('refuses to render tables whose suppression did not pass the audit', () => {
    const model = table2d({ rows: { name: 'r', codes: ['1', '2'] }, columns: { name: 'c', codes: ['1', '2'] }, values: [[3, 40], [20, 30]] });
    const report = audit(model, ['r=1|c=1']);
    const status = model.cells.map((c) => (c.id === 'r=1|c=1' ? ('primary' as const) : ('published' as const)));
    expect(() => publicCells(model, { k: 11, status, audit: report, ok: report.protected })).toThrow(/belum aman .* \/ the tables are not safe/);
  });
});
