import { SUB_TASK_FORCE_NAMES } from '@gugus/plan';
import { planPdf } from './plan-pdf';
import { keep } from './__fixtures__/keep';
import { expectedTotals, planInput, rp } from './__fixtures__/plan-fixture';
import { cells, pdfText, type PdfText } from './__fixtures__/pdf-text';

const ACTIVITY_HEADER = 'Kode | Kegiatan | Indikator | Satuan | Nilai | Target | Waktu | Penanggung jawab | Anggaran';

describe('planPdf of a plan of 6 sections × 40 activities, read back with pdf.js', () => {
  const input = planInput();
  const expected = expectedTotals(input);
  let pdf: Buffer;
  let text: PdfText;
  let lines: string[];

  beforeAll(async () => {
    pdf = await planPdf(input);
    keep('plan-6x40.pdf', pdf);
    text = await pdfText(pdf);
    lines = text.pages.flatMap((page) => page.lines);
  });

  it('runs over several pages, each numbered "Halaman n dari N"', () => {
    const count = text.pages.length;
    expect(count).toBeGreaterThan(1);
    expect(text.pages[0]?.lines.some((line) => line.endsWith('Halaman 1 dari ' + count))).toBe(true);
    text.pages.forEach((page, i) => expect(page.lines.filter((line) => line.endsWith(`Halaman ${i + 1} dari ${count}`))).toHaveLength(1));
  });

  it("prints each activity's budget, each section's total and the grand total as Σ units × unit cost", () => {
    for (const section of input.content.sections) {
      for (const { answers } of section.activities) {
        const row = lines.filter((line) => cells(line)[0] === answers.code);
        expect(row).toHaveLength(1);
        expect(cells(row[0] as string).at(-1)).toBe(rp(expected.activities.get(answers.code) as bigint));
      }
    }
    expected.sections.forEach((total, i) => {
      expect(lines).toContain(`Jumlah anggaran Bagian ${i + 1} | ${rp(total)}`);
      expect(lines).toContain(`40 kegiatan · Jumlah anggaran ${rp(total)}`);
    });
    const recap = recapLines();
    expected.sections.forEach((total, i) => expect(recap.some((line) => cells(line)[0] === String(i + 1) && cells(line).at(-1) === rp(total))).toBe(true));
    expect(recap).toContain(`Jumlah seluruhnya | 240 | ${rp(expected.total)}`);
    expect(lines).toContain(`6 bagian · 240 kegiatan · Jumlah anggaran ${rp(expected.total)}`);
  });

  /** The lines from the recap's title to the end. */
  function recapLines(): string[] {
    const start = text.pages.findLastIndex((page) => page.lines.includes('Rekapitulasi Anggaran'));
    return text.pages.slice(start).flatMap((page) => page.lines);
  }

  it('prints administrative, operational and uncategorised costs per section in the recap', () => {
    const recap = recapLines();
    expect(recap).toContain('No. | Bagian (Sub Gugus Tugas) | Administrasi | Operasional | Belum dikategorikan | Jumlah');
    expected.categories.forEach((c, i) => {
      // A long section name wraps onto the next line; the amounts stay on the row's first line.
      const amounts = [rp(c.administrative), rp(c.operational), rp(c.uncategorised), rp(expected.sections[i]!)];
      expect(recap.some((line) => cells(line)[0] === String(i + 1) && cells(line).slice(-4).join(' | ') === amounts.join(' | '))).toBe(true);
    });
    const overspent = expected.categories.filter((c) => c.administrative > c.operational).length;
    expect(recap.filter((line) => line.includes('biaya administrasi')).length).toBeGreaterThanOrEqual(overspent);
  });

  it('prints each budget year in the recap, lines without a year as "Tanpa tahun", summing to the grand total', () => {
    const recap = recapLines();
    expect(recap).toContain('Tahun anggaran | Administrasi | Operasional | Belum dikategorikan | Jumlah');
    const perYear = new Map<string, bigint>();
    for (const { answers } of input.content.sections.flatMap((x) => x.activities)) {
      for (const line of answers.budgetLines) {
        const key = line.fiscalYear === undefined ? 'Tanpa tahun' : String(line.fiscalYear);
        perYear.set(key, (perYear.get(key) ?? 0n) + BigInt(line.units) * BigInt(line.unitCost));
      }
    }
    for (const [year, total] of perYear) expect(recap.some((line) => cells(line)[0] === year && cells(line).at(-1) === rp(total))).toBe(true);
    expect([...perYear.values()].reduce((a, b) => a + b, 0n)).toBe(expected.total);
  });

  it('repeats the table header on every page the activity table continues on', () => {
    const pagesWithActivities = text.pages.filter((page) => page.lines.some((line) => /^\d+\.\d+$/.test(cells(line)[0] ?? '')));
    expect(pagesWithActivities.length).toBeGreaterThan(input.content.sections.length);
    for (const page of pagesWithActivities) {
      const header = page.lines.indexOf(ACTIVITY_HEADER);
      const firstRow = page.lines.findIndex((line) => /^\d+\.\d+$/.test(cells(line)[0] ?? ''));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
  });

  it('is in Bahasa Indonesia: title page, decree, contents, chapters and recap', () => {
    const first = text.pages[0]?.lines ?? [];
    expect(first).toContain('PROVINSI JAWA BARAT');
    expect(first).toContain('Periode 2027–2031');
    expect(first).toContain('Versi 3 · Telah disahkan');
    expect(first).toContain('Keputusan Nomor 188.44/Kep.512-DP3AKB/2027 tanggal 15 Maret 2027');
    const second = text.pages[1]?.lines ?? [];
    for (const line of ['Keputusan Pengesahan', 'Nomor keputusan | 188.44/Kep.512-DP3AKB/2027', 'Tanggal | 15 Maret 2027', 'Frekuensi pemantauan dan pelaporan | Triwulanan (tiga bulanan)', 'Sumber anggaran | • APBD provinsi', '• Dana desa (APBDes)', 'Daftar Isi', 'Isi | Halaman']) {
      expect(second).toContain(line);
    }
    input.content.sections.forEach((section, i) => {
      const name = SUB_TASK_FORCE_NAMES[section.subTaskForce].id;
      // The contents give the page the chapter starts on.
      const entry = second.find((line) => line.startsWith(`Bagian ${i + 1}. ${name} | `));
      const page = Number(cells(entry ?? '').at(-1));
      expect(text.pages[page - 1]?.lines.slice(0, 2)).toEqual([`BAGIAN ${i + 1}`, name]);
    });
    for (const heading of ['Rumusan masalah', 'Analisis masalah', 'Rencana kegiatan', ACTIVITY_HEADER, 'Rekapitulasi Anggaran', 'Menurut bagian', 'Menurut sumber anggaran']) {
      expect(lines).toContain(heading);
    }
    expect(lines).toContain('Instansi koordinator: Dinas Kesehatan Provinsi Jawa Barat');
  });

  it('gives the same bytes for the same input', async () => {
    expect((await planPdf(input)).equals(pdf)).toBe(true);
  });
});
