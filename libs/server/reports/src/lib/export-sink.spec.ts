import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField, openSink } from './export-sink';

describe('export sinks', () => {
  it('quotes what a CSV reader would split on, and keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvField('Jawa Barat')).toBe('Jawa Barat');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('DebtBondage;Threats')).toBe('"DebtBondage;Threats"');
    expect(csvField('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvField('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(new Date('2027-04-01T00:00:00Z'))).toBe('2027-04-01T00:00:00.000Z');
  });

  it('writes a CSV row by row: a byte order mark, the header, one line per row, no notes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gugus-sink-')), 'x.csv');
    const sink = openSink('csv', path, 'Data', [
      { header: 'Kode / Code', width: 10 },
      { header: 'Jumlah / Count', width: 10 },
    ]);
    for (let i = 0; i < 5000; i++) await sink.row([`32.${String(i % 100).padStart(2, '0')}`, i]);
    sink.notes('Catatan', [{ header: 'x', width: 1 }], [['tidak masuk CSV']]);
    await sink.close();
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\r\n');
    expect(text.startsWith('\uFEFFKode / Code,Jumlah / Count\r\n')).toBe(true);
    expect(lines).toHaveLength(1 + 5000 + 1);
    expect(lines[5000]).toBe('32.99,4999');
    expect(text).not.toContain('tidak masuk CSV');
  });
});
