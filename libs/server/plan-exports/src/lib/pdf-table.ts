/*
 * Tables for pdfkit, drawn with its text and rectangle primitives. pdfkit wraps a paragraph and flows it
 * onto new pages, but a table row must break all its cells at the same place and the header must come
 * back on every page, so cell text is wrapped here, line by line, and rows are placed by hand: a row that
 * does not fit moves to the next page whole, and only a row taller than a whole page is split between
 * pages.
 */

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  width: number;
  align?: Align;
}

export interface TableCell {
  text: string;
  /** How many columns the cell spans (1 unless said). */
  span?: number;
  align?: Align;
}

export interface TableRow {
  cells: (TableCell | string)[];
  bold?: boolean;
  /** Background colour (a total row, say). */
  fill?: string;
}

export interface TableStyle {
  font: string;
  boldFont: string;
  fontSize: number;
  padding: number;
  lineGap: number;
  border: string;
  headerFill: string;
  /** Fill of every other body row, for following a row across the page. */
  stripeFill?: string;
}

/** The part of pdfkit the tables use. */
export type Doc = PDFKit.PDFDocument;

/**
 * Breaks `text` into lines no wider than `width` in the document's current font: at spaces, at explicit
 * line breaks, and inside a word only when the word alone is wider than the line (after a slash or a
 * hyphen if it has one, else anywhere: a long URL or code).
 */
export function wrapText(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  const fits = (s: string) => doc.widthOfString(s) <= width;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        // "Regulasi/produk" breaks after the slash rather than inside a word.
        const soft = Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('-', cut - 1));
        if (soft > 0) cut = soft + 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

interface LaidCell {
  x: number;
  width: number;
  align: Align;
  lines: string[];
}

export class PdfTable {
  private readonly x: number;
  private readonly width: number;

  constructor(
    private readonly doc: Doc,
    private readonly columns: TableColumn[],
    private readonly style: TableStyle,
    /** Draws what goes above the table on a continuation page (a caption), and returns the y below it. */
    private readonly onNewPage: (doc: Doc) => number = (d) => d.page.margins.top,
  ) {
    this.x = doc.page.margins.left;
    this.width = columns.reduce((sum, c) => sum + c.width, 0);
  }

  private get lineHeight(): number {
    return this.style.fontSize + this.style.lineGap;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Draws the header and `rows` from `y`, adding pages as needed; returns the y below the table. */
  draw(rows: TableRow[], y: number): number {
    const header: TableRow = {
      cells: this.columns.map((c) => ({ text: c.header, align: c.align === 'right' ? 'right' : 'left' })),
      bold: true,
      fill: this.style.headerFill,
    };
    const headerCells = this.layout(header);
    const headerHeight = this.heightOf(headerCells);
    const drawHeader = (at: number) => this.drawRow(header, headerCells, at, 0, Infinity);
    const nextPage = () => {
      this.doc.addPage();
      const top = this.onNewPage(this.doc);
      this.continuationTop = top;
      return drawHeader(top);
    };
    // A header with no room for a row under it goes to the next page with the rows.
    if (y + headerHeight + this.lineHeight * 2 + this.style.padding * 2 > this.bottom) {
      this.doc.addPage();
      y = this.onNewPage(this.doc);
    }
    y = drawHeader(y);
    rows.forEach((row, index) => {
      const cells = this.layout(row);
      const styled = { ...row, fill: row.fill ?? (index % 2 === 1 ? this.style.stripeFill : undefined) };
      const height = this.heightOf(cells);
      // Every continuation page starts alike; until one was made, assume it starts at the top margin.
      const pageRoom = this.bottom - (this.continuationTop ?? this.doc.page.margins.top) - headerHeight;
      if (y + height > this.bottom && height <= pageRoom) y = nextPage();
      const lineCount = Math.max(...cells.map((c) => c.lines.length));
      let from = 0;
      let freshPage = false;
      while (from < lineCount) {
        const room = Math.floor((this.bottom - y - this.style.padding * 2) / this.lineHeight);
        // Never leave a lone line of a split row at the bottom of a page.
        if (room < Math.min(2, lineCount - from) && !freshPage) {
          y = nextPage();
          freshPage = true;
          continue;
        }
        const to = Math.min(lineCount, from + Math.max(1, room));
        y = this.drawRow(styled, cells, y, from, to);
        from = to;
        freshPage = false;
        if (from < lineCount) {
          y = nextPage();
          freshPage = true;
        }
      }
    });
    return y;
  }

  private continuationTop: number | null = null;

  private layout(row: TableRow): LaidCell[] {
    const { doc, style } = this;
    doc.font(row.bold ? style.boldFont : style.font).fontSize(style.fontSize);
    const cells: LaidCell[] = [];
    let column = 0;
    let x = this.x;
    for (const raw of row.cells) {
      const cell = typeof raw === 'string' ? { text: raw } : raw;
      const span = Math.max(1, cell.span ?? 1);
      const columns = this.columns.slice(column, column + span);
      const width = columns.reduce((sum, c) => sum + c.width, 0);
      const align = cell.align ?? columns[0]?.align ?? 'left';
      cells.push({ x, width, align, lines: wrapText(doc, cell.text, width - style.padding * 2) });
      x += width;
      column += span;
    }
    return cells;
  }

  private heightOf(cells: LaidCell[]): number {
    return Math.max(...cells.map((c) => c.lines.length)) * this.lineHeight + this.style.padding * 2;
  }

  /** Draws lines [from, to) of the row's cells at `y`, with borders; returns the y below. */
  private drawRow(row: TableRow, cells: LaidCell[], y: number, from: number, to: number): number {
    const { doc, style } = this;
    const lineCount = Math.min(to, Math.max(...cells.map((c) => c.lines.length))) - from;
    const height = lineCount * this.lineHeight + style.padding * 2;
    if (row.fill) doc.rect(this.x, y, this.width, height).fill(row.fill);
    doc.lineWidth(0.5).strokeColor(style.border);
    for (const cell of cells) doc.rect(cell.x, y, cell.width, height).stroke();
    doc.fillColor('black').font(row.bold ? style.boldFont : style.font).fontSize(style.fontSize);
    cells.forEach((cell, c) => {
      // A row split between pages shows its first cell (the activity's code) again where it continues.
      const lines = c === 0 && from > 0 ? cell.lines.slice(0, Math.min(cell.lines.length, to - from)) : cell.lines.slice(from, to);
      lines.forEach((line, i) => {
        const inner = cell.width - style.padding * 2;
        const offset = cell.align === 'left' ? 0 : inner - doc.widthOfString(line);
        const x = cell.x + style.padding + (cell.align === 'center' ? offset / 2 : offset);
        doc.text(line, x, y + style.padding + i * this.lineHeight + style.lineGap / 2, { lineBreak: false });
      });
    });
    return y + height;
  }
}
