import { jakartaDate } from '@gugus/server-calendar';
import PDFDocument from 'pdfkit';
import { indonesianNumber, longDate, monitoringFrequencyLabel, periodLabel, quarterLabel, rupiah, budgetSourceLabel } from './labels';
import { PdfTable, type Doc, type TableColumn, type TableRow, type TableStyle } from './pdf-table';
import type { PlanExportInput } from './plan-export-input';
import { exportPlan, type ExportPlan, type ExportSection } from './plan-rows';
import { winAnsi } from './win-ansi';

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const ACCENT = '#1f3a5f';
const MUTED = '#555f6b';

const MARGINS = { top: 48, bottom: 54, left: 42, right: 42 };

const TABLE_STYLE: TableStyle = {
  font: FONT,
  boldFont: BOLD,
  fontSize: 8.5,
  padding: 4,
  lineGap: 2.5,
  border: '#9aa5b1',
  headerFill: '#dde6f0',
  stripeFill: '#f6f8fa',
};
const TOTAL_FILL = '#e8eef5';

/** Column widths as shares of the page's width: the activity text and the agency get the most. */
const ACTIVITY_COLUMNS: (Omit<TableColumn, 'width'> & { share: number })[] = [
  { header: 'Kode', share: 4.6 },
  { header: 'Kegiatan', share: 23 },
  { header: 'Indikator', share: 17 },
  { header: 'Satuan', share: 8.6 },
  { header: 'Nilai awal', share: 5.6, align: 'right' },
  { header: 'Target', share: 5.6, align: 'right' },
  { header: 'Waktu pelaksanaan', share: 9.6 },
  { header: 'Penanggung jawab', share: 14 },
  { header: 'Anggaran', share: 12, align: 'right' },
];

/**
 * The plan version as a PDF document in Bahasa Indonesia: a title page, the endorsement decree (when
 * there is one) and the contents, one chapter per section (Sub-TF, lead agency, problem statement and analysis, and the
 * activity table with each activity's budget and the section's total), and a budget recap per section and
 * per budget source with the grand total. Every page says "Halaman n dari N". The same input gives the
 * same bytes (the creation date is `generatedAt`).
 */
