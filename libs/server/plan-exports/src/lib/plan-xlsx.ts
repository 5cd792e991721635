import { Workbook, type Worksheet } from 'exceljs';
import { quarterLabel } from './labels';
import type { PlanExportInput } from './plan-export-input';
import { exportPlan } from './plan-rows';

const RUPIAH = '#,##0';
const HEADER_FILL = 'FFDDE6F0';
const TOTAL_FILL = 'FFE8EEF5';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** The activities sheet's columns, in order; `ACTIVITY_TOTAL` is the budget column's letter. */
const ACTIVITY_COLUMNS: Column[] = [
  { header: 'Bagian (Sub Gugus Tugas)', width: 30, wrap: true },
  { header: 'Kode', width: 8 },
  { header: 'Kegiatan', width: 48, wrap: true },
  { header: 'Indikator', width: 36, wrap: true },
  { header: 'Satuan', width: 16 },
  { header: 'Nilai awal', width: 11 },
  { header: 'Target', width: 11 },
  { header: 'Mulai', width: 12 },
  { header: 'Selesai', width: 12 },
  { header: 'Penanggung jawab', width: 32, wrap: true },
  { header: 'Instansi pelaksana', width: 36, wrap: true },
  { header: 'Responsif gender', width: 10 },
  { header: 'Jumlah baris anggaran', width: 11 },
  { header: 'Anggaran (Rp)', width: 18, numFmt: RUPIAH },
];
const ACTIVITY_TOTAL = 'N';

/** The budget lines sheet's columns: F (Jumlah) = C (Volume) × E (Harga satuan). */
const LINE_COLUMNS: Column[] = [
  { header: 'Kode kegiatan', width: 12 },
  { header: 'Uraian', width: 44, wrap: true },
  { header: 'Volume', width: 10, numFmt: '#,##0' },
  { header: 'Satuan', width: 14 },
  { header: 'Harga satuan (Rp)', width: 18, numFmt: RUPIAH },
  { header: 'Jumlah (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Sumber anggaran', width: 36, wrap: true },
  { header: 'Kategori biaya', width: 16 },
  { header: 'Tahun anggaran', width: 10 },
  { header: 'Volume tahun dasar', width: 12, numFmt: '#,##0' },
];

/** The budget years sheet's columns: E (Jumlah) = B + C + D. */
const YEAR_COLUMNS: Column[] = [
  { header: 'Tahun anggaran', width: 16 },
  { header: 'Administrasi (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Operasional (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Belum dikategorikan (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Jumlah (Rp)', width: 20, numFmt: RUPIAH },
];

/** The cost categories sheet's columns: F (Jumlah) = C + D + E. */
const CATEGORY_COLUMNS: Column[] = [
  { header: 'No.', width: 5 },
  { header: 'Bagian (Sub Gugus Tugas)', width: 44, wrap: true },
  { header: 'Administrasi (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Operasional (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Belum dikategorikan (Rp)', width: 20, numFmt: RUPIAH },
  { header: 'Jumlah (Rp)', width: 20, numFmt: RUPIAH },
];

/**
 * The plan version's activities as an XLSX workbook in Bahasa Indonesia: sheet "Kegiatan" with one row
 * per activity and its budget, sheet "Rincian Anggaran" with one row per budget line (volume × unit cost
 * as a formula, and its cost category), and sheet "Kategori Biaya" with administrative, operational and
 * uncategorised costs per section and the budget warnings, and sheet "Per Tahun" with each budget year's
 * amount. Amounts are numbers in rupiah; every formula carries its result too, so a reader that does not
 * calculate (or a test) sees the same totals as Excel.
 */
export async function planXlsx(input: PlanExportInput): Promise<Buffer> {
  const plan = exportPlan(input);
  const workbook = new Workbook();
  const created = new Date(input.generatedAt);
  workbook.creator = 'Gugus';
  workbook.title = input.title;
  workbook.created = created;
  workbook.modified = created;
  workbook.calcProperties.fullCalcOnLoad = true;

  const activities = sheet(workbook, 'Kegiatan', ACTIVITY_COLUMNS);
  for (const section of plan.sections) {
    for (const a of section.activities) {
      activities.addRow([
        section.name,
        a.code,
        a.activity,
        a.indicator,
        a.indicatorUnit,
        a.baseline,
        a.target,
        quarterLabel(a.startQuarter),
        quarterLabel(a.endQuarter),
        a.responsibleAgency,
        a.implementingAgencies.join('; '),
        a.genderResponsive ? 'Ya' : 'Tidak',
        a.lines.length,
        a.total,
      ]);
    }
  }
  totalRow(activities, ACTIVITY_TOTAL, plan.total);

  const lines = sheet(workbook, 'Rincian Anggaran', LINE_COLUMNS);
  for (const section of plan.sections) {
    for (const a of section.activities) {
      for (const line of a.lines) {
        const row = lines.addRow([a.code, line.description, line.units, line.unitName, line.unitCost, null, line.budgetSource, line.costCategory, line.fiscalYear, line.baselineUnits]);
        row.getCell('F').value = { formula: `C${row.number}*E${row.number}`, result: line.total };
      }
    }
  }
  totalRow(lines, 'F', plan.total);

  // Administrative against operational per section (seed 000 L1009), with the plan core's warnings below.
  const categories = sheet(workbook, 'Kategori Biaya', CATEGORY_COLUMNS);
  for (const section of plan.sections) {
    const c = section.costCategories;
    const row = categories.addRow([section.number, section.name, c.administrative, c.operational, c.uncategorised, null]);
    row.getCell('F').value = { formula: `SUM(C${row.number}:E${row.number})`, result: section.total };
  }
  const last = categories.rowCount;
  const total = categories.addRow(['', 'Jumlah seluruhnya']);
  total.font = { bold: true };
  total.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } };
  const sums = { C: plan.costCategories.administrative, D: plan.costCategories.operational, E: plan.costCategories.uncategorised, F: plan.total };
  for (const [column, result] of Object.entries(sums)) {
    const cell = total.getCell(column);
    cell.value = last >= 2 ? { formula: `SUM(${column}2:${column}${last})`, result } : result;
    cell.numFmt = RUPIAH;
  }
  if (plan.warnings.length > 0) {
    categories.addRow([]);
    categories.addRow(['', 'Catatan anggaran']).font = { bold: true };
    for (const warning of plan.warnings) categories.addRow(['', warning]);
  }

  // Budgets are annual (seed 000 L991): each budget year's amount by cost category.
  const years = sheet(workbook, 'Per Tahun', YEAR_COLUMNS);
  for (const y of plan.years) {
    const row = years.addRow([y.fiscalYear ?? 'Tanpa tahun', y.costCategories.administrative, y.costCategories.operational, y.costCategories.uncategorised, null]);
    row.getCell('E').value = { formula: `SUM(B${row.number}:D${row.number})`, result: y.total };
  }
  totalRow(years, 'E', plan.total);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet with a bold, frozen, filterable header row and the columns' widths and formats. */
function sheet(workbook: Workbook, name: string, columns: Column[]): Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: { numFmt: c.numFmt, alignment: { vertical: 'top', wrapText: c.wrap ?? false } },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** "Jumlah seluruhnya" under the rows, with SUM over the `column` and its result. */
function totalRow(ws: Worksheet, column: string, total: number): void {
  const last = ws.rowCount;
  const row = ws.addRow(['Jumlah seluruhnya']);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } };
  const cell = row.getCell(column);
  cell.value = last >= 2 ? { formula: `SUM(${column}2:${column}${last})`, result: total } : total;
  cell.numFmt = RUPIAH;
}
