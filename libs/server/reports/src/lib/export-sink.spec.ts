import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvValue, openSink } from './export-sink';

describe('export sinks', () => {
  it('quotes what a CSV reader would split on, and keeps a spreadsheet from running a cell as a formula', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gugus-sink-')), 'q.csv');
    const sink = openSink('csv', path, 'Data', [{ header: 'x', width: 1 }]);
    const cells = ['Jawa Barat', 'a,b', 'DebtBondage;Threats', 'kata "kutip"', 'baris\nbaru', '=HYPERLINK("http://x")', '@SUM(A1)', -3, null, true, new Date('2027-04-01T00:00:00Z')];
    for (const c of cells) await sink.row([c]);
    await sink.close();
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(1, -1)).toEqual([
      'Jawa Barat',
      '"a,b"',
      'DebtBondage;Threats',
      '"kata ""kutip"""',
      '"baris\nbaru"',
      `"'=HYPERLINK(""http://x"")"`,
      "'@SUM(A1)",
      '-3',
      '',
      'true',
      '2027-04-01T00:00:00.000Z',
    ]);
    expect(csvValue('-2')).toBe("'-2");
    expect(csvValue(-2)).toBe('-2');
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
