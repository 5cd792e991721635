import { Workbook, type CellFormulaValue, type Worksheet } from 'exceljs';
import { planXlsx } from './plan-xlsx';
import { keep } from './__fixtures__/keep';
import { AGENCIES, expectedTotals, planInput } from './__fixtures__/plan-fixture';

function formula(ws: Worksheet, address: string): CellFormulaValue {
  const value = ws.getCell(address).value;
  if (value === null || typeof value !== 'object' || !('formula' in value)) throw new Error(`${ws.name}!${address} has no formula: ${JSON.stringify(value)}`);
  return value as CellFormulaValue;
}

describe('planXlsx of a plan of 6 sections × 40 activities, read back with exceljs', () => {
  const input = planInput();
  const expected = expectedTotals(input);
  const lines = input.content.sections.flatMap((s) => s.activities.flatMap((a) => a.answers.budgetLines.map((line) => ({ code: a.answers.code, ...line }))));
  const workbook = new Workbook();

  beforeAll(async () => {
    const xlsx = await planXlsx(input);
    keep('plan-6x40.xlsx', xlsx);
    // A copy in an ArrayBuffer of its own: exceljs types its input as one.
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
  });

  it('has a sheet "Kegiatan" with one row per activity, its budget as a number, and a SUM total row with its result', () => {
    const ws = workbook.getWorksheet('Kegiatan') as Worksheet;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Bagian (Sub Gugus Tugas)',
      'Kode',
      'Kegiatan',
      'Indikator',
      'Satuan',
      'Nilai awal',
      'Target',
      'Mulai',
      'Selesai',
      'Penanggung jawab',
      'Instansi pelaksana',
      'Responsif gender',
      'Jumlah baris anggaran',
      'Anggaran (Rp)',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(1 + 240 + 1);
    const activities = input.content.sections.flatMap((s) => s.activities.map((a) => a.answers));
    activities.forEach((a, i) => {
      const row = ws.getRow(2 + i);
      expect(row.getCell('B').value).toBe(a.code);
      expect(row.getCell('J').value).toBe(AGENCIES[a.responsibleAgencyId]);
      expect(row.getCell('L').value).toBe(a.genderResponsive ? 'Ya' : 'Tidak');
      expect(row.getCell('M').value).toBe(a.budgetLines.length);
      expect(row.getCell('N').value).toBe(Number(expected.activities.get(a.code)));
      expect(row.getCell('N').numFmt).toBe('#,##0');
    });
    expect(ws.getCell('A242').value).toBe('Jumlah seluruhnya');
    expect(formula(ws, 'N242')).toMatchObject({ formula: 'SUM(N2:N241)', result: Number(expected.total) });
  });

  it('has a sheet "Rincian Anggaran" with one row per budget line, volume × unit cost as a formula with its result', () => {
    const ws = workbook.getWorksheet('Rincian Anggaran') as Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, 'Kode kegiatan', 'Uraian', 'Volume', 'Satuan', 'Harga satuan (Rp)', 'Jumlah (Rp)', 'Sumber anggaran', 'Kategori biaya', 'Tahun anggaran', 'Volume tahun dasar']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(lines.length).toBeGreaterThan(240);
    expect(ws.rowCount).toBe(1 + lines.length + 1);
    lines.forEach((line, i) => {
      const r = 2 + i;
      expect(ws.getCell(`A${r}`).value).toBe(line.code);
      expect(ws.getCell(`C${r}`).value).toBe(line.units);
      expect(ws.getCell(`E${r}`).value).toBe(line.unitCost);
      expect(formula(ws, `F${r}`)).toEqual({ formula: `C${r}*E${r}`, result: line.units * line.unitCost });
      expect(ws.getCell(`I${r}`).value).toBe(line.fiscalYear ?? null);
      expect(ws.getCell(`H${r}`).value ?? '').toBe({ administrative: 'Administrasi', operational: 'Operasional' }[line.costCategory ?? ''] ?? '');
    });
    expect(ws.getCell('G2').value).toBe({ apbd_province: 'APBD provinsi', apbn: 'APBN (anggaran kementerian/lembaga)', village_fund: 'Dana desa (APBDes)', donor: 'Hibah donor/mitra pembangunan', apbn_deconcentration: 'Dana dekonsentrasi/tugas pembantuan (APBN)' }[lines[0]?.budgetSource ?? '']);
    const last = 1 + lines.length;
    expect(formula(ws, `F${last + 1}`)).toMatchObject({ formula: `SUM(F2:F${last})`, result: Number(expected.total) });
  });

  it('has a sheet "Kategori Biaya": administrative, operational and uncategorised per section, SUM formulas with their results, and the warnings', () => {
    const ws = workbook.getWorksheet('Kategori Biaya') as Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, 'No.', 'Bagian (Sub Gugus Tugas)', 'Administrasi (Rp)', 'Operasional (Rp)', 'Belum dikategorikan (Rp)', 'Jumlah (Rp)']);
    expected.categories.forEach((c, i) => {
      const r = 2 + i;
      expect([ws.getCell(`C${r}`).value, ws.getCell(`D${r}`).value, ws.getCell(`E${r}`).value]).toEqual([Number(c.administrative), Number(c.operational), Number(c.uncategorised)]);
      expect(formula(ws, `F${r}`)).toEqual({ formula: `SUM(C${r}:E${r})`, result: Number(expected.sections[i]) });
    });
    // The sixth section came from a submission before poa-section 1.2.0: all of it uncategorised.
    expect(expected.categories[5]?.uncategorised).toBe(expected.sections[5]);
    const sum = (k: 'administrative' | 'operational' | 'uncategorised') => Number(expected.categories.reduce((a, c) => a + c[k], 0n));
    expect(formula(ws, 'C8')).toMatchObject({ formula: 'SUM(C2:C7)', result: sum('administrative') });
    expect(formula(ws, 'D8')).toMatchObject({ formula: 'SUM(D2:D7)', result: sum('operational') });
    expect(formula(ws, 'E8')).toMatchObject({ formula: 'SUM(E2:E7)', result: sum('uncategorised') });
    expect(formula(ws, 'F8')).toMatchObject({ formula: 'SUM(F2:F7)', result: Number(expected.total) });
    const overspent = expected.categories.filter((c) => c.administrative > c.operational).length;
    const notes = ws.getColumn('B').values.filter((v): v is string => typeof v === 'string' && v.includes('biaya administrasi'));
    expect(notes).toHaveLength(overspent + (sum('administrative') > sum('operational') ? 1 : 0));
  });

  it('has a sheet "Per Tahun": each budget year by cost category, lines without a year last, SUM formulas with their results', () => {
    const ws = workbook.getWorksheet('Per Tahun') as Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, 'Tahun anggaran', 'Administrasi (Rp)', 'Operasional (Rp)', 'Belum dikategorikan (Rp)', 'Jumlah (Rp)']);
    const perYear = new Map<number | string, bigint>();
    for (const line of lines) {
      const key = line.fiscalYear ?? 'Tanpa tahun';
      perYear.set(key, (perYear.get(key) ?? 0n) + BigInt(line.units) * BigInt(line.unitCost));
    }
    const keys = [...perYear.keys()].sort((a, b) => (typeof a === 'string' ? 1 : typeof b === 'string' ? -1 : a - b));
    keys.forEach((key, i) => {
      const r = 2 + i;
      expect(ws.getCell(`A${r}`).value).toBe(key);
      expect(formula(ws, `E${r}`)).toEqual({ formula: `SUM(B${r}:D${r})`, result: Number(perYear.get(key)) });
    });
    expect(keys.at(-1)).toBe('Tanpa tahun');
    expect(formula(ws, `E${keys.length + 2}`)).toMatchObject({ formula: `SUM(E2:E${keys.length + 1})`, result: Number(expected.total) });
  });
});
