import PDFDocument from 'pdfkit';
import type { PublicFiguresView } from '@gugus/contracts';
import { PdfTable, winAnsi, type TableRow, type TableStyle } from '@gugus/server-plan-exports';
import { CATEGORY_LABELS as FIXED } from './report-labels';

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ACCENT = '#1f3a5f';
const MUTED = '#555f6b';
const MARGINS = { top: 56, bottom: 60, left: 56, right: 56 };
const STYLE: TableStyle = { font: FONT, boldFont: BOLD, fontSize: 9, padding: 4, lineGap: 2.5, border: '#9aa5b1', headerFill: '#dde6f0', stripeFill: '#f6f8fa' };

const BREAKDOWNS: Record<PublicFiguresView['years'][number]['breakdowns'][number]['key'], { id: string; en: string }> = {
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  ageGroup: { id: 'Kelompok usia', en: 'Age group' },
  scope: { id: 'Dalam negeri atau lintas negara', en: 'Internal or international' },
  exploitationType: { id: 'Jenis eksploitasi', en: 'Type of exploitation' },
  sector: { id: 'Sektor', en: 'Sector' },
};

const clean = (row: TableRow): TableRow => ({ ...row, cells: row.cells.map((c) => (typeof c === 'string' ? winAnsi(c) : { ...c, text: winAnsi(c.text) })) });

/**
 * The annual report's figures (issue 12, item 3: "PDF of the annual report") as a PDF in Bahasa Indonesia
 * with English beside it: the year's published tables exactly as the public page shows them — every cell
 * already through k = 11 suppression, "< 11" where hidden — the legend, and what the figures cannot show.
 * Nothing else is read: the document can carry nothing the public page does not.
 */
export async function annualReportPdf(view: PublicFiguresView, year: number, generatedAt: Date): Promise<Buffer> {
  const y = view.years.find((x) => x.year === year);
  if (!y) throw new RangeError(`no published year ${year}`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: winAnsi(`Angka tahunan korban TPPO ${year}`), Author: 'Gugus Tugas PP-TPPO', Creator: 'Gugus', CreationDate: generatedAt, ModDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const heading = (text: string, size: number) => {
    doc.font(BOLD).fontSize(size).fillColor(ACCENT).text(winAnsi(text), MARGINS.left, doc.y, { width });
    doc.moveDown(0.4);
  };
  const paragraph = (text: string, color = MUTED) => {
    doc.font(FONT).fontSize(9.5).fillColor(color).text(winAnsi(text), MARGINS.left, doc.y, { width });
    doc.moveDown(0.6);
  };

  heading(`Angka tahunan korban tindak pidana perdagangan orang ${year}`, 18);
  paragraph(`Annual figures on victims of trafficking in persons, ${year}`);
  paragraph(
    'Korban teridentifikasi yang dicatat gugus tugas, nasional dan per provinsi, dijumlahkan dari laporan triwulanan yang sudah diterima. Tanpa data perorangan. / Identified victims recorded by the task forces, nationally and per province, summed from accepted quarterly reports. No individual data.',
    '#1c2430',
  );

  heading('Korban teridentifikasi per provinsi / Identified victims per province', 12);
  const provinces = new PdfTable(doc, [
    { header: 'Provinsi / Province', width: width * 0.75 },
    { header: 'Jumlah / Count', width: width * 0.25, align: 'right' },
  ], STYLE);
  doc.y = provinces.draw(
    [
      ...y.provinces.cells.map((c) => clean({ cells: [c.name, { text: c.display, align: 'right' }] })),
      clean({ cells: ['Indonesia (nasional / national)', { text: y.provinces.total.display, align: 'right' }], bold: true, fill: '#e8eef5' }),
    ],
    doc.y,
  );
  doc.moveDown(1);

  for (const b of y.breakdowns) {
    const label = BREAKDOWNS[b.key];
    heading(`${label.id} / ${label.en}`, 12);
    const table = new PdfTable(doc, [
      { header: 'Rincian / Category', width: width * 0.75 },
      { header: 'Jumlah / Count', width: width * 0.25, align: 'right' },
    ], STYLE);
    const name = (key: string) => {
      const l = view.labels[key] ?? FIXED[key];
      return l ? `${l.id} / ${l.en}` : key;
    };
    doc.y = table.draw(
      [
        ...b.cells.map((c) => clean({ cells: [name(c.key), { text: c.display, align: 'right' }] })),
        ...(b.total ? [clean({ cells: ['Jumlah / Total', { text: b.total.display, align: 'right' }], bold: true, fill: '#e8eef5' })] : []),
      ],
      doc.y,
    );
    doc.moveDown(0.4);
    if (b.multiValued) paragraph('Satu korban dapat tercatat pada lebih dari satu jenis. / A victim may be recorded under more than one type.');
    doc.moveDown(0.6);
  }

  heading('Catatan / Notes', 12);
  paragraph(`${view.legend.id} / ${view.legend.en}`, '#1c2430');
  for (const c of view.caveats) paragraph(`- ${c.id} / ${c.en}`);
  if (y.provincesWithoutFigures.length) paragraph(`Provinsi tanpa laporan diterima (dihitung nol) / Provinces without an accepted report (counted as zero): ${y.provincesWithoutFigures.length}.`);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const footY = doc.page.height - MARGINS.bottom + 24;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(winAnsi(`Angka tahunan ${year} · Gugus · Halaman ${i + 1} dari ${count}`), MARGINS.left, footY, { lineBreak: false });
  }
  doc.end();
  return finished;
}
