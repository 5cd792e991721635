// Reads a PDF on stdin and prints its text as JSON: { pages: [{ lines: string[] }] }, each line being the
// text drawn at one height of the page, left to right, with " | " between separately drawn pieces (the
// cells of a table row). Runs in its own Node process because pdfjs-dist is an ES module that loads its
// worker by dynamic import, which Jest's module sandbox refuses.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const rows = new Map();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const y = Math.round(item.transform[5] * 10) / 10;
    const row = rows.get(y) ?? [];
    row.push({ x: item.transform[4], str: item.str });
    rows.set(y, row);
  }
  const lines = [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.str.trim()).join(' | '));
  pages.push({ lines });
}
await pdf.destroy();
process.stdout.write(JSON.stringify({ pages }));
