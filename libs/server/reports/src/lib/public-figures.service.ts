import { writeToBuffer } from '@fast-csv/format';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { jakartaDayOfMs } from '@gugus/cases';
import { ErrorCode, type BilingualText, type PublicFiguresView, type ReportFigures } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { buildPublication, PublicationError, rollUp, sumFigures, suppressionLegend, type ProvinceYearFigures } from '@gugus/reporting';
import { DomainError } from '@gugus/server-http';
import { annualReportPdf } from './annual-report-pdf';
import { CAVEATS } from './case-figures.service';
import { PeriodicReportsRepository } from './periodic-reports.repository';

/** The codes the multi-valued tables may show, and their labels (the national option lists). */
function allowedLabels(): { allowed: { exploitationType: string[]; sector: string[] }; labels: Record<string, BilingualText> } {
  const labels: Record<string, BilingualText> = {};
  const allowed = { exploitationType: [] as string[], sector: [] as string[] };
  for (const key of ['exploitationType', 'sector'] as const) {
    for (const [code, label] of optionLabels(LISTS[key])) {
      allowed[key].push(code);
      labels[code] = label;
    }
  }
  return { allowed, labels };
}

/** How many complete years the public page shows at most. */
const YEARS = 10;
const LISTS = { exploitationType: 'exploitation-types', sector: 'exploitation-sectors' } as const;

/**
 * The public annual figures (issue 12, item 4). A year is published ONCE, when it is final — its four
 * quarterly cycles closed — and served from `public_figure_years` ever after: each province's identified
 * victims (its four quarters from the roll-up: its accepted report, else its regencies' accepted reports)
 * and the national breakdowns, through `buildPublication` (k = 11, one suppression model per year, codes
 * only). Never recomputed: two releases of the same year, each suppressed on its own, could be differenced
 * to recover a hidden cell (a correction accepted later changes the reports, not the published year). A
 * year that cannot be protected is stored as withheld, never published unprotected. Page views read the
 * stored years (one query; the assembled view and each year's PDF are kept in memory until a year is added).
 */
