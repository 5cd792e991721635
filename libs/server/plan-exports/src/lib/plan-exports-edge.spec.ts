import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';
import { Workbook, type Worksheet } from 'exceljs';
import { budgetSourceLabel } from './labels';
import type { PlanExportInput } from './plan-export-input';
import { planPdf } from './plan-pdf';
import { planXlsx } from './plan-xlsx';
import { keep } from './__fixtures__/keep';
import { planInput } from './__fixtures__/plan-fixture';
import { cells, pdfText } from './__fixtures__/pdf-text';

async function readXlsx(xlsx: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
  return workbook;
}

/** A small plan (2 sections × 3 activities) changed by `edit`. */
function smallPlan(edit: (input: PlanExportInput) => void): PlanExportInput {
  const input = planInput({ sections: 2, activitiesPerSection: 3 });
  edit(input);
  return input;
}

function activity(input: PlanExportInput, section: number, index: number) {
  const found = input.content.sections[section]?.activities[index]?.answers;
  if (!found) throw new Error(`no activity ${section}/${index}`);
  return found;
}

describe('plan exports, edge cases', () => {
  it('wraps very long texts, splitting a row taller than a page between pages, and loses none of the text', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `kata${String(i).padStart(3, '0')}`);
    // One word too wide for its column: broken after its slashes, then inside its segments.
    const url = `https://jdih.jabarprov.go.id/peraturan/${'pergub'.repeat(12)}/lampiran/${'0123456789'.repeat(8)}`;
    const input = smallPlan((plan) => {
      Object.assign(activity(plan, 0, 1), { activity: words.join(' '), indicator: 'Jumlah regulasi' });
      Object.assign(activity(plan, 1, 0), { activity: 'Penyusunan pedoman', indicator: url, responsibleAgencyId: 'a-polda' });
      const section = plan.content.sections[1];
      if (section) section.answers.problemStatement = Array.from({ length: 900 }, (_, i) => `masalah${i}`).join(' ');
    });
    const pdf = await planPdf(input);
    keep('edge-long-text.pdf', pdf);
    const text = await pdfText(pdf);
    const all = text.pages.flatMap((p) => p.lines).join('\n');
    for (const word of words) expect(all).toContain(word);
    for (let i = 0; i < 900; i++) expect(all).toContain(`masalah${i}`);
    // The long activity's row goes on over more than one page, each with the table header.
    const pagesWithWords = text.pages.filter((p) => p.lines.some((line) => line.includes('kata')));
    expect(pagesWithWords.length).toBeGreaterThan(1);
    for (const page of pagesWithWords) expect(page.lines.some((line) => line.startsWith('Kode | Kegiatan | Indikator'))).toBe(true);
    // The URL comes back whole from the pieces of its cell: after the row's first line, each line of the
    // row starts with the indicator column (the activity's text is one line, and cells are read left to right).
    const lines = text.pages.flatMap((p) => p.lines);
    const first = lines.findIndex((line) => cells(line)[0] === '2.1');
    const rest = lines.slice(first + 1, lines.findIndex((line) => cells(line)[0] === '2.2'));
    const pieces = [cells(lines[first] as string)[2], ...rest.map((line) => cells(line)[0])];
    expect(rest.length).toBeGreaterThan(3);
    expect(pieces.join('')).toContain(url);
    expect(pieces.slice(0, -1).every((piece) => (piece ?? '').length > 0)).toBe(true);
  });

  it('exports a plan without a decree as a draft', async () => {
    const input = smallPlan((plan) => {
      plan.decree = null;
      plan.endorsed = false;
      plan.versionSeq = 2;
    });
    const pdf = await planPdf(input);
    keep('edge-no-decree.pdf', pdf);
    const text = await pdfText(pdf);
    const lines = text.pages.flatMap((p) => p.lines);
    expect(text.pages[0]?.lines).toContain('Versi 2 · DRAF - belum disahkan');
    expect(lines.some((line) => line.startsWith('Keputusan'))).toBe(false);
    expect(text.pages[1]?.lines[0]).toBe('Daftar Isi');
    expect(lines.some((line) => line.includes('· Versi 2 (draf) | Halaman 1 dari'))).toBe(true);
    const workbook = await readXlsx(await planXlsx(input));
    expect((workbook.getWorksheet('Kegiatan') as Worksheet).rowCount).toBe(1 + 6 + 1);
  });

  it('exports sections without budget: no activities, no budget lines, zero volumes', async () => {
    const input = smallPlan((plan) => {
      const [first, second] = plan.content.sections;
      if (!first || !second) throw new Error('two sections expected');
      first.activities = [];
      for (const { answers } of second.activities) answers.budgetLines = answers.budgetLines.map((line) => ({ ...line, units: 0 }));
      activity(plan, 1, 2).budgetLines = [];
    });
    const text = await pdfText(await planPdf(input));
    const lines = text.pages.flatMap((p) => p.lines);
    expect(lines).toContain('Jumlah anggaran Bagian 1 | Rp 0');
    expect(lines).toContain('Jumlah anggaran Bagian 2 | Rp 0');
    expect(lines).toContain('0 kegiatan · Jumlah anggaran Rp 0');
    expect(cells(lines.find((line) => cells(line)[0] === '2.3') ?? '').at(-1)).toBe('Rp 0');
    expect(lines).toContain('Jumlah seluruhnya | 3 | Rp 0');
    expect(lines).toContain('Jumlah seluruhnya | Rp 0 | -');

    const workbook = await readXlsx(await planXlsx(input));
    const activities = workbook.getWorksheet('Kegiatan') as Worksheet;
    expect(activities.rowCount).toBe(1 + 3 + 1);
    expect(activities.getCell('M4').value).toBe(0);
    // The file has <v>0</v>, but exceljs's reader drops a formula's cached result when it is 0.
    expect(activities.getCell('N5').value).toEqual({ formula: 'SUM(N2:N4)' });
    const lineCount = (input.content.sections[1]?.activities ?? []).reduce((n, a) => n + a.answers.budgetLines.length, 0);
    expect((workbook.getWorksheet('Rincian Anggaran') as Worksheet).getCell(`F${lineCount + 2}`).value).toEqual({ formula: `SUM(F2:F${lineCount + 1})` });
  });

  it('keeps Indonesian text as written, and replaces only what the PDF font cannot show', async () => {
    const input = smallPlan((plan) => {
      plan.title = 'RAD “Jawa Barat Bersama” – Pencegahan TPPO';
      plan.jurisdictionName = 'Kabupaten Bandung Barat';
      plan.agencyNames = { ...plan.agencyNames, 'a-polda': 'Polres Cimahi (Satreskrim – Unit PPA)' };
      Object.assign(activity(plan, 0, 0), {
        activity: 'Pelatihan “Sekolah Ramah Anak” di Pondok Pesantren Al-Ma’ruf & Café Baca → 40 desa',
        indicator: 'Jumlah santri/santriwati ≥ 17 tahun (Ṣāliḥ)',
        responsibleAgencyId: 'a-polda',
      });
    });
    const pdf = await planPdf(input);
    keep('edge-indonesian.pdf', pdf);
    const lines = (await pdfText(pdf)).pages.flatMap((p) => p.lines);
    expect(lines).toContain('KABUPATEN BANDUNG BARAT');
    expect(lines).toContain('RAD “Jawa Barat Bersama” – Pencegahan TPPO');
    const row = lines.find((line) => cells(line)[0] === '1.1') ?? '';
    const rowText = lines.slice(lines.indexOf(row), lines.indexOf(row) + 4).join(' ');
    for (const piece of ['“Sekolah', 'Al-Ma’ruf', 'Café', '-> 40', '>= 17', '(Salih)', 'Polres Cimahi']) expect(rowText).toContain(piece);

    const ws = (await readXlsx(await planXlsx(input))).getWorksheet('Kegiatan') as Worksheet;
    expect(ws.getCell('C2').value).toBe('Pelatihan “Sekolah Ramah Anak” di Pondok Pesantren Al-Ma’ruf & Café Baca → 40 desa');
    expect(ws.getCell('D2').value).toBe('Jumlah santri/santriwati ≥ 17 tahun (Ṣāliḥ)');
    expect(ws.getCell('J2').value).toBe('Polres Cimahi (Satreskrim – Unit PPA)');
  });

  it('refuses a version whose budget the plan core cannot compute, naming the budget line', async () => {
    const input = smallPlan((plan) => {
      const line = activity(plan, 0, 0).budgetLines[0];
      if (line) line.unitCost = 1250.5;
    });
    for (const exporter of [planPdf, planXlsx]) {
      const error = await exporter(input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: { fields: [{ field: '/activities/0/budgetLines/0/unitCost' }] } });
    }
  });

  it.each([
    ['apbd_province', undefined, 'APBD provinsi'],
    ['village_fund', undefined, 'Dana desa (APBDes)'],
    ['apbd_province', { apbd_province: 'APBD Provinsi Jawa Barat' }, 'APBD Provinsi Jawa Barat'],
    ['csr_bank_bjb', undefined, 'csr_bank_bjb'],
  ])('labels budget source %s (overrides %j) as %s', (code, overrides, label) => {
    expect(budgetSourceLabel(code, overrides)).toBe(label);
  });
});