export async function planPdf(input: PlanExportInput): Promise<Buffer> {
  const plan = exportPlan(input);
  const created = new Date(input.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGINS,
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: winAnsi(input.title),
      Subject: winAnsi(`Rencana Aksi Daerah ${input.jurisdictionName} ${periodLabel(input.periodStart, input.periodYears)}, versi ${input.versionSeq}`),
      Author: winAnsi(input.jurisdictionName),
      Creator: 'Gugus',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, input, plan);
  // Page 2 has the decree and the contents, whose page numbers are known only once the rest is laid out.
  doc.addPage();
  const contentsPage = currentPage(doc);
  if (input.decree) decreeBlock(doc, input);
  heading(doc, 'Daftar Isi', 18);
  const contentsAt = doc.y;
  const contents: { title: string; page: number }[] = [];
  for (const section of plan.sections) {
    doc.addPage();
    contents.push({ title: `Bagian ${section.number}. ${section.name}`, page: currentPage(doc) + 1 });
    sectionChapter(doc, section);
  }
  doc.addPage();
  contents.push({ title: 'Rekapitulasi Anggaran', page: currentPage(doc) + 1 });
  recap(doc, plan);
  doc.switchToPage(contentsPage);
  tableOfContents(doc, contents, contentsAt);
  pageFooters(doc, input);
  doc.end();
  return finished;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` is left, so a heading is not left alone at the bottom. */
function keepRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function text(doc: Doc, value: string, options: { font?: string; size?: number; color?: string; align?: 'left' | 'center' | 'right' | 'justify'; gap?: number } = {}): void {
  doc
    .font(options.font ?? FONT)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? 'black')
    .text(winAnsi(value), doc.page.margins.left, doc.y, { width: contentWidth(doc), align: options.align ?? 'left', lineGap: 2 });
  if (options.gap) doc.moveDown(options.gap);
}

function heading(doc: Doc, value: string, size = 11.5): void {
  keepRoom(doc, 60);
  doc.moveDown(0.8);
  text(doc, value, { font: BOLD, size, color: ACCENT, gap: 0.3 });
}

function titlePage(doc: Doc, input: PlanExportInput, plan: ExportPlan): void {
  const activityCount = plan.sections.reduce((n, s) => n + s.activities.length, 0);
  doc.y = 120;
  text(doc, input.jurisdictionName.toUpperCase(), { font: BOLD, size: 13, color: ACCENT, align: 'center', gap: 1.2 });
  text(doc, input.title, { font: BOLD, size: 24, align: 'center', gap: 0.8 });
  text(doc, `Periode ${periodLabel(input.periodStart, input.periodYears)}`, { size: 15, align: 'center', gap: 1.5 });
  const status = input.endorsed ? 'Telah disahkan' : 'DRAF - belum disahkan';
  text(doc, `Versi ${input.versionSeq} · ${status}`, { font: BOLD, size: 12, color: input.endorsed ? ACCENT : '#a4262c', align: 'center', gap: 0.4 });
  if (input.decree) {
    text(doc, `Keputusan Nomor ${input.decree.number} tanggal ${longDate(input.decree.date)}`, { size: 11, align: 'center', gap: 0.4 });
  }
  text(doc, `${plan.sections.length} bagian · ${activityCount} kegiatan · Jumlah anggaran ${rupiah(plan.total)}`, { size: 11, color: MUTED, align: 'center' });
  doc.y = doc.page.height - doc.page.margins.bottom - 40;
  text(doc, `Dicetak dari Gugus pada ${longDate(jakartaDate(new Date(input.generatedAt)))}`, { font: ITALIC, size: 9, color: MUTED, align: 'center' });
}

function decreeBlock(doc: Doc, input: PlanExportInput): void {
  const decree = input.decree;
  if (!decree) return;
  text(doc, 'Keputusan Pengesahan', { font: BOLD, size: 18, color: ACCENT, gap: 0.6 });
  text(doc, 'Rencana aksi daerah ini disahkan dengan keputusan kepala daerah berikut.', { gap: 0.6 });
  const width = contentWidth(doc);
  const table = new PdfTable(doc, [
    { header: 'Keterangan', width: width * 0.3 },
    { header: 'Isi', width: width * 0.7 },
  ], { ...TABLE_STYLE, fontSize: 10, padding: 5, stripeFill: undefined });
  const sources = decree.budgetSources.map((code) => `• ${budgetSourceLabel(code, input.budgetSourceLabels)}`).join('\n');
  const rows: TableRow[] = [
    { cells: ['Nomor keputusan', decree.number] },
    { cells: ['Tanggal', longDate(decree.date)] },
    { cells: ['Versi rencana aksi yang disahkan', `Versi ${decree.versionSeq}`] },
    { cells: ['Frekuensi pemantauan dan pelaporan', monitoringFrequencyLabel(decree.monitoringFrequency)] },
    { cells: ['Sumber anggaran', sources || '-'] },
  ];
  doc.y = table.draw(rows.map(sanitizeRow), doc.y);
  doc.moveDown(1);
}

function tableOfContents(doc: Doc, contents: { title: string; page: number }[], y: number): void {
  const width = contentWidth(doc);
  const table = new PdfTable(doc, [
    { header: 'Isi', width: width * 0.85 },
    { header: 'Halaman', width: width * 0.15, align: 'right' },
  ], { ...TABLE_STYLE, fontSize: 10, padding: 5, stripeFill: undefined });
  table.draw(contents.map(({ title, page }) => sanitizeRow({ cells: [title, String(page)] })), y);
}

/** The index of the page being written, from 0. */
function currentPage(doc: Doc): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
}

/** A new chapter's page is already added. */
function sectionChapter(doc: Doc, section: ExportSection): void {
  const title = `Bagian ${section.number}. ${section.name}`;
  doc.outline.addItem(winAnsi(title));
  text(doc, `BAGIAN ${section.number}`, { font: BOLD, size: 10, color: MUTED, gap: 0.1 });
  text(doc, section.name, { font: BOLD, size: 18, color: ACCENT, gap: 0.3 });
  text(doc, `Instansi koordinator: ${section.leadAgency}`, { size: 10.5, gap: 0.1 });
  text(doc, `${section.activities.length} kegiatan · Jumlah anggaran ${rupiah(section.total)}`, { size: 10.5, color: MUTED, gap: 0.2 });

  heading(doc, 'Rumusan masalah');
  text(doc, section.problemStatement || '-', { align: 'justify' });
  if (section.problemAnalysis) {
    heading(doc, 'Analisis masalah');
    text(doc, section.problemAnalysis, { align: 'justify' });
  }
  heading(doc, 'Rencana kegiatan');

  const width = contentWidth(doc);
  const shares = ACTIVITY_COLUMNS.reduce((sum, c) => sum + c.share, 0);
  const columns = ACTIVITY_COLUMNS.map(({ share, ...c }) => ({ ...c, width: (width * share) / shares }));
  const table = new PdfTable(doc, columns, TABLE_STYLE, (d) => {
    d.y = d.page.margins.top;
    text(d, `${title} (lanjutan)`, { font: ITALIC, size: 9, color: MUTED, gap: 0.3 });
    return d.y;
  });
  const rows: TableRow[] = section.activities.map((a) => ({
    cells: [
      a.code,
      a.activity,
      a.indicator,
      a.indicatorUnit,
      indonesianNumber(a.baseline),
      indonesianNumber(a.target),
      `${quarterLabel(a.startQuarter)}\ns.d. ${quarterLabel(a.endQuarter)}`,
      a.responsibleAgency,
      rupiah(a.total),
    ],
  }));
  rows.push({
    cells: [{ text: `Jumlah anggaran Bagian ${section.number}`, span: columns.length - 1, align: 'right' }, rupiah(section.total)],
    bold: true,
    fill: TOTAL_FILL,
  });
  doc.y = table.draw(rows.map(sanitizeRow), doc.y);
}

function recap(doc: Doc, plan: ExportPlan): void {
  doc.outline.addItem('Rekapitulasi anggaran');
  text(doc, 'Rekapitulasi Anggaran', { font: BOLD, size: 18, color: ACCENT, gap: 0.6 });
  const width = contentWidth(doc);
  heading(doc, 'Menurut bagian');
  const bySection = new PdfTable(doc, [
    { header: 'No.', width: width * 0.05, align: 'right' },
    { header: 'Bagian (Sub Gugus Tugas)', width: width * 0.37 },
    { header: 'Instansi koordinator', width: width * 0.28 },
    { header: 'Jumlah kegiatan', width: width * 0.12, align: 'right' },
    { header: 'Anggaran', width: width * 0.18, align: 'right' },
  ], { ...TABLE_STYLE, fontSize: 9.5 });
  const activityCount = plan.sections.reduce((n, s) => n + s.activities.length, 0);
  const sectionRows: TableRow[] = plan.sections.map((s) => ({
    cells: [`${s.number}`, s.name, s.leadAgency, indonesianNumber(s.activities.length), rupiah(s.total)],
  }));
  sectionRows.push({
    cells: [{ text: 'Jumlah seluruhnya', span: 3, align: 'right' }, indonesianNumber(activityCount), rupiah(plan.total)],
    bold: true,
    fill: TOTAL_FILL,
  });
  doc.y = bySection.draw(sectionRows.map(sanitizeRow), doc.y);

  heading(doc, 'Menurut sumber anggaran');
  const bySource = new PdfTable(doc, [
    { header: 'No.', width: width * 0.05, align: 'right' },
    { header: 'Sumber anggaran', width: width * 0.65 },
    { header: 'Anggaran', width: width * 0.18, align: 'right' },
    { header: 'Porsi', width: width * 0.12, align: 'right' },
  ], { ...TABLE_STYLE, fontSize: 9.5 });
  const share = (amount: number) => (plan.total === 0 ? '-' : `${((amount / plan.total) * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
  const sourceRows: TableRow[] = plan.budgetSources.map((s, i) => ({ cells: [`${i + 1}`, s.label, rupiah(s.total), share(s.total)] }));
  sourceRows.push({ cells: [{ text: 'Jumlah seluruhnya', span: 2, align: 'right' }, rupiah(plan.total), share(plan.total)], bold: true, fill: TOTAL_FILL });
  doc.y = bySource.draw(sourceRows.map(sanitizeRow), doc.y);

  // Seed 000 L1009: administrative expenses should not exceed operational ones; the reader sees both.
  heading(doc, 'Menurut kategori biaya');
  const byCategory = new PdfTable(doc, [
    { header: 'No.', width: width * 0.05, align: 'right' },
    { header: 'Bagian (Sub Gugus Tugas)', width: width * 0.31 },
    { header: 'Administrasi', width: width * 0.16, align: 'right' },
    { header: 'Operasional', width: width * 0.16, align: 'right' },
    { header: 'Belum dikategorikan', width: width * 0.16, align: 'right' },
    { header: 'Jumlah', width: width * 0.16, align: 'right' },
  ], { ...TABLE_STYLE, fontSize: 9.5 });
  const categoryRows: TableRow[] = plan.sections.map((s) => ({
    cells: [`${s.number}`, s.name, rupiah(s.costCategories.administrative), rupiah(s.costCategories.operational), rupiah(s.costCategories.uncategorised), rupiah(s.total)],
  }));
  const c = plan.costCategories;
  categoryRows.push({ cells: [{ text: 'Jumlah seluruhnya', span: 2, align: 'right' }, rupiah(c.administrative), rupiah(c.operational), rupiah(c.uncategorised), rupiah(plan.total)], bold: true, fill: TOTAL_FILL });
  doc.y = byCategory.draw(categoryRows.map(sanitizeRow), doc.y);

  // Budgets are annual (seed 000 L991): what each budget year asks for.
  heading(doc, 'Menurut tahun anggaran');
  const byYear = new PdfTable(doc, [
    { header: 'Tahun anggaran', width: width * 0.2 },
    { header: 'Administrasi', width: width * 0.2, align: 'right' },
    { header: 'Operasional', width: width * 0.2, align: 'right' },
    { header: 'Belum dikategorikan', width: width * 0.2, align: 'right' },
    { header: 'Jumlah', width: width * 0.2, align: 'right' },
  ], { ...TABLE_STYLE, fontSize: 9.5 });
  const yearRows: TableRow[] = plan.years.map((y) => ({
    cells: [y.fiscalYear === null ? 'Tanpa tahun' : String(y.fiscalYear), rupiah(y.costCategories.administrative), rupiah(y.costCategories.operational), rupiah(y.costCategories.uncategorised), rupiah(y.total)],
  }));
  yearRows.push({ cells: [{ text: 'Jumlah seluruhnya', align: 'right' }, rupiah(c.administrative), rupiah(c.operational), rupiah(c.uncategorised), rupiah(plan.total)], bold: true, fill: TOTAL_FILL });
  doc.y = byYear.draw(yearRows.map(sanitizeRow), doc.y);
  if (plan.warnings.length > 0) {
    heading(doc, 'Catatan anggaran');
    for (const warning of plan.warnings) text(doc, `• ${warning}`, { size: 9.5, gap: 0.2 });
  }
}

/** "Halaman n dari N" and the plan's name at the foot of every page, once the page count is known. */
function pageFooters(doc: Doc, input: PlanExportInput): void {
  const { start, count } = doc.bufferedPageRange();
  const label = winAnsi(`${input.title} · Versi ${input.versionSeq}${input.endorsed ? '' : ' (draf)'}`);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGINS.bottom + 20;
    const width = contentWidth(doc);
    const pageText = `Halaman ${i + 1} dari ${count}`;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    const pageWidth = doc.widthOfString(pageText);
    doc.lineWidth(0.5).strokeColor('#c5ccd4').moveTo(MARGINS.left, y - 6).lineTo(MARGINS.left + width, y - 6).stroke();
    // Written without line breaking, so text in the bottom margin does not open another page.
    doc.text(fitTo(doc, label, width - pageWidth - 24), MARGINS.left, y, { lineBreak: false });
    doc.text(pageText, MARGINS.left + width - pageWidth, y, { lineBreak: false });
  }
}

/** `value` cut with "…" to fit `width` in the current font. */
function fitTo(doc: Doc, value: string, width: number): string {
  if (doc.widthOfString(value) <= width) return value;
  let cut = value.length;
  while (cut > 0 && doc.widthOfString(`${value.slice(0, cut)}…`) > width) cut--;
  return `${value.slice(0, cut)}…`;
}

function sanitizeRow(row: TableRow): TableRow {
  return { ...row, cells: row.cells.map((cell) => (typeof cell === 'string' ? winAnsi(cell) : { ...cell, text: winAnsi(cell.text) })) };
}