@Injectable()
export class PublicFiguresService {
  private readonly logger = new Logger('PublicFigures');
  private cached: { fingerprint: string; view: PublicFiguresView; pdfs: Map<number, Buffer> } | null = null;
  private inFlight: Promise<PublicFiguresView> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: PeriodicReportsRepository,
  ) {}

  /** The published years (publishing any that became final first); concurrent callers share one computation. */
  view(): Promise<PublicFiguresView> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async load(): Promise<PublicFiguresView> {
    const thisYear = Number(jakartaDayOfMs(Date.now()).slice(0, 4));
    const firstYear = thisYear - YEARS;
    const due = (await this.db.query(
      `SELECT y.year FROM (SELECT substr(period, 1, 4)::int AS year FROM report_cycles WHERE status = 'closed' GROUP BY 1 HAVING count(DISTINCT period) = 4) y
        WHERE y.year >= $1 AND y.year < $2 AND NOT EXISTS (SELECT 1 FROM public_figure_years p WHERE p.year = y.year) ORDER BY y.year`,
      [firstYear, thisYear],
    )) as { year: number }[];
    if (due.length) await this.publish(due.map((d) => d.year));
    const rows = (await this.db.query(`SELECT year, status, content, published_at AS "publishedAt" FROM public_figure_years WHERE year >= $1 ORDER BY year DESC`, [firstYear])) as {
      year: number;
      status: 'published' | 'withheld';
      content: Omit<PublicFiguresView['years'][number], 'publishedAt'> | null;
      publishedAt: Date;
    }[];
    const fingerprint = `${firstYear}|${rows.map((r) => `${r.year}:${r.status}`).join(',')}`;
    if (this.cached?.fingerprint === fingerprint) return this.cached.view;
    const view: PublicFiguresView = {
      k: 11,
      legend: suppressionLegend(11),
      years: rows.filter((r) => r.status === 'published' && r.content).map((r) => ({ ...(r.content as Omit<PublicFiguresView['years'][number], 'publishedAt'>), publishedAt: r.publishedAt.toISOString() })),
      withheldYears: rows.filter((r) => r.status === 'withheld').map((r) => r.year),
      labels: allowedLabels().labels,
      caveats: [
        ...CAVEATS,
        { id: 'Angka tahunan dijumlahkan dari laporan triwulanan yang sudah diterima; triwulan tanpa laporan diterima tidak terhitung.', en: 'Annual figures are summed from accepted quarterly reports; a quarter with no accepted report is not counted.' },
        { id: 'Angka satu tahun diterbitkan sekali, setelah keempat siklus triwulannya ditutup; koreksi sesudahnya tidak mengubah angka yang sudah terbit.', en: "A year's figures are published once, after its four quarterly cycles are closed; later corrections do not change the published figures." },
      ],
    };
    this.cached = { fingerprint, view, pdfs: new Map() };
    return view;
  }

  /** Computes and stores each final year once (another process may store it first: then its version stands). */
  private async publish(years: number[]): Promise<void> {
    const provinces = await this.reports.unitsOf('00');
    const { allowed } = allowedLabels();
    for (const year of years) {
      const r = rollUp(await this.reports.acceptedReports(`${year}-Q1`, `${year}-Q4`, null));
      const figures: ProvinceYearFigures[] = provinces.flatMap((p) => {
        const quarters = Object.values(r.provinces[p.code] ?? {}).map((x) => x.figures);
        return quarters.length ? [{ year, provinceCode: p.code, figures: sumFigures(quarters as ReportFigures[]) }] : [];
      });
      let content: PublicFiguresView['years'][number] | null = null;
      try {
        content = buildPublication({ years: [year], provinces, figures, allowedCategories: allowed }).years[0] as PublicFiguresView['years'][number];
      } catch (err) {
        if (!(err instanceof PublicationError)) throw err;
        this.logger.warn(`Tahun ${year} tidak diterbitkan / year ${year} withheld: ${err.message}`);
      }
      await this.db.query(`INSERT INTO public_figure_years (year, status, content, published_at) VALUES ($1, $2, $3, now()) ON CONFLICT (year) DO NOTHING`, [
        year,
        content ? 'published' : 'withheld',
        content ? JSON.stringify(content) : null,
      ]);
    }
  }

  /** One published year as the annual report's PDF (the same cells; nothing else is read). */
  async pdf(year: string): Promise<{ body: Buffer; fileName: string }> {
    if (!/^\d{4}$/.test(year)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field: 'year', message: { id: 'harus tahun empat angka, misalnya 2025', en: 'must be a four-digit year, e.g. 2025' } }] });
    }
    const view = await this.view();
    if (!view.years.some((y) => y.year === Number(year))) {
      throw new DomainError(ErrorCode.NOT_FOUND, { id: `Angka tahun ${year} belum diterbitkan.`, en: `The figures of ${year} are not published.` });
    }
    const pdfs = this.cached?.view === view ? this.cached.pdfs : new Map<number, Buffer>();
    let body = pdfs.get(Number(year));
    if (!body) {
      const published = view.years.find((y) => y.year === Number(year));
      body = await annualReportPdf(view, Number(year), new Date(published?.publishedAt ?? Date.now()));
      pdfs.set(Number(year), body);
    }
    return { body, fileName: `angka-tahunan-tppo-${year}.pdf` };
  }

  /** The same publication as CSV (as the case figures': @fast-csv/format, with a BOM): one row per published cell, the suppressed ones as "< 11" (no other rule, no other data). */
  async csv(): Promise<Buffer> {
    const view = await this.view();
    const rows: string[][] = [];
    for (const y of view.years) {
      rows.push([String(y.year), 'province', 'total', 'Indonesia', y.provinces.total.display]);
      for (const c of y.provinces.cells) rows.push([String(y.year), 'province', c.key, c.name, c.display]);
      for (const b of y.breakdowns) {
        for (const c of b.cells) rows.push([String(y.year), b.key, c.key, view.labels[c.key]?.id ?? c.key, c.display]);
        if (b.total) rows.push([String(y.year), b.key, 'total', 'Jumlah', b.total.display]);
      }
    }
    rows.push(['', '', '', view.legend.id, ''], ['', '', '', view.legend.en, '']);
    return writeToBuffer(rows, { headers: ['tahun/year', 'tabel/table', 'kode/code', 'nama/name', 'jumlah/count'], writeBOM: true, rowDelimiter: '\r\n' });
  }
}
