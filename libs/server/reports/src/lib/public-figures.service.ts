import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { jakartaDayOfMs } from '@gugus/cases';
import { ErrorCode, type BilingualText, type PublicFiguresView, type ReportFigures } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { buildPublication, PublicationError, rollUp, sumFigures, type ProvinceYearFigures } from '@gugus/reporting';
import { DomainError } from '@gugus/server-http';
import { annualReportPdf } from './annual-report-pdf';
import { CAVEATS } from './case-figures.service';
import { PeriodicReportsRepository } from './periodic-reports.repository';

/** How many complete years the public page shows at most. */
const YEARS = 10;
const LISTS = { exploitationType: 'exploitation-types', sector: 'exploitation-sectors' } as const;

/**
 * The public annual figures (issue 12, item 4): for every complete year (Jakarta) with accepted reports,
 * each province's identified victims — its four quarters from the roll-up (its accepted report, else its
 * regencies' accepted reports) — and the national breakdowns, through `buildPublication` (k = 11, one
 * suppression model per year, reference codes only). A year that cannot be protected is withheld, never
 * published unprotected. Computed once per change of the accepted reports and kept in memory: a page view
 * reads the stored result.
 */
@Injectable()
export class PublicFiguresService {
  private readonly logger = new Logger('PublicFigures');
  private cached: { fingerprint: string; view: PublicFiguresView } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: PeriodicReportsRepository,
  ) {}

  async view(): Promise<PublicFiguresView> {
    const thisYear = Number(jakartaDayOfMs(Date.now()).slice(0, 4));
    const [state] = (await this.db.query(
      `SELECT count(*)::int AS n, coalesce(max(r.accepted_at)::text, '') AS latest, coalesce(min(substr(c.period, 1, 4)::int), 0) AS first
         FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id WHERE r.status = 'accepted' AND substr(c.period, 1, 4)::int < $1`,
      [thisYear],
    )) as { n: number; latest: string; first: number }[];
    const fingerprint = `${thisYear}|${state.n}|${state.latest}`;
    if (this.cached?.fingerprint === fingerprint) return this.cached.view;
    const view = await this.compute(thisYear, state.n ? Math.max(state.first, thisYear - YEARS) : thisYear);
    this.cached = { fingerprint, view };
    return view;
  }

  private async compute(thisYear: number, firstYear: number): Promise<PublicFiguresView> {
    const years = Array.from({ length: Math.max(0, thisYear - firstYear) }, (_, i) => firstYear + i);
    const provinces = await this.reports.unitsOf('00');
    const labels: Record<string, BilingualText> = {};
    const allowed = { exploitationType: [] as string[], sector: [] as string[] };
    for (const key of ['exploitationType', 'sector'] as const) {
      for (const [code, label] of optionLabels(LISTS[key])) {
        allowed[key].push(code);
        labels[code] = label;
      }
    }
    const published: PublicFiguresView['years'] = [];
    const withheldYears: number[] = [];
    for (const year of years) {
      const r = rollUp(await this.reports.acceptedReports(`${year}-Q1`, `${year}-Q4`, null));
      const figures: ProvinceYearFigures[] = provinces.flatMap((p) => {
        const quarters = Object.values(r.provinces[p.code] ?? {}).map((x) => x.figures);
        return quarters.length ? [{ year, provinceCode: p.code, figures: sumFigures(quarters as ReportFigures[]) }] : [];
      });
      if (!figures.length) continue;
      try {
        const pub = buildPublication({ years: [year], provinces, figures, allowedCategories: allowed });
        published.push(...(pub.years as PublicFiguresView['years']));
      } catch (err) {
        if (!(err instanceof PublicationError)) throw err;
        this.logger.warn(`Tahun ${year} tidak diterbitkan / year ${year} withheld: ${err.message}`);
        withheldYears.push(year);
      }
    }
    const legend = buildPublication({ years: [], provinces, figures: [], allowedCategories: allowed }).legend;
    return {
      k: 11,
      legend,
      years: published.reverse(),
      withheldYears,
      labels,
      caveats: [
        ...CAVEATS,
        { id: 'Angka tahunan dijumlahkan dari laporan triwulanan yang sudah diterima; triwulan tanpa laporan diterima tidak terhitung.', en: 'Annual figures are summed from accepted quarterly reports; a quarter with no accepted report is not counted.' },
      ],
    };
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
    return { body: await annualReportPdf(view, Number(year), new Date()), fileName: `angka-tahunan-tppo-${year}.pdf` };
  }

  /** The same publication as CSV: one row per published cell, the suppressed ones as "< 11" (no other rule, no other data). */
  async csv(): Promise<string> {
    const view = await this.view();
    const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const rows = [['tahun/year', 'tabel/table', 'kode/code', 'nama/name', 'jumlah/count']];
    for (const y of view.years) {
      rows.push([String(y.year), 'province', 'total', 'Indonesia', y.provinces.total.display]);
      for (const c of y.provinces.cells) rows.push([String(y.year), 'province', c.key, c.name, c.display]);
      for (const b of y.breakdowns) {
        for (const c of b.cells) rows.push([String(y.year), b.key, c.key, view.labels[c.key]?.id ?? c.key, c.display]);
        if (b.total) rows.push([String(y.year), b.key, 'total', 'Jumlah', b.total.display]);
      }
    }
    rows.push([]);
    rows.push(['', '', '', view.legend.id, '']);
    rows.push(['', '', '', view.legend.en, '']);
    return `\uFEFF${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
  }
}
