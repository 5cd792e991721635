import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { format } from '@fast-csv/format';
import { stream as excelStream } from 'exceljs';

export type ExportFormat = 'xlsx' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

type Value = string | number | boolean | Date | null | undefined;

/**
 * Where an export's rows go, one at a time, so memory stays flat however many: an XLSX workbook written
 * by exceljs's streaming writer (the data sheet, then sheets of notes), or a CSV file (UTF-8 with a byte
 * order mark so spreadsheet programs read Indonesian text right; the data only — the notes are XLSX's).
 */
export interface ExportSink {
  /** Adds a data row; waits when the file is behind. */
  row(values: readonly Value[]): Promise<void>;
  /** A sheet of notes after the data (XLSX only). */
  notes(name: string, header: readonly { header: string; width: number }[], rows: readonly (readonly string[])[]): void;
  close(): Promise<void>;
}

export function openSink(format: ExportFormat, filePath: string, sheetName: string, columns: readonly { header: string; width: number }[]): ExportSink {
  return format === 'csv' ? csvSink(filePath, columns) : xlsxSink(filePath, sheetName, columns);
}

function xlsxSink(filePath: string, sheetName: string, columns: readonly { header: string; width: number }[]): ExportSink {
  // Readable by this user only, and never over an existing file.
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: createWriteStream(filePath, { mode: 0o600, flags: 'wx' }), useStyles: true });
  workbook.creator = 'Gugus';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  let dataOpen = true;
  const closeData = () => {
    if (dataOpen) sheet.commit();
    dataOpen = false;
  };
  return {
    async row(values) {
      sheet.addRow([...values]).commit();
    },
    notes(name, header, rows) {
      closeData();
      const notes = workbook.addWorksheet(name);
      notes.columns = header.map((h, i) => ({ header: h.header, key: `n${i}`, width: h.width }));
      notes.getRow(1).font = { bold: true };
      for (const r of rows) notes.addRow([...r]).commit();
      notes.commit();
    },
    async close() {
      closeData();
      await workbook.commit();
    },
  };
}

/** A cell as a CSV file holds it: text, with a leading =, +, - or @ escaped so no spreadsheet runs it as a formula. */
export function csvValue(value: Value): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV through @fast-csv/format (as the case figures' CSV): quoting by the library, written with backpressure. */
function csvSink(filePath: string, columns: readonly { header: string }[]): ExportSink {
  const out: WriteStream = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  const csv = format<string[], string[]>({ headers: columns.map((c) => c.header), writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true });
  csv.pipe(out);
  return {
    async row(values) {
      if (!csv.write(values.map(csvValue))) await once(csv, 'drain');
    },
    notes() {
      // The notes travel with the XLSX; a CSV holds the data alone.
    },
    async close() {
      csv.end();
      await once(out, 'finish');
    },
  };
}
