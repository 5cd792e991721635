/*
 * The PDF uses the standard Helvetica fonts (nothing to embed, small files, text that every reader
 * extracts), which cover Windows-1252: all of Bahasa Indonesia, with é, curly quotes and dashes. pdfkit
 * writes any other character as a broken code, so those are replaced before they reach it: a few by their
 * usual look-alike, letters with other diacritics by the bare letter, and the rest by "?".
 */

/** The characters of Windows-1252 above Latin-1's range (curly quotes, dashes, €, …). */
const WIN_ANSI_EXTRA = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœšŠŸŽž˜');

const LOOK_ALIKES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '′': "'",
  '″': '"',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
};

function encodable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/** `text` with every character Helvetica cannot show replaced; line breaks are kept. */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || encodable(char)) {
      out += char;
      continue;
    }
    if (char === '\r') continue;
    const alike = LOOK_ALIKES[char];
    if (alike !== undefined) {
      out += alike;
      continue;
    }
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += bare.length > 0 && [...bare].every(encodable) ? bare : '?';
  }
  return out;
}
