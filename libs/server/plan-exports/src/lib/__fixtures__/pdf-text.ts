import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PdfText {
  pages: { lines: string[] }[];
}

/** The text of a PDF as pdf.js (the reader in Firefox and many others) extracts it, page by page and line by line. */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`extract-pdf-text failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PdfText);
    });
    child.stdin?.end(pdf);
  });
}

/** The cells of a line ("1.3 | Sosialisasi … | Rp 1.250.000" → ["1.3", "Sosialisasi …", "Rp 1.250.000"]). */
export function cells(line: string): string[] {
  return line.split(' | ');
}
